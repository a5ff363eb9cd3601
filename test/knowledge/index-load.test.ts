// The packed index is loaded lazily (each term's postings decoded on first use, see loadIndex):
// every question of the dev sets must rank exactly as on the index MiniSearch loads itself with
// loadJSON — same guides, same order, same scores to the last bit.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import MiniSearch, { type AsPlainObject } from 'minisearch';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileKnowledge, type CompiledKnowledge } from '../../scripts/content/knowledge';
import { createSearcher } from '../../src/knowledge/search';
import { buildIndex, indexOptions, loadIndex, stopListOf, type IndexedDoc, type PackedIndex } from '../../src/knowledge/search-index';

const content = fileURLToPath(new URL('../../content/', import.meta.url));
const fixtures = new URL('../fixtures/', import.meta.url);
let compiled: CompiledKnowledge;
let questions: string[];

/** Every question of test/fixtures/questions*.jsonl (the top folder only, never holdout/). */
function devQuestions(): string[] {
  return readdirSync(fixtures)
    .filter((name) => /^questions.*\.jsonl$/.test(name))
    .flatMap((name) => readFileSync(new URL(name, fixtures), 'utf8').split('\n'))
    .filter((line) => line.trim())
    .map((line) => (JSON.parse(line) as { q: string }).q);
}

/** The packed terms in their packed order (front-coded, one per line). */
function packedTerms(packed: PackedIndex): string[] {
  const terms: string[] = [];
  let previous = '';
  for (const line of packed.terms.split('\n')) {
    previous = previous.slice(0, line.charCodeAt(0) - 48) + line.slice(1);
    terms.push(previous);
  }
  return terms;
}

/**
 * MiniSearch's own loadJSON of the same index: toJSON() of the index built from the guides, its
 * entries in the packed order (the order sets the radix tree's edge order, which the typo pass walks).
 */
const loadWithMiniSearch: typeof loadIndex = (packed, synonyms, searchOptions) => {
  const plain = buildIndex(compiled.guides, synonyms).toJSON();
  const entries = new Map(plain.index);
  const order = packedTerms(packed);
  expect(order.length).toBe(entries.size);
  const json = JSON.stringify({ ...plain, index: order.map((term) => [term, entries.get(term)!]) } satisfies AsPlainObject);
  const index = MiniSearch.loadJSON<IndexedDoc>(json, indexOptions(stopListOf(synonyms), searchOptions));
  return { index, vocabulary: new Set(order) };
};

beforeAll(() => {
  compiled = compileKnowledge(content);
  questions = devQuestions();
});

describe('loading the packed index', () => {
  it('ranks every dev question exactly as MiniSearch.loadJSON of the same index, scores included', () => {
    expect(questions.length).toBeGreaterThan(800);
    const ours = createSearcher(compiled.searchIndex, compiled.synonyms);
    const theirs = createSearcher(compiled.searchIndex, compiled.synonyms, undefined, loadWithMiniSearch);
    let ranked = 0;
    for (const q of questions) {
      const a = ours.search(q);
      expect(a, q).toEqual(theirs.search(q));
      ranked += a.ranked.length;
    }
    expect(ranked).toBeGreaterThan(questions.length); // the comparison is over real rankings, not empty ones
  });

  it("answers MiniSearch's own prefix and fuzzy searches exactly as loadJSON does, and serialises the same", () => {
    const ours = loadIndex(compiled.searchIndex, compiled.synonyms).index;
    const theirs = loadWithMiniSearch(compiled.searchIndex, compiled.synonyms).index;
    // MiniSearch's default tokenizer and options here: every prefix and fuzzy path of the tree.
    const options = { tokenize: (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean), prefix: true, fuzzy: 0.2 };
    for (const q of questions) expect(ours.search(q, options), q).toEqual(theirs.search(q, options));
    expect(ours.toJSON()).toEqual(theirs.toJSON());
  });
});
