// Case work over Zalo, where officers are: every button list arrives as a numbered menu, so the commune
// officer verifies with a short typed note and a number for the risk, moves nothing, closes with a
// numbered reason; the parent asks in plain words and hears where the case is, never who has it.
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { cases, officers } from '../../../src/db/schema';
import { createFakeZalo, userSendText, zaloTestEnv } from '../../support/fake-zalo';
import { createWorld, refIn, type World } from '../../reports/support';
import { attachZalo, type ZaloTestApp } from './harness';

const fake = createFakeZalo();
const server = setupServer(...fake.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

let w: World & ZaloTestApp;
afterEach(() => w?.cleanup());

const PARENT = '3101';
const OFFICER = '3901';

/** The number beside a label in a numbered menu ("3. Đóng vụ việc" → "3"). */
function numberOf(menu: string, label: string): string {
  const m = new RegExp(`\\n(\\d+)\\. ${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).exec(menu);
  expect(m, `"${label}" in:\n${menu}`).not.toBeNull();
  return m![1]!;
}

describe('case work on Zalo with numbered answers', () => {
  it('the officer verifies and closes with numbers and short notes; the parent asks in plain words', async () => {
    w = await attachZalo(await createWorld({ env: zaloTestEnv }), fake);
    await w.db.db.update(officers).set({ channel: 'zalo', channelUserId: OFFICER }).where(eq(officers.channelUserId, 'officer-ba-dinh'));
    const lastTo = (who: string) => w.textsTo(who).at(-1) ?? '';
    const say = async (who: string, text: string) => {
      expect((await w.post(userSendText(who, text))).status).toBe(200);
      return lastTo(who);
    };

    await say(PARENT, '/baotin');
    await say(PARENT, 'Bé gái nhà bên bị mẹ kế đánh, hôm qua cháu chạy sang nhà tôi trốn.');
    await say(PARENT, 'phường Quán Thánh, quận Ba Đình, Hà Nội');
    await say(PARENT, '2'); // 6–10 years
    await say(PARENT, '2'); // not in danger right now
    await say(PARENT, '1'); // anonymous
    const filed = await say(PARENT, '1'); // send
    const ref = refIn(filed);
    expect(filed).toMatch(/\n\d+\. Xem tình trạng\n/);

    const notice = lastTo(OFFICER);
    const acked = await say(OFFICER, numberOf(notice, 'Tiếp nhận'));
    const askNote = await say(OFFICER, numberOf(acked, 'Xác minh, đánh giá'));
    expect(askNote).toContain('Mẫu 02');
    const askRisk = await say(OFFICER, 'Đã gặp cháu ở trường, có vết bầm ở chân.');
    expect(await say(OFFICER, numberOf(askRisk, 'Cao (cần can thiệp khẩn cấp)'))).toContain('nguy cơ cao');

    const view = await say(OFFICER, ref);
    const reasons = await say(OFFICER, numberOf(view, 'Đóng vụ việc'));
    const closed = await say(OFFICER, numberOf(reasons, 'Tin không có cơ sở'));
    expect(closed).toContain(`Đã đóng vụ việc ${ref}: tin không có cơ sở`);
    expect(closed).toContain('không thực hiện');
    const [row] = await w.db.db.select().from(cases).where(eq(cases.ref, ref));
    expect(row).toMatchObject({ status: 'closed', risk: 'high', closeReason: 'unfounded' });

    const status = await say(PARENT, 'tin của tôi sao rồi');
    expect(status).toContain(ref);
    expect(status).toContain('đã được xử lý và đóng lại');
    expect(w.textsTo(PARENT).join('\n')).not.toContain(OFFICER);
  });
});
