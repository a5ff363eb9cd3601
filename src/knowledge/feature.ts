// The guidance feature: free-text questions (triage first, then search) and topic buttons.
// A danger or a disclosure gets its crisis reply; a follow-up never repeats the previous answer.
import type { Ctx, Feature } from '../core/context';
import { mainMenuButtons } from '../core/menu';
import { catalogues } from '../core/messages';
import type { Lang } from '../core/types';
import type { DangerKind, DisclosureKind, TriageOutcome } from '../triage/outcome';
import { crisisFollowUp, firstCrisisReply, type CrisisOutcome } from './crisis-replies';
import { ask, getGuide, renderAnswer, renderGuideFull } from './index';
import { recentReplies, type RecentReply } from './recent-replies';

/** How many of the last replies a new answer must differ from. */
const NO_REPEAT_DEPTH = 2;
/** How long after a crisis reply a vague message is still taken as its follow-up. */
const FOLLOW_UP_WINDOW_MS = 6 * 60 * 60_000;

/** English in, English out; Vietnamese in, Vietnamese out; text without marks keeps the chosen language. */
function answerLang(outcome: TriageOutcome, text: string, chosen: Lang): Lang {
  if (outcome.lang === 'en') return 'en';
  return /[\u00e0-\u1ef9\u0111]/iu.test(text) /* à-ỹ, đ */ ? 'vi' : chosen;
}

/** The first candidate that is not one of the recent replies; the last one if all are. */
function notRepeated<T extends { text: string }>(candidates: T[], recent: RecentReply[]): T {
  return candidates.find((c) => !recent.some((r) => r.text === c.text)) ?? candidates.at(-1)!;
}

/** This reply's own words (and the engine's menu button on it) in the language of the message. */
function speak(ctx: Ctx, lang: Lang): void {
  ctx.t = catalogues[lang];
}

function crisisReply(ctx: Ctx, outcome: CrisisOutcome, recent: RecentReply[]): void {
  speak(ctx, outcome.lang);
  const first = firstCrisisReply(outcome);
  const next = crisisFollowUp(outcome);
  const full = renderGuideFull(first.guide, outcome.lang);
  const candidates = [first, next, ...(full && outcome.voice === 'adult' ? [{ ...next, ...full, buttons: [next.buttons[0]!, ...full.buttons] }] : [])];
  const r = notRepeated(candidates, recent);
  const { triage, kind, voice, lang } = outcome;
  ctx.reply(r.text, r.buttons, { calls: r.calls, tone: r.tone, context: { triage, kind, voice, lang } });
}

/** The outcome a recent crisis reply answered, if the last reply was one and is recent enough. */
function openCrisis(recent: RecentReply[], at: Date): CrisisOutcome | null {
  const last = recent[0];
  if (!last?.context || at.getTime() - last.at.getTime() > FOLLOW_UP_WINDOW_MS) return null;
  const c = last.context;
  return c.triage === 'danger'
    ? { triage: 'danger', kind: c.kind as DangerKind, voice: c.voice, lang: c.lang }
    : { triage: 'disclosure', kind: c.kind as DisclosureKind, voice: c.voice, lang: c.lang };
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
    // Triage runs first, inside ask: danger now or a disclosure gets its crisis reply.
    const result = ask(text);
    const outcome = result.triage;
    const recent = await recentReplies(ctx, NO_REPEAT_DEPTH);
    if (outcome.triage !== 'question') return crisisReply(ctx, outcome, recent);
    // "What do I do now?" right after a crisis reply, with nothing the guides match: its follow-up.
    const open = result.kind === 'unsure' || result.kind === 'offtopic' ? openCrisis(recent, ctx.at) : null;
    if (open) return crisisReply(ctx, open, recent);
    const lang = answerLang(outcome, text, ctx.lang);
    speak(ctx, lang);
    const answer = renderAnswer(result, lang);
    if (result.kind !== 'answer') {
      ctx.reply(answer.text, answer.buttons);
      return;
    }
    // The same question again: the full guide rather than the same summary.
    const full = renderGuideFull(result.topic, lang);
    const r = notRepeated([answer, ...(full ? [full] : [])], recent);
    ctx.reply(r.text, r.buttons);
  },
};
