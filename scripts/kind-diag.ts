// Where the danger kind goes wrong: for each danger line of the given sets, the gold kind, every
// kind the rules fired (in priority order), how, and the classifier's kind shares. JSON lines out.
import { synonyms, triage } from '../src/knowledge/compiled.generated';
import { expandShorthand } from '../src/knowledge/text';
import { createTriage } from '../src/triage/classify';
import { createTriageModel } from '../src/triage/model';
import { triageModel } from '../src/triage/model.generated';
import { readTriageSet } from './eval-triage';

const rules = createTriage(triage());
const model = createTriageModel(triageModel());
for (const path of process.argv.slice(2)) {
  for (const x of readTriageSet(path)) {
    if (x.triage !== 'danger') continue;
    const text = expandShorthand(x.q, synonyms().shorthand);
    const d = rules.decide(text);
    const s = model.score(text);
    const shares = Object.entries(s.kindShares).sort((a, b) => b[1] - a[1]).slice(0, 4).map(([k, v]) => [k, +v.toFixed(2)]);
    console.log(JSON.stringify({ set: path.replace(/.*triage-/, ''), gold: x.kind, rule: d.outcome.triage === 'danger' ? d.outcome.kind : d.outcome.triage, kinds: d.kinds, by: d.by, pd: +s.danger.toFixed(2), shares, q: x.q }));
  }
}
