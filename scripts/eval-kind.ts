// `npx tsx scripts/eval-kind.ts set.jsonl…`: danger kind right (of the dangers caught) per set, with
// the kind chosen as the bot does (src/triage/kind.ts) and with the rules' first kind only (the
// resolver switched off, same rules and model): what choosing the kind with the classifier adds.
import { synonyms, triage } from '../src/knowledge/compiled.generated';
import { expandShorthand } from '../src/knowledge/text';
import { createDetector } from '../src/triage/detect';
import { triageModel } from '../src/triage/model.generated';
import { readTriageSet } from './eval-triage';

const model = triageModel();
const on = createDetector(triage(), model);
const off = createDetector(triage(), {
  ...model,
  thresholds: { ...model.thresholds, kind_switch: 2, kind_after_distress: 2, kind_neighbours: {} },
});
for (const path of process.argv.slice(2)) {
  const tally: Record<'off' | 'on', [number, number]> = { off: [0, 0], on: [0, 0] };
  for (const x of readTriageSet(path)) {
    if (x.triage !== 'danger') continue;
    const text = expandShorthand(x.q, synonyms().shorthand);
    for (const [name, d] of [['off', off], ['on', on]] as const) {
      const o = d.classify(text);
      if (o.triage !== 'danger') continue;
      tally[name][1]++;
      if (o.kind === x.kind) tally[name][0]++;
    }
  }
  const pct = ([a, n]: [number, number]) => `${((100 * a) / n).toFixed(1)}% (${a}/${n})`;
  console.log(`${path.replace(/.*\//, '').padEnd(28)} rules' kind ${pct(tally.off).padEnd(16)} chosen ${pct(tally.on)}`);
}
