// Ranks guides for a question and says how much of the question the best guide explains,
// which is what the confidence decision in answer.ts rests on.
import type { Synonyms } from './schema';
import { FIELD_BOOSTS, loadIndex, stopListOf, type PackedIndex } from './search-index';
import { createQueryBuilder, type Query, type QueryTerm } from './query';
import { couldBeVietnamese } from './text';

export interface Ranked {
  slug: string;
  score: number;
  /** Share (0..1) of the question's content words this guide matches (words no guide knows count half). */
  coverage: number;
  /** The same share, with words matched only as a lone syllable counted at LOOSE_WORD: firmer evidence. */
  firmCoverage: number;
  /** How many of the question's own two-syllable terms ("bat_nat") this guide matches. */
  phrases: number;
  /** How many of the question's words this guide matches that no Vietnamese syllable could spell ("grooming"). */
  foreign: number;
}

export interface SearchOutcome {
  query: Query;
  ranked: Ranked[];
  /** Share of content words that match any guide at all (low: the question is not about us). */
  known: number;
}

export interface Searcher {
  search(text: string): SearchOutcome;
  /** Milliseconds spent loading the packed index (unpacking + MiniSearch.loadJS) at creation. */
  loadMs: number;
}

/** How much a word counts towards firm coverage when a guide matches it only as a lone syllable. */
const LOOSE_WORD = 0.6;

/**
 * Fuzzy matching only on folded terms long enough for a typo to be told from another word. One
 * edit at most: two edits in a two-syllable term mostly spell another phrase, and searching the
 * whole vocabulary that far was most of the cost of a question with an unknown word.
 */
function fuzziness(term: string): number | false {
  if (!/^[a-z0-9_]+$/.test(term)) return false;
  return term.length >= (term.includes('_') ? 6 : 5) ? 1 : false;
}

interface Merged {
  score: number;
  queryTerms: string[];
}

