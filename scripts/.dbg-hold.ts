import * as compiled from '../src/knowledge/compiled.generated';
import { createKnowledge } from '../src/knowledge/knowledge';
import { confidenceOf } from '../src/knowledge/answer';
import { looksEnglish } from '../src/knowledge/text';
const k = createKnowledge(compiled);
for (const q of process.argv.slice(2)) {
  const o = k.searcher.search(q);
  console.log('\n## ' + q + '  => ' + JSON.stringify(k.ask(q)));
  console.log('  words', o.query.words.join(' '), ' known', o.known.toFixed(2));
  console.log('  terms', o.query.terms.map((t) => `${t.term}:${t.boost}`).join(' '));
  for (const r of o.ranked.slice(0, 4)) console.log(`  ${r.slug.padEnd(30)} s=${r.score.toFixed(1)} cov=${r.coverage.toFixed(2)} ph=${r.phrases} conf=${confidenceOf(r, looksEnglish(q))}`);
}
