// The grammY bot: turns Telegram updates into core Incoming messages. No business rules here.
import { Bot, type Context } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { Incoming, MediaKind } from '../../core/types';
import { errorFields } from '../../ground/log';
import type { Runtime } from '../../runtime';
import { scopeOf } from '../scope';
import { retryAfter } from './retry-after';

export interface TelegramOptions {
  token: string;
  apiRoot: string;
  botInfo?: UserFromGetMe;
  /** Injected fetch (tests, Workers); bound at call time so msw or a fake can intercept it. */
  fetch?: typeof fetch;
}

export function createBot(opts: TelegramOptions, rt: Runtime): Bot {
  const bot = new Bot(opts.token, {
    botInfo: opts.botInfo,
    client: {
      apiRoot: opts.apiRoot,
      ...(opts.fetch ? { fetch: ((...args: Parameters<typeof fetch>) => opts.fetch!(...args)) as never } : {}),
    },
  });
  // Short 429 waits are absorbed here; longer ones go back to the outbox with retry_after. A 5xx or
  // a network error fails at once: the outbox retries it with backoff (never inside the webhook
  // request or the tick for long).
  bot.api.config.use(retryAfter({ maxRetries: 2, maxDelaySeconds: 5 }));

  bot.on('callback_query', async (ctx) => {
    try {
      // A callback without data (a game button, a client quirk) has nothing to do, but is answered.
      const data = ctx.callbackQuery.data;
      if (data) await handle(ctx, rt, { button: data });
    } finally {
      // The spinner on the pressed button stops, after the answer (a slow Bot API never holds the
      // webhook), and also when handling failed; failing to answer is harmless.
      rt.background(ctx.answerCallbackQuery().catch(() => undefined), scopeOf(ctx.update));
    }
  });
  bot.on('message:location', (ctx) =>
    handle(ctx, rt, { location: { lat: ctx.message.location.latitude, lon: ctx.message.location.longitude } }),
  );
  bot.on('message:photo', (ctx) => {
    const largest = ctx.message.photo.at(-1);
    return handle(ctx, rt, { text: ctx.message.caption ?? '', photo: largest ? { fileId: largest.file_id } : undefined });
  });
  bot.on('message:text', (ctx) => handle(ctx, rt, { text: ctx.message.text }));
  // A shared contact (the "share my number" button, or a contact card) is read as the number it holds.
  bot.on('message:contact', (ctx) => handle(ctx, rt, { text: ctx.message.contact.phone_number }));
  // What the bot cannot read gets a "write it in words" (a caption is still read as text).
  const media: Array<[Parameters<typeof bot.on>[0], MediaKind]> = [
    ['message:sticker', 'sticker'],
    ['message:voice', 'voice'],
    ['message:video_note', 'voice'],
    ['message:audio', 'audio'],
    ['message:video', 'video'],
    ['message:animation', 'gif'],
    ['message:document', 'file'],
  ];
  for (const [filter, kind] of media) bot.on(filter, (ctx) => handle(ctx, rt, { text: ctx.message?.caption ?? '', media: kind }));
  bot.on('message', (ctx) => handle(ctx, rt, { text: '', media: 'other' }));
  bot.catch((err) => {
    rt.core.log.error('telegram.update_failed', errorFields(err.error));
    throw err.error;
  });
  return bot;
}

async function handle(ctx: Context, rt: Runtime, what: Omit<Incoming, 'channel' | 'userId' | 'at'>): Promise<void> {
  const chatId = ctx.chat?.id ?? ctx.from?.id;
  if (chatId === undefined) return;
  // Only private chats: reports and guidance are personal; groups are ignored.
  if (ctx.chat && ctx.chat.type !== 'private') return;
  const date = ctx.message?.date ?? ctx.callbackQuery?.message?.date;
  const at = ctx.callbackQuery ? rt.now() : date ? new Date(date * 1000) : rt.now();
  // Resolves once committed; the replies are sent after the webhook's answer (runtime.receive).
  await rt.receive({ channel: 'telegram', userId: String(chatId), at, dedupeKey: `telegram:${ctx.update.update_id}`, ...what }, { scope: scopeOf(ctx.update) });
}
