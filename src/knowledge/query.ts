// Turns a parent's question into weighted search terms: folded syllables and bigrams (what
// matters) and synonym/English expansions (lower weight). Diacritics still matter where they
// decide meaning: stop words, framing and one-syllable expansions are matched as written. Each term remembers which query words it stands for, so the
// searcher can tell how much of the question a guide actually answers.
import type { Synonyms } from './schema';
import {
  analyse,
  bigram,
  couldBeVietnamese,
  findPhrase,
  hasMarks,
  indexTerms,
  isStopword,
  looksEnglish,
  phrasesOf,
  type StopList,
  type Syllable,
} from './text';

export const WEIGHT = {
  folded: 1,
  bigram: 2,
  /** A word no Vietnamese syllable could spell ("grooming", "bullied") is one unit of meaning, like a bigram. */
  foreign: 2,
  synonym: 0.4,
  english: 0.7,
} as const;

export interface QueryTerm {
  term: string;
  boost: number;
  /** Indices of the content words (see `Query.words`) this term stands for. */
  covers: number[];
  fuzzy: boolean;
}

export interface Query {
  /** Content words of the question (stop words left out), folded. */
  words: string[];
  terms: QueryTerm[];
}

interface Expansion {
  phrase: Syllable[];
  terms: string[];
  boost: number;
}

export interface QueryBuilder {
  build(text: string): Query;
}

export function createQueryBuilder(synonyms: Synonyms, stop: StopList): QueryBuilder {
  // Expansions use folded terms only: they widen recall, the written forms add nothing but cost.
  // Each member is folded once, not once per other member of its group (a first question waits for this).
  const foldedOf = new Map<string, string[]>();
  const folded = (phrase: string) => {
    let terms = foldedOf.get(phrase);
    if (!terms) foldedOf.set(phrase, (terms = indexTerms(phrase, stop).filter((t) => /^[a-z0-9_]+$/.test(t))));
    return terms;
  };
  // Keyed by the phrase's first folded syllable: a question only ever looks at the few
  // expansions that can start at one of its own syllables.
  const expansions = new Map<string, Expansion[]>();
  const addExpansion = (e: Expansion) => {
    const first = e.phrase[0]?.folded;
    if (first === undefined) return;
    const list = expansions.get(first);
    if (list) list.push(e);
    else expansions.set(first, [e]);
  };
  for (const group of synonyms.groups) {
    for (const member of group) {
      const phrase = analyse(member);
      // A lone stop word ("bị") must not pull in a whole group.
      if (phrase.length === 1 && isStopword(phrase[0]!, stop, false)) continue;
      const others = group.filter((m) => m !== member);
      addExpansion({ phrase, terms: [...new Set(others.flatMap(folded))], boost: WEIGHT.synonym });
    }
  }
  for (const [en, vi] of Object.entries(synonyms.english)) {
    addExpansion({ phrase: analyse(en), terms: [...new Set(vi.flatMap(folded))], boost: WEIGHT.english });
  }

  const framing = synonyms.stopwords.phrases.map((p) => analyse(p)).filter((p) => p.length > 0);

  return {
    build(text: string): Query {
      // English stop words that double as Vietnamese syllables ("so", "me") only count in English.
      const english = looksEnglish(text);
      const words: string[] = [];
      const byTerm = new Map<string, QueryTerm>();
      const add = (term: string, boost: number, covers: number[], fuzzy: boolean) => {
        const existing = byTerm.get(term);
        if (!existing) {
          byTerm.set(term, { term, boost, covers: [...covers], fuzzy });
          return;
        }
        existing.boost = Math.max(existing.boost, boost);
        for (const c of covers) if (!existing.covers.includes(c)) existing.covers.push(c);
      };

      for (const chunk of phrasesOf(text)) {
        const syl = analyse(chunk);
        // Syllables inside question framing ("cách xử lý", "có sao không") are stop words here,
        // and so are bigrams made only of framing and stop words.
        const framed = new Set<number>();
        const present = new Set(syl.map((x) => x.folded));
        for (const f of framing) {
          if (!present.has(f[0]!.folded)) continue;
          for (const at of findPhrase(syl, f)) for (let j = 0; j < f.length; j++) framed.add(at + j);
        }
        // position in chunk → index in `words` (or -1 for a stop word)
        const wordAt = syl.map((s, i) => {
          if (framed.has(i) || isStopword(s, stop, english)) return -1;
          words.push(s.folded);
          return words.length - 1;
        });
        const coversOf = (from: number, to: number) => {
          const out: number[] = [];
          for (let i = from; i <= to; i++) if (wordAt[i]! >= 0) out.push(wordAt[i]!);
          return out;
        };
        syl.forEach((s, i) => {
          const w = wordAt[i]!;
          if (w >= 0) {
            add(s.folded, couldBeVietnamese(s.folded) ? WEIGHT.folded : WEIGHT.foreign, [w], true);
          }
          const next = syl[i + 1];
          if (next && !((framed.has(i) || framed.has(i + 1)) && coversOf(i, i + 1).length === 0)) {
            const covers = coversOf(i, i + 1);
            add(bigram(s.folded, next.folded), WEIGHT.bigram, covers, true);
          }
        });
        for (const first of present) {
          for (const e of expansions.get(first) ?? []) {
            for (const at of findPhrase(syl, e.phrase)) {
              // One syllable typed without marks is too ambiguous to expand: "mang" may be mạng
              // (network) or mắng (scold). Two or more syllables carry their own context.
              if (e.phrase.length === 1 && hasMarks(e.phrase[0]!) && !hasMarks(syl[at]!)) continue;
              const covers = coversOf(at, at + e.phrase.length - 1);
              if (covers.length === 0) continue;
              for (const t of e.terms) add(t, e.boost, covers, false);
            }
          }
        }
      }
      return { words, terms: [...byTerm.values()] };
    },
  };
}
