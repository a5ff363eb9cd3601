// A Telegram-connected app on a test runtime, with the Bot API faked by msw (no network).
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { createApp } from '../../src/app';
import { createBot } from '../../src/channels/telegram/bot';
import { createTelegramSender } from '../../src/channels/telegram/sender';
import { silentLogger } from '../../src/ground/log';
import { createTestRuntime, type TestRuntime, type TestRuntimeOptions } from './runtime';

export const BOT_TOKEN = '123456:TEST-token-for-tests-only';
export const WEBHOOK_SECRET = 'test-secret_123';
export const API_ROOT = 'https://telegram.test';
export const BOT_INFO = { id: 123456, is_bot: true as const, first_name: 'BảoVệ', username: 'baove_test_bot', can_join_groups: false, can_read_all_group_messages: false, supports_inline_queries: false, can_connect_to_business: false, has_main_web_app: false, has_topics_enabled: false, allows_users_to_create_topics: false, can_manage_bots: false, supports_join_request_queries: false };

export interface BotApiCall {
  method: string;
  body: Record<string, unknown>;
}

/** msw server faking the Bot API; `calls` records every request. */
export function fakeBotApi() {
  const calls: BotApiCall[] = [];
  let messageId = 1;
  let failNext: { status: number; body: Record<string, unknown> } | null = null;
  const server = setupServer(
    http.post(`${API_ROOT}/bot${BOT_TOKEN}/:method`, async ({ request, params }) => {
      const method = String(params.method);
      const body = (await request.json().catch(() => ({}))) as Record<string, unknown>;
      calls.push({ method, body });
      if (failNext && method === 'sendMessage') {
        const f = failNext;
        failNext = null;
        return HttpResponse.json(f.body, { status: f.status });
      }
      if (method === 'sendMessage') {
        return HttpResponse.json({ ok: true, result: { message_id: messageId++, date: 0, chat: { id: Number(body.chat_id), type: 'private' }, text: body.text } });
      }
      return HttpResponse.json({ ok: true, result: true });
    }),
  );
  return {
    server,
    calls,
    sends: () => calls.filter((c) => c.method === 'sendMessage'),
    failNextSend(status: number, body: Record<string, unknown>) {
      failNext = { status, body };
    },
  };
}

export async function createTelegramTestApp(opts: TestRuntimeOptions = {}) {
  let botRef: ReturnType<typeof createBot> | undefined;
  const t: TestRuntime = await createTestRuntime({
    ...opts,
    env: { TELEGRAM_BOT_TOKEN: BOT_TOKEN, TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET, TELEGRAM_API_ROOT: API_ROOT, ...opts.env },
    senders: {
      telegram: {
        send: (to, body, meta) => createTelegramSender(botRef!.api, silentLogger).send(to, body, meta),
      },
      ...opts.senders,
    },
  });
  const bot = createBot({ token: BOT_TOKEN, apiRoot: API_ROOT, botInfo: BOT_INFO }, t.rt);
  botRef = bot;
  const app = createApp({ rt: t.rt, telegram: { bot, secret: WEBHOOK_SECRET } });
  let updateId = 1000;
  return {
    ...t,
    app,
    bot,
    nextUpdateId: () => ++updateId,
    /** POSTs an update; resolves once the answer came back and the sends that followed it are done. */
    async post(update: unknown, secret: string | null = WEBHOOK_SECRET) {
      const res = await this.answer(update, secret);
      await t.rt.idle();
      return res;
    },
    /** POSTs an update and resolves with the answer alone (the sends may still be running). */
    answer(update: unknown, secret: string | null = WEBHOOK_SECRET) {
      return app.request('/telegram', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(secret === null ? {} : { 'X-Telegram-Bot-Api-Secret-Token': secret }) },
        body: typeof update === 'string' ? update : JSON.stringify(update),
      });
    },
  };
}

export function textUpdate(updateId: number, chatId: number, text: string, date = 1_764_000_000) {
  return {
    update_id: updateId,
    message: { message_id: updateId, date, chat: { id: chatId, type: 'private', first_name: 'Lan' }, from: { id: chatId, is_bot: false, first_name: 'Lan' }, text, ...(text.startsWith('/') ? { entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]!.length }] } : {}) },
  };
}

export function callbackUpdate(updateId: number, chatId: number, data: string) {
  return {
    update_id: updateId,
    callback_query: {
      id: `cb${updateId}`,
      from: { id: chatId, is_bot: false, first_name: 'Lan' },
      chat_instance: 'ci',
      data,
      message: { message_id: 1, date: 1_764_000_000, chat: { id: chatId, type: 'private' }, text: 'menu' },
    },
  };
}

export function locationUpdate(updateId: number, chatId: number, lat: number, lon: number) {
  return {
    update_id: updateId,
    message: { message_id: updateId, date: 1_764_000_000, chat: { id: chatId, type: 'private' }, from: { id: chatId, is_bot: false, first_name: 'Lan' }, location: { latitude: lat, longitude: lon } },
  };
}
