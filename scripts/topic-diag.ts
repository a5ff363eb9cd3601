// `npx tsx scripts/topic-diag.ts FILE.jsonl`: for each topic miss, the search's and the classifier's top guides.
import { readFileSync } from 'node:fs';
import { compiledContent } from '../src/knowledge';
import { createKnowledge } from '../src/knowledge/knowledge';
import { confidenceOf } from '../src/knowledge/answer';
import { createTopicModel } from '../src/knowledge/topic-model';
import { expandShorthand, looksEnglish } from '../src/knowledge/text';

const k = createKnowledge(compiledContent);
const model = createTopicModel(compiledContent.topicModel!);
for (const file of process.argv.slice(2)) {
  for (const line of readFileSync(file, 'utf8').split('\n').filter((l) => l.trim())) {
    const x = JSON.parse(line) as { q: string; topic: string | null };
    const r = k.ask(x.q);
    if (r.topic === x.topic || (x.topic === null && r.kind !== 'answer')) continue;
    const text = expandShorthand(x.q, compiledContent.synonyms.shorthand);
    const { query, ranked } = k.searcher.search(text);
    const en = looksEnglish(text);
    const probs = [...model.classify(query.terms.map((t) => t.term)).probabilities].sort((a, b) => b[1] - a[1]);
    const rank = ranked.findIndex((g) => g.slug === x.topic);
    console.log(`${x.q}\n  want ${x.topic} (search rank ${rank + 1}, p ${(probs.find(([s]) => s === x.topic)?.[1] ?? 0).toFixed(2)}) got ${r.kind} ${r.topic}`);
    console.log(`  search: ${ranked.slice(0, 3).map((g) => `${g.slug} ${g.score.toFixed(0)} c${confidenceOf(g, en).toFixed(2)}`).join(' | ')}`);
    console.log(`  model:  ${probs.slice(0, 3).map(([s, p]) => `${s} ${p.toFixed(2)}`).join(' | ')}`);
    console.log(`  words:  ${query.words.join(' ')}`);
  }
}
