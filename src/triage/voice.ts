// Who is writing: a child about themself, or a grown-up (a parent, a grandparent, a teacher, a
// neighbour, an older sibling). The crisis and disclosure replies speak to the child in a child's
// words ("em không có lỗi") only when the message says the writer is the child (issue #15).
//
// The whole message is read, quotes left out ("nhật ký ghi 'xin lỗi bố mẹ, con đi đây'" is the
// child's words, not the writer's), for evidence each side, weighted by content/triage.yaml `voice`:
// - how the writer names someone relative to themself: "con em", "bé nhà mình", "học sinh lớp tôi",
//   "my son" (the writer's child or pupil: an adult); "bố em", "mẹ tui", "my stepdad" (the writer's
//   elder: a child); "chồng tôi", "my husband" (an adult); "em gái tôi" (a sibling: either);
// - an age or a school grade the writer gives of themself ("em năm nay 12 tuổi", "e lớp 7", "i'm 13";
//   18 and over is an adult), a role ("tôi là giáo viên", "em là mẹ của…", "i'm a teacher");
// - a small child named with an age in the third person ("bé 3 tuổi", "con 18 tháng"): not the writer;
// - the writer as the victim ("em bị", "đánh tui", "hits me", the child_victim list);
// - the writer's own "I", once: "tớ", "e", "mik", "i" lean to a child, "tôi" to an adult.
// An age the writer gives of themself decides; otherwise more child evidence than adult reads as a child; a tie, or nothing at all, reads as an adult: a
// child given the adult reply still gets every number and step, while a parent told "em không có lỗi"
// is not told what to do for their child.
import { lazyRegExp } from '../ground/regexp';
import type { TriageRules } from '../knowledge/schema';
import { analyse, expandShorthand, hasMarks, sameSyllable, type Syllable } from '../knowledge/text';
import { expandAlternatives } from './classify';

export type Voice = 'child' | 'adult';
type VoiceRules = NonNullable<TriageRules['voice']>;
type Words = Word[][];

/** A few words may stand between a relative and the writer's "I" before a linking word ("bé lớp 8 nhà em"). */
const LINK_REACH = 3;
/** Words that make the "em" after them a plural or a count of children ("các em", "hai em"), not the writer. */
const NOT_SELF_AFTER = new Set(['cac', 'may', 'nhung', 'hai', '2', 'tre', 'mot', '1', 'rieng']);
/** After "my 12 year old" these name a sibling or a friend, not the writer's child. */
const SIBLING_EN = new Set(['sister', 'brother', 'cousin', 'friend', 'classmate']);
/** After these the writer's "I" is an object ("kể với em là…", "cho em hỏi"): what follows is not their role or age. */
const NOT_SUBJECT_AFTER = new Set(['voi', 'cho', 'bao', 'noi', 'ke']);
/** How far before an age a young child's name may stand ("bé nhà em mới 10 tháng"). */
const YOUNG_REACH = 3;
/** Youngest age a writer may give of themself; a child named younger than this is someone else. */
const YOUNGEST_WRITER = 7;

// From a string, so the Worker bundle stays ASCII (src/ground/regexp.ts): straight and curly quotes, « ».
const QUOTE = '"\\u201c\\u201d\\u201e\\u00ab\\u00bb';
const QUOTED = lazyRegExp(`[${QUOTE}][^${QUOTE}\\n]{1,200}[${QUOTE}]`, 'gu');

interface Token extends Syllable {
  /** First word of a comma clause or sentence. */
  start: boolean;
}

interface Word extends Syllable {
  /** Must be typed as written: "=tớ" (not "to", big), and every word written without marks ("con", not "còn"). */
  strict: boolean;
}

function words(list: readonly string[] | undefined): Words {
  return (list ?? [])
    .flatMap(expandAlternatives)
    .map((p) =>
      p
        .split(/\s+/u)
        .filter((x) => x.length > 0)
        .flatMap((x) => analyse(x.replace(/^=/u, '')).map((y) => ({ ...y, strict: x.startsWith('=') || !hasMarks(y) }))),
    )
    .filter((p) => p.length > 0);
}

function same(query: Syllable, data: Word): boolean {
  return data.strict ? query.raw === data.raw : sameSyllable(query, data);
}

/** "14t" → "14", "t"; "lớp7" → "lớp", "7": ages and grades are typed glued. */
function split(x: Syllable): Syllable[] {
  const m = /^(\d+)([a-z]+)$/.exec(x.folded) ?? /^([a-z]+)(\d+)$/.exec(x.folded);
  if (!m) return [x];
  const cut = x.folded.indexOf(m[2]!);
  return [
    { raw: x.raw.slice(0, cut), folded: m[1]! },
    { raw: x.raw.slice(cut), folded: m[2]! },
  ];
}

