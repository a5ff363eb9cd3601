// The grammY bot: turns Telegram updates into core Incoming messages. No business rules here.
import { Bot, type Context } from 'grammy';
import type { Message, UserFromGetMe } from 'grammy/types';
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
      rt.afterAnswer(() => ctx.answerCallbackQuery().catch(() => undefined), scopeOf(ctx.update));
    }
  });
  // One handler for every message, read by `readMessage`: each `bot.on` filter query is parsed and
  // checked by grammY when it is registered, in every Worker isolate's boot (~4 M instructions for
  // the eleven message kinds), and the kinds are tried in one order anyway.
  bot.on('message', (ctx) => handle(ctx, rt, readMessage(ctx.message)));
  bot.catch((err) => {
    rt.core.log.error('telegram.update_failed', errorFields(err.error));
    throw err.error;
  });
  return bot;
}

/** What the bot cannot read but answers with "write it in words", tried in this order (an animation also carries a document). */
const MEDIA: ReadonlyArray<[keyof Message, MediaKind]> = [
  ['sticker', 'sticker'],
  ['voice', 'voice'],
  ['video_note', 'voice'],
  ['audio', 'audio'],
  ['video', 'video'],
  ['animation', 'gif'],
  ['document', 'file'],
];

/**
 * A message as the core reads it: a location, a photo (its caption as text), text, a shared contact
 * (read as the number it holds), a kind the bot cannot read (its caption still read as text), or
 * anything else. The order is that of grammY's filters `message:location`, `message:photo`, … which
 * match a field that is present (not null).
 */
export function readMessage(m: Message): Omit<Incoming, 'channel' | 'userId' | 'at'> {
  if (m.location != null) return { location: { lat: m.location.latitude, lon: m.location.longitude } };
  if (m.photo != null) {
    const largest = m.photo.at(-1);
    return { text: m.caption ?? '', photo: largest ? { fileId: largest.file_id } : undefined };
  }
  if (m.text != null) return { text: m.text };
  if (m.contact != null) return { text: m.contact.phone_number };
  const media = MEDIA.find(([field]) => m[field] != null);
  return { text: media ? (m.caption ?? '') : '', media: media ? media[1] : 'other' };
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
