// Public API of triage, bound to content/triage.yaml as compiled by `npm run build:content`.
// The rules are compiled on first use, not at import.
import { synonyms, triage } from '../knowledge/compiled.generated';
import { readChat } from '../knowledge/text';
import { createDetector, type Detection, type Detector } from './detect';
import { triageModel } from './model.generated';
import type { TriageOutcome } from './outcome';
import { ownWords, type VoiceReading } from './voice';

export type { Detection, Detector } from './detect';
export type { VoiceReading } from './voice';
export { createDetector } from './detect';
export { createTriage, type Triage } from './classify';
export { createTriageModel, type TriageModel, type TriageModelData } from './model';
export * from './outcome';

let detector: Detector | undefined;
function instance(): Detector {
  detector ??= createDetector(triage(), triageModel());
  return detector;
}

/** The outcome, with the writer read from their own words (src/triage/voice.ts ownWords). */
function withVoice(outcome: TriageOutcome, text: string): TriageOutcome {
  const voice = instance().voice(ownWords(text, synonyms().shorthand)).voice;
  return voice === outcome.voice ? outcome : { ...outcome, voice };
}

/** The message as triage reads it, exactly as `ask` reads it: chat shorthand and chat spellings read first. */
function read(text: string): string {
  return readChat(text, synonyms().shorthand);
}

/**
 * Danger now, a disclosure of abuse, or a question — with the kind, the writer's voice and the
 * language. Chat shorthand ("ko thay con dau") and chat spellings are read first, as `ask` does.
 */
export function classifyTriage(text: string): TriageOutcome {
  return withVoice(instance().classify(read(text)), text);
}

/** Is this message an emergency happening now? True exactly when classifyTriage says danger. */
export function detectEmergency(text: string): Detection {
  const d = instance().detect(read(text));
  return { ...d, outcome: withVoice(d.outcome, text) };
}

/** Who is writing and why (src/triage/voice.ts), for scripts/triage-why.ts. */
export function explainVoice(text: string): VoiceReading {
  return instance().voice(ownWords(text, synonyms().shorthand));
}

/** The rules alone (content/triage.yaml), without the classifier: for `npm run eval`'s comparison. */
export function classifyTriageRulesOnly(text: string): TriageOutcome {
  rulesOnly ??= createDetector(triage());
  return withVoice(rulesOnly.classify(read(text)), text);
}
let rulesOnly: Detector | undefined;

/** Outcome and reason (the rule, and the classifier when it raised the outcome), for scripts/triage-why.ts. */
export function explainTriage(text: string): { outcome: TriageOutcome; why: string } {
  const { outcome, why } = instance().explain(read(text));
  return { outcome: withVoice(outcome, text), why };
}
