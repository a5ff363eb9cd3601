// Real Telegram payloads in the middle of a report: a shared contact at the phone step, a photo with a
// caption after the description, a voice note, a sticker. Each is answered, nothing is dropped, and a
// caption is never read as a phone number.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTelegramTestApp, fakeBotApi, textUpdate, callbackUpdate } from '../support/telegram';
import { realServices } from '../reports/support';
import { cases } from '../../src/db/schema';

const api = fakeBotApi();
beforeAll(() => api.server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => api.server.close());

const CITIZEN = 62001;
let t: Awaited<ReturnType<typeof createTelegramTestApp>>;
beforeEach(async () => {
  api.calls.length = 0;
  t = await createTelegramTestApp({ services: realServices() });
});
afterEach(() => t.cleanup());

function message(extra: Record<string, unknown>) {
  const id = t.nextUpdateId();
  return {
    update_id: id,
    message: { message_id: id, date: 1_764_000_000, chat: { id: CITIZEN, type: 'private', first_name: 'Lan' }, from: { id: CITIZEN, is_bot: false, first_name: 'Lan' }, ...extra },
  };
}

const lastText = () => String(api.sends().filter((c) => String(c.body.chat_id) === String(CITIZEN)).at(-1)?.body.text ?? '');

async function toPhoneStep(): Promise<void> {
  for (const u of [
    textUpdate(t.nextUpdateId(), CITIZEN, '/baotin'),
    textUpdate(t.nextUpdateId(), CITIZEN, 'Cháu bé nhà bên bị đánh, có vết bầm trên tay.'),
    textUpdate(t.nextUpdateId(), CITIZEN, '25 Hàng Bạc, phường Hoàn Kiếm, Hà Nội'),
    callbackUpdate(t.nextUpdateId(), CITIZEN, 'report:age:6-10'),
    callbackUpdate(t.nextUpdateId(), CITIZEN, 'report:danger:no'),
  ])
    expect((await t.post(u)).status).toBe(200);
}

describe('a reporter on Telegram', () => {
  it('shares their contact at the phone step, and it is taken as the number', async () => {
    await toPhoneStep();
    await t.post(message({ contact: { phone_number: '84912345678', first_name: 'Lan', user_id: CITIZEN } }));
    expect(lastText()).not.toMatch(/không hợp lệ|chưa đúng/i);
    await t.post(callbackUpdate(t.nextUpdateId(), CITIZEN, 'report:confirm'));
    const [row] = await t.db.db.select().from(cases);
    expect(row).toBeDefined();
    expect(await t.rt.core.sealer.open(row!.contactEnc!)).toContain('0912345678');
  });

  it('sends a photo with a caption at the phone step: the photo is kept, the caption joins the description, not the phone', async () => {
    await toPhoneStep();
    await t.post(message({ photo: [{ file_id: 'photo-late', file_unique_id: 'u', width: 800, height: 600 }], caption: '0987 654 321 chụp hôm qua' }));
    expect(lastText()).toMatch(/ảnh/i);
    await t.post(callbackUpdate(t.nextUpdateId(), CITIZEN, 'report:anonymous'));
    await t.post(callbackUpdate(t.nextUpdateId(), CITIZEN, 'report:confirm'));
    const [row] = await t.db.db.select().from(cases);
    expect(row!.contactEnc).toBeNull();
    expect(JSON.parse(await t.rt.core.sealer.open(row!.photoEnc!))).toEqual(['photo-late']);
    expect(await t.rt.core.sealer.open(row!.descriptionEnc!)).toContain('chụp hôm qua');
  });

  it('sends a voice note, a sticker and a file: each is answered, and the report waits where it was', async () => {
    await t.post(textUpdate(t.nextUpdateId(), CITIZEN, '/baotin'));
    await t.post(message({ voice: { file_id: 'v1', file_unique_id: 'v', duration: 12 } }));
    expect(api.sends().some((c) => String(c.body.text).includes('Mình chưa đọc được tin nhắn thoại'))).toBe(true);
    await t.post(message({ sticker: { file_id: 's1', file_unique_id: 's', type: 'regular', width: 512, height: 512, is_animated: false, is_video: false } }));
    expect(api.sends().some((c) => String(c.body.text).includes('Mình chưa đọc được nhãn dán'))).toBe(true);
    await t.post(message({ document: { file_id: 'd1', file_unique_id: 'd', file_name: 'bằng chứng.pdf' } }));
    expect(api.sends().some((c) => String(c.body.text).includes('Mình chưa đọc được tệp'))).toBe(true);
    // The description step is still open.
    await t.post(textUpdate(t.nextUpdateId(), CITIZEN, 'Cháu bé nhà bên bị đánh, có vết bầm trên tay.'));
    expect(lastText()).toMatch(/địa chỉ|ở đâu|xã|phường/i);
  });
});

describe('"Xem thêm" on Telegram', () => {
  it('sends the whole guide as chat text, without Markdown marks', async () => {
    await t.post(callbackUpdate(t.nextUpdateId(), CITIZEN, 'guide:full:an-toan-giao-thong'));
    const text = lastText();
    expect(text).toContain('TRÊN XE MÁY, XE ĐẠP');
    expect(text).not.toMatch(/^#{1,6}\s|\*\*/m);
  });
});