function tokens(text: string): Token[][] {
  return text
    .replace(QUOTED(), ' . ')
    .split(/[.!?;:\n]+/u)
    .map((s) => s.split(/(?<!\d),|,(?!\d)/u).flatMap((clause) => analyse(clause).flatMap(split).map((x, i) => ({ ...x, start: i === 0 }))))
    .filter((s) => s.length > 0);
}

/** Each list's phrases by the folded form of their first word: a phrase can only match where that word does. */
const byFirstWord = new WeakMap<Words, Map<string, Words>>();
function startingWith(list: Words, folded: string): Words | undefined {
  let index = byFirstWord.get(list);
  if (!index) {
    index = new Map();
    for (const p of list) {
      const key = p[0]!.folded;
      const bucket = index.get(key);
      if (bucket) bucket.push(p);
      else index.set(key, [p]);
    }
    byFirstWord.set(list, index);
  }
  return index.get(folded);
}

/** Length of the longest phrase of `list` at position i, or 0. */
function at(s: readonly Syllable[], i: number, list: Words): number {
  const first = s[i];
  const candidates = first && startingWith(list, first.folded);
  if (!candidates) return 0;
  let best = 0;
  for (const p of candidates) {
    if (p.length <= best || i + p.length > s.length) continue;
    if (p.every((w, j) => same(s[i + j]!, w))) best = p.length;
  }
  return best;
}

function number(x: Syllable | undefined): number | null {
  return x && /^\d{1,3}$/.test(x.folded) ? Number(x.folded) : null;
}

const ownShorthand = new WeakMap<object, Readonly<Record<string, string>>>();
/**
 * The message as the writer typed it, chat shorthand spelled out for reading who writes: everything
 * as for triage except a teenager's "t" ("t bị đánh"), which stays "t" — spelled out it is "tôi", a
 * grown-up's "I".
 */
export function ownWords(typed: string, shorthand: Readonly<Record<string, string>>): string {
  let own = ownShorthand.get(shorthand);
  if (!own) {
    const { t: _t, ...rest } = shorthand;
    own = rest;
    ownShorthand.set(shorthand, own);
  }
  return expandShorthand(typed, own);
}

export interface VoiceReading {
  voice: Voice;
  /** The evidence each side, for scripts/triage-why.ts. */
  child: string[];
  adult: string[];
}

