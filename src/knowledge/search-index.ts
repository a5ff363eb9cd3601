// The MiniSearch index: its fields, tokenizer and documents. Used by the build (to index and
// serialise) and at run time (to loadJSON with the same options, so a cold start never indexes).
import MiniSearch, { type AsPlainObject, type Options, type SearchOptions } from 'minisearch';
import type { Guide, Synonyms } from './schema';
import { indexTerms, makeStopList, type StopList } from './text';

export const INDEX_FIELDS = ['title', 'tags', 'questions', 'summary', 'english', 'body'] as const;
type Field = (typeof INDEX_FIELDS)[number];

/** Field weights: what a guide is called and how parents ask about it count most. */
export const FIELD_BOOSTS: Record<Field, number> = {
  title: 3,
  tags: 2.5,
  questions: 2,
  summary: 1.2,
  english: 1.5,
  body: 0.5,
};

const BIGRAM_FIELDS: ReadonlySet<string> = new Set(['title', 'tags', 'questions', 'summary']);

export type IndexedDoc = Record<Field, string> & { id: string };

export function stopListOf(synonyms: Synonyms): StopList {
  return makeStopList(synonyms.stopwords.vi, synonyms.stopwords.en);
}

/**
 * The stop list is only needed to tokenize documents, which a loaded index never does.
 * `searchOptions`: the searcher's options, fixed for the index's lifetime (see createSearcher).
 */
export function indexOptions(stop: StopList | (() => StopList), searchOptions?: SearchOptions): Options<IndexedDoc> {
  let list = typeof stop === 'function' ? undefined : stop;
  const stopList = () => (list ??= (stop as () => StopList)());
  return {
    idField: 'id',
    fields: [...INDEX_FIELDS],
    storeFields: [],
    // Our tokenizer already yields final terms (folded, written, bigrams); processTerm keeps them.
    // Bigrams only where Vietnamese is short and dense (titles, tags, questions, summary): in the
    // long body and in English they would triple the index, and the cold-start load, for little gain.
    tokenize: (text, field) => indexTerms(text, stopList(), BIGRAM_FIELDS.has(field ?? '')),
    processTerm: (term) => term,
    ...(searchOptions ? { searchOptions } : {}),
  };
}

/** Drops the closing "what to do / whom to call" section: the same hotlines are in every guide. */
function searchableBody(body: string): string {
  const cut = body.search(/^##\s*Cần làm gì/imu);
  const main = cut >= 0 ? body.slice(0, cut) : body;
  return main.replace(/[#*_`>]/g, ' ');
}

export function toIndexedDoc(guide: Guide): IndexedDoc {
  return {
    id: guide.slug,
    title: guide.title,
    tags: guide.tags.join(' . '),
    questions: guide.questions.join(' . '),
    summary: guide.summary,
    // English title and summary together: one posting list per English word instead of two.
    english: `${guide.title_en} . ${guide.title_en} . ${guide.summary_en}`,
    body: searchableBody(guide.body),
  };
}

export function buildIndex(guides: readonly Guide[], synonyms: Synonyms): MiniSearch<IndexedDoc> {
  const index = new MiniSearch<IndexedDoc>(indexOptions(stopListOf(synonyms)));
  index.addAll(guides.map(toIndexedDoc));
  return index;
}

/**
 * MiniSearch.toJSON() of the index, its term list reordered (a valid serialisation in any order)
 * so that loadJSON builds its radix tree cheaply: depth first, the most populous branch first at
 * every letter. Each tree node scans its children in insertion order, so the busiest child is
 * found first and few nodes are split after creation — the cold-start load is mostly this tree.
 */
export function serializeIndex(index: MiniSearch<IndexedDoc>): string {
  const js = index.toJSON();
  type Entry = (typeof js.index)[number];
  interface Node {
    children: Map<string, Node>;
    size: number;
    entry?: Entry;
  }
  const root: Node = { children: new Map(), size: 0 };
  for (const entry of js.index) {
    let node = root;
    node.size++;
    for (const ch of entry[0]) {
      let next = node.children.get(ch);
      if (!next) node.children.set(ch, (next = { children: new Map(), size: 0 }));
      next.size++;
      node = next;
    }
    node.entry = entry;
  }
  const ordered: Entry[] = [];
  const visit = (node: Node) => {
    if (node.entry) ordered.push(node.entry);
    const children = [...node.children.entries()].sort(([a, x], [b, y]) => y.size - x.size || (a < b ? -1 : 1));
    for (const [, child] of children) visit(child);
  };
  visit(root);
  return JSON.stringify({ ...js, index: ordered });
}

export interface LoadedIndex {
  index: MiniSearch<IndexedDoc>;
  /** Every indexed term: a query term outside it can only match fuzzily, so it skips the exact pass. */
  vocabulary: ReadonlySet<string>;
}

/** MiniSearch.loadJS of the serialised index (never re-indexing), plus its term list. */
export function loadIndex(json: string, synonyms: Synonyms, searchOptions?: SearchOptions): LoadedIndex {
  const js = JSON.parse(json) as AsPlainObject;
  const vocabulary = new Set<string>();
  for (const entry of js.index) vocabulary.add(entry[0]);
  return { index: MiniSearch.loadJS<IndexedDoc>(js, indexOptions(() => stopListOf(synonyms), searchOptions)), vocabulary };
}

