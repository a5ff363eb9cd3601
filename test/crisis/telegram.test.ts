// Stories on Telegram: a parent's very first message (no /start) about a child in danger gets the
// first action and the right number first, as plain digits the apps link, and the report button.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DANGER_KINDS } from '../../src/triage/outcome';
import { createTelegramTestApp, fakeBotApi, textUpdate } from '../support/telegram';
import { DANGER_MESSAGES, FIRST_ACTION, FIRST_NUMBER, firstNumber } from './support';

const api = fakeBotApi();
beforeAll(() => api.server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => api.server.close());

let t: Awaited<ReturnType<typeof createTelegramTestApp>>;
beforeEach(async () => {
  api.calls.length = 0;
  t = await createTelegramTestApp();
});
afterEach(() => t.cleanup());

type Keyboard = { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> };

async function firstReplyTo(chat: number, text: string) {
  await t.post(textUpdate(t.nextUpdateId(), chat, text));
  const [first] = api.sends().filter((s) => s.body.chat_id === String(chat));
  return { text: String(first!.body.text), body: first!.body, payloads: (first!.body.reply_markup as Keyboard).inline_keyboard.flat().map((b) => b.callback_data) };
}

describe('a parent writes to the bot on Telegram about a child in danger, with no /start', () => {
  for (const [i, kind] of DANGER_KINDS.entries()) {
    it(`${kind}: "${DANGER_MESSAGES[kind]}" gets the first action, ${FIRST_NUMBER[kind]} first and [Báo tin ngay]`, async () => {
      const r = await firstReplyTo(500 + i, DANGER_MESSAGES[kind]);
      expect(r.text.split('\n')[0]).toMatch(FIRST_ACTION[kind][0]);
      expect(firstNumber(r.text)).toBe(FIRST_NUMBER[kind]);
      expect(r.payloads[0]).toBe('menu:report');
      // Plain digits: no parse mode, no code spans, so Telegram links the numbers.
      expect(r.body.parse_mode).toBeUndefined();
      expect(r.body.entities).toBeUndefined();
      expect(r.text).toMatch(new RegExp(`📞 ${FIRST_NUMBER[kind]} — `));
    });
  }
});

describe('a disclosure on Telegram', () => {
  it('a mother: "a relative keeps touching my 5-year-old" gets what to do now, 111 and the report button — not a leaflet', async () => {
    const r = await firstReplyTo(601, 'ông chú họ cứ hay sờ mó vùng kín con gái 5 tuổi của tôi mỗi lần sang chơi');
    expect(r.text).toMatch(/tin lời trẻ/);
    expect(r.text).toMatch(/không có lỗi/);
    expect(firstNumber(r.text)).toBe('111');
    expect(r.payloads[0]).toBe('menu:report');
    expect(r.payloads).not.toContain('topic:quy-tac-an-toan-co-the');
  });

  it('her next message does not get the same text again: it offers the next thing', async () => {
    const first = await firstReplyTo(602, 'ông chú họ cứ hay sờ mó vùng kín con gái 5 tuổi của tôi mỗi lần sang chơi');
    api.calls.length = 0;
    const next = await firstReplyTo(602, 'ông ấy là em ruột của chồng tôi, giờ tôi phải làm sao');
    expect(next.text).not.toBe(first.text);
    expect(next.payloads).toContain('menu:report');
  });

  it('a girl writing about her stepfather is answered as a child, with 111 free at any hour', async () => {
    const r = await firstReplyTo(603, 'em 13 tuổi, bố dượng em hay vào phòng sờ soạng em lúc mẹ đi làm, em sợ lắm');
    expect(r.text).toMatch(/Em không có lỗi/);
    expect(r.text).toMatch(/111: miễn phí, gọi lúc nào cũng được/);
  });

  it('an English disclosure is answered in English, never "out of scope"', async () => {
    const r = await firstReplyTo(604, 'my daughter says her tutor touches her');
    expect(r.text).not.toMatch(/outside what I can help with|ngoài phạm vi/);
    expect(r.text).toMatch(/believe the child/);
    expect(r.payloads[0]).toBe('menu:report');
  });
});

describe('answers on Telegram follow the writer', () => {
  it('an English question gets the English short answer, menu button included', async () => {
    const r = await firstReplyTo(701, 'my son is bullied at school, what should I do');
    expect(r.text.split('\n')[0]).toMatch(/^If your child is hit, mocked/);
    expect(r.text).toMatch(/\nSource: /);
    const labels = (r.body.reply_markup as Keyboard).inline_keyboard.flat().map((b) => b.text);
    expect(labels).not.toContain('Về menu chính');
  });

  it('the same question twice: the second reply is the full guide, never the same text', async () => {
    const first = await firstReplyTo(702, 'con bị bạn bắt nạt ở trường phải làm sao');
    api.calls.length = 0;
    const second = await firstReplyTo(702, 'con bị bạn bắt nạt ở trường phải làm sao');
    expect(second.text).not.toBe(first.text);
    expect(second.text.startsWith('Bạo lực học đường')).toBe(true);
  });
});
