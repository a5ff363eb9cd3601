// The case-work feature: officers' `case:*` buttons and typed `case.*` steps, the reporter's
// `status:*` buttons and additions, and status asked in plain words (before the guidance answers).
import type { Ctx, Feature } from '../core/context';
import { mainMenuButtons } from '../core/menu';
import { ask } from '../knowledge';
import { MAX_PAYLOAD_CHARS } from '../core/engine';
import { CASE_STEP, handleCaseButton, handleCaseStep } from './chat';
import { accessReads } from './officer';
import { statementOf } from '../db/deferred';
import { reporterQuery } from './recipients';
import { parseCaseRef } from './ref';
import { rememberedReporter } from './reporter-memo';
import { ADD_INFO_STEP, answerStatus, asksForStatus, handleAddition, handleStatusButton } from './reporter';
import { answerCode } from './status';

/** "Báo rồi mà chưa thấy ai liên hệ" is 7 words: longer, and the rest may say what is happening now. */
const STATUS_PHRASE_MAX_WORDS = 8;

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
    // An officer's button names the case, and a typed answer's step holds it: the officer's rows and the
    // case are read with the update's first batch on a remote database (core/prefetch.ts).
    prefetch: {
      fromUpdate({ deps, inc }) {
        const [area, action, ref] = (inc.button ?? '').slice(0, MAX_PAYLOAD_CHARS).split(':');
        if (area !== 'case' || !ref) return [];
        const reads = accessReads(deps.db, { channel: inc.channel, userId: inc.userId }, ref);
        // A step that moves the case tells its reporter: their row too, when this process knows who filed it.
        const parsed = parseCaseRef(ref);
        const reporter = action !== 'view' && parsed ? rememberedReporter(parsed) : undefined;
        return reporter === undefined ? reads : [...reads, statementOf(reporterQuery(deps.db, reporter))];
      },
      steps: Object.values(CASE_STEP),
      fromState({ deps, inc, state }) {
        const ref = state.data.ref;
        return typeof ref === 'string' && inc.button === undefined ? accessReads(deps.db, { channel: inc.channel, userId: inc.userId }, ref) : [];
      },
    },
    onText: async (ctx) => {
      const text = ctx.inc.text ?? '';
      const asked = asksForStatus(text);
      if (asked) {
        // Judged as the guidance feature judges it. A short status phrase ("báo rồi mà chưa thấy ai")
        // gets the status, with the emergency numbers in the same reply when its words might also mean
        // danger; a longer message with danger or a disclosure in it goes on to the crisis answer.
        const triage = ask(text).triage;
        const maybeDanger = triage.triage !== 'question';
        if (!maybeDanger || text.trim().split(/\s+/).length <= STATUS_PHRASE_MAX_WORDS) {
          return asked.ref ? answerCode(ctx, asked.ref, { danger: maybeDanger }) : answerStatus(ctx, null, { danger: maybeDanger });
        }
      }
      return fallback(ctx);
    },
  };
}
