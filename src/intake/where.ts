// `/diachi`: "which commune am I in?" from a shared location (or an old address), for anyone.
// Coordinates are neither stored nor logged: the answer is computed and the point forgotten.
import type { Ctx, Feature } from '../core/context';
import { fill } from '../core/messages';
import type { CommuneRef } from '../routing/types';
import { reportsMessages } from '../reports/messages';

const STEP = 'where.location';

const line = (c: CommuneRef): string => `• ${c.name}, ${c.province_name}`;

async function answerPoint(ctx: Ctx): Promise<void> {
  const t = reportsMessages[ctx.lang];
  const locate = ctx.deps.services.locatePoint;
  if (!locate || !ctx.inc.location) {
    ctx.setState(null);
    ctx.reply(t.whereUnavailable);
    return;
  }
  const r = await locate(ctx.inc.location);
  if (r.commune && !r.nearBorder) {
    ctx.setState(null);
    ctx.reply(fill(t.whereFound, { commune: r.commune.name, province: r.commune.province_name }));
    return;
  }
  const list = r.candidates.length ? r.candidates : r.commune ? [r.commune] : [];
  if (list.length) {
    ctx.setState(null);
    ctx.reply(fill(t.whereBorder, { list: list.map(line).join('\n') }));
    return;
  }
  // At sea or abroad: ask again, still waiting for a location.
  ctx.setState(STEP);
  ctx.reply(t.whereNowhere);
}

async function answerAddress(ctx: Ctx, text: string): Promise<void> {
  const t = reportsMessages[ctx.lang];
  const resolve = ctx.deps.services.resolveAddress;
  if (!resolve) {
    ctx.setState(null);
    ctx.reply(t.whereUnavailable);
    return;
  }
  const r = await resolve(text.slice(0, 300));
  if (r.commune) {
    ctx.setState(null);
    ctx.reply(fill(t.whereAddressFound, { commune: r.commune.name, province: r.commune.province_name }));
  } else if (r.candidates.length) {
    ctx.setState(null);
    ctx.reply(fill(t.whereCandidates, { list: r.candidates.slice(0, 8).map(line).join('\n') }));
  } else {
    // Not kept waiting: the text may have been a question rather than an address.
    ctx.setState(null);
    ctx.reply(t.whereNotFound);
  }
}

export const whereFeature: Feature = {
  name: 'where',
  commands: {
    diachi: async (ctx, arg) => {
      if (arg) return answerAddress(ctx, arg);
      ctx.setState(STEP);
      ctx.reply(reportsMessages[ctx.lang].whereAsk);
    },
  },
  steps: {
    prefix: 'where.',
    handle: async (ctx) => {
      if (ctx.inc.location) return answerPoint(ctx);
      const text = (ctx.inc.text ?? '').trim();
      if (text) return answerAddress(ctx, text);
      ctx.reply(reportsMessages[ctx.lang].whereAsk);
    },
  },
  onLocation: answerPoint,
};
