// Triage over folded text, driven by the cue lists in content/triage.yaml: every message is danger
// now, a disclosure of abuse, or a question (src/triage/outcome.ts). Recall comes first.
//
// Per sentence, a danger kind fires on one of its phrases, or on one of its terms near a cue of the
// groups it lists (happening now, just happened, one real child, the writer as victim, signs of
// distress), or on any of its terms when someone cries for help. General wording ("dấu hiệu",
// "nếu") makes a sentence a question; the past ("hồi nhỏ", "năm ngoái") makes abuse a disclosure
// and an accident a question. Doubt in a panic ("có nên", "phải làm sao") never cancels a cue.
import { lazyRegExp } from '../ground/regexp';
import type { TriageRules } from '../knowledge/schema';
import { analyse, fold, looksEnglish, sameSyllable, type Syllable } from '../knowledge/text';
import { contextWhy, inContext } from './kind';
import type { DangerKind, DisclosureKind, TriageOutcome } from './outcome';
import { createVoiceReader, type VoiceReading } from './voice';

/** A phrase is one or more runs of syllables; "lôi * đi" allows a few words between runs. */
type Phrase = CueSyllable[][];
type Span = [number, number];

const MAX_GAP = 3;
/** "Right before or after": how close "đang"/"vừa" must be to outweigh a past marker. */
const TIGHT: [number, number] = [3, 0];
/** How far after a repeat ("ngày nào cũng") a cue is read as part of it ("… nghe tiếng khóc"). */
const REPEAT_REACH = 3;
/** The reason given when danger words occur but general wording, the past, calm or a repeat cancel them. */
export const CANCELLED = 'danger words, cancelled';
const GENERAL = 'general wording before it';
const HOW = 'how-to or prevention wording';
const WORRY = 'worry or prevention before it, nothing says now';
const PLAY = 'play, sport, school work or fiction, nothing says now';
const GENERIC = 'a question about children in general';
/** How many words may stand between worry ("sợ con bị") and the danger word it governs ("sợ con bị ngã cầu thang"). */
const GOVERN = 5;
/** How far after the start of a when-clause ("lúc", "mỗi khi") its "đang" is part of it. */
const WHEN_REACH = 3;
/** An English "just" says now of the danger word up to three words after it ("just swallowed", "just been hit"). */
const NEAR_ONLY: [number, number] = [3, 0];
/** Words that end a Vietnamese question, and English words that open one (folded). */
const QUESTION_END = new Set(['khong', 'ko', 'chua', 'gi', 'nao', 'sao', 'nhi', 'ha', 'hong', 'hok', 'chu', 'the']);
const QUESTION_START = new Set(['what', 'why', 'how', 'when', 'where', 'which', 'who', 'is', 'are', 'can', 'could', 'should', 'do', 'does', 'will', 'would']);
const MASKED: Syllable = { raw: '\u0000', folded: '\u0000' };

/** "(rơi|ngã) xuống (ao|hồ)" → every combination, as plain phrases. */
export function expandAlternatives(phrase: string): string[] {
  const m = /\(([^()]*)\)/.exec(phrase);
  if (!m) return [phrase];
  const before = phrase.slice(0, m.index);
  const after = phrase.slice(m.index + m[0].length);
  return m[1]!.split('|').flatMap((alt) => expandAlternatives(`${before}${alt.trim()}${after}`));
}

/** A phrase syllable; `strict` ("=bán" in the data) matches only when typed with its marks. */
interface CueSyllable extends Syllable {
  strict?: boolean;
}

/** "bị =bán": "bán" must be typed with its marks, since "ban" alone is far more often "bạn". */
function analysePart(part: string): CueSyllable[] {
  return part
    .split(/\s+/u)
    .filter((w) => w.length > 0)
    .flatMap((w) => (w.startsWith('=') ? analyse(w.slice(1)).map((x) => ({ ...x, strict: true })) : analyse(w)));
}

function compile(list: readonly string[] | undefined): Phrase[] {
  return (list ?? [])
    .flatMap(expandAlternatives)
    .map((p) => p.split('*').map(analysePart).filter((part) => part.length > 0))
    .filter((p) => p.length > 0);
}

function same(query: Syllable, data: CueSyllable): boolean {
  return data.strict ? query.raw === data.raw : sameSyllable(query, data);
}

const NONE: readonly number[] = [];

/** Start positions where `phrase` occurs in the sentence (tried only where its first word is). */
function findPhrase(s: Sentence, phrase: readonly CueSyllable[]): readonly number[] {
  const starts = s.at.get(phrase[0]!.folded);
  if (!starts) return NONE;
  const text = s.syl;
  const found: number[] = [];
  outer: for (const i of starts) {
    if (i + phrase.length > text.length) continue;
    for (let j = 0; j < phrase.length; j++) if (!same(text[i + j]!, phrase[j]!)) continue outer;
    found.push(i);
  }
  return found;
}

/** [start, end] of each place the phrase occurs, runs in order with at most MAX_GAP words between. */
function occurrences(s: Sentence, phrase: Phrase): Span[] {
  const [first, ...rest] = phrase;
  const out: Span[] = [];
  for (const at of findPhrase(s, first!)) {
    let end = at + first!.length - 1;
    let ok = true;
    for (const part of rest) {
      const next = findPhrase(s, part).find((p) => p > end && p - end - 1 <= MAX_GAP);
      if (next === undefined) {
        ok = false;
        break;
      }
      end = next + part.length - 1;
    }
    if (ok) out.push([at, end]);
  }
  return out;
}

