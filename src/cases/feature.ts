// The case-work feature: officers' `case:*` buttons and typed `case.*` steps, the reporter's
// `status:*` buttons and additions, and status asked in plain words (before the guidance answers).
import type { Ctx, Feature } from '../core/context';
import { mainMenuButtons } from '../core/menu';
import { detectEmergency } from '../triage';
import { handleCaseButton, handleCaseStep } from './chat';
import { ADD_INFO_STEP, answerStatus, asksForStatus, handleAddition, handleStatusButton } from './reporter';
import { answerCode } from './status';

/**
 * `onText` is what answers free text otherwise (the guidance feature): a message that asks after
 * one's report gets its status, anything else — and anything that sounds like danger now — goes on.
 */
export function createCaseWorkFeature(onText?: (ctx: Ctx) => Promise<void>): Feature {
  const fallback = onText ?? (async (ctx: Ctx) => ctx.reply(ctx.t.unknown, mainMenuButtons(ctx.t)));
  return {
    name: 'case-work',
    buttons: {
      case: handleCaseButton,
      status: handleStatusButton,
    },
    steps: {
      prefix: 'case.',
      handle: (ctx) => (ctx.state.step === ADD_INFO_STEP ? handleAddition(ctx) : handleCaseStep(ctx)),
    },
    onText: async (ctx) => {
      const text = ctx.inc.text ?? '';
      const asked = asksForStatus(text);
      if (asked && !detectEmergency(text).emergency) return asked.ref ? answerCode(ctx, asked.ref) : answerStatus(ctx, null);
      return fallback(ctx);
    },
  };
}
