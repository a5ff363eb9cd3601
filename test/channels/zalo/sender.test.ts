// Sending on Zalo: long text in several messages, window errors kept in the outbox with their
// reason, and an officer's case notice falling back to Telegram when Zalo cannot deliver it.
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { zaloFallback } from '../../../src/channels/zalo';
import { msUntilDayStart } from '../../../src/channels/zalo/sender';
import { splitZaloText } from '../../../src/channels/zalo/split';
import { officers, outbox } from '../../../src/db/schema';
import { enqueue, flushOutbox, type QueuedMessage } from '../../../src/outbox/outbox';
import { createFakeZalo } from '../../support/fake-zalo';
import { createZaloTestApp, type ZaloTestApp } from './harness';

const fake = createFakeZalo();
const server = setupServer(...fake.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

let app: ZaloTestApp;
afterEach(() => app?.cleanup());

const NIGHT = new Date('2026-11-25T15:00:00Z'); // 22:00 in Vietnam

function message(to: string, text: string, extra: Partial<QueuedMessage> = {}): QueuedMessage {
  return { to: { channel: 'zalo', userId: to }, text, buttons: [], state: null, kind: 'reply', dedupeKey: `test:${to}:${text.length}:${Math.random()}`, ...extra };
}

async function queueAndFlush(a: ZaloTestApp, m: QueuedMessage, at: Date, onUndeliverable?: Parameters<typeof flushOutbox>[0]['onUndeliverable']) {
  const [id] = await enqueue(a.db.db, a.rt.core.sealer, [m], at);
  await flushOutbox({ db: a.db.db, sealer: a.rt.core.sealer, senders: a.rt.senders, onUndeliverable }, at, { ids: [id!] });
  const [row] = await a.db.db.select().from(outbox).where(eq(outbox.id, id!));
  return row!;
}

describe('a long answer', () => {
  it('goes out as several messages of at most 2,000 characters, split between paragraphs, in order', async () => {
    app = await createZaloTestApp(fake, { now: () => NIGHT });
    const paragraphs = Array.from({ length: 5 }, (_, i) => `Đoạn ${i + 1}. ` + 'Giữ an toàn cho trẻ. '.repeat(40).trim());
    const row = await queueAndFlush(
      app,
      message('9501', paragraphs.join('\n\n'), { buttons: [{ label: 'Về menu chính', payload: 'menu:main' }] }),
      new Date('2026-11-25T03:00:00Z'),
    );
    expect(row.status).toBe('sent');
    const texts = app.textsTo('9501');
    expect(texts.length).toBeGreaterThan(1);
    for (const t of texts) expect(t.length).toBeLessThanOrEqual(2000);
    expect(texts.join('\n\n')).toBe(`${paragraphs.join('\n\n')}\n\n1. Về menu chính\n\nTrả lời bằng số 1.`);
    expect(texts.every((t) => /^Đoạn \d\./.test(t) || t.startsWith('1.'))).toBe(true);
  });

  it('cuts a single over-long paragraph at a sentence', () => {
    const parts = splitZaloText('Câu một dài. '.repeat(400).trim());
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(2000);
      expect(p.endsWith('.')).toBe(true);
    }
  });
});

describe('when Zalo refuses to deliver', () => {
  it('at night (−234) the message waits in the outbox until 07:30 Vietnam time', async () => {
    app = await createZaloTestApp(fake, { now: () => NIGHT });
    fake.failNextSend(-234, 'OA can not send message at night');
    const row = await queueAndFlush(app, message('9502', 'Nhắc việc'), NIGHT);
    expect(row.status).toBe('pending');
    expect(row.lastError).toContain('-234');
    expect(row.nextAttemptAt.toISOString()).toBe('2026-11-26T00:30:00.000Z');
    expect(msUntilDayStart(new Date('2026-11-25T23:00:00Z'), app.config)).toBe(90 * 60_000); // 06:00 → 07:30
  });

  it('after 7 days without interaction (−230) the message is dead at once, with its reason', async () => {
    app = await createZaloTestApp(fake);
    fake.failNextSend(-230, 'User has not interacted with OA in the last 7 days');
    const row = await queueAndFlush(app, message('9503', 'Tình trạng tin báo'), new Date('2026-11-25T03:00:00Z'));
    expect(row.status).toBe('dead');
    expect(row.attempts).toBe(1);
    expect(row.lastError).toContain('-230');
  });

  it.each([-201, -213, -211])('a refusal that retrying cannot cure (%i) is dead at once, not retried 8 times', async (code) => {
    app = await createZaloTestApp(fake);
    fake.failNextSend(code, 'refused');
    const row = await queueAndFlush(app, message('9504', 'Trả lời'), new Date('2026-11-25T03:00:00Z'));
    expect(row.status).toBe('dead');
    expect(row.attempts).toBe(1);
    expect(row.lastError).toContain(String(code));
  });

  it("an officer's case notice that cannot reach them on Zalo goes to their Telegram instead", async () => {
    app = await createZaloTestApp(fake);
    const at = new Date('2026-11-25T03:00:00Z');
    await app.db.db.insert(officers).values([
      { communeCode: '00004', provinceCode: '01', name: 'Nguyễn Thị Hoa', role: 'officer', channel: 'zalo', channelUserId: '9504', phone: '0912 345 678', createdAt: at },
      { communeCode: '00004', provinceCode: '01', name: 'Nguyễn Thị Hoa', role: 'officer', channel: 'telegram', channelUserId: '555001', phone: '+84912345678', createdAt: at },
    ]);
    fake.failNextSend(-230, 'User has not interacted with OA in the last 7 days');
    const notice = message('9504', 'Vụ việc mới BV-7K3Q9M', { kind: 'case', buttons: [{ label: 'Đã nhận', payload: 'case:ack:BV-7K3Q9M' }] });
    const dead = await queueAndFlush(app, notice, at, (row, reason, when) => zaloFallback(app.db.db, row, reason, when).then(() => undefined));
    expect(dead.status).toBe('dead');

    const [fallback] = await app.db.db.select().from(outbox).where(eq(outbox.dedupeKey, `fallback:${dead.id}`));
    expect(fallback).toMatchObject({ channel: 'telegram', recipient: '555001', kind: 'case', fallbackOf: dead.id });
    await app.flush(at);
    const onTelegram = app.sent.filter((m) => m.channel === 'telegram');
    expect(onTelegram).toEqual([expect.objectContaining({ to: '555001', text: 'Vụ việc mới BV-7K3Q9M', kind: 'case' })]);

    // A dead reply to a citizen has no fallback.
    expect(await zaloFallback(app.db.db, { ...dead, kind: 'reply' }, 'x', at)).toBeNull();
  });
});
