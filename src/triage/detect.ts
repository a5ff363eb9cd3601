// The emergency view of triage, for callers that only ask "is this an emergency?":
// `emergency` is true exactly when the triage outcome is danger now (src/triage/classify.ts).
import type { TriageRules } from '../knowledge/schema';
import { createTriage, type Triage } from './classify';
import { createTriageModel, type TriageModelData } from './model';
import type { TriageOutcome } from './outcome';

export interface Detection {
  emergency: boolean;
  /** The danger kind when `emergency`, else null. */
  kind: string | null;
  /** The full outcome: danger, disclosure or question, with kind, voice and language. */
  outcome: TriageOutcome;
}

export interface Detector {
  detect(text: string): Detection;
  classify(text: string): TriageOutcome;
  /** The outcome and why: the rule that fired, and the classifier's reason when it raised the outcome. */
  explain(text: string): { outcome: TriageOutcome; why: string };
  /** Guides a reply of this kind may point to, the usual one first. */
  topicsFor(kind: string, triage?: 'danger' | 'disclosure'): string[];
}

/**
 * Rules first (content/triage.yaml); with a model (src/triage/model.ts), the classifier may then
 * raise a question to a disclosure or danger, or a disclosure to danger. Without one, rules only.
 * It may raise a question even where general or prevention wording cancelled the danger words: a
 * gate that stopped it there saved a false alarm or two in a few hundred messages and lost a danger on
 * two sets, and recall comes first (docs/triage.md).
 */
export function createDetector(rules: TriageRules, model?: TriageModelData): Detector {
  const triage: Triage = createTriage(rules);
  const second = model ? createTriageModel(model) : undefined;
  const classify = (text: string): TriageOutcome => {
    if (!second) return triage.classify(text);
    return second.decide(text, triage.decide(text)).outcome;
  };
  return {
    detect(text: string): Detection {
      const outcome = classify(text);
      return outcome.triage === 'danger'
        ? { emergency: true, kind: outcome.kind, outcome }
        : { emergency: false, kind: null, outcome };
    },
    classify,
    explain(text) {
      const ruled = triage.explain(text);
      const raised = second?.decide(text, triage.decide(text));
      if (!raised?.why) return ruled;
      const how = ruled.outcome.triage === 'danger' ? 'kind chosen by the' : 'raised by the';
      return { outcome: raised.outcome, why: `${ruled.why}; ${how} ${raised.why}` };
    },
    topicsFor: (kind, t) => triage.topicsFor(kind, t),
  };
}
