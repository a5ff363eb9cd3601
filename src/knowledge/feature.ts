// The guidance feature: free-text questions (triage first, then search) and topic buttons.
import type { Feature } from '../core/context';
import { mainMenuButtons } from '../core/menu';
import { ask, getGuide, renderAnswer, renderGuideFull } from './index';

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
    const result = ask(ctx.inc.text ?? '');
    const r = renderAnswer(result, ctx.lang);
    ctx.reply(r.text, r.buttons);
  },
};
