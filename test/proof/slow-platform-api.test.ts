// A webhook answers once its update is committed, never later: a Bot API or a Zalo API that hangs
// or is down cannot turn the answer into a 500 or a timeout (the platform would retry the update).
// The replies follow the answer, from the outbox, once the API answers again — each exactly once.
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runTick } from '../../src/tick';
import { createFakeZalo, userSendText } from '../support/fake-zalo';
import { API_ROOT, BOT_TOKEN, callbackUpdate, createTelegramTestApp, textUpdate } from '../support/telegram';
import { createZaloTestApp } from '../channels/zalo/harness';

type BotApi = 'up' | 'hanging' | 'down';
let botApi: BotApi = 'up';
let release: () => void = () => undefined;
let held: Promise<void> = Promise.resolve();
const sent: Array<{ method: string; chatId: string; text: string }> = [];
const arrived: string[] = [];

const zalo = createFakeZalo();
const server = setupServer(
  ...zalo.handlers,
  http.post(`${API_ROOT}/bot${BOT_TOKEN}/:method`, async ({ request, params }) => {
    const method = String(params.method);
    const body = (await request.json().catch(() => ({}))) as Record<string, unknown>;
    arrived.push(method);
    if (botApi === 'down') return HttpResponse.error();
    if (botApi === 'hanging') await held;
    sent.push({ method, chatId: String(body.chat_id ?? ''), text: String(body.text ?? '') });
    if (method === 'sendMessage') return HttpResponse.json({ ok: true, result: { message_id: sent.length, date: 0, chat: { id: Number(body.chat_id), type: 'private' }, text: body.text } });
    return HttpResponse.json({ ok: true, result: true });
  }),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
afterEach(() => {
  release();
  botApi = 'up';
  sent.length = 0;
  arrived.length = 0;
});

function hangBotApi(): void {
  botApi = 'hanging';
  held = new Promise<void>((resolve) => (release = resolve));
}

const messagesTo = (chatId: number) => sent.filter((s) => s.method === 'sendMessage' && s.chatId === String(chatId)).map((s) => s.text);

describe('Telegram: the Bot API hangs', () => {
  it('answers the webhook 200 while the reply is still on its way, and the reply arrives once the API answers', async () => {
    const app = await createTelegramTestApp();
    try {
      hangBotApi();
      const res = await app.answer(textUpdate(app.nextUpdateId(), 9_101, '/start'));
      // The answer came back while the Bot API still holds the send.
      expect(res.status).toBe(200);
      expect(messagesTo(9_101)).toEqual([]);
      await vi.waitFor(() => expect(arrived).toContain('sendMessage'));
      const [queued] = (await app.db.client.execute(`select status from outbox where recipient = '9101'`)).rows;
      expect(queued?.status).toBe('sending'); // committed, claimed by the send in flight

      release();
      await app.rt.idle();
      expect(messagesTo(9_101)).toHaveLength(1);
      expect(messagesTo(9_101)[0]).toContain('111');
      const rows = (await app.db.client.execute(`select status from outbox where recipient = '9101'`)).rows;
      expect(rows.map((r) => r.status)).toEqual(['sent']);
    } finally {
      app.cleanup();
    }
  });

  it('answers a button press 200 without waiting for answerCallbackQuery or the reply', async () => {
    const app = await createTelegramTestApp();
    try {
      await app.post(textUpdate(app.nextUpdateId(), 9_102, '/start'));
      hangBotApi();
      const res = await app.answer(callbackUpdate(app.nextUpdateId(), 9_102, 'report:start'));
      expect(res.status).toBe(200);
      release();
      await app.rt.idle();
      expect(sent.filter((s) => s.method === 'answerCallbackQuery')).toHaveLength(1);
      expect(messagesTo(9_102)).toHaveLength(2);
    } finally {
      app.cleanup();
    }
  });
});

describe('Telegram: the Bot API is down', () => {
  it('answers 200, keeps the reply in the outbox, and the tick delivers it once after the API is back', async () => {
    let now = Date.parse('2026-11-25T03:00:00Z');
    const app = await createTelegramTestApp({ now: () => new Date(now) });
    try {
      botApi = 'down';
      const res = await app.post(textUpdate(app.nextUpdateId(), 9_103, '/start', Math.floor(now / 1000)));
      expect(res.status).toBe(200);
      expect(messagesTo(9_103)).toEqual([]);
      const pending = (await app.db.client.execute(`select status, attempts from outbox where recipient = '9103'`)).rows;
      expect(pending).toEqual([expect.objectContaining({ status: 'pending', attempts: 1 })]);

      botApi = 'up';
      for (const minutes of [1, 2, 3, 4]) {
        now += 60_000 * minutes;
        await runTick(app.rt, new Date(now), { steps: [] });
      }
      expect(messagesTo(9_103)).toHaveLength(1);
    } finally {
      app.cleanup();
    }
  });
});

describe('Zalo: the OA API is slow', () => {
  it('answers the webhook 200 well inside Zalo’s 2 seconds while the reply waits, then replies once', async () => {
    const app = await createZaloTestApp(zalo);
    const resume = zalo.holdSends();
    try {
      const started = performance.now();
      const res = await app.answer(userSendText('9201', '/start', { msgId: 'slow-api-1' }));
      const answeredIn = performance.now() - started;
      expect(res.status).toBe(200);
      // Zalo's own limit for the answer (a protocol rule, not a speed goal): the API is still held.
      expect(answeredIn).toBeLessThan(2_000);
      expect(app.textsTo('9201')).toEqual([]);

      resume();
      await app.rt.idle();
      expect(app.textsTo('9201')).toHaveLength(1);
      expect(app.textsTo('9201')[0]).toContain('Xin chào! Mình là BảoVệ');
      // Zalo retries the same event: nothing is sent twice.
      await app.post(userSendText('9201', '/start', { msgId: 'slow-api-1' }));
      expect(app.textsTo('9201')).toHaveLength(1);
    } finally {
      resume();
      app.cleanup();
    }
  });
});
