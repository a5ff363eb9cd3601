// `npx tsx scripts/triage-why.ts "message" …`: the triage outcome of each message, the rule that
// decided it (content/triage.yaml) and, when the classifier raised it, the classifier's scores and
// the features that weighed most, and who is writing with the evidence each side (src/triage/voice.ts);
// after chat shorthand is spelled out. For tuning the cue lists.
import { synonyms } from '../src/knowledge/compiled.generated';
import { expandShorthand } from '../src/knowledge/text';
import { explainTriage, explainVoice } from '../src/triage';
import { createTriageModel } from '../src/triage/model';
import { triageModel } from '../src/triage/model.generated';

const model = createTriageModel(triageModel());
for (const q of process.argv.slice(2)) {
  const text = expandShorthand(q, synonyms().shorthand);
  const { outcome, why } = explainTriage(q);
  const s = model.score(text);
  const v = explainVoice(q);
  console.log(
    `${JSON.stringify(outcome)}\n  ${why}\n  classifier: danger ${s.danger.toFixed(2)} (${s.dangerKind} ${s.dangerKindShare.toFixed(2)}), ` +
      `disclosure ${s.disclosure.toFixed(2)} (${s.disclosureKind}); ${s.top.join(', ')}\n` +
      `  voice ${v.voice}: child [${v.child.join('; ')}] adult [${v.adult.join('; ')}]\n  read as: ${text}`,
  );
}
