// The MiniSearch index: its fields, tokenizer and documents. Used by the build (to index and
// serialise) and at run time (to load the packed index with the same options, so a cold start never indexes).
import MiniSearch, { type AsPlainObject, type Options, type SearchOptions } from 'minisearch';
import type { Guide, Synonyms } from './schema';
import { indexTerms, looksEnglish, makeStopList, type StopList } from './text';

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
/** Fields that are lists of short lines (joined by LINE_JOIN), each in one language. */
const LINE_FIELDS: ReadonlySet<string> = new Set(['questions']);
const LINE_JOIN = ' . ';

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
    // In the sample questions, an English line gets no bigrams either: nearly all of its
    // bigrams were pairs no other line shares ("is_legal", "that_a"), three quarters of the terms the
    // English sample lines added, and the cold load grows with the term count.
    tokenize: (text, field) =>
      LINE_FIELDS.has(field ?? '')
        ? text.split(LINE_JOIN).flatMap((line) => indexTerms(line, stopList(), !looksEnglish(line)))
        : indexTerms(text, stopList(), BIGRAM_FIELDS.has(field ?? '')),
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
    tags: guide.tags.join(LINE_JOIN),
    questions: guide.questions.join(LINE_JOIN),
    summary: guide.summary,
    // English title and summary together: one posting list per English word instead of two.
    english: [guide.title_en, guide.title_en, guide.summary_en, ...guide.tags_en].join(' . '),
    body: searchableBody(guide.body),
  };
}

export function buildIndex(guides: readonly Guide[], synonyms: Synonyms): MiniSearch<IndexedDoc> {
  const index = new MiniSearch<IndexedDoc>(indexOptions(stopListOf(synonyms)));
  index.addAll(guides.map(toIndexedDoc));
  return index;
}

/**
 * The index as shipped in the Worker bundle: MiniSearch.toJSON() without its term list, plus the
 * term list packed into two strings (a third of the gzipped size of the JSON, which spelled out
 * `{"0":{"3":1}}` for every posting):
 * - `terms`: the terms in load order, one per line, each front-coded against the previous one
 *   (one character: how many leading characters it shares, as code point 48 + n; then the rest);
 * - `postings`: one line per term; its fields separated by spaces; a field is its id (one base-36
 *   digit) followed by its documents, comma-separated, each the gap from the previous document's
 *   short id in base 36, with `:tf` (base 36) when the term occurs more than once.
 */
export interface PackedIndex {
  header: Omit<AsPlainObject, 'index'>;
  terms: string;
  postings: string;
}

/**
 * Packs MiniSearch.toJSON() of the index, its term list reordered (a valid serialisation in any
 * order) so that loading builds the radix tree cheaply: depth first, the most populous branch first
 * at every letter. Each tree node scans its children in insertion order, so the busiest child is
 * found first and few nodes are split after creation — the cold-start load is mostly this tree.
 */