/** `load`: how the packed index becomes a MiniSearch index (a test passes MiniSearch's own loadJSON to compare). */
export function createSearcher(
  searchIndex: PackedIndex,
  synonyms: Synonyms,
  now: () => number = () => performance.now(),
  load: typeof loadIndex = loadIndex,
): Searcher {
  // The search options are fixed once, as the index's own default search options; only the
  // term table and list behind them (and which pass runs) change per question. MiniSearch is
  // handed the term list as is (no join and re-split into new strings).
  // Why defaults rather than options passed to each search() call: MiniSearch merges the
  // per-call options into a fresh object for every query term, and with our options object that
  // merge left about a megabyte of short-lived garbage alive across each young-generation GC
  // (measured with --trace-gc-nvp: ~1.2 MB survived and was promoted per scavenge, 3-5 ms pauses,
  // which were the ask p99). With no per-call options the same merge leaves nothing behind.
  let byTerm = new Map<string, QueryTerm>();
  let terms: string[] = [];
  let fuzzyPass = false;
  const searchOptions = {
    tokenize: () => terms,
    processTerm: (t: string) => t,
    boost: FIELD_BOOSTS,
    boostTerm: (t: string) => byTerm.get(t)?.boost ?? 1,
    prefix: false,
    combineWith: 'OR' as const,
    fuzzy: (t: string) => (fuzzyPass ? fuzziness(t) : false),
    maxFuzzy: 1,
    weights: { fuzzy: 0.35, prefix: 0 },
  };

  const started = now();
  const { index, vocabulary } = load(searchIndex, synonyms, searchOptions);
  const loadMs = now() - started;
  const builder = createQueryBuilder(synonyms, stopListOf(synonyms));

  return {
    loadMs,
    search(text: string): SearchOutcome {
      const query = builder.build(text);
      if (query.terms.length === 0) return { query, ranked: [], known: 0 };
      byTerm = new Map(query.terms.map((t) => [t.term, t]));
      // Exact terms first; then fuzzy matching only for the typed words nothing matched — fuzzy
      // lookups are the costly part, and a word that matched exactly is not a typo.
      // An indexed term matches at least one guide, so "matched exactly" is "in the vocabulary":
      // terms outside it are left out of the exact pass instead of being looked up in vain.
      const known: string[] = [];
      for (const t of query.terms) if (vocabulary.has(t.term)) known.push(t.term);
      terms = known;
      fuzzyPass = false;
      const exact = known.length === 0 ? [] : index.search(text);
      // A word is a typo candidate if nothing matched it; a bigram only if it contains such a word.
      const unknown = new Set<string>();
      for (const t of query.terms) if (t.fuzzy && !t.term.includes('_') && !vocabulary.has(t.term)) unknown.add(t.term);
      const typos: string[] = [];
      for (const t of query.terms) {
        if (!t.fuzzy || vocabulary.has(t.term) || fuzziness(t.term) === false) continue;
        if (unknown.has(t.term) || t.term.split('_').some((part) => unknown.has(part))) typos.push(t.term);
      }
      terms = typos;
      fuzzyPass = true;
      const fuzzy = typos.length === 0 ? [] : index.search(text);
      fuzzyPass = false;
      terms = [];

      const merged = new Map<string, Merged>();
      for (const results of [exact, fuzzy]) {
        for (const r of results) {
          const slug = String(r.id);
          // MiniSearch multiplies a score by the number of query terms matched; our queries hold
          // many weighted variants of each word (folded, bigrams, synonyms), so that factor is
          // taken out here and replaced below by the number of the parent's words matched.
          const score = r.score / Math.max(1, r.queryTerms.length);
          const m = merged.get(slug);
          if (m) {
            m.score += score;
            for (const t of r.queryTerms) m.queryTerms.push(t);
          } else merged.set(slug, { score, queryTerms: r.queryTerms });
        }
      }

      const total = query.words.length;
      const foreignWord = query.words.map((w) => w.length >= 4 && !couldBeVietnamese(w));
      // Per word, for the guide at hand: 0 not matched, 1 matched only as a lone syllable,
      // 2 matched inside a two-syllable term (firmer evidence). One buffer, reset per guide.
      const marks = new Uint8Array(total);
      const anyGuide = new Uint8Array(total);
      const ranked: Ranked[] = [];
      const partial: Array<{ slug: string; score: number; words: number; explained: number; phrases: number; foreign: number }> = [];
      for (const [slug, m] of merged) {
        marks.fill(0);
        let phrases = 0;
        for (const term of m.queryTerms) {
          const qt = byTerm.get(term);
          if (!qt) continue;
          const two = term.includes('_');
          // Two-syllable terms from the parent's own words that carry at least one content word.
          if (two && qt.fuzzy && qt.covers.length > 0) phrases++;
          for (const c of qt.covers) {
            if (two) marks[c] = 2;
            else if (marks[c] === 0) marks[c] = 1;
            anyGuide[c] = 1;
          }
        }
        let words = 0;
        let explained = 0;
        let foreign = 0;
        for (let i = 0; i < total; i++) {
          if (marks[i] === 0) continue;
          words++;
          // A word the guide matches only as a lone syllable ("toàn" of "an toàn" for "toán") is
          // weaker evidence than one it matches inside a two-syllable term, or a loan word.
          if (foreignWord[i]) foreign++;
          explained += marks[i] === 2 || foreignWord[i] ? 1 : LOOSE_WORD;
        }
        partial.push({ slug, score: m.score * Math.max(1, words), words, explained, phrases, foreign });
      }
      let knownWords = 0;
      for (let i = 0; i < total; i++) knownWords += anyGuide[i]!;
      // Words no guide contains at all ("hungry", "dirty") count half: a guide cannot be blamed
      // for them as much as for words another guide would have matched.
      const denominator = knownWords + 0.5 * (total - knownWords);
      for (const p of partial) {
        ranked.push({
          slug: p.slug,
          score: p.score,
          coverage: denominator > 0 ? p.words / denominator : 0,
          firmCoverage: denominator > 0 ? Math.min(1, p.explained / denominator) : 0,
          phrases: p.phrases,
          foreign: p.foreign,
        });
      }
      ranked.sort((a, b) => b.score - a.score);
      return { query, ranked, known: total > 0 ? knownWords / total : 0 };
    },
  };
}
