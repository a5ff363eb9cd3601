// `npx tsx scripts/triage-misses.ts SET.jsonl … [--all]`: per message, the label, the rules-only and final outcome, the classifier's P and why (only the wrong ones unless --all). For tuning (session 10).
import { readTriageSet } from './eval-triage';
import { classifyTriageRulesOnly, explainTriage } from '../src/triage';
import { createTriageModel } from '../src/triage/model';
import { triageModel } from '../src/triage/model.generated';
import { synonyms } from '../src/knowledge/compiled.generated';
import { expandShorthand } from '../src/knowledge/text';
const model = createTriageModel(triageModel());
const args = process.argv.slice(2);
const all = args.includes('--all');
for (const f of args.filter((a) => !a.startsWith('--'))) {
  for (const r of readTriageSet(f)) {
    const rules = classifyTriageRulesOnly(r.q);
    const { outcome, why } = explainTriage(r.q);
    const s = model.score(expandShorthand(r.q, synonyms().shorthand));
    const wrong = r.triage === 'question' ? outcome.triage !== 'question' : r.triage === 'danger' ? outcome.triage !== 'danger' : outcome.triage === 'question';
    if (!all && !wrong) continue;
    console.log(`${wrong ? 'X' : ' '} ${r.triage.padEnd(10)} rules=${rules.triage.padEnd(10)} final=${outcome.triage.padEnd(10)} P(d)=${s.danger.toFixed(3)} P(x)=${s.disclosure.toFixed(3)} | ${r.q}\n      ${why}`);
  }
}