/** A phrase list indexed by its first folded syllable, so a sentence only tries phrases that can start in it. */
class PhraseSet {
  private readonly byFirst = new Map<string, Phrase[]>();
  readonly size: number;
  constructor(phrases: Phrase[]) {
    for (const p of phrases) {
      const key = p[0]![0]!.folded;
      const list = this.byFirst.get(key);
      if (list) list.push(p);
      else this.byFirst.set(key, [p]);
    }
    this.size = phrases.length;
  }
  hits(s: Sentence): Span[] {
    let memo = s.memo.get(this);
    if (memo) return memo;
    memo = [];
    for (const word of s.at.keys()) {
      const list = this.byFirst.get(word);
      if (list) for (const p of list) for (const span of occurrences(s, p)) memo.push(span);
    }
    s.memo.set(this, memo);
    return memo;
  }
  any(s: Sentence): boolean {
    return this.hits(s).length > 0;
  }
}

/** "3yo", "2 y/o" → "3 year old", so the age marks one real child as "year old" does. */
function normalizeAges(text: string): string {
  return dropTitles(text.replace(/\b(\d{1,2}) ?(?:yo|y\/o|y\.o\.|yrs? old)\b/giu, '$1 year old'));
}

/** A title in quotes after a film, book, song or game ("phim 'Ngộ độc tình yêu'") names a work, not what happens. */
// From a string, not a regex literal: esbuild escapes a string's letters, so the Worker bundle stays ASCII (src/ground/regexp.ts).
const TITLE = lazyRegExp(
  '\\b(phim|bộ phim|truyện|cuốn|sách|bài hát|bài|game|trò chơi|chương trình|show|movie|film|book|song|show|game)\\s*(?:[\'"“‘«][^\'"”’»\\n]{1,40}[\'"”’»])',
  'giu',
);
function dropTitles(text: string): string {
  return text.replace(TITLE(), '$1');
}

interface Sentence {
  syl: Syllable[];
  /** Where each folded word stands. */
  at: Map<string, number[]>;
  /** Hits already found, per phrase set (a message is classified once). */
  memo: Map<PhraseSet, Span[]>;
  /** The sentence before masking. */
  unmasked: Sentence;
  /** Which comma clause each syllable stands in. */
  clause: number[];
  /** A "?" ends it. */
  asked?: boolean;
}

const BE = new Set(['is', 'are', 'am', 's', 're', 'still', 'keeps', 'keep']);

/** English present progressive ("is hitting", "he's choking"): spans of the auxiliary and the -ing word. */
function progressive(s: Sentence): Span[] {
  const out: Span[] = [];
  for (let i = 0; i + 1 < s.syl.length; i++) {
    if (BE.has(s.syl[i]!.raw) && /^[a-z]{3,}ing$/.test(s.syl[i + 1]!.raw)) out.push([i, i + 1]);
  }
  return out;
}

function positions(syl: readonly Syllable[]): Map<string, number[]> {
  const at = new Map<string, number[]>();
  syl.forEach((x, i) => {
    const list = at.get(x.folded);
    if (list) list.push(i);
    else at.set(x.folded, [i]);
  });
  return at;
}

/** Sentences (and "…: …"), so "dấu hiệu…" in one does not excuse "đang bị đánh" in the next. */
function sentences(text: string, mask: PhraseSet): Sentence[] {
  // Each sentence with whether a "?" ends it.
  const parts: Array<[string, boolean]> = [];
  for (const m of text.matchAll(/([^.!?;:\n]+)([.!?;:\n]*)/gu)) parts.push([m[1]!, m[2]!.includes('?')]);
  return parts
    .filter(([s]) => s.trim().length > 0)
    .map(([s, asked]) => {
      // Comma clauses, analysed apart (a comma between digits, "1,5", is not one).
      const syl: Syllable[] = [];
      const clause: number[] = [];
      s.split(/(?<!\d),|,(?!\d)/u).forEach((part, k) => {
        for (const x of analyse(part)) {
          syl.push(x);
          clause.push(k);
        }
      });
      const unmasked = { syl, at: positions(syl), memo: new Map(), clause } as Sentence;
      unmasked.unmasked = unmasked;
      const masked = [...syl];
      for (const [from, to] of mask.hits(unmasked)) for (let i = from; i <= to; i++) masked[i] = MASKED;
      return { syl: masked, at: positions(masked), memo: new Map(), unmasked, clause, asked };
    });
}

type CueGroup = 'present' | 'recent' | 'specific_child' | 'first_person' | 'first_person_en' | 'distress' | 'habitual';

/** What the whole message says. */
interface MessageFacts {
  /** A grown-up tells of their own childhood. */
  grownUp: boolean;
  /** "vẫn chơi bình thường", "không sao". */
  calm: boolean;
  distress: boolean;
}

interface DangerRule {
  kind: DangerKind;
  topics: string[];
  cues: CueGroup[];
  terms: PhraseSet;
  childTerms: PhraseSet;
  phrases: PhraseSet;
  extraCues: PhraseSet;
  disclosure: DisclosureKind | undefined;
  calmCancels: boolean;
  /** Calm cancels the child terms too (a swallowed grape pip the child is fine after). */
  calmCancelsAll: boolean;
  except: PhraseSet;
}

