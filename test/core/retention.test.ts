// Retention: an abandoned report draft and the bodies of messages sent long ago are deleted by the
// tick, in bounded batches, and only those; dedupe still holds for the archived rows.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { retentionTick, RETENTION_BATCH } from '../../src/core/retention';
import { conversationState, outbox, rateLimits, users, webChatLines } from '../../src/db/schema';
import { enqueue } from '../../src/outbox/outbox';
import { createTestRuntime, type TestRuntime } from '../support/runtime';

const DAY = 86_400_000;
const START = new Date('2026-11-25T03:00:00Z');
const after = (days: number) => new Date(START.getTime() + days * DAY);

let t: TestRuntime;
beforeEach(async () => {
  t = await createTestRuntime();
});
afterEach(() => t.cleanup());

const stateOf = async (userId: string) => {
  const [row] = await t.db.db
    .select({ step: conversationState.step, dataEnc: conversationState.dataEnc })
    .from(conversationState)
    .innerJoin(users, eq(users.id, conversationState.userId))
    .where(eq(users.channelUserId, userId));
  return row;
};

describe('the retention step', () => {
  it('deletes a report draft left for 30 days, and only that one', async () => {
    await t.say('left-it', '/baotin', { at: START });
    await t.say('left-it', 'Cháu bé nhà bên hay bị đánh, tối qua khóc rất lâu.', { at: START });
    await t.say('still-writing', '/baotin', { at: after(20) });
    await t.say('still-writing', 'Em bé hàng xóm bị bỏ đói.', { at: after(20) });
    expect((await stateOf('left-it'))?.dataEnc).toMatch(/^v1\./);

    const report = await retentionTick(t.rt, after(31));
    expect(report).toMatchObject({ draftsDeleted: 1 });
    // Gone: the draft, and with it the visitor, who filed nothing and has not written for 30 days.
    expect(await stateOf('left-it')).toBeUndefined();
    expect((await stateOf('still-writing'))?.step).toBe('report.location');
    expect((await stateOf('still-writing'))?.dataEnc).toMatch(/^v1\./);
    // Whoever comes back starts again from the menu, not from half a report.
    const back = await t.say('left-it', 'phường Quán Thánh, Hà Nội', { at: after(32) });
    expect(back.at(-1)!.state).toBeNull();
    expect(await retentionTick(t.rt, after(31))).toMatchObject({ draftsDeleted: 0 });
  });

  it('drops the bodies of messages sent over 30 days ago, keeps the rows and their dedupe keys', async () => {
    await t.say('parent-1', '/start', { at: START });
    await t.say('parent-2', '/start', { at: after(10) });
    const [oldRow] = await t.db.db.select().from(outbox).where(eq(outbox.recipient, 'parent-1'));
    expect(oldRow!.status).toBe('sent');
    const oldBody = JSON.parse(await t.rt.core.sealer.open(oldRow!.bodyEnc)) as { text: string };
    expect(oldBody.text).toContain('BảoVệ');

    expect(await retentionTick(t.rt, after(35))).toMatchObject({ bodiesDropped: 1 });
    const [archived] = await t.db.db.select().from(outbox).where(eq(outbox.id, oldRow!.id));
    expect(archived!.status).toBe('archived');
    expect(JSON.parse(await t.rt.core.sealer.open(archived!.bodyEnc))).toEqual({ text: '', buttons: [], state: null });
    const [recent] = await t.db.db.select().from(outbox).where(eq(outbox.recipient, 'parent-2'));
    expect(recent!.status).toBe('sent');

    // The same message queued again is still recognised as sent once.
    const again = await enqueue(t.db.db, t.rt.core.sealer, [{ to: { channel: 'cli', userId: 'parent-1' }, text: 'x', buttons: [], state: null, dedupeKey: oldRow!.dedupeKey }], after(35));
    expect(again).toEqual([]);
    expect(await retentionTick(t.rt, after(35))).toMatchObject({ bodiesDropped: 0 });
  });

  it('works through a backlog in batches of RETENTION_BATCH', async () => {
    const many = Array.from({ length: RETENTION_BATCH + 5 }, (_, i) => ({ to: { channel: 'cli' as const, userId: `u${i}` }, text: 'hello', buttons: [], state: null, dedupeKey: `bulk:${i}` }));
    await enqueue(t.db.db, t.rt.core.sealer, many, START);
    for (let i = 0; i < 6; i++) await t.flush(START); // 200 a flush
    expect((await retentionTick(t.rt, after(31))).bodiesDropped).toBe(RETENTION_BATCH);
    expect((await retentionTick(t.rt, after(31))).bodiesDropped).toBe(5);
  });

  it("deletes the web chat's own lines at the same age", async () => {
    const sealed = await t.rt.core.sealer.seal('xin chào');
    await t.db.db.insert(webChatLines).values([
      { session: 's1', at: START, bodyEnc: sealed },
      { session: 's1', at: after(20), bodyEnc: sealed },
    ]);
    expect(await retentionTick(t.rt, after(31))).toMatchObject({ webLinesDeleted: 1 });
    expect(await t.db.db.select().from(webChatLines)).toHaveLength(1);
  });
});

describe('forgetting idle visitors and old rate-limit windows', () => {
  it('forgets a citizen who filed nothing and has been away 30 days; keeps reporters, officers and the recent', async () => {
    const { createWorld } = await import('../reports/support');
    const w = await createWorld();
    try {
      const at = (days: number) => ({ at: after(days) });
      await w.say('just-looked', '/start', at(0));
      await w.say('reporter', '/baotin', at(0));
      await w.say('reporter', 'Cháu bé nhà bên hay bị đánh, tối qua khóc rất lâu.', at(0));
      await w.say('reporter', 'phường Ba Đình, Hà Nội', at(0));
      await w.say('reporter', { button: 'report:age:6-10' }, at(0));
      await w.say('reporter', { button: 'report:danger:no' }, at(0));
      await w.say('reporter', { button: 'report:anonymous' }, at(0));
      await w.say('reporter', { button: 'report:confirm' }, at(0));
      expect(await w.caseRows()).toHaveLength(1);
      await w.say('came-back', '/start', at(0));
      await w.say('came-back', '/start', at(20));
      await w.db.db.update(users).set({ role: 'officer' }).where(eq(users.channelUserId, 'just-looked')).catch(() => undefined);
      await w.say('idle-citizen', '/start', at(0));

      const report = await retentionTick(w.rt, after(31));
      expect(report).toMatchObject({ usersForgotten: 1 });
      const left = (await w.db.db.select({ id: users.channelUserId }).from(users)).map((u) => u.id);
      expect(left).not.toContain('idle-citizen');
      expect(left).toEqual(expect.arrayContaining(['reporter', 'came-back', 'just-looked']));
      // The reporter can still ask after their report.
      const status = await w.say('reporter', '/trangthai', at(32));
      expect(status.at(-1)!.text).toContain('BV-');
      // Rate-limit windows older than a day are gone; the window in use is kept.
      expect(report.rateWindowsDeleted).toBeGreaterThan(0);
      await w.say('came-back', '/start', at(40));
      const keys = (await w.db.db.select().from(rateLimits)).map((r) => r.windowStart.getTime());
      expect(keys.every((t0) => t0 >= after(31).getTime() - DAY)).toBe(true);
    } finally {
      w.cleanup();
    }
  });
});
