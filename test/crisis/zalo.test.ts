// Stories on Zalo: the first reply to a message about a child in danger has the first action and
// the right number first, the report option, and then the OA's phone-call buttons (oa.open.phone).
import { sql } from 'drizzle-orm';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DANGER_KINDS } from '../../src/triage/outcome';
import { createFakeZalo, userSendText } from '../support/fake-zalo';
import { createZaloTestApp, type ZaloTestApp } from '../channels/zalo/harness';
import { DANGER_MESSAGES, FIRST_ACTION, FIRST_NUMBER, firstNumber } from './support';

const fake = createFakeZalo();
const server = setupServer(...fake.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

let app: ZaloTestApp;
afterEach(() => app?.cleanup());

type CallButtonsBody = { message: { text: string; attachment?: { type: string; payload: { buttons: Array<{ title: string; type: string; payload: { phone_code: string } }> } } } };

describe('a parent writes to the OA on Zalo about a child in danger', () => {
  for (const [i, kind] of DANGER_KINDS.entries()) {
    it(`${kind}: the first message has the first action and ${FIRST_NUMBER[kind]} first, then a call button for ${FIRST_NUMBER[kind]}`, async () => {
      app = await createZaloTestApp(fake);
      const user = `80${i}`;
      expect((await app.post(userSendText(user, DANGER_MESSAGES[kind]))).status).toBe(200);
      const calls = fake.csCalls.filter((c) => c.userId === user);
      const text = calls[0]!.text;
      expect(text.split('\n')[0]).toMatch(FIRST_ACTION[kind][0]);
      expect(firstNumber(text)).toBe(FIRST_NUMBER[kind]);
      expect(text).toMatch(/\n1\. Báo tin ngay\n/);
      const buttons = (calls[1]!.body as CallButtonsBody).message.attachment!;
      expect(buttons.type).toBe('template');
      expect(buttons.payload.buttons[0]).toEqual({ title: `Gọi ${FIRST_NUMBER[kind]}`, type: 'oa.open.phone', payload: { phone_code: FIRST_NUMBER[kind] } });
    });
  }

  it('if Zalo refuses the call buttons, the reply still counts as sent and nothing is sent twice', async () => {
    app = await createZaloTestApp(fake);
    const user = '8999';
    fake.refuseAttachments(true);
    try {
      await app.post(userSendText(user, DANGER_MESSAGES.violence));
      await app.flush(new Date('2026-12-31T00:00:00Z'));
    } finally {
      fake.refuseAttachments(false);
    }
    const sends = fake.csCalls.filter((c) => c.userId === user);
    expect(sends.map((s) => s.accepted)).toEqual([true, false]);
    expect(sends[0]!.text.split("\n")[0]).toMatch(FIRST_ACTION.violence[0]);
    const [row] = await app.db.db.all<{ status: string }>(sql`select status from outbox where recipient = ${user}`);
    expect(row!.status).toBe('sent');
  });
});
