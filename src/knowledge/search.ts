// Ranks guides for a question and says how much of the question the best guide explains,
// which is what the confidence decision in answer.ts rests on.
import type MiniSearch from 'minisearch';
import type { Synonyms } from './schema';
import { FIELD_BOOSTS, loadIndex, stopListOf, type IndexedDoc } from './search-index';
import { createQueryBuilder, type Query } from './query';
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
  /** Milliseconds spent in MiniSearch.loadJSON at creation. */
  loadMs: number;
}

/** How much a word counts towards firm coverage when a guide matches it only as a lone syllable. */
const LOOSE_WORD = 0.6;

/** Fuzzy matching only on folded terms long enough for a typo to be told from another word. */
function fuzziness(term: string): number | false {
  if (!/^[a-z0-9_]+$/.test(term)) return false;
  if (term.includes('_')) return term.length >= 9 ? 2 : term.length >= 6 ? 1 : false;
  return term.length >= 5 ? 1 : false;
}

export function createSearcher(indexJSON: string, synonyms: Synonyms, now: () => number = () => performance.now()): Searcher {
  const started = now();
  const index: MiniSearch<IndexedDoc> = loadIndex(indexJSON, synonyms);
  const loadMs = now() - started;
  const builder = createQueryBuilder(synonyms, stopListOf(synonyms));

  return {
    loadMs,
    search(text: string): SearchOutcome {
      const query = builder.build(text);
      if (query.terms.length === 0) return { query, ranked: [], known: 0 };
      const boosts = new Map<string, number>();
      for (const t of query.terms) boosts.set(t.term, t.boost);
      const options = {
        tokenize: (q: string) => q.split(' '),
        processTerm: (t: string) => t,
        boost: FIELD_BOOSTS,
        boostTerm: (t: string) => boosts.get(t) ?? 1,
        prefix: false,
        combineWith: 'OR' as const,
      };
      // Exact terms first; then fuzzy matching only for the typed words nothing matched — fuzzy
      // lookups are the costly part, and a word that matched exactly is not a typo.
      const exact = index.search(query.terms.map((t) => t.term).join(' '), options);
      const matched = new Set(exact.flatMap((r) => r.queryTerms));
      // A word is a typo candidate if nothing matched it; a bigram only if it contains such a word.
      const unknown = new Set(query.terms.filter((t) => t.fuzzy && !t.term.includes('_') && !matched.has(t.term)).map((t) => t.term));
      const typos = query.terms.filter(
        (t) =>
          t.fuzzy &&
          !matched.has(t.term) &&
          fuzziness(t.term) !== false &&
          (unknown.has(t.term) || t.term.split('_').some((part) => unknown.has(part))),
      );
      const fuzzy =
        typos.length === 0
          ? []
          : index.search(typos.map((t) => t.term).join(' '), {
              ...options,
              fuzzy: (t: string) => fuzziness(t),
              maxFuzzy: 2,
              weights: { fuzzy: 0.35, prefix: 0 },
            });
      const merged = new Map<string, { score: number; queryTerms: string[] }>();
      for (const r of [...exact, ...fuzzy]) {
        const slug = String(r.id);
        // MiniSearch multiplies a score by the number of query terms matched; our queries hold
        // many weighted variants of each word (folded, written, bigrams, synonyms), so that factor
        // is taken out here and replaced below by the number of the parent's words matched.
        const score = r.score / Math.max(1, r.queryTerms.length);
        const m = merged.get(slug);
        if (m) {
          m.score += score;
          m.queryTerms.push(...r.queryTerms);
        } else merged.set(slug, { score, queryTerms: [...r.queryTerms] });
      }
      const coverTerms = new Map(query.terms.map((t) => [t.term, t.covers]));
      const coveredSet = (matched: readonly string[]) => {
        const covered = new Set<number>();
        for (const m of matched) for (const c of coverTerms.get(m) ?? []) covered.add(c);
        return covered;
      };
      const coveredBy = (matched: readonly string[]) => coveredSet(matched).size;
      const foreignWord = query.words.map((w) => w.length >= 4 && !couldBeVietnamese(w));
      const total = query.words.length;
      // Two-syllable terms from the parent's own words that carry at least one content word.
      const ownPhrases = new Set(query.terms.filter((t) => t.fuzzy && t.term.includes('_') && t.covers.length > 0).map((t) => t.term));
      const knownWords = coveredBy([...merged.values()].flatMap((m) => m.queryTerms));
      // Words no guide contains at all ("hungry", "dirty") count half: a guide cannot be blamed
      // for them as much as for words another guide would have matched.
      const denominator = knownWords + 0.5 * (total - knownWords);
      const ranked = [...merged.entries()]
        .map(([slug, m]) => {
          const covered = coveredSet(m.queryTerms);
          const words = covered.size;
          // A word the guide matches only as a lone syllable ("toàn" of "an toàn" for "toán") is
          // weaker evidence than one it matches inside a two-syllable term, or a loan word.
          const firm = coveredSet(m.queryTerms.filter((t) => t.includes('_')));
          let explained = 0;
          for (const i of covered) explained += firm.has(i) || foreignWord[i] ? 1 : LOOSE_WORD;
          return {
            slug,
            score: m.score * Math.max(1, words),
            coverage: denominator > 0 ? words / denominator : 0,
            firmCoverage: denominator > 0 ? Math.min(1, explained / denominator) : 0,
            phrases: m.queryTerms.filter((t) => ownPhrases.has(t)).length,
            foreign: [...covered].filter((i) => foreignWord[i]).length,
          };
        })
        .sort((a, b) => b.score - a.score);
      const known = total > 0 ? knownWords / total : 0;
      return { query, ranked, known };
    },
  };
}