export function createVoiceReader(v: VoiceRules, childVictim: readonly string[]): (text: string, lang: 'vi' | 'en') => VoiceReading {
  const w = (k: string) => v.weights[k] ?? 0;
  const L = {
    self: words(v.self),
    childPronouns: words(v.child_pronouns),
    adultPronouns: words(v.adult_pronouns),
    elderSelf: words(v.elder_self),
    junior: words(v.junior),
    connect: words(v.connect),
    elder: words(v.elder),
    spouse: words(v.spouse),
    sibling: words(v.sibling),
    adultTerms: words(v.adult_terms),
    childTerms: words(v.child_terms),
    adultRoles: words(v.adult_roles),
    childRoles: words(v.child_roles),
    years: words(v.years),
    months: words(v.months),
    grade: words(v.grade),
    ageFill: words(v.age_fill),
    young: words(v.young),
    guess: words(v.guess),
    addressAdult: words(v.address_adult),
    addressChild: words(v.address_child),
    enJunior: words(v.en_junior),
    enElder: words(v.en_elder),
    enSpouse: words(v.en_spouse),
    third: words(v.third),
    childWords: words(v.child_words),
    victim: words(childVictim),
  };
  const nouns = [...L.junior, ...L.elder, ...L.spouse, ...L.sibling, ...L.young];
  const MY = words(['my', 'our']);
  const IN_LAW = words(['mother in law', 'father in law']);
  const BE = words(['là', 'm', 'am', 'is']);
  const I = words(['i', 'im']);

  return (text, lang) => {
    const child: string[] = [];
    const adult: string[] = [];
    let score = 0;
    const add = (side: 'child' | 'adult', weight: number, what: string) => {
      if (weight <= 0) return;
      (side === 'child' ? child : adult).push(what);
      score += side === 'child' ? weight : -weight;
    };
    const english = lang === 'en';
    let leanChild = '';
    let third = '';
    /** The age the writer gives of themself ("em 12 tuổi", "i'm 24"): it decides. */
    let statedAge: number | undefined;
    let leanAdult = '';

    for (const s of tokens(text)) {
      const show = (a: number, b: number) => s.slice(a, b).map((x) => x.raw).join(' ');
      /** Positions inside a phrase naming the writer's child or spouse (their "I" there is a parent's). */
      const grown = new Set<number>();
      /** Positions already read as part of a relation. */
      const used = new Set<number>();
      /** A word the writer calls themself by, standing alone at i (not "em gái", not "em tui", not "các em"). */
      const selfAt = (i: number, list: Words = L.self): number => {
        const n = at(s, i, list);
        if (n === 0) return 0;
        if (nouns.some((p) => p.length > n && at(s, i, [p]) === p.length)) return 0;
        if (at(s, i + n, L.self) > 0) return 0;
        if (i > 0 && NOT_SELF_AFTER.has(s[i - 1]!.folded)) return 0;
        return n;
      };
      /**
       * The writer's "I" right after a relative; for the writer's child or pupil also after a linking
       * word a few words on, in the same clause with no other relative between ("bé lớp 8 nhà em").
       */
      const ownerAfter = (j: number, list: Words, link: boolean): [number, number] | null => {
        if (j >= s.length || s[j]!.start) return null;
        const n = selfAt(j, list);
        if (n > 0) return [j, j + n];
        const c0 = at(s, j, L.connect);
        if (c0 > 0 && selfAt(j + c0, list) > 0) return [j + c0, j + c0 + selfAt(j + c0, list)];
        if (!link) return null;
        for (let k = j; k < Math.min(s.length, j + LINK_REACH + 1); k++) {
          if (k > j && (s[k]!.start || at(s, k, nouns) > 0)) return null;
          const c = at(s, k, L.connect);
          if (c > 0 && selfAt(k + c, list) > 0) return [k + c, k + c + selfAt(k + c, list)];
        }
        return null;
      };

      // Relations: "<relative> <I>" in Vietnamese, "my <relative>" in English.
      for (let i = 0; i < s.length; i++) {
        if (english && at(s, i, MY) > 0) {
          for (let k = i + 1; k <= Math.min(s.length - 1, i + 4); k++) {
            const sp = at(s, k, IN_LAW);
            const kinds: Array<[Words, 'junior' | 'elder' | 'spouse']> = [
              [L.enSpouse, 'spouse'],
              [L.enJunior, 'junior'],
              [L.enElder, 'elder'],
            ];
            const hit = kinds.map(([list, kind]) => [at(s, k, list), kind] as const).find(([n]) => n > 0);
            if (!hit && sp === 0) continue;
            const [n, kind] = hit ?? [sp, 'spouse' as const];
            // "my 12 year old sister": an age of a sibling, not the writer's child.
            if (kind === 'junior' && SIBLING_EN.has(s[k + n]?.folded ?? '')) break;
            const phrase = show(i, k + n);
            if (kind === 'elder') add('child', w('elder'), phrase);
            else {
              add('adult', w('relation'), phrase);
              for (let x = i; x < k + n; x++) grown.add(x);
            }
            for (let x = i; x < k + n; x++) used.add(x);
            break;
          }
          continue;
        }
        if (english || used.has(i)) continue;
        const kinds: Array<[Words, 'junior' | 'elder' | 'spouse' | 'sibling']> = [
          [L.junior, 'junior'],
          [L.elder, 'elder'],
          [L.spouse, 'spouse'],
          [L.sibling, 'sibling'],
        ];
        let best: [number, 'junior' | 'elder' | 'spouse' | 'sibling'] | null = null;
        for (const [list, kind] of kinds) {
          const n = at(s, i, list);
          if (n > 0 && (!best || n > best[0])) best = [n, kind];
        }
        if (!best) continue;
        const [n, kind] = best;
        const owner = ownerAfter(i + n, kind === 'elder' ? L.elderSelf : L.self, kind === 'junior');
        if (!owner) continue;
        const phrase = show(i, owner[1]);
        if (kind === 'junior' || kind === 'spouse') {
          add('adult', w('relation'), phrase);
          for (let x = i; x < owner[1]; x++) grown.add(x);
        } else if (kind === 'elder') add('child', w('elder'), phrase);
        for (let x = i; x < owner[1]; x++) used.add(x);
        i = owner[1] - 1;
      }

      for (let i = 0; i < s.length; i++) {
        // Terms said only by an adult ("mẹ chồng", "as a parent") or only by a child ("we're all kids").
        const ad = at(s, i, L.adultTerms);
        if (ad > 0) add('adult', w('role'), show(i, i + ad));
        const ch = at(s, i, L.childTerms);
        if (ch > 0) add('child', w('role'), show(i, i + ch));
        const aa = at(s, i, L.addressAdult);
        if (aa > 0) add('adult', w('address'), show(i, i + aa));
        const ac = at(s, i, L.addressChild);
        if (ac > 0) add('child', w('address'), show(i, i + ac));
        const cw = at(s, i, L.childWords);
        if (cw > 0) add('child', w('child_words'), show(i, i + cw));

        // The writer as the victim ("em bị", "hits me"), unless inside a parent's words ("con em bị").
        const vi = at(s, i, L.victim);
        if (vi > 0 && ![...Array(vi).keys()].some((d) => used.has(i + d)) && !(i > 0 && NOT_SELF_AFTER.has(s[i - 1]!.folded))) add('child', w('victim'), show(i, i + vi));

        // The writer's "I", then "là <role>" or an age or a grade.
        const me = english ? at(s, i, I) : grown.has(i) || (used.has(i) && i > 0 && used.has(i - 1)) ? 0 : selfAt(i, [...L.elderSelf, ...L.adultPronouns]);
        if (me > 0 && !(i > 0 && NOT_SUBJECT_AFTER.has(s[i - 1]!.folded))) {
          let j = i + me;
          const be = at(s, j, BE);
          if (be > 0) {
            const a = at(s, j + be, L.adultRoles);
            const c = at(s, j + be, L.childRoles);
            if (a >= c && a > 0) add('adult', w('role'), show(i, j + be + a));
            else if (c > 0) add('child', w('role'), show(i, j + be + c));
          }
          for (let f = 0; f < 3; f++) {
            const n = at(s, j, L.ageFill);
            if (n === 0) break;
            j += n;
          }
          const g = at(s, j, L.grade);
          const grade = g > 0 ? number(s[j + g]) : null;
          const age = number(s[j]);
          const unit = age !== null ? at(s, j + 1, L.years) : 0;
          const months = age !== null && at(s, j + 1, L.months) > 0;
          const con = !english && ['con', 'chau'].includes(s[i]!.folded);
          const weight = con ? (s[i]!.start ? w('age_con') : 0) : w('age');
          // A grade after "con" is as often a parent's "con học lớp 1" (my child is in grade 1).
          if (grade !== null && grade >= 1 && grade <= 12) add('child', con ? 0 : weight, show(i, j + g + 1));
          else if (age !== null && !months && (unit > 0 || english)) {
            if (age >= 18 && age < 100) add('adult', weight, show(i, j + 1 + unit));
            else if (age >= YOUNGEST_WRITER && age < 18) add('child', weight, show(i, j + 1 + unit));
            if (!con && age >= YOUNGEST_WRITER && age < 100) statedAge ??= age;
          }
        }

        // A small child named with an age, or an age guessed: someone else, written about by a grown-up.
        const age = number(s[i]);
        if (age !== null) {
          const months = at(s, i + 1, L.months) > 0;
          const years = at(s, i + 1, L.years) > 0;
          const before = s.slice(Math.max(0, i - YOUNG_REACH - 1), i);
          const named = before.some((_, k) => at(before, k, L.young) > 0) || (english && years);
          const guessed = i > 0 && at(s, i - 1, L.guess) > 0 && (years || months);
          const mine = i > 0 && (at(s, i - 1, I) > 0 || at(s, i - 1, BE) > 0);
          if (!mine && ((named && (months || (years && age < YOUNGEST_WRITER))) || guessed)) add('adult', w('young'), show(Math.max(0, i - 2), i + 2));
        }

        // A child named in the third person ("bé", "thằng bé", "trẻ em", "the kid"), not the writer's sibling
        // ("em bé") nor a relation already read: a grown-up writing about a child, counted once.
        const th = used.has(i) || (i > 0 && s[i - 1]!.folded === 'em') || s[i + 1]?.folded === 'ut' ? 0 : at(s, i, L.third);
        if (!third && th > 0) third = show(i, i + th);

        // The writer's own word for "I", counted once a side ("tôi" in "con tôi" is a parent's, already counted).
        if (!grown.has(i)) {
          const p = at(s, i, L.childPronouns);
          const english_only = ['i', 'me', 'myself', 'im'].includes(s[i]!.folded);
          if (!leanChild && p > 0 && english_only === english && selfAt(i, L.childPronouns) > 0) leanChild = s[i]!.raw;
          if (!leanAdult && at(s, i, L.adultPronouns) > 0) leanAdult = s[i]!.raw;
        }
      }
    }
    if (third) add('adult', w('third'), third);
    if (leanChild) add('child', w('pronoun'), `"${leanChild}"`);
    if (leanAdult) add('adult', w('pronoun'), `"${leanAdult}"`);
    const voice: Voice = statedAge !== undefined ? (statedAge < 18 ? 'child' : 'adult') : score > 0 ? 'child' : 'adult';
    return { voice, child, adult };
  };
}
