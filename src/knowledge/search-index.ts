// The MiniSearch index: its fields, tokenizer and documents. Used by the build (to index and
// serialise) and at run time (to loadJSON with the same options, so a cold start never indexes).
import MiniSearch, { type Options } from 'minisearch';
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

export function indexOptions(stop: StopList): Options<IndexedDoc> {
  return {
    idField: 'id',
    fields: [...INDEX_FIELDS],
    storeFields: [],
    // Our tokenizer already yields final terms (folded, written, bigrams); processTerm keeps them.
    // Bigrams only where Vietnamese is short and dense (titles, tags, questions, summary): in the
    // long body and in English they would triple the index, and the cold-start load, for little gain.
    tokenize: (text, field) => indexTerms(text, stop, BIGRAM_FIELDS.has(field ?? '')),
    processTerm: (term) => term,
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

export function loadIndex(json: string, synonyms: Synonyms): MiniSearch<IndexedDoc> {
  return MiniSearch.loadJSON<IndexedDoc>(json, indexOptions(stopListOf(synonyms)));
}

