// Decides what kind of reply a question gets: emergency (triage runs first), a guide, "not sure"
// with suggestions, or a polite out-of-scope reply. Never a confident guess.
import type { Detection, Detector } from '../triage/detect';
import type { TriageOutcome } from '../triage/outcome';
import { ownWords } from '../triage/voice';
import type { Offtopic } from './schema';
import type { Ranked, Searcher } from './search';
import type { TopicModel } from './topic-model';
import { analyse, couldBeVietnamese, findPhrase, looksEnglish, readChat, type Syllable } from './text';

/** Every result carries the triage outcome (danger now, disclosure or question); `emergency` ⇔ danger. */
/** What kind of reply a message gets (what the renderer needs). */
export type Decision =
  | { kind: 'emergency'; emergencyKind: string; topic: string | null; score: number }
  | { kind: 'answer'; topic: string; score: number }
  | { kind: 'unsure'; topic: null; score: number; suggestions: string[] }
  | { kind: 'offtopic'; topic: null; score: number };
/** `ask`'s result: the decision plus the triage outcome (`kind: 'emergency'` exactly when danger). */
export type AskResult = Decision & { triage: TriageOutcome };

/**
 * Confidence in 0..1: the share of the question's content words the guide matches, damped when
 * the match itself is weak (a BM25 score well below SCORE_SCALE means only stray words matched).
 */
const SCORE_SCALE = 200;
/**
 * The same for English questions. An English question can only meet one short field (the English
 * title and summary: boost 1.5, no two-syllable terms), where a Vietnamese one meets the title,
 * tags and sample questions, two-syllable terms counting double; so a right English answer scores
 * lower. On the labelled sets the lower quartile of right answers' scores was 0.58–0.66 of the
 * Vietnamese one (472 vs 812 on questions.jsonl + chat sets, 504 vs 766 on questions-holdout).
 */
const SCORE_SCALE_EN = 120;
/** At or above: answer with the guide. Below: "not sure" with suggestions. */
export const ANSWER_THRESHOLD = 0.4;
/** With out-of-scope words (weather, prices, football…) only a very clear match still answers. */
const OFFTOPIC_OVERRIDE = 0.7;
const MAX_SUGGESTIONS = 4;

/**
 * Vietnamese questions about our topics nearly always share a two-syllable word with the right
 * guide ("bắt nạt", "đuối nước"); one that only matches stray syllables ("thời tiết Hà Nội" hits
 * "tiết", "nội") is damped. English guide fields have no bigrams, so English is not damped.
 */
const NO_PHRASE_FACTOR = 0.6;

