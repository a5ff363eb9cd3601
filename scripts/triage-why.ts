// `npx tsx scripts/triage-why.ts "message" …`: the triage outcome of each message and the rule that
// decided it (content/triage.yaml), after chat shorthand is spelled out. For tuning the cue lists.
import { synonyms, triage } from '../src/knowledge/compiled.generated';
import { expandShorthand } from '../src/knowledge/text';
import { createTriage } from '../src/triage/classify';

const t = createTriage(triage);
for (const q of process.argv.slice(2)) {
  const text = expandShorthand(q, synonyms.shorthand);
  const { outcome, why } = t.explain(text);
  console.log(`${JSON.stringify(outcome)}\n  ${why}\n  read as: ${text}`);
}
