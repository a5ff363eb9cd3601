// Public API of triage, bound to content/triage.yaml as compiled by `npm run build:content`.
// The rules are compiled on first use, not at import.
import { synonyms, triage } from '../knowledge/compiled.generated';
import { expandShorthand } from '../knowledge/text';
import { createDetector, type Detection, type Detector } from './detect';
import { triageModel } from './model.generated';
import type { TriageOutcome } from './outcome';

export type { Detection, Detector } from './detect';
export { createDetector } from './detect';
export { createTriage, type Triage } from './classify';
export { createTriageModel, type TriageModel, type TriageModelData } from './model';
export * from './outcome';

let detector: Detector | undefined;
function instance(): Detector {
  detector ??= createDetector(triage(), triageModel());
  return detector;
}

/**
 * Danger now, a disclosure of abuse, or a question — with the kind, the writer's voice and the
 * language. Chat shorthand ("ko thay con dau") is spelled out first, as `ask` does.
 */
export function classifyTriage(text: string): TriageOutcome {
  return instance().classify(expandShorthand(text, synonyms().shorthand));
}

/** Is this message an emergency happening now? True exactly when classifyTriage says danger. */
export function detectEmergency(text: string): Detection {
  return instance().detect(expandShorthand(text, synonyms().shorthand));
}

/** The rules alone (content/triage.yaml), without the classifier: for `npm run eval`'s comparison. */
export function classifyTriageRulesOnly(text: string): TriageOutcome {
  rulesOnly ??= createDetector(triage());
  return rulesOnly.classify(expandShorthand(text, synonyms().shorthand));
}
let rulesOnly: Detector | undefined;

/** Outcome and reason (the rule, and the classifier when it raised the outcome), for scripts/triage-why.ts. */
export function explainTriage(text: string): { outcome: TriageOutcome; why: string } {
  return instance().explain(expandShorthand(text, synonyms().shorthand));
}