export function serializeIndex(index: MiniSearch<IndexedDoc>): PackedIndex {
  const { index: entries, ...header } = index.toJSON();
  type Entry = (typeof entries)[number];
  interface Node {
    children: Map<string, Node>;
    size: number;
    entry?: Entry;
  }
  const root: Node = { children: new Map(), size: 0 };
  for (const entry of entries) {
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
  return packEntries(header, ordered);
}

function packEntries(header: PackedIndex['header'], entries: AsPlainObject['index']): PackedIndex {
  const terms: string[] = [];
  const postings: string[] = [];
  let previous = '';
  for (const [term, fields] of entries) {
    if (term.length === 0 || /\n/.test(term)) throw new Error(`index term ${JSON.stringify(term)} cannot be packed`);
    let shared = 0;
    while (shared < previous.length && shared < term.length && shared < 0xffff - 48 && previous[shared] === term[shared]) shared++;
    terms.push(String.fromCharCode(48 + shared) + term.slice(shared));
    previous = term;
    const line: string[] = [];
    for (const [fieldId, docs] of Object.entries(fields)) {
      const field = Number(fieldId);
      if (!Number.isInteger(field) || field < 0 || field >= 36) throw new Error(`field id ${fieldId} cannot be packed`);
      let last = 0;
      const list: string[] = [];
      // Integer keys enumerate in ascending order, so every gap is positive.
      for (const [doc, tf] of Object.entries(docs as Record<string, number>)) {
        const id = Number(doc);
        list.push((id - last).toString(36) + (tf === 1 ? '' : `:${tf.toString(36)}`));
        last = id;
      }
      line.push(field.toString(36) + list.join(','));
    }
    postings.push(line.join(' '));
  }
  return { header, terms: terms.join('\n'), postings: postings.join('\n') };
}

export interface LoadedIndex {
  index: MiniSearch<IndexedDoc>;
  /** Every indexed term: a query term outside it can only match fuzzily, so it skips the exact pass. */
  vocabulary: ReadonlySet<string>;
}

/**
 * The packed index loaded into MiniSearch without re-indexing. The term list goes straight into the
 * index's radix tree (what loadJS would build from the plain objects of toJSON(), without building
 * those objects first and parsing their keys back into numbers): at cold start this load is the
 * cost, and the interpreter runs it before anything is optimised. The tree is built in one pass
 * (RadixBuilder), not with one `set` per term, and each term's postings stay packed until a search
 * first reads them (Postings): most terms are never looked up, and building two Maps for each of
 * them was most of what the load allocated (about 3 MB, a young-generation GC or two of 2-8 ms).
 */
export function loadIndex(packed: PackedIndex, synonyms: Synonyms, searchOptions?: SearchOptions): LoadedIndex {
  const index = MiniSearch.loadJS<IndexedDoc>({ ...packed.header, index: [] }, indexOptions(() => stopListOf(synonyms), searchOptions));
  const tree = new RadixBuilder((index as unknown as { _index: { _tree: RadixNode } })._index._tree);
  const vocabulary = new Set<string>();
  const { terms, postings } = packed;
  let t = 0; // position in terms
  let p = 0; // position in postings
  let previous = '';
  while (t < terms.length) {
    let end = terms.indexOf('\n', t);
    if (end < 0) end = terms.length;
    const shared = terms.charCodeAt(t) - 48;
    const term = previous.slice(0, shared) + terms.slice(t + 1, end);
    previous = term;
    t = end + 1;
    vocabulary.add(term);
    const data = new Postings(postings, p);
    data.node = tree.add(term, shared, data);
    // The next term's line.
    p = postings.indexOf('\n', p) + 1 || postings.length;
  }
  return { index, vocabulary };
}

type TermData = Map<number, Map<number, number>>;

/**
 * One term's postings as MiniSearch keeps them (field id → document short id → term frequency),
 * decoded from the packed text on first use. MiniSearch only reads this through the Map methods
 * below (a search calls `get`; toJSON, add and remove iterate, `set`, `delete` and read `size`), and
 * each of them goes to the decoded Map, so the index behaves exactly as if loadJS had built it.
 */
class Postings implements TermData {
  private decoded: TermData | undefined;
  /**
   * The radix node that holds these postings: once decoded, the plain Map takes their place there,
   * so later searches read MiniSearch's own data structure with no call in between.
   */
  node: RadixNode | undefined;

  constructor(
    private readonly text: string,
    private readonly at: number,
  ) {}

  private get map(): TermData {
    if (this.decoded) return this.decoded;
    const decoded = (this.decoded = decodePostings(this.text, this.at));
    if (this.node?.get('') === this) this.node.set('', decoded);
    return decoded;
  }

  get(field: number): Map<number, number> | undefined {
    return this.map.get(field);
  }
  has(field: number): boolean {
    return this.map.has(field);
  }
  set(field: number, docs: Map<number, number>): this {
    this.map.set(field, docs);
    return this;
  }
  delete(field: number): boolean {
    return this.map.delete(field);
  }
  clear(): void {
    this.map.clear();
  }
  get size(): number {
    return this.map.size;
  }
  forEach(fn: (docs: Map<number, number>, field: number, map: TermData) => void, thisArg?: unknown): void {
    this.map.forEach((docs, field) => fn.call(thisArg, docs, field, this));
  }
  keys(): MapIterator<number> {
    return this.map.keys();
  }
  values(): MapIterator<Map<number, number>> {
    return this.map.values();
  }
  entries(): MapIterator<[number, Map<number, number>]> {
    return this.map.entries();
  }
  [Symbol.iterator](): MapIterator<[number, Map<number, number>]> {
    return this.map[Symbol.iterator]();
  }
  get [Symbol.toStringTag](): string {
    return 'Map';
  }
}

/** The term's line of postings at `p`: fields separated by spaces, documents by commas. */
function decodePostings(postings: string, p: number): TermData {
  const NL = 10, SPACE = 32, COMMA = 44, COLON = 58;
  const data: TermData = new Map();
  while (p < postings.length && postings.charCodeAt(p) !== NL) {
    const field = digit36(postings.charCodeAt(p++));
    const docs = new Map<number, number>();
    let doc = 0;
    let c = 0;
    do {
      let gap = 0;
      while (p < postings.length && (c = postings.charCodeAt(p)) !== COMMA && c !== COLON && c !== SPACE && c !== NL) {
        gap = gap * 36 + digit36(c);
        p++;
      }
      doc += gap;
      let tf = 1;
      if (c === COLON && p < postings.length) {
        tf = 0;
        p++;
        while (p < postings.length && (c = postings.charCodeAt(p)) !== COMMA && c !== SPACE && c !== NL) {
          tf = tf * 36 + digit36(c);
          p++;
        }
      }
      docs.set(doc, tf);
      if (p >= postings.length) c = NL;
      p++; // the separator
    } while (c === COMMA);
    data.set(field, docs);
    if (c === NL) break;
  }
  return data;
}

/** A node of MiniSearch's radix tree: edges by their (non-empty) label, the term's data under ''. */
type RadixNode = Map<string, unknown>;

/**
 * Builds MiniSearch's radix tree from the terms in the packed order (a depth-first walk of the term
 * trie, so each term shares with the one before it the longest prefix it shares with any before it):
 * only the path of the previous term can need a split, and nothing else is searched. MiniSearch's
 * own `set` looks through every edge of each node on the way down, for each term.
 */
class RadixBuilder {
  /** The path to the previous term's node: each node and the length of the key that reaches it. */
  private path: Array<{ node: RadixNode; depth: number }>;
  private previous = '';

  constructor(root: RadixNode) {
    this.path = [{ node: root, depth: 0 }];
  }

  /** Adds `term`, which shares exactly its first `shared` characters with the term added before. */
  /** Returns the node that holds the term's data (under ''). */
  add(term: string, shared: number, data: unknown): RadixNode {
    const path = this.path;
    let below: { node: RadixNode; depth: number } | undefined;
    while (path[path.length - 1]!.depth > shared) below = path.pop();
    let top = path[path.length - 1]!;
    if (top.depth < shared && below) {
      // The previous term's edge runs past the shared part: split it there.
      const label = this.previous.slice(top.depth, below.depth);
      const cut = shared - top.depth;
      const middle: RadixNode = new Map<string, unknown>().set(label.slice(cut), below.node);
      top.node.delete(label);
      top.node.set(label.slice(0, cut), middle);
      top = { node: middle, depth: shared };
      path.push(top);
    }
    let node = top.node;
    if (term.length === top.depth) {
      node.set('', data);
    } else {
      // set() rather than new Map([[k, v]]): the array of pairs and its iteration cost as much again
      // as the Map (measured: ~430 bytes against ~270 per leaf, and there is a leaf per term).
      const leaf: RadixNode = new Map<string, unknown>().set('', data);
      top.node.set(term.slice(top.depth), leaf);
      path.push({ node: leaf, depth: term.length });
      node = leaf;
    }
    this.previous = term;
    return node;
  }
}

/** A base-36 digit's value (0-9, a-z). */
function digit36(code: number): number {
  return code <= 57 ? code - 48 : code - 87;
}
