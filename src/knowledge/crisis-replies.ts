// The crisis replies bound to the compiled content (content/crisis.yaml, hotlines, guides).
import { guides, hotlines } from './compiled.generated';
import { crisis } from './crisis.generated';
import { createCrisisRenderer, type CrisisOutcome, type CrisisRenderer, type CrisisReply } from './crisis';

export type { CrisisOutcome, CrisisReply } from './crisis';

let renderer: CrisisRenderer | undefined;
function crisisRenderer(): CrisisRenderer {
  renderer ??= createCrisisRenderer(crisis(), hotlines(), guides());
  return renderer;
}

/** The first reply to a danger or a disclosure. */
export function firstCrisisReply(outcome: CrisisOutcome): CrisisReply {
  return crisisRenderer().first(outcome);
}

/** The reply when the first one was just given: the number in other words, then the next useful thing. */
export function crisisFollowUp(outcome: CrisisOutcome): CrisisReply {
  return crisisRenderer().followUp(outcome);
}
