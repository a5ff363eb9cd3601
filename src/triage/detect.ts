// Emergency detection over folded text, driven by the phrase lists in content/triage.yaml.
// A topic word alone is not an emergency; it needs a cue that it is happening now (or to this
// child), in the same sentence, and no general-question wording — unless someone cries for help.
import { analyse, findPhrase, type Syllable } from '../knowledge/text';
import type { TriageRules } from '../knowledge/schema';

export interface Detection {
  emergency: boolean;
  kind: string | null;
}

/** A phrase is one or more runs of syllables; "lôi * đi" allows a few words between runs. */
type Phrase = Syllable[][];

const MAX_GAP = 3;

interface CompiledKind {
  name: string;
  topics: string[];
  aloneWithStrong: boolean;
  terms: Phrase[];
  phrases: Phrase[];
  cues: Phrase[];
  /** Terms for which "con tôi…" (one real child) is cue enough. */
  childTerms: Phrase[];
}

const NO_EMERGENCY: Detection = { emergency: false, kind: null };
const MASKED: Syllable = { raw: '\u0000', folded: '\u0000' };

function compile(list: readonly string[]): Phrase[] {
  return list
    .map((p) => p.split('*').map((part) => analyse(part)).filter((part) => part.length > 0))
    .filter((p) => p.length > 0);
}

/** [start, end] of each place the phrase occurs, runs in order with at most MAX_GAP words between. */
function occurrences(text: readonly Syllable[], phrase: Phrase): Array<[number, number]> {
  const [first, ...rest] = phrase;
  const out: Array<[number, number]> = [];
  for (const at of findPhrase(text, first!)) {
    let end = at + first!.length - 1;
    let ok = true;
    for (const part of rest) {
      const next = findPhrase(text, part).find((p) => p > end && p - end - 1 <= MAX_GAP);
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

/** Sentences, so "dấu hiệu…" in one sentence does not excuse "đang bị đánh" in the next. */
function sentences(text: string): string[] {
  return text.split(/[.!?;\n]+/u).filter((s) => s.trim().length > 0);
}

function hits(text: readonly Syllable[], phrases: readonly Phrase[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const words = new Set(text.map((s) => s.folded));
  for (const p of phrases) {
    if (!words.has(p[0]![0]!.folded)) continue; // cheap test before the scan
    out.push(...occurrences(text, p));
  }
  return out;
}

function maskOut(text: Syllable[], masks: readonly Phrase[]): Syllable[] {
  const out = [...text];
  for (const [from, to] of hits(text, masks)) for (let i = from; i <= to; i++) out[i] = MASKED;
  return out;
}

export interface Detector {
  detect(text: string): Detection;
  /** Guides an emergency of this kind may point to, the usual one first. */
  topicsFor(kind: string): string[];
}

export function createDetector(rules: TriageRules): Detector {
  const mask = compile(rules.mask);
  const strong = compile(rules.strong);
  const present = compile(rules.present);
  const child = compile(rules.specific_child);
  const hypothetical = compile(rules.hypothetical);
  const { before, after } = rules.window;
  const kinds: CompiledKind[] = Object.entries(rules.kinds).map(([name, k]) => ({
    name,
    topics: k.topics,
    aloneWithStrong: k.alone_with_strong ?? false,
    terms: compile(k.terms),
    phrases: compile(k.phrases),
    cues: [...present, ...compile(k.extra_cues ?? []), ...(k.child_is_cue ? child : [])],
    childTerms: k.child_is_cue ? [] : compile(k.child_terms ?? []),
  }));

  const near = (terms: Array<[number, number]>, cues: Array<[number, number]>) =>
    terms.some(([from, to]) => cues.some(([cFrom, cTo]) => cTo >= from - before && cFrom <= to + after));

  function fires(kind: CompiledKind, sentence: Syllable[], cryForHelp: boolean, general: boolean): boolean {
    const terms = hits(sentence, kind.terms);
    if (terms.length > 0 && cryForHelp) return true;
    if (general && !cryForHelp) return false;
    if (hits(sentence, kind.phrases).length > 0) return true;
    if (terms.length > 0 && near(terms, hits(sentence, kind.cues))) return true;
    const childTerms = hits(sentence, kind.childTerms);
    return childTerms.length > 0 && near(childTerms, hits(sentence, child));
  }

  return {
    detect(text: string): Detection {
      const parts = sentences(text).map((s) => maskOut(analyse(s), mask));
      const cryForHelp = parts.some((s) => hits(s, strong).length > 0);
      for (const kind of kinds) {
        for (const sentence of parts) {
          const general = hits(sentence, hypothetical).length > 0;
          if (fires(kind, sentence, cryForHelp, general)) return { emergency: true, kind: kind.name };
        }
        if (kind.aloneWithStrong && cryForHelp) return { emergency: true, kind: kind.name };
      }
      return NO_EMERGENCY;
    },
    topicsFor(kind: string): string[] {
      return kinds.find((k) => k.name === kind)?.topics ?? [];
    },
  };
}