interface DisclosureRule {
  kind: DisclosureKind;
  topics: string[];
  terms: PhraseSet;
  extraCues: PhraseSet;
}

/** The rules' outcome, with every danger kind that fired and how the danger was found. */
export interface RuleDecision {
  outcome: TriageOutcome;
  /** Every danger kind whose cues fired, in the order of content/triage.yaml (the outcome's kind first). */
  kinds: DangerKind[];
  /** A kind's own cues, signs of distress alone (named by the sign), a bare cry for help; null when not danger. */
  by: 'rules' | 'distress' | 'cry' | null;
  /** How each fired kind fired (rules only): 'phrase', 'cry', 'now', 'child', 'child_term'. */
  evidence?: string[];
  /**
   * Circumstances of content/triage.yaml `kind_context` told in the message, in order: each names
   * its kind over the kinds listed (src/triage/kind.ts `inContext`).
   */
  context?: KindContext[];
  /**
   * Something in the message says a real event: a firm "now" ("đang", "vừa"), "just happened"
   * ("sáng nay"), a sign of distress, a cry for help or a threat.
   */
  event?: boolean;
}

/** A circumstance that names the danger kind over others ("ngã xuống ao" + "không thở": drowning). */
export interface KindContext {
  kind: DangerKind;
  over: DangerKind[];
  why: string;
}

export interface Triage {
  classify(text: string): TriageOutcome;
  /** The outcome with every danger kind that fired (src/triage/kind.ts chooses among them). */
  decide(text: string): RuleDecision;
  /** The outcome and the rule that decided it, in words (for `npm run eval -- --verbose` and debugging). */
  explain(text: string): { outcome: TriageOutcome; why: string };
  /**
   * The outcome, and whether it is a question because its danger words stand only in general or
   * prevention wording ("cách cất thuốc tẩy để bé khỏi uống nhầm"), for `scripts/tune-triage.ts --gate`
   * (the classifier itself may still raise it: src/triage/detect.ts).
   */
  judge(text: string): { outcome: TriageOutcome; general: boolean; cancelled: string[] };
  /** Who is writing, with the evidence each side (src/triage/voice.ts). */
  voice(text: string): VoiceReading;
  /** Guides a reply to this danger or disclosure kind may point to, the usual one first. */
  topicsFor(kind: string, triage?: 'danger' | 'disclosure'): string[];
}

/** What each sentence says, computed once per message. */
interface Facts {
  s: Sentence;
  /**
   * Where general wording starts ("dấu hiệu…", "nếu…", "làm sao để…"), or null. It makes a question
   * of the danger words AFTER it ("nếu con bị bắt cóc"), not of those before ("con nuốt 3 viên thuốc,
   * chưa thấy biểu hiện gì").
   */
  generalAt: number | null;
  howGeneral: boolean;
  /**
   * Prevention or teaching wording ("dạy con đề phòng", "chặn web đen") with no firm "now": a question
   * even for the gravest words ("sextortion là gì, làm sao dạy con đề phòng").
   */
  preventive: boolean;
  /** Asking about a topic ("tại sao…", "số nào…"): not a disclosure (danger is still danger). */
  asking: boolean;
  /**
   * Nothing in the sentence says the danger is real now (no firm "now", "just happened", repeat,
   * threat or cry, and no sign of distress in the message): worry and play may cancel its danger words.
   */
  soft: boolean;
  /** Where worry or prevention wording stands ("sợ con bị", "để bé không bị", "worried my son"). */
  worry: Span[];
  /** Play, sport, school work or fiction in the sentence ("chơi game", "tập võ", "bài văn"). */
  play: boolean;
  /** Where the sentence tells of the past ("hồi nhỏ", "năm ngoái"). */
  past: Span[];
  /** Where it says firmly "now" ("đang", "vừa", "bây giờ"; not the looser "giờ …"). */
  firmNow: Span[];
  /** Every firm "now", also one said of a telling ("vừa kể"): a rape just told is still danger. */
  firmAll: Span[];
  /** "lúc", "khi", "mỗi khi": a clause of when something keeps happening. */
  when: Span[];
  cue: Record<CueGroup, Span[]>;
  /**
   * A question about children in general: asked ("?" or a final question word), with no child of
   * the writer's, no first person, no "now", "just happened", repeat, distress, cry or threat.
   */
  generic: boolean;
  /** "Now" cues that count only within NEAR_ONLY words of the danger word (English "just"). */
  nearOnly: Span[];
  disclosureCues: Span[];
}

