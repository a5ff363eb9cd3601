// The Worker build, run inside workerd: Telegram's webhook reaches the bot once per update, a danger
// and a guide question are answered from the compressed content, a forged
// one is refused, the web chat and the dashboard are served, and the cron tick escalates an
// emergency nobody acknowledged — once.
// The database is a real libSQL file behind a local Hrana server; Telegram is a local fake.
import { createExecutionContext, createScheduledController, SELF, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, inject, it, vi } from 'vitest';
import { fill } from '../../src/core/messages';
import { reportsMessages } from '../../src/reports/messages';
import worker from '../../src/worker';
import { BOT_INFO, OFFICER_BA_DINH, SUPERVISOR_HA_NOI, WEBHOOK_SECRET } from './constants';

interface Call {
  method: string;
  body: { chat_id?: number | string; text?: string };
}

const HOUR = 3_600_000;
let updateId = 5_000;

async function telegramCalls(): Promise<Call[]> {
  const res = await fetch(`${inject('telegramUrl')}/__calls`);
  return (await res.json()) as Call[];
}
async function messagesTo(chatId: number): Promise<string[]> {
  return (await telegramCalls()).filter((c) => c.method === 'sendMessage' && Number(c.body.chat_id) === chatId).map((c) => c.body.text ?? '');
}

function postUpdate(update: unknown, secret: string | null = WEBHOOK_SECRET): Promise<Response> {
  return SELF.fetch('https://baove.example/telegram', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(secret === null ? {} : { 'X-Telegram-Bot-Api-Secret-Token': secret }) },
    body: JSON.stringify(update),
  });
}

const from = (chatId: number) => ({ id: chatId, is_bot: false, first_name: 'Lan' });
function textUpdate(chatId: number, text: string, at = new Date()) {
  const id = ++updateId;
  const entities = text.startsWith('/') ? [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]!.length }] : undefined;
  return { update_id: id, message: { message_id: id, date: Math.floor(at.getTime() / 1000), chat: { id: chatId, type: 'private', first_name: 'Lan' }, from: from(chatId), text, entities } };
}
function buttonUpdate(chatId: number, data: string) {
  const id = ++updateId;
  return {
    update_id: id,
    callback_query: { id: `cb${id}`, from: from(chatId), chat_instance: 'ci', data, message: { message_id: 1, date: Math.floor(Date.now() / 1000), chat: { id: chatId, type: 'private' }, from: BOT_INFO, text: 'menu' } },
  };
}

/** What a cron trigger does: the Worker's scheduled handler at that moment, waited for to the end. */
async function tick(at: Date): Promise<void> {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ scheduledTime: at.getTime(), cron: '*/15 * * * *' }), env as never, ctx);
  await waitOnExecutionContext(ctx);
}

describe('the Telegram webhook on the Worker', () => {
  it('answers a /start once, even when Telegram delivers the same update twice', async () => {
    const chat = 7_001;
    const update = textUpdate(chat, '/start');
    const first = await postUpdate(update);
    expect(first.status).toBe(200);
    // The reply is sent after the answer (waitUntil).
    await vi.waitFor(async () => expect(await messagesTo(chat)).toHaveLength(1));
    const afterFirst = await messagesTo(chat);
    expect(afterFirst).toHaveLength(1);
    expect(afterFirst[0]).toContain('111');

    const retried = await postUpdate(update);
    expect(retried.status).toBe(200);
    expect(await messagesTo(chat)).toHaveLength(1);
  });

  it('answers a drowning with CPR and 115 first, and a parent\'s question with its guide (content unpacked in workerd)', async () => {
    const parent = 7_011;
    expect((await postUpdate(textUpdate(parent, 'con tôi vừa được vớt lên từ ao, tím tái, không thở, phải làm sao'))).status).toBe(200);
    await vi.waitFor(async () => expect(await messagesTo(parent)).toHaveLength(1));
    const [emergency] = await messagesTo(parent);
    expect(emergency).toContain('ép tim');
    expect(emergency).toContain('115');
    expect(emergency!.indexOf('115')).toBeLessThan(emergency!.indexOf('111'));

    const asker = 7_012;
    expect((await postUpdate(textUpdate(asker, 'làm sao dạy con biết giữ an toàn cơ thể, không cho người khác chạm vào vùng kín'))).status).toBe(200);
    await vi.waitFor(async () => expect(await messagesTo(asker)).toHaveLength(1));
    const [answer] = await messagesTo(asker);
    expect(answer).not.toContain('🚨');
    expect(answer).toContain('Nguồn');
  });

  it('refuses an update without the right secret, and nothing is sent', async () => {
    const chat = 7_002;
    expect((await postUpdate(textUpdate(chat, '/start'), 'wrong-secret')).status).toBe(401);
    expect((await postUpdate(textUpdate(chat, '/start'), null)).status).toBe(401);
    expect(await messagesTo(chat)).toEqual([]);
  });
});

