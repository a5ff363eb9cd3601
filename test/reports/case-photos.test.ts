// The photos of a report reach the officer who opens the case: a Telegram photo is sent to an
// officer on Telegram right after the case text (and the view is audited with it); an officer on
// another channel is told where the photos are instead of getting a file id that means nothing there.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, officers } from '../../src/db/schema';
import { createTelegramTestApp, fakeBotApi, textUpdate, callbackUpdate } from '../support/telegram';
import { realServices, refIn } from './support';

const api = fakeBotApi();
beforeAll(() => api.server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => api.server.close());

const CITIZEN = 61001;
const OFFICER = 880000070; // Telegram officer of phường Hoàn Kiếm (00070)
const FILE_ID = 'AgACAgIAAxkBAAIC-test-photo-file-id';
let t: Awaited<ReturnType<typeof createTelegramTestApp>>;

beforeEach(async () => {
  t = await createTelegramTestApp({ services: realServices() });
  const createdAt = new Date('2026-11-25T00:00:00Z');
  await t.db.db.insert(officers).values([
    { communeCode: '00070', provinceCode: '01', name: 'Cán bộ BVTE Hoàn Kiếm', role: 'officer', channel: 'telegram', channelUserId: String(OFFICER), active: true, createdAt },
    { communeCode: '00070', provinceCode: '01', name: 'Cán bộ BVTE Hoàn Kiếm (Zalo)', role: 'officer', channel: 'zalo', channelUserId: 'officer-hk-zalo', active: true, createdAt },
  ]);
});
afterEach(() => t.cleanup());

function photoUpdate(updateId: number, chatId: number, fileId: string) {
  return {
    update_id: updateId,
    message: {
      message_id: updateId,
      date: 1_764_000_000,
      chat: { id: chatId, type: 'private', first_name: 'Lan' },
      from: { id: chatId, is_bot: false, first_name: 'Lan' },
      photo: [
        { file_id: `${fileId}-small`, file_unique_id: 'u1', width: 90, height: 90 },
        { file_id: fileId, file_unique_id: 'u2', width: 1280, height: 960 },
      ],
    },
  };
}

/** A whole report on Telegram with one photo; returns its reference. */
async function reportWithPhoto(): Promise<string> {
  const steps: unknown[] = [
    textUpdate(t.nextUpdateId(), CITIZEN, '/baotin'),
    photoUpdate(t.nextUpdateId(), CITIZEN, FILE_ID),
    textUpdate(t.nextUpdateId(), CITIZEN, 'Cháu bé nhà bên bị đánh, có vết bầm trên tay, tôi đã chụp ảnh.'),
    textUpdate(t.nextUpdateId(), CITIZEN, '25 Hàng Bạc, phường Hoàn Kiếm, Hà Nội'),
    callbackUpdate(t.nextUpdateId(), CITIZEN, 'report:age:6-10'),
    callbackUpdate(t.nextUpdateId(), CITIZEN, 'report:danger:no'),
    callbackUpdate(t.nextUpdateId(), CITIZEN, 'report:anonymous'),
    callbackUpdate(t.nextUpdateId(), CITIZEN, 'report:confirm'),
  ];
  for (const u of steps) expect((await t.post(u)).status).toBe(200);
  const confirm = api.sends().filter((c) => c.body.chat_id === String(CITIZEN) || c.body.chat_id === CITIZEN).at(-1)!;
  return refIn(String(confirm.body.text));
}

describe('photos of a report', () => {
  it('are sent to the Telegram officer who opens the case, after its text, and the view is audited', async () => {
    const ref = await reportWithPhoto();
    const notice = api.sends().find((c) => String(c.body.chat_id) === String(OFFICER))!;
    expect(String(notice.body.text)).toContain(`Kèm 1 ảnh: gõ mã ${ref} để xem.`);
    expect(api.calls.filter((c) => c.method === 'sendPhoto')).toHaveLength(0); // not with the notice

    const before = api.calls.length;
    expect((await t.post(textUpdate(t.nextUpdateId(), OFFICER, `/case ${ref}`))).status).toBe(200);
    const calls = api.calls.slice(before);
    expect(calls.map((c) => c.method)).toEqual(['sendMessage', 'sendPhoto']);
    expect(String(calls[0]!.body.text)).toContain('Kèm 1 ảnh, gửi ngay bên dưới.');
    expect(calls[1]!.body).toMatchObject({ chat_id: String(OFFICER), photo: FILE_ID, caption: `Ảnh 1/1 của vụ việc ${ref}` });

    const views = await t.db.db.select().from(auditLog).where(eq(auditLog.action, 'case.viewed'));
    expect(views.map((v) => JSON.parse(v.detail ?? '{}'))).toEqual([{ via: 'chat', photos: 1 }]);
  });

  it('are not sent to an officer on another channel, who is told where they are', async () => {
    const ref = await reportWithPhoto();
    const before = api.calls.length;
    const result = await t.rt.engine.handle({ channel: 'zalo', userId: 'officer-hk-zalo', at: new Date(), text: `/case ${ref}` });
    expect(result.messages).toHaveLength(1);
    expect(result.messages[0]!.text).toContain('Kèm 1 ảnh người báo gửi qua Telegram. Ảnh đó chỉ gửi được cho cán bộ nhận tin trên Telegram.');
    expect(result.messages[0]!.text).not.toContain(FILE_ID);
    expect(result.messages.some((m) => m.photo)).toBe(false);
    expect(api.calls.slice(before).filter((c) => c.method === 'sendPhoto')).toHaveLength(0);
  });

  it('sent on Zalo are links to Zalo, given as they are to the officer who opens the case', async () => {
    const url = 'https://photo-stal-1.zadn.vn/bvte/test-photo.jpg';
    const say = (what: Record<string, unknown>) => t.rt.engine.handle({ channel: 'zalo', userId: 'zalo-reporter-1', at: new Date(), ...what });
    await say({ text: '/baotin' });
    await say({ text: '', photo: { fileId: url } });
    for (const step of [
      { text: 'Cháu bé nhà bên bị đánh, có vết bầm trên tay, tôi đã chụp ảnh.' },
      { text: '25 Hàng Bạc, phường Hoàn Kiếm, Hà Nội' },
      { button: 'report:age:6-10' },
      { button: 'report:danger:no' },
      { button: 'report:anonymous' },
    ]) await say(step);
    const ref = refIn((await say({ button: 'report:confirm' })).messages[0]!.text);
    const view = await t.rt.engine.handle({ channel: 'zalo', userId: 'officer-hk-zalo', at: new Date(), text: `/case ${ref}` });
    expect(view.messages).toHaveLength(1);
    expect(view.messages[0]!.text).toContain(`Kèm 1 ảnh người báo gửi qua Zalo:\n${url}`);
  });

  it('are never shown to an officer of another commune', async () => {
    const ref = await reportWithPhoto();
    await t.db.db.insert(officers).values({ communeCode: '00082', provinceCode: '01', name: 'Cán bộ BVTE Cửa Nam', role: 'officer', channel: 'telegram', channelUserId: '880000082', active: true, createdAt: new Date() });
    const before = api.calls.length;
    expect((await t.post(textUpdate(t.nextUpdateId(), 880000082, `/case ${ref}`))).status).toBe(200);
    const calls = api.calls.slice(before);
    expect(calls.map((c) => c.method)).toEqual(['sendMessage']);
    expect(JSON.stringify(calls)).not.toContain(FILE_ID);
  });
});