/** `firm`: count words matched only as a lone syllable at less (see Ranked.firmCoverage). */
export function confidenceOf(r: Ranked | undefined, english = false, firm = false): number {
  if (!r) return 0;
  // A loan word ("grooming", "sextortion") is as specific as a Vietnamese two-syllable word.
  const phraseFactor = r.phrases > 0 || r.foreign > 0 || english ? 1 : NO_PHRASE_FACTOR;
  const coverage = firm ? r.firmCoverage : r.coverage;
  return round(coverage * (1 - Math.exp(-r.score / (english ? SCORE_SCALE_EN : SCORE_SCALE))) * phraseFactor);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * How much the topic classifier's probability counts against the search score (scaled so the best
 * guide's is 1). Chosen by cross-validation over the guides' own sample questions
 * (scripts/topic-cv.ts), never on a test set.
 */
export const BLEND = 0.3;

/**
 * The search's guides re-ordered by search score (relative to the best) plus BLEND × the
 * classifier's probability. Only guides the search found are ranked: a guide that shares no word
 * with the question cannot explain it, whatever the classifier says.
 */
export function blend(ranked: readonly Ranked[], probabilities: ReadonlyMap<string, number>, weight = BLEND): Ranked[] {
  const best = ranked[0]?.score ?? 0;
  if (best <= 0 || weight === 0) return [...ranked];
  const value = (r: Ranked) => r.score / best + weight * (probabilities.get(r.slug) ?? 0);
  return ranked
    .map((r) => ({ r, v: value(r) }))
    .sort((a, b) => b.v - a.v || b.r.score - a.r.score)
    .map(({ r }) => r);
}

/**
 * Below ANSWER_THRESHOLD a guide still answers when the classifier, on its own, picks the same guide
 * with at least AGREE_PROBABILITY and the search's confidence is at least AGREE_CONFIDENCE: two
 * independent readings of the question agree. Cross-validated over the sample questions
 * (scripts/topic-cv.ts): right answers 78.8% → 80.1%; no off-topic question of the labelled sets
 * gets an answer it did not get before.
 */
const AGREE_CONFIDENCE = 0.25;
const AGREE_PROBABILITY = 0.5;

function agrees(top: Ranked, confidence: number, probabilities: ReadonlyMap<string, number>): boolean {
  if (confidence < AGREE_CONFIDENCE) return false;
  const p = probabilities.get(top.slug) ?? 0;
  if (p < AGREE_PROBABILITY) return false;
  for (const q of probabilities.values()) if (q > p) return false;
  return true;
}

/**
 * A weak match (confidence under UNREAD_CONFIDENCE) is not answered when the classifier reads no
 * guide in the question (its best probability under UNREAD_PROBABILITY; 26 guides alike would be
 * 0.04): the words the search matched are stray ones ("best milk formula for a 1 year old" meets
 * free legal aid through "formula"/"year"). The reply is "not sure" with suggestions. In
 * cross-validation over the sample questions this withheld 2 wrong answers and 1 right one of 594.
 */
const UNREAD_CONFIDENCE = 0.5;
const UNREAD_PROBABILITY = 0.15;

function readsAnyGuide(probabilities: ReadonlyMap<string, number>): boolean {
  for (const p of probabilities.values()) if (p >= UNREAD_PROBABILITY) return true;
  return false;
}

/**
 * An out-of-scope phrase of two or more English words, none of which a Vietnamese syllable could
 * spell ("formula milk", "exchange rate"), is found in any order: English turns compounds around
 * ("milk formula", "the rate of exchange"), Vietnamese word order carries the meaning.
 */
function isEnglishCompound(phrase: readonly Syllable[]): boolean {
  return phrase.length >= 2 && phrase.every((s) => !couldBeVietnamese(s.folded));
}

export interface Asker {
  ask(text: string): AskResult;
}

export function createAsker(
  searcher: Searcher,
  detector: Detector,
  offtopic: Offtopic,
  shorthand: Readonly<Record<string, string>> = {},
  topicModel?: TopicModel,
): Asker {
  const offPhrases: Syllable[][] = Object.values(offtopic.phrases)
    .flat()
    .map((p) => analyse(p))
    .filter((p) => p.length > 0);
  const isOfftopicWording = (text: string) => {
    const syl = analyse(text);
    const present = new Set<string>();
    for (const x of syl) present.add(x.folded);
    return offPhrases.some(
      (p) => present.has(p[0]!.folded) && (findPhrase(syl, p).length > 0 || (isEnglishCompound(p) && p.every((x) => present.has(x.folded)))),
    );
  };

  return {
    ask(typed: string): AskResult {
      // Chat shorthand ("ko thay con dau") and chat spellings ("fải", "điiii") are read first, for
      // triage and search alike.
      const text = readChat(typed, shorthand);
      const emergency = detector.detect(text);
      // Who writes is read from the writer's own words: a teenager's "t" is not the "tôi" it spells out to.
      const voice = detector.voice(ownWords(typed, shorthand)).voice;
      return { ...decide(text, emergency), triage: voice === emergency.outcome.voice ? emergency.outcome : { ...emergency.outcome, voice } };
    },
  };

  function decide(text: string, emergency: Detection): Decision {
    const { query, ranked: found } = searcher.search(text);
    const probabilities = topicModel?.classify(query.terms.map((t) => t.term)).probabilities;
    const ranked = probabilities ? blend(found, probabilities) : found;
    const top = ranked[0];
    const english = looksEnglish(text);
    const confidence = confidenceOf(top, english);

    if (emergency.emergency && emergency.kind) {
      const topics = detector.topicsFor(emergency.kind);
      let topic: string | null = topics[0] ?? null;
      if (top && topics.includes(top.slug)) topic = top.slug;
      else if (topics.length === 0 && top && confidence >= ANSWER_THRESHOLD) topic = top.slug;
      return { kind: 'emergency', emergencyKind: emergency.kind, topic, score: 1 };
    }
    if (!top || confidence === 0) {
      return isOfftopicWording(text) || text.trim().length > 0
        ? { kind: 'offtopic', topic: null, score: 0 }
        : { kind: 'unsure', topic: null, score: 0, suggestions: [] };
    }
    // Out-of-scope words: only a clear match on firm evidence still answers ("dạy con học toán"
    // must not answer with swimming lessons because "toán" looks like the "toàn" of "an toàn").
    if (isOfftopicWording(text) && confidenceOf(top, english, true) < OFFTOPIC_OVERRIDE) {
      return { kind: 'offtopic', topic: null, score: confidence };
    }
    const unread = probabilities !== undefined && confidence < UNREAD_CONFIDENCE && !readsAnyGuide(probabilities);
    if ((confidence >= ANSWER_THRESHOLD && !unread) || (probabilities && agrees(top, confidence, probabilities))) {
      return { kind: 'answer', topic: top.slug, score: confidence };
    }
    return {
      kind: 'unsure',
      topic: null,
      score: confidence,
      suggestions: ranked.slice(0, MAX_SUGGESTIONS).map((r) => r.slug),
    };
  }
}
