// The emergency view of triage, for callers that only ask "is this an emergency?":
// `emergency` is true exactly when the triage outcome is danger now (src/triage/classify.ts).
import type { TriageRules } from '../knowledge/schema';
import { createTriage, type Triage } from './classify';
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
  /** Guides a reply of this kind may point to, the usual one first. */
  topicsFor(kind: string, triage?: 'danger' | 'disclosure'): string[];
}

export function createDetector(rules: TriageRules): Detector {
  const triage: Triage = createTriage(rules);
  return {
    detect(text: string): Detection {
      const outcome = triage.classify(text);
      return outcome.triage === 'danger'
        ? { emergency: true, kind: outcome.kind, outcome }
        : { emergency: false, kind: null, outcome };
    },
    classify: (text) => triage.classify(text),
    topicsFor: (kind, t) => triage.topicsFor(kind, t),
  };
}
