// The guidance feature: free-text questions (triage first, then search) and topic buttons.
// A danger or a disclosure gets its crisis reply; a follow-up never repeats the previous answer.
import type { Ctx, Feature } from '../core/context';
import { mainMenuButtons } from '../core/menu';
import type { Lang } from '../core/types';
import type { TriageOutcome } from '../triage/outcome';
import { crisisFollowUp, firstCrisisReply, type CrisisOutcome } from './crisis-replies';
import { ask, getGuide, renderAnswer, renderGuideFull } from './index';
import { recentReplyTexts } from './recent-replies';
import { classifyTriage } from './triage-adapter';

/** How many of the last replies a new answer must differ from. */
const NO_REPEAT_DEPTH = 2;

/** English in, English out; Vietnamese in, Vietnamese out; text without marks keeps the chosen language. */
function answerLang(outcome: TriageOutcome, text: string, chosen: Lang): Lang {
  if (outcome.lang === 'en') return 'en';
  return /[à-ỹđ]/iu.test(text) ? 'vi' : chosen;
}

/** The first candidate that is not one of the recent replies; the last one if all are. */
function notRepeated<T extends { text: string }>(candidates: T[], recent: string[]): T {
  return candidates.find((c) => !recent.includes(c.text)) ?? candidates.at(-1)!;
}

async function crisisReply(ctx: Ctx, outcome: CrisisOutcome): Promise<void> {
  const recent = await recentReplyTexts(ctx, NO_REPEAT_DEPTH);
  const first = firstCrisisReply(outcome);
  const next = crisisFollowUp(outcome);
  const full = renderGuideFull(first.guide, outcome.lang);
  const candidates = [first, next, ...(full && outcome.voice === 'adult' ? [{ ...next, ...full, buttons: [next.buttons[0]!, ...full.buttons] }] : [])];
  const r = notRepeated(candidates, recent);
  ctx.reply(r.text, r.buttons, { calls: r.calls, tone: r.tone });
}

export const guidanceFeature: Feature = {
  name: 'guidance',
  buttons: {
    topic: async (ctx, [slug = '']) => {
      if (!getGuide(slug)) {
        ctx.reply(ctx.t.expiredButton, mainMenuButtons(ctx.t));
        return;
      }
      const r = renderAnswer({ kind: 'answer', topic: slug, score: 1 }, ctx.lang);
      ctx.reply(r.text, r.buttons);
    },
    guide: async (ctx, [action, slug = '']) => {
      const full = action === 'full' ? renderGuideFull(slug, ctx.lang) : null;
      if (!full) {
        ctx.reply(ctx.t.expiredButton, mainMenuButtons(ctx.t));
        return;
      }
      ctx.reply(full.text, full.buttons);
    },
  },
  onText: async (ctx) => {
    const text = ctx.inc.text ?? '';
    const outcome = classifyTriage(text);
    if (outcome.triage !== 'question') return crisisReply(ctx, outcome);
    const result = ask(text);
    const lang = answerLang(outcome, text, ctx.lang);
    const answer = renderAnswer(result, lang);
    if (result.kind !== 'answer') {
      ctx.reply(answer.text, answer.buttons);
      return;
    }
    // The same question again: the full guide rather than the same summary.
    const recent = await recentReplyTexts(ctx, NO_REPEAT_DEPTH);
    const full = renderGuideFull(result.topic, lang);
    const r = notRepeated([answer, ...(full ? [full] : [])], recent);
    ctx.reply(r.text, r.buttons);
  },
};
