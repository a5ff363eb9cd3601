// The Zalo webhook: signed events get exactly one reply through /v3.0/oa/message/cs; anything
// unsigned, malformed or oversized is refused and nothing is stored.
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { inbox } from '../../../src/db/schema';
import { createFakeZalo, follow, oaSendText, userSendLocation, userSendText, ZALO_OA_SECRET_KEY } from '../../support/fake-zalo';
import { createZaloTestApp, type ZaloTestApp } from './harness';

const fake = createFakeZalo();
const server = setupServer(...fake.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

let app: ZaloTestApp;
afterEach(() => app?.cleanup());

describe('a parent writes to the OA on Zalo', () => {
  it('gets the welcome back through the customer-service API, with the menu as numbered lines', async () => {
    app = await createZaloTestApp(fake);
    const res = await app.post(userSendText('7001', '/start'));
    expect(res.status).toBe(200);

    const calls = fake.csCalls.filter((c) => c.userId === '7001');
    expect(calls).toHaveLength(1);
    expect(calls[0]!.accessToken).toBe(app.pair.accessToken);
    const body = calls[0]!.body as { recipient: { user_id: string }; message: { text: string } };
    expect(Object.keys(body).sort()).toEqual(['message', 'recipient']);
    expect(body.recipient).toEqual({ user_id: '7001' });
    expect(body.message.text).toContain('Xin chào! Mình là BảoVệ');
    expect(body.message.text).toMatch(/\n1\. Hỏi đáp an toàn cho trẻ\n2\. Báo tin xâm hại\n/);
    expect(body.message.text).toContain('Trả lời bằng số (1–4).');
  });

  it('gets exactly one reply when Zalo delivers the same msg_id twice', async () => {
    app = await createZaloTestApp(fake);
    const event = userSendText('7002', '/start', { msgId: 'repeat-me-1' });
    expect((await app.post(event)).status).toBe(200);
    const again = await app.post(event);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ duplicate: true });
    expect(fake.csCalls.filter((c) => c.userId === '7002')).toHaveLength(1);
    expect(await app.inboxCount()).toBe(1);
  });

  it('keeps no copy of what the user wrote once the event is processed', async () => {
    app = await createZaloTestApp(fake);
    await app.post(userSendText('7003', 'con tôi hay bị bạn bắt nạt', { msgId: 'privacy-1' }));
    const [row] = await app.db.db.select().from(inbox).where(eq(inbox.key, 'zalo:privacy-1'));
    expect(row).toMatchObject({ status: 'done', channel: 'zalo', payloadEnc: null });
  });

  it('welcomes a new follower', async () => {
    app = await createZaloTestApp(fake);
    expect((await app.post(follow('7004'))).status).toBe(200);
    expect(app.textsTo('7004')[0]).toContain('Xin chào! Mình là BảoVệ');
  });
});

