// Stories of a parent on Telegram: the webhook, the menu, buttons, retries and bad requests.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { callbackUpdate, createTelegramTestApp, fakeBotApi, textUpdate } from '../support/telegram';

const api = fakeBotApi();
beforeAll(() => api.server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => api.server.close());

let t: Awaited<ReturnType<typeof createTelegramTestApp>>;
beforeEach(async () => {
  api.calls.length = 0;
  t = await createTelegramTestApp();
});
afterEach(() => t.cleanup());

async function tableCounts() {
  const rows = await t.db.db.all<{ n: number; t: string }>(
    sql`select 'users' as t, count(*) as n from users union all select 'inbox', count(*) from inbox union all select 'outbox', count(*) from outbox`,
  );
  return Object.fromEntries(rows.map((r) => [r.t, Number(r.n)]));
}

describe('a parent opens the bot on Telegram', () => {
  it('gets a Vietnamese welcome with the main menu through the Bot API', async () => {
    const res = await t.post(textUpdate(t.nextUpdateId(), 42, '/start'));
    expect(res.status).toBe(200);
    const sends = api.sends();
    expect(sends).toHaveLength(1);
    expect(sends[0]!.body.chat_id).toBe('42');
    expect(String(sends[0]!.body.text)).toContain('Xin chào');
    const keyboard = (sends[0]!.body.reply_markup as { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> }).inline_keyboard.flat();
    expect(keyboard.map((k) => k.text)).toEqual(['Hỏi đáp an toàn cho trẻ', 'Báo tin xâm hại', 'Số điện thoại khẩn cấp', 'Giới thiệu']);
    expect(keyboard.map((k) => k.callback_data)).toEqual(['menu:ask', 'menu:report', 'menu:hotlines', 'menu:about']);
  });

  it('pressing "Số điện thoại khẩn cấp" routes to the hotline handler', async () => {
    await t.post(callbackUpdate(t.nextUpdateId(), 42, 'menu:hotlines'));
    const sends = api.sends();
    expect(sends).toHaveLength(1);
    expect(String(sends[0]!.body.text)).toMatch(/111/);
    expect(api.calls.some((c) => c.method === 'answerCallbackQuery')).toBe(true);
  });

  it('a callback without data is answered (the spinner stops) and nothing else happens', async () => {
    const update = callbackUpdate(t.nextUpdateId(), 43, 'x') as { callback_query: Record<string, unknown> };
    delete update.callback_query.data;
    expect((await t.post(update)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 50)); // the answer goes out in the background
    expect(api.sends()).toHaveLength(0);
    expect(api.calls.filter((c) => c.method === 'answerCallbackQuery')).toHaveLength(1);
  });

  it('a callback whose handling throws is still answered (the spinner stops)', async () => {
    t.rt.engine.handle = async () => {
      throw new Error('database went away');
    };
    const res = await t.post(callbackUpdate(t.nextUpdateId(), 44, 'menu:hotlines'));
    expect(res.status).toBeGreaterThanOrEqual(500);
    await new Promise((r) => setTimeout(r, 50));
    expect(api.calls.filter((c) => c.method === 'answerCallbackQuery')).toHaveLength(1);
  });

  it('the same update delivered twice gets exactly one reply', async () => {
    const update = textUpdate(t.nextUpdateId(), 7, '/help');
    expect((await t.post(update)).status).toBe(200);
    expect((await t.post(update)).status).toBe(200);
    expect(api.sends()).toHaveLength(1);
  });

  it('a wrong or missing secret gets 401 and changes nothing', async () => {
    const before = await tableCounts();
    expect((await t.post(textUpdate(t.nextUpdateId(), 9, '/start'), 'wrong-secret')).status).toBe(401);
    expect((await t.post(textUpdate(t.nextUpdateId(), 9, '/start'), null)).status).toBe(401);
    expect(await tableCounts()).toEqual(before);
    expect(api.calls).toHaveLength(0);
  });

  it('a malformed body gets 400 and changes nothing', async () => {
    const before = await tableCounts();
    expect((await t.post('{not json')).status).toBe(400);
    expect((await t.post({ hello: 'world' })).status).toBe(400);
    expect(await tableCounts()).toEqual(before);
  });

  it('/lang switches to English and the menu follows', async () => {
    await t.post(callbackUpdate(t.nextUpdateId(), 5, 'lang:en'));
    api.calls.length = 0;
    await t.post(textUpdate(t.nextUpdateId(), 5, '/menu'));
    const keyboard = (api.sends()[0]!.body.reply_markup as { inline_keyboard: Array<Array<{ text: string }>> }).inline_keyboard.flat();
    expect(keyboard[0]!.text).toBe('Child safety Q&A');
  });

  it('violence in progress gets "call 113" in its first line, before any other number, with an offer to report', async () => {
    await t.post(textUpdate(t.nextUpdateId(), 12, 'cuu voi, chong toi dang danh con toi'));
    const [first] = api.sends();
    const text = String(first!.body.text);
    const firstLine = text.split('\n')[0]!;
    expect(firstLine).toContain('113');
    expect(text.indexOf('113')).toBeLessThan(text.indexOf('111'));
    expect(text.indexOf('113')).toBeLessThan(text.indexOf('115'));
    const payloads = (first!.body.reply_markup as { inline_keyboard: Array<Array<{ callback_data: string }>> }).inline_keyboard.flat().map((b) => b.callback_data);
    expect(payloads).toContain('menu:report');
  });

  it('a message the bot cannot place gets a short, kind help rather than silence', async () => {
    await t.post(textUpdate(t.nextUpdateId(), 8, '/khonghieu'));
    expect(String(api.sends()[0]!.body.text)).toContain('Mình chưa hiểu');
  });

  it('a 429 from Telegram leaves the message in the outbox with its retry time, then it is sent once', async () => {
    api.failNextSend(429, { ok: false, error_code: 429, description: 'Too Many Requests: retry after 40', parameters: { retry_after: 40 } });
    await t.post(textUpdate(t.nextUpdateId(), 11, '/start'));
    const [row] = await t.db.db.all<{ status: string; next: number }>(sql`select status, next_attempt_at as next from outbox`);
    expect(row!.status).toBe('pending');
    await t.flush(new Date(Number(row!.next) + 1));
    const delivered = api.sends().filter((s) => s.body.chat_id === '11');
    expect(delivered.length).toBeGreaterThanOrEqual(2); // the refused try and the successful one
    const [after] = await t.db.db.all<{ status: string }>(sql`select status from outbox`);
    expect(after!.status).toBe('sent');
  });
});

describe('callback_data', () => {
  it('is cut to 64 bytes, never inside a character', async () => {
    const { keyboard, cutToBytes } = await import('../../src/channels/telegram/sender');
    const payload = 'x:' + 'ộ'.repeat(40); // 2 + 3×40 bytes
    const data = keyboard([{ label: 'Nút', payload }])[0]![0]! as { callback_data: string };
    expect(new TextEncoder().encode(data.callback_data).length).toBeLessThanOrEqual(64);
    expect(data.callback_data).toBe('x:' + 'ộ'.repeat(20));
    expect(cutToBytes('report:confirm', 64)).toBe('report:confirm');
  });
});
