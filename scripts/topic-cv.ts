// `npx tsx scripts/topic-cv.ts [--folds N] [--json out.json]`: cross-validation of the topic classifier and of
// its blend with the search, over the guides' own sample questions only (no test set). Each fold
// holds out a share of every guide's sample questions: the classifier is trained and the search
// index built without them, then each held-out line is searched and classified.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIndex, serializeIndex, stopListOf } from '../src/knowledge/search-index';
import { createSearcher, type Ranked } from '../src/knowledge/search';
import { confidenceOf } from '../src/knowledge/answer';
import { createQueryBuilder } from '../src/knowledge/query';
import { expandShorthand, looksEnglish } from '../src/knowledge/text';
import { createTopicModel } from '../src/knowledge/topic-model';
import { trainTopicModel } from '../src/knowledge/topic-train';
import { loadGuides } from './content/knowledge';
import { guideLines, readSynonyms, toExamples, SOURCE_WEIGHTS, type Source } from './content/topic-model';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const arg = (name: string, d: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1]! : d;
};
const K = Number(arg('--folds', '8'));
const out = arg('--json', '');
const weights: Record<Source, number> = { ...SOURCE_WEIGHTS, ...JSON.parse(arg('--weights', '{}')) };
const l2 = Number(arg('--l2', '3e-4'));

const { guides } = loadGuides(join(ROOT, 'content/guides'));
const synonyms = readSynonyms();
const builder = createQueryBuilder(synonyms, stopListOf(synonyms));
const lines = guideLines(guides);

export interface Record1 {
  q: string;
  topic: string;
  english: boolean;
  ranked: Array<Ranked & { conf: number }>;
  probs: Record<string, number>;
}
const records: Record1[] = [];
const started = Date.now();
for (let k = 0; k < K; k++) {
  const heldOut = new Set<string>();
  for (const g of guides) g.questions.forEach((q, i) => i % K === k && heldOut.add(`${g.slug}\u0000${q}`));
  const trainLines = lines.filter((l) => !(l.source === 'question' && heldOut.has(`${l.label}\u0000${l.text}`)));
  const model = createTopicModel(trainTopicModel(toExamples(trainLines, builder, synonyms, weights), { l2, iterations: Number(arg('--iter', '200')), maxFeatures: Number(arg('--maxf', '1000')), minCount: Number(arg('--minc', '2')), scale: Number(arg('--scale', '0.25')) }));
  const foldGuides = guides.map((g) => ({ ...g, questions: g.questions.filter((q) => !heldOut.has(`${g.slug}\u0000${q}`)) }));
  const searcher = createSearcher(serializeIndex(buildIndex(foldGuides, synonyms)), synonyms);
  for (const key of heldOut) {
    const [topic, q] = key.split('\u0000') as [string, string];
    const text = expandShorthand(q, synonyms.shorthand);
    const { query, ranked } = searcher.search(text);
    const { probabilities } = model.classify(query.terms.map((t) => t.term));
    const english = looksEnglish(text);
    records.push({ q, topic, english, ranked: ranked.slice(0, 8).map((r) => ({ ...r, conf: confidenceOf(r, english) })), probs: Object.fromEntries(probabilities) });
  }
  process.stderr.write(`fold ${k + 1}/${K} (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
}
const argmax = (p: Record<string, number>) => Object.entries(p).sort((a, b) => b[1] - a[1])[0]?.[0];
const acc = (f: (r: Record1) => boolean, sel: (r: Record1) => boolean = () => true) => {
  const rs = records.filter(sel);
  return `${((100 * rs.filter(f).length) / rs.length).toFixed(1)}% (${rs.filter(f).length}/${rs.length})`;
};
const en = (r: Record1) => r.english;
const vi = (r: Record1) => !r.english;
console.log(`search   all ${acc((r) => r.ranked[0]?.slug === r.topic)}  vi ${acc((r) => r.ranked[0]?.slug === r.topic, vi)}  en ${acc((r) => r.ranked[0]?.slug === r.topic, en)}`);
console.log(`model    all ${acc((r) => argmax(r.probs) === r.topic)}  vi ${acc((r) => argmax(r.probs) === r.topic, vi)}  en ${acc((r) => argmax(r.probs) === r.topic, en)}`);
if (out) writeFileSync(out, JSON.stringify(records));