describe('what the webhook refuses or ignores', () => {
  it('refuses a bad signature with 401 and stores nothing', async () => {
    app = await createZaloTestApp(fake);
    const res = await app.post(userSendText('7101', '/start'), { secret: 'not-the-oa-secret' });
    expect(res.status).toBe(401);
    expect(await app.inboxCount()).toBe(0);
    expect(fake.csCalls.filter((c) => c.userId === '7101')).toHaveLength(0);
  });

  it('refuses a missing signature, and a body changed after signing', async () => {
    app = await createZaloTestApp(fake);
    expect((await app.post(userSendText('7102', 'hi'), { signature: null })).status).toBe(401);
    const event = userSendText('7102', 'hi');
    const tampered = JSON.stringify({ ...event, sender: { id: '9999' } });
    const signedOriginal = await app.post(event, { raw: tampered, secret: ZALO_OA_SECRET_KEY, signature: 'mac=' + '0'.repeat(64) });
    expect(signedOriginal.status).toBe(401);
    expect(await app.inboxCount()).toBe(0);
  });

  it('answers 400 to malformed JSON and to a known event of the wrong shape', async () => {
    app = await createZaloTestApp(fake);
    expect((await app.post({ timestamp: '1' }, { raw: '{"event_name": "user_send_text",' })).status).toBe(400);
    const numericId = { ...userSendText('7103', 'hi'), sender: { id: 7103 } };
    expect((await app.post(numericId)).status).toBe(400);
    expect(await app.inboxCount()).toBe(0);
  });

  it('takes a shared location in the shapes of unofficial SDKs (coordinates in the payload, message.location), not 400', async () => {
    app = await createZaloTestApp(fake);
    const official = userSendLocation('7104', 21.0285, 105.8542, { msgId: 'loc-a' });
    const inPayload = { ...official, message: { msg_id: 'loc-b', attachments: [{ type: 'location', payload: { latitude: 21.0285, longitude: 105.8542 } }] } };
    const asLocation = { ...official, message: { msg_id: 'loc-c', location: { lat: '21.0285', long: '105.8542' } } };
    for (const event of [official, inPayload, asLocation]) expect((await app.post(event)).status).toBe(200);
    expect(await app.inboxCount()).toBe(3);
    const noCoordinates = { ...official, message: { msg_id: 'loc-d', location: { name: 'Hồ Gươm' } } };
    expect((await app.post(noCoordinates)).status).toBe(400);
  });

  it('refuses a signed event a year old, or an hour ahead of our clock, and takes one from a minute ago', async () => {
    const now = new Date('2026-11-25T03:00:00Z');
    app = await createZaloTestApp(fake, { now: () => now, env: { ZALO_EVENT_MAX_AGE_MINUTES: '1440', ZALO_EVENT_MAX_AHEAD_MINUTES: '10' } });
    const yearOld = await app.post(userSendText('7101', '/start', { msgId: 'old-1', timestamp: now.getTime() - 365 * 86_400_000 }));
    expect(yearOld.status).toBe(400);
    const ahead = await app.post(userSendText('7101', '/start', { msgId: 'ahead-1', timestamp: now.getTime() + 3_600_000 }));
    expect(ahead.status).toBe(400);
    expect(await app.inboxCount()).toBe(0);
    expect(app.textsTo('7101')).toHaveLength(0);
    expect((await app.post(userSendText('7101', '/start', { msgId: 'fresh-1', timestamp: now.getTime() - 60_000 }))).status).toBe(200);
    expect(app.textsTo('7101')).toHaveLength(1);
  });

  it('answers 413 to a body over 64 KiB, before looking at it', async () => {
    app = await createZaloTestApp(fake);
    const res = await app.post(userSendText('7104', 'x'.repeat(70 * 1024)));
    expect(res.status).toBe(413);
    expect(await app.inboxCount()).toBe(0);
  });

  it('ignores the echoes of its own messages (oa_send_*) and events it does not know', async () => {
    app = await createZaloTestApp(fake);
    expect((await app.post(oaSendText('7105', 'tin của OA'))).status).toBe(200);
    const seen = { ...userSendText('7105', ''), event_name: 'user_seen_message' };
    expect((await app.post(seen)).status).toBe(200);
    expect(await app.inboxCount()).toBe(0);
    expect(fake.csCalls.filter((c) => c.userId === '7105')).toHaveLength(0);
  });
});

describe('stickers, voice notes, files, videos and links', () => {
  it('each gets a polite answer: the bot cannot read it yet, write it in words, and the emergency number', async () => {
    app = await createZaloTestApp(fake);
    const kinds: Array<[string, string]> = [
      ['user_send_sticker', 'nhãn dán'],
      ['user_send_audio', 'tin nhắn thoại'],
      ['user_send_file', 'tệp'],
      ['user_send_video', 'video'],
      ['user_send_link', 'đường liên kết'],
      ['user_send_gif', 'ảnh động'],
    ];
    for (const [i, [event_name, word]] of kinds.entries()) {
      // As Zalo sends them: an attachment with a url, no text.
      const { message, ...rest } = userSendText('7106', '', { msgId: `media-${i}` }) as { message: Record<string, unknown> } & Record<string, unknown>;
      const event = { ...rest, event_name, message: { msg_id: message.msg_id, attachments: [{ type: event_name.slice(10), payload: { url: 'https://zalo.example/x' } }] } };
      expect((await app.post(event)).status).toBe(200);
      const reply = app.textsTo('7106').at(-1)!;
      expect(reply, event_name).toContain(`Mình chưa đọc được ${word}`);
      expect(reply).toContain('111');
    }
    expect(app.textsTo('7106')).toHaveLength(kinds.length);
  });

  it('a voice note in the middle of a report keeps the report where it was', async () => {
    app = await createZaloTestApp(fake);
    await app.post(userSendText('7107', '/baotin'));
    const { message, ...rest } = userSendText('7107', '', { msgId: 'voice-1' }) as { message: Record<string, unknown> } & Record<string, unknown>;
    await app.post({ ...rest, event_name: 'user_send_audio', message: { msg_id: message.msg_id, attachments: [{ type: 'audio', payload: { url: 'https://zalo.example/v.aac' } }] } });
    const texts = app.textsTo('7107');
    expect(texts.at(-2)).toContain('Mình chưa đọc được tin nhắn thoại');
    // The question of the step comes again, and a description written next is taken.
    await app.post(userSendText('7107', 'Bé nhà hàng xóm bị bố đánh bầm tím mỗi tối'));
    expect(app.textsTo('7107').at(-1)).toMatch(/địa chỉ|ở đâu|xã|phường/i);
  });
});