describe('reading an address on the Worker', () => {
  it('finds the commune of a ward written one letter off, within the district written', async () => {
    const chat = 7_004;
    // "Quán Thánhh": no such name; the wards of old Ba Đình read with it hold "Quán Thánh", now Phường Ba Đình.
    expect((await postUpdate(textUpdate(chat, '/diachi phường Quán Thánhh, quận Ba Đình, Hà Nội'))).status).toBe(200);
    await vi.waitFor(async () => expect(await messagesTo(chat)).toHaveLength(1));
    // One commune, said as found: not a list to pick from.
    expect(await messagesTo(chat)).toEqual([fill(reportsMessages.vi.whereAddressFound, { commune: 'Phường Ba Đình', province: 'Thành phố Hà Nội' })]);
  });
});

describe('the web chat on the Worker', () => {
  it('shows a visitor the chat page with the emergency numbers', async () => {
    const res = await SELF.fetch('https://baove.example/chat');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(await res.text()).toContain('111');
  });
});

describe('the dashboard on the Worker (its routes are made on its first request)', () => {
  it('sends a visitor without credentials to the login form, which is served', async () => {
    const home = await SELF.fetch('https://baove.example/admin', { redirect: 'manual' });
    expect(home.status).toBe(302);
    expect(home.headers.get('location')).toBe('/admin/login');
    const login = await SELF.fetch('https://baove.example/admin/login');
    expect(login.status).toBe(200);
    expect(await login.text()).toContain('<form');
  });

  it('answers its API without credentials 401 (the path reaches it whole: /admin/api/…)', async () => {
    const res = await SELF.fetch('https://baove.example/admin/api/cases');
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ ok: false, error: 'unauthorized' });
  });
});

describe('the cron tick on the Worker', () => {
  it('escalates an emergency the commune officer has not acknowledged to the province supervisor, once', async () => {
    const reporter = 7_003;
    const say = async (update: unknown) => expect((await postUpdate(update)).status).toBe(200);
    await say(textUpdate(reporter, '/baotin'));
    await say(textUpdate(reporter, 'Cháu bé hàng xóm bị nhốt trong nhà nhiều ngày, không cho ăn, tôi nghe tiếng khóc suốt.'));
    // An address from before the 2025 reform, resolved on the Worker from the database.
    await say(textUpdate(reporter, 'phường Quán Thánh, quận Ba Đình, Hà Nội'));
    await say(buttonUpdate(reporter, 'report:age:0-5'));
    await say(buttonUpdate(reporter, 'report:danger:yes'));
    await say(buttonUpdate(reporter, 'report:anonymous'));
    const received = Date.now();
    await say(buttonUpdate(reporter, 'report:confirm'));

    await vi.waitFor(async () => expect((await messagesTo(reporter)).at(-1)).toMatch(/BV-[0-9A-Z]{6}/));
    await vi.waitFor(async () => expect(await messagesTo(OFFICER_BA_DINH)).not.toHaveLength(0));
    const confirmation = (await messagesTo(reporter)).at(-1) ?? '';
    const ref = /BV-[0-9A-Z]{6}/.exec(confirmation)?.[0];
    expect(ref, confirmation).toBeDefined();
    // The Ba Đình officer was told at once.
    expect((await messagesTo(OFFICER_BA_DINH)).filter((t) => t.includes(ref!))).not.toHaveLength(0);

    const escalations = async () => (await messagesTo(SUPERVISOR_HA_NOI)).filter((t) => t.includes(`Vụ việc ${ref} chưa được tiếp nhận`));
    await tick(new Date(received + 1 * HOUR));
    expect(await escalations()).toHaveLength(0);

    // Past the 2-hour wait: the same cron moment twice (an overlapping run), then the next run.
    await tick(new Date(received + 2 * HOUR + 60_000));
    await tick(new Date(received + 2 * HOUR + 60_000));
    await tick(new Date(received + 2 * HOUR + 16 * 60_000));
    const sent = await escalations();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain('sau 2 giờ');
    // Who filed it is sealed in the case (cases/reporter-link.ts): the Worker opens it with WebCrypto for
    // the reporter's progress note, and finds the case by its tag when the reporter asks.
    await vi.waitFor(async () => expect((await messagesTo(reporter)).filter((t) => t.includes(ref!)).length).toBeGreaterThan(1));
    const before = (await messagesTo(reporter)).length;
    await say(textUpdate(reporter, '/status'));
    await vi.waitFor(async () => {
      const got = await messagesTo(reporter);
      expect(got.length).toBeGreaterThan(before);
      expect(got.at(-1)).toContain(ref!);
    });
  });
});
