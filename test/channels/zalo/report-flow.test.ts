// The same core over Zalo: a parent files a report answering every menu with a number, the commune
// officer gets the case on Zalo as a numbered menu and acknowledges it with "1", and the parent is told.
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

const PARENT = '3001';
const OFFICER = '3900';
const DESCRIPTION = 'Bé trai nhà hàng xóm thường bị bố đánh, tối qua cháu khóc rất lâu và có vết bầm trên tay.';
const ADDRESS = '12 phố Quán Thánh, phường Quán Thánh, quận Ba Đình, Hà Nội';

describe('a parent on Zalo reports abuse with numbered answers', () => {
  it('reaches the Ba Đình officer on Zalo, who acknowledges with "1"', async () => {
    w = await attachZalo(await createWorld({ env: zaloTestEnv }), fake);
    // The Ba Đình officer uses Zalo.
    await w.db.db.update(officers).set({ channel: 'zalo', channelUserId: OFFICER }).where(eq(officers.channelUserId, 'officer-ba-dinh'));

    const lastTo = (who: string) => w.textsTo(who).at(-1) ?? '';
    const say = async (text: string) => {
      expect((await w.post(userSendText(PARENT, text))).status).toBe(200);
      return lastTo(PARENT);
    };

    await say('/baotin');
    await say(DESCRIPTION);
    const ageQuestion = await say(ADDRESS);
    // Four age bands, then "Huỷ": every step can be left.
    expect(ageQuestion).toMatch(/\n1\. .+\n2\. .+\n3\. .+\n4\. .+\n5\. Huỷ\n\nTrả lời bằng số \(1–5\)\.$/);
    const dangerQuestion = await say('2'); // 6–10 years
    expect(dangerQuestion).toMatch(/\n3\. .+\n4\. Huỷ\n\nTrả lời bằng số \(1–4\)\.$/);
    await say('số 2'); // not in danger right now
    const contactQuestion = await say('1'); // anonymous
    expect(contactQuestion).toContain('1. ');
    const filed = await say('1'); // confirm
    const ref = refIn(filed);

    const [row] = await w.db.db.select().from(cases).where(eq(cases.ref, ref));
    expect(row).toMatchObject({ ageBand: '6-10', emergency: false, anonymous: true, communeCode: '00004', status: 'received' });

    const caseNotice = lastTo(OFFICER);
    expect(caseNotice).toContain(ref);
    expect(caseNotice).toContain(DESCRIPTION);
    expect(caseNotice).toMatch(/\n1\. .+\n2\. .+\n3\. .+\n4\. .+\n5\. .+\n6\. .+\n\nTrả lời bằng số \(1–6\)\.$/);

    expect((await w.post(userSendText(OFFICER, '1'))).status).toBe(200);
    const [acked] = await w.db.db.select().from(cases).where(eq(cases.ref, ref));
    expect(acked!.status).toBe('acknowledged');
    expect(lastTo(PARENT)).toContain('đã được tiếp nhận ở cấp xã/phường');
  });
});