export function createTriage(rules: TriageRules): Triage {
  const set = (list: readonly string[] | undefined) => new PhraseSet(compile(list));
  const mask = set(rules.mask);
  const cries = set(rules.cries);
  const strong = set([...rules.strong, ...rules.cries]);
  const hypothetical = set(rules.hypothetical);
  const whenClause = set(rules.when_clause);
  /** Words that end what worry governs (content/triage.yaml `worry_break`), folded. */
  const worryBreak = new Set(rules.worry_break.map(fold));
  const threat = set(rules.threat);
  /** Conditional words that open a hypothesis ("nếu", "if"): a threat inside one is imagined. */
  const conditional = set(rules.conditional);
  /** "thì", "then": where a hypothesis ends and its main clause starts. */
  const conditionEnd = set(rules.condition_end);
  /** English words for "now" that count only right next to the danger word ("just swallowed"). */
  const presentNear = set(rules.present_near);
  /** The doubt of a panic ("phải làm gì", "làm sao đây", "what do I do"): never a question in general. */
  const panic = set(rules.panic);
  const asking = set(rules.asking);
  const askingWhere = set(rules.asking_where);
  const grownUp = set(rules.grown_up);
  const calm = set(rules.calm);
  const how = set(rules.how);
  const worry = set(rules.worry);
  const play = set(rules.play);
  const playHurt = set(rules.play_hurt);
  const playKinds = new Set<string>(rules.play_kinds ?? []);
  const prevention = set(rules.prevention);
  const presentFirm = set(rules.present);
  const past = set(rules.past);
  const telling = set(rules.telling);
  const tellingTime = set(rules.telling_time);
  const childVoice = set(rules.child_voice);
  const adultVoice = set(rules.adult_voice);
  const childVictim = set(rules.child_victim);
  const groups: Record<Exclude<CueGroup, 'distress'>, PhraseSet> = {
    present: set([...rules.present, ...rules.present_weak]),
    recent: set(rules.recent),
    specific_child: set(rules.specific_child),
    first_person: set(rules.first_person),
    first_person_en: set(rules.first_person_en),
    habitual: set(rules.habitual),
  };
  const distressByKind = Object.entries(rules.distress).map(([kind, list]) => ({ kind: kind as DangerKind, terms: set(list) }));
  const distress = set(Object.values(rules.distress).flat());
  const { before, after } = rules.window;
  const contexts = (rules.kind_context ?? []).map((c) => ({
    kind: c.kind as DangerKind,
    over: c.over as DangerKind[],
    why: c.why,
    when: c.when.map((l) => set(l)),
    unless: set(c.unless),
  }));

  /**
   * The circumstances told: every `when` list in one sentence or two that follow each other, neither
   * told as the past ("năm ngoái bé suýt đuối nước" is background), and no `unless` word anywhere.
   */
  function contextsOf(facts: Facts[]): KindContext[] {
    const live = facts.map((f) => f.past.length === 0 || f.firmNow.length > 0);
    return contexts
      .filter((c) => !facts.some((f) => c.unless.any(f.s)))
      .filter((c) =>
        facts.some((f, i) => {
          if (!live[i]) return false;
          const next = i + 1 < facts.length && live[i + 1] ? facts[i + 1] : undefined;
          return c.when.every((w) => w.any(f.s) || (next !== undefined && w.any(next.s)));
        }),
      )
      .map(({ kind, over, why }) => ({ kind, over, why }));
  }

  const dangers: DangerRule[] = Object.entries(rules.danger).map(([kind, k]) => ({
    kind: kind as DangerKind,
    topics: k.topics,
    cues: k.cues,
    terms: set(k.terms),
    childTerms: set(k.child_terms),
    phrases: set(k.phrases),
    extraCues: set(k.extra_cues),
    disclosure: k.disclosure,
    calmCancels: (k.calm_cancels ?? false) !== false,
    calmCancelsAll: k.calm_cancels === 'all',
    except: set(k.except),
  }));
  const disclosures: DisclosureRule[] = Object.entries(rules.disclosure).map(([kind, k]) => ({
    kind: kind as DisclosureKind,
    topics: k.topics,
    terms: set(k.terms),
    extraCues: set(k.extra_cues),
  }));

  const nearWithin = (terms: Span[], cues: Span[], [b, a]: [number, number]) =>
    terms.some(([from, to]) => cues.some(([cFrom, cTo]) => cTo >= from - b && cFrom <= to + a));
  const near = (terms: Span[], cues: Span[]) => nearWithin(terms, cues, [before, after]);

  /**
   * Is a threat said as real? Not one inside a hypothesis — after "nếu"/"if" and before its "thì"/"then"
   * ("nếu ai đó đe dọa tung ảnh của con thì cha mẹ làm gì", "what should I do if someone threatens…")
   * — unless the threat itself opens with the conditional ("nếu em không gửi thì…", "if I don't pay").
   */
  function realThreat(s: Sentence): boolean {
    const ifs = conditional.hits(s);
    const ends = conditionEnd.hits(s);
    return threat.hits(s).some(([a]) => {
      if (ifs.some(([c]) => c === a)) return true;
      const opened = ifs.filter(([, d]) => d < a).map(([c]) => c);
      if (opened.length === 0) return true;
      const c = Math.max(...opened);
      return ends.some(([e]) => e > c && e < a);
    });
  }

  function factsOf(s: Sentence, english: boolean, cry: boolean, distressed: boolean): Facts {
    const cue = {} as Record<CueGroup, Span[]>;
    for (const [name, phrases] of Object.entries(groups)) {
      cue[name as CueGroup] = name === 'first_person_en' && !english ? [] : phrases.hits(s);
    }
    cue.distress = distress.hits(s);
    // English "is hitting", "she's bleeding", "keeps crying": the progressive says "now".
    // English "just swallowed": "now" only said of the danger word itself, not of another verb in the
    // sentence ("it just makes me sad", "she just got her first phone … stories about sextortion"). (A
    // progressive, "they're waiting for me", says the scene is now wherever it stands: not near-only.)
    const nearOnly = english ? presentNear.hits(s) : [];
    if (english) cue.present = [...cue.present, ...progressive(s)];
    // "hôm qua con kể…", "cô vừa gọi điện báo…": the time of the telling, not of what is told.
    const told = tellingTime.hits(s.unmasked);
    const ofTelling = ([, d]: Span) => told.some(([a]) => a > d && a - d - 1 <= 2);
    // A near-only "just" is no firm "now" for the whole sentence (worry, prevention and play still read it).
    const nearOnlySpan = ([a, b]: Span) => nearOnly.some(([c, d]) => a === c && b === d);
    const firmAll = presentFirm.hits(s).filter((x) => !nearOnlySpan(x));
    if (told.length > 0) {
      cue.present = cue.present.filter((x) => !ofTelling(x));
      cue.recent = cue.recent.filter((x) => !ofTelling(x));
    }
    const disclosureCues = [
      ...cue.specific_child,
      ...cue.first_person,
      ...cue.first_person_en,
      ...cue.habitual,
      ...cue.recent,
      ...past.hits(s),
      ...telling.hits(s.unmasked),
      ...childVoice.hits(s),
    ];
    const firmNow = told.length > 0 ? firmAll.filter((x) => !ofTelling(x)) : firmAll;
    const when = whenClause.hits(s);
    // "con tôi", "bé nhà em", the writer as victim, or a firm "now": about one real child.
    const oneChild = adultVoice.any(s) || childVictim.any(s) || firmAll.length > 0;
    // A threat said as real (not inside "nếu… thì"): read once, it keeps general wording, calm and
    // "children in general" from cancelling.
    const threatened = realThreat(s.unmasked);
    // General wording is read on the sentence before masking ("cách sơ cứu" is masked as a cue word).
    let generalAt: number | null = null;
    if (!cry && !threatened) {
      const starts = hypothetical.hits(s.unmasked).map(([a]) => a);
      if (starts.length > 0) generalAt = Math.min(...starts);
    }
    // How-to wording with no real child and no "now" ("trẻ bị điện giật sơ cứu thế nào") makes the
    // whole sentence a question, except for the gravest words (a swallowed battery, rape, blackmail).
    const preventing = prevention.any(s.unmasked);
    const howGeneral = !cry && ((how.any(s.unmasked) && !oneChild) || preventing);
    // A repeat says it is real, but only one said after the worry ("em sợ bố lại đánh em"), not the
    // habit that explains it ("bé hay cho đồ vào miệng, mình sợ bé nuốt pin").
    const calmNow = !cry && !distressed && firmNow.length === 0 && cue.recent.length === 0 && !threatened;
    const soft = calmNow && cue.habitual.length === 0;
    const worried = calmNow ? worry.hits(s.unmasked).filter(([a]) => !cue.habitual.some(([h]) => h >= a)) : [];
    return {
      s,
      soft: calmNow && (soft || worried.length > 0),
      worry: worried,
      play: soft && play.any(s.unmasked) && !playHurt.any(s),
      // "dọa … nếu không …" is a threat, not a hypothesis.
      generalAt,
      howGeneral,
      preventive: !cry && preventing && firmNow.length === 0,
      // Asking whether it is allowed is still telling when the writer is the victim ("my stepdad hits me
      // every night, is that legal?", "bố dượng đánh em mỗi tối, có vi phạm pháp luật không").
      asking:
        (asking.any(s.unmasked) || (askingWhere.any(s.unmasked) && cue.specific_child.length === 0)) && !(childVictim.any(s) && !adultVoice.any(s)),
      past: past.hits(s),
      firmNow,
      firmAll,
      when,
      cue,
      nearOnly,
      // Any "now" (the English progressive "a child is drowning" included) says a scene, not children
      // in general.
      generic:
        (s.asked === true || QUESTION_END.has(s.unmasked.syl.at(-1)?.folded ?? '') || QUESTION_START.has(s.unmasked.syl[0]?.folded ?? '')) &&
        !oneChild && !cry && !distressed && !threatened && !panic.any(s.unmasked) &&
        cue.specific_child.length + cue.first_person.length + cue.first_person_en.length + cue.recent.length + cue.habitual.length + firmAll.length + cue.present.length === 0,
      disclosureCues,
    };
  }

  /** Is general wording said before the first of these danger words? */
  function isGeneral(f: Facts, spans: Span[]): boolean {
    return f.generalAt !== null && f.generalAt <= Math.min(...spans.map(([a]) => a));
  }

  /** Does this danger kind fire in this sentence? 'disclosure' when it is abuse told with no danger cue. */
  /** Did a danger word or sign occur in the message being decided (even if general wording, the past or calm cancelled it)? */
  let sawDangerWord = false;
  /** How the last kind that fired fired (see RuleDecision.evidence). */
  let evidence = '';
  /** Why the danger words of the message being decided did not fire, for explanations. */
  const cancelled = new Set<string>();

  /**
   * Is this danger word governed by worry or prevention said just before it ("sợ bé bị hóc", "để con
   * không bị ngã cầu thang", "worried my son will choke")? Not when "quá", "lắm", "vì", "rồi"… stand
   * between (the danger is told, "lo quá, con bị bỏng"), nor with "rồi" right after it ("sợ bé bị hóc rồi").
   */
  function governed(f: Facts, [from, to]: Span): boolean {
    const syl = f.s.unmasked.syl;
    for (let i = to + 1; i <= Math.min(to + 2, syl.length - 1); i++) if (syl[i]!.folded === 'roi') return false;
    // The danger word may begin inside the worry ("không bị hóc", "sợ hóc") or a few words after it.
    return f.worry.some(([a, b]) => {
      if (from <= a || from > b + 1 + GOVERN || f.s.clause[from] !== f.s.clause[a]) return false;
      for (let i = b + 1; i < from; i++) if (worryBreak.has(syl[i]!.folded)) return false;
      return true;
    });
  }

  function fires(rule: DangerRule, f: Facts, m: MessageFacts, cry: boolean): 'danger' | 'disclosure' | null {
    const excepted = rule.except.hits(f.s);
    const kept = (spans: Span[]) => (excepted.length === 0 ? spans : spans.filter(([a, b]) => !excepted.some(([c, d]) => a <= d && b >= c)));
    let terms = kept(rule.terms.hits(f.s));
    let phrases = kept(rule.phrases.hits(f.s));
    let childTerms = kept(rule.childTerms.hits(f.s));
    if (terms.length === 0 && phrases.length === 0 && childTerms.length === 0) return null;
    sawDangerWord = true;
    const cancel = (reason: string) => {
      cancelled.add(`${rule.kind}: ${reason}`);
      return null;
    };
    // Worry or prevention governing the danger words ("em sợ bé bị hóc khi ăn bánh quy"), and play,
    // sport, school work or fiction ("chơi game giết quái"), when nothing says it is real now. Play
    // never cancels the gravest words (a swallowed battery, rape, blackmail).
    if (f.soft && (f.worry.length > 0 || (f.play && playKinds.has(rule.kind))) && rule.extraCues.hits(f.s).length === 0) {
      const notFeared = (spans: Span[]) => (f.worry.length === 0 ? spans : spans.filter((span) => !governed(f, span)));
      const before = terms.length + phrases.length + childTerms.length;
      terms = notFeared(terms);
      phrases = notFeared(phrases);
      childTerms = notFeared(childTerms);
      const feared = terms.length + phrases.length + childTerms.length < before;
      if (f.play && playKinds.has(rule.kind)) {
        terms = [];
        phrases = [];
      }
      if (terms.length === 0 && phrases.length === 0 && childTerms.length === 0) {
        // "em sợ bị bố đánh": the writer fears a blow from someone at home, which is told, not a question.
        if (feared && rule.disclosure !== undefined && childVictim.any(f.s) && f.disclosureCues.length > 0 && !f.asking && !m.grownUp) return 'disclosure';
        return cancel(feared ? WORRY : PLAY);
      }
    }
    if (isGeneral(f, [...terms, ...phrases, ...childTerms])) return cancel(GENERAL);
    if (f.generic) return cancel(GENERIC);
    if (f.howGeneral && (childTerms.length === 0 || f.preventive)) return cancel(HOW);
    // A past accident the child is fine after ("ngã đập đầu nhẹ, vẫn chơi bình thường") is a question.
    if (rule.calmCancels && m.calm && !m.distress && (childTerms.length === 0 || rule.calmCancelsAll) && !cry) return cancel('calm');
    const told = () => rule.disclosure !== undefined && f.disclosureCues.length > 0 && !f.asking && !m.grownUp;
    // Told as over, unless "đang"/"vừa" stands right before the danger word ("năm ngoái bé bị bỏng,
    // giờ đang lên sẹo" is over; "hồi trước thì không, giờ nó đang đánh con" is not).
    const all = [...terms, ...phrases, ...childTerms];
    const nowHere = f.firmNow.length > 0 && nearWithin(all, f.firmNow, TIGHT);
    if (f.past.length > 0 && !nowHere) return told() ? 'disclosure' : cancel('the past');
    // "đêm qua": over, for the kinds that do not count "just happened" as danger (a beating last night);
    // "từ hôm qua", "since yesterday" (a cue of the kind, inside which "hôm qua" stands) says it goes on.
    const extra = rule.extraCues.hits(f.s);
    const over = f.cue.recent.filter(([a, b]) => !extra.some(([c, d]) => c <= a && b <= d));
    if (over.length > 0 && !rule.cues.includes('recent') && f.firmNow.length === 0 && !cry) {
      return told() ? 'disclosure' : cancel('just happened, over');
    }
    // "hay đánh", "always has burn marks": abuse that keeps happening, with nothing saying "now", is a
    // disclosure (suicide talk, which lists the repeat as a cue, stays danger; so does rape, a child term).
    // A cue said of the repeat itself ("đêm nào cũng nghe tiếng khóc", "tối nào cũng khóa cửa") is not
    // "now"; a firm "đang"/"vừa" always is.
    // Nor is "đang" in a clause of when it keeps happening ("hay vào nhà tắm lúc cháu đang tắm").
    const repeated = ([c]: Span) => f.cue.habitual.some(([, b]) => b < c && c - b <= REPEAT_REACH);
    const inWhen = ([c]: Span) => f.when.some(([, b]) => b < c && c - b <= WHEN_REACH);
    const firm = (span: Span) => f.firmNow.some(([a, b]) => a === span[0] && b === span[1]);
    const close = (span: Span) => !f.nearOnly.some(([a, b]) => a === span[0] && b === span[1]) || nearWithin(all, [span], NEAR_ONLY);
    const nowCues = [...f.cue.present, ...extra].filter((span) => (firm(span) || !repeated(span)) && !inWhen(span) && close(span));
    const now = nowCues.length + (rule.cues.includes('distress') ? f.cue.distress.length : 0) > 0;
    if (f.cue.habitual.length > 0 && !now && !rule.cues.includes('habitual') && childTerms.length === 0 && !cry) {
      return told() ? 'disclosure' : cancel('a repeat');
    }
    const nowCuesAll = [...rule.cues.filter((g) => g === 'present' || g === 'recent' || g === 'distress').flatMap((g) => f.cue[g]), ...extra].filter(close);
    const sameClause = nowCuesAll.filter(([c]) => all.some(([a]) => f.s.clause[a] === f.s.clause[c]));
    const nowNear = near(all, sameClause) ? true : near(all, nowCuesAll) ? 'far' : false;
    if (phrases.length > 0) {
      evidence = nowNear === true ? 'now' : nowNear ? 'now_far' : 'phrase';
      return 'danger';
    }
    if (cry) {
      evidence = 'cry';
      return 'danger';
    }
    const cues = [...rule.cues.flatMap((g) => f.cue[g]), ...extra].filter(close);
    if (near(all, cues)) {
      evidence = nowNear === true ? 'now' : nowNear ? 'now_far' : childTerms.length > 0 && near(childTerms, cues) ? 'child_term' : 'child';
      return 'danger';
    }
    const tellers = telling.hits(f.s.unmasked);
    // Rape told by someone else ("cháu kể… làm chuyện đó mấy lần") with no "now" is a disclosure;
    // told by the child herself, or happening now, it is danger.
    if (childTerms.length > 0 && rule.disclosure && tellers.length > 0 && f.firmAll.length === 0 && !childVictim.any(f.s)) {
      return told() ? 'disclosure' : cancel('told by someone else');
    }
    const who = [...f.cue.specific_child, ...f.cue.first_person, ...f.cue.first_person_en, ...tellers];
    if (childTerms.length > 0 && near(childTerms, who)) {
      evidence = 'child_term';
      return 'danger';
    }
    if (told()) return 'disclosure';
    return cancel('no cue near it');
  }

  // Who writes (src/triage/voice.ts); rules without a `voice` section count the old marker lists.
  const readVoice = rules.voice ? createVoiceReader(rules.voice, rules.child_victim) : null;
  function voiceOf(text: string, parts: Sentence[], lang: 'vi' | 'en'): 'child' | 'adult' {
    if (readVoice) return readVoice(text, lang).voice;
    let child = 0;
    let adult = 0;
    for (const s of parts) {
      const grown = adultVoice.hits(s);
      adult += grown.length;
      // "con e" (my child) is not the child's "e": a child marker inside an adult one does not count.
      const own = (spans: Span[]) => spans.filter(([a, b]) => !grown.some(([c, d]) => a >= c && b <= d)).length;
      // The writer as the victim ("em bị", "đánh em", "hits me") speaks as the child, unless it is part
      // of a parent's words about their own child ("con tôi bị").
      const victim = childVictim.hits(s).filter(([a, b]) => !grown.some(([c, d]) => a <= d && b >= c));
      child += own(childVoice.hits(s)) + 2 * victim.length;
    }
    return child > adult ? 'child' : 'adult';
  }

  function decide(text: string): RuleDecision & { why: string | (() => string) } {
      const lang = looksEnglish(text) ? 'en' : 'vi';
      const parts = sentences(text, mask);
      const voice = voiceOf(text, parts, lang);
      const cry = parts.some((s) => strong.any(s));
      const distressed = parts.some((s) => distress.any(s));
      const facts = parts.map((s) => factsOf(s, lang === 'en', cry, distressed));
      const m: MessageFacts = {
        grownUp: parts.some((s) => grownUp.any(s.unmasked)),
        calm: parts.some((s) => calm.any(s.unmasked)),
        distress: facts.some((f) => f.cue.distress.length > 0),
      };
      sawDangerWord = facts.some((f) => f.cue.distress.length > 0);
      const context = contextsOf(facts);
      const event = cry || distressed || facts.some((f) => f.firmAll.length > 0 || f.cue.recent.length > 0 || threat.any(f.s.unmasked));
      cancelled.clear();
      let disclosed: DisclosureKind | undefined;
      // Every kind that fires, in the order of content/triage.yaml; the first names the danger
      // unless a resolver (src/triage/kind.ts) chooses among them.
      const kinds: DangerKind[] = [];
      const evid: string[] = [];
      let first: (() => string) | undefined;
      for (const rule of dangers) {
        for (const f of facts) {
          const got = fires(rule, f, m, cry);
          if (got === 'danger') {
            kinds.push(rule.kind);
            evid.push(evidence);
            first ??= () => `${rule.kind}: ${show(f, rule)}`;
            break;
          }
          if (got === 'disclosure' && kinds.length === 0) disclosed ??= rule.disclosure;
        }
      }
      if (kinds.length > 0) {
        const why = first!;
        const also = kinds.length > 1 ? ` (also ${kinds.slice(1).join(', ')})` : '';
        return { outcome: { triage: 'danger', kind: kinds[0]!, voice, lang }, why: () => why() + also, kinds, by: 'rules', evidence: evid, event, context };
      }
      // Signs of distress near a child, a cue or a cry: danger, named by the sign.
      for (const f of facts) {
        if (f.cue.distress.length === 0 || f.howGeneral || isGeneral(f, f.cue.distress)) continue;
        if (f.past.length > 0 && !nearWithin(f.cue.distress, f.firmNow, TIGHT)) continue;
        const cues = [...f.cue.specific_child, ...f.cue.first_person, ...f.cue.first_person_en, ...f.cue.present];
        if (cry || near(f.cue.distress, cues)) {
          const kind = distressByKind.find((d) => d.terms.any(f.s))?.kind ?? 'injury';
          return { outcome: { triage: 'danger', kind, voice, lang }, why: () => `distress: ${words(f.s, f.cue.distress)}`, kinds: [kind], by: 'distress', event, context };
        }
      }
      if (parts.some((s) => cries.any(s))) return { outcome: { triage: 'danger', kind: 'unspecified', voice, lang }, why: 'cry for help', kinds: ['unspecified'], by: 'cry', event, context };
      if (disclosed) return { outcome: { triage: 'disclosure', kind: disclosed, voice, lang }, why: `danger word told without a danger cue`, kinds: [], by: null, event, context };
      for (const rule of disclosures) {
        for (const f of facts) {
          if (f.asking || f.howGeneral || m.grownUp) continue;
          let terms = rule.terms.hits(f.s);
          if (terms.length > 0 && isGeneral(f, terms)) continue;
          // Feared or played, with nothing saying it is real ("lo con bị xâm hại khi đi học thêm").
          if (f.play && playKinds.has(rule.kind)) continue;
          if (f.worry.length > 0) terms = terms.filter((span) => !governed(f, span));
          // Told in the same sentence as the child, the writer as victim, a repeat, the past or a teller.
          if (terms.length > 0 && (f.disclosureCues.length > 0 || rule.extraCues.any(f.s))) {
            const why = () => `disclosure ${rule.kind}: ${words(f.s, terms)} with ${words(f.s, f.disclosureCues)}`;
            return { outcome: { triage: 'disclosure', kind: rule.kind, voice, lang }, why, kinds: [], by: null, event, context };
          }
        }
      }
      return { outcome: { triage: 'question', kind: null, voice, lang }, kinds: [], by: null, event, context, why: sawDangerWord ? `${CANCELLED}: ${[...cancelled].join('; ') || 'signs of distress with no child or cue'}` : 'no cue' };
  }

  /** Words of the sentence at these spans, for explanations. */
  const words = (s: Sentence, spans: Span[]) => spans.map(([a, b]) => s.syl.slice(a, b + 1).map((x) => x.raw).join(' ')).join(', ');
  const show = (f: Facts, rule: DangerRule) =>
    `terms [${words(f.s, [...rule.terms.hits(f.s), ...rule.childTerms.hits(f.s)])}] phrases [${words(f.s, rule.phrases.hits(f.s))}] cues [${words(f.s, [...rule.cues.flatMap((g) => f.cue[g]), ...rule.extraCues.hits(f.s)])}]`;

  return {
    classify: (text) => {
      const { outcome, context } = decide(normalizeAges(text));
      return outcome.triage === 'danger' ? { ...outcome, kind: inContext(outcome.kind, context) } : outcome;
    },
    decide(text) {
      const { outcome, kinds, by, evidence: ev, event, context } = decide(normalizeAges(text));
      return { outcome, kinds, by, evidence: ev, event, context };
    },
    judge(text) {
      const { outcome } = decide(normalizeAges(text));
      const general = outcome.triage === 'question' && [...cancelled].some((r) => r.endsWith(GENERAL) || r.endsWith(HOW));
      return { outcome, general, cancelled: outcome.triage === 'question' ? [...cancelled].map((r) => r.slice(r.indexOf(': ') + 2)) : [] };
    },
    voice(text) {
      const lang = looksEnglish(text) ? 'en' : 'vi';
      return readVoice ? readVoice(normalizeAges(text), lang) : { voice: decide(normalizeAges(text)).outcome.voice, child: [], adult: [] };
    },
    explain(text) {
      const { outcome, why, context } = decide(normalizeAges(text));
      const said = typeof why === 'string' ? why : why();
      if (outcome.triage !== 'danger') return { outcome, why: said };
      const kind = inContext(outcome.kind, context);
      return kind === outcome.kind ? { outcome, why: said } : { outcome: { ...outcome, kind }, why: `${said}; kind ${kind} by context: ${contextWhy(outcome.kind, context)}` };
    },
    topicsFor(kind: string, triage: 'danger' | 'disclosure' = 'danger'): string[] {
      if (triage === 'disclosure') {
        const topics = disclosures.find((d) => d.kind === kind)?.topics ?? [];
        return topics.length > 0 ? topics : [rules.disclosure_default_topic];
      }
      return dangers.find((d) => d.kind === kind)?.topics ?? [];
    },
  };
}
