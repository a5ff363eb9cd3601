// `npx tsx scripts/triage-dump.ts SET.jsonl …`: one TSV line per message — how the rules fired (by:evidence), set, label, rules outcome, why, P(danger), P(disclosure), final outcome, text. For measuring gates and vetoes (session 10).
import { readTriageSet } from './eval-triage';
import { explainTriage } from '../src/triage';
import { createTriage } from '../src/triage/classify';
import { createTriageModel } from '../src/triage/model';
import { triageModel } from '../src/triage/model.generated';
import { synonyms, triage } from '../src/knowledge/compiled.generated';
import { expandShorthand } from '../src/knowledge/text';
const model = createTriageModel(triageModel());
const rules = createTriage(triage());
for (const f of process.argv.slice(2)) {
  for (const r of readTriageSet(f)) {
    const text = expandShorthand(r.q, synonyms().shorthand);
    const ru = rules.explain(text);
    const { outcome } = explainTriage(r.q);
    const s = model.score(text);
    const d = rules.decide(text);
    console.log([(d.by ?? '-') + ':' + (d.evidence ?? []).join(','), f.replace(/.*\//, '').replace('.jsonl', ''), r.triage, ru.outcome.triage, ru.why.replace(/\t/g, ' '), s.danger.toFixed(4), s.disclosure.toFixed(4), outcome.triage, r.q].join('\t'));
  }
}
