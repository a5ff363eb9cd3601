// Stories through the real database: the tick, the "Đã nộp báo cáo" button, /nhacviec, muting, the CLI.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, officers, outbox, reminderDone, reminderSends } from '../../src/db/schema';
import { openDb } from '../../src/db/node-client';
import { remindersDueCommand } from '../../src/reminders/cli';
import { localTime } from '../../src/reminders/dates';
import { remindersFeature } from '../../src/reminders/feature';
import { muteRule } from '../../src/reminders/store';
import { createRemindersTick, planReminders, queueReminders, remindersTick } from '../../src/reminders/tick';
import type { Runtime } from '../../src/runtime';
import { createTestRuntime, type TestRuntime } from '../support/runtime';

const TZ = 'Asia/Ho_Chi_Minh';
const vn = (local: string) => new Date(`${local}+07:00`);

let world: TestRuntime;

beforeEach(async () => {
  world = await createTestRuntime({ features: [remindersFeature] });
  const createdAt = new Date('2027-01-01T00:00:00Z');
  await world.db.db.insert(officers).values([
    { communeCode: '00004', provinceCode: '01', name: 'Cán bộ Ba Đình', role: 'officer', channel: 'cli', channelUserId: 'ba-dinh', createdAt },
    { communeCode: '01', provinceCode: '01', name: 'Giám sát Hà Nội', role: 'supervisor', channel: 'cli', channelUserId: 'ha-noi', createdAt },
    { communeCode: '05977', provinceCode: '20', name: 'Cán bộ Đông Kinh', role: 'officer', channel: 'cli', channelUserId: 'dong-kinh', createdAt },
    { communeCode: '00008', provinceCode: '01', name: 'Cán bộ nghỉ việc', role: 'officer', channel: 'cli', channelUserId: 'retired', active: false, createdAt },
  ]);
});
afterEach(() => world.cleanup());

async function tickAndDeliver(at: Date, rt: Runtime = world.rt) {
  const counts = await remindersTick(rt, at);
  await world.flush(at);
  return counts;
}

const received = (userId: string) => world.sent.filter((m) => m.to === userId && m.kind === 'reminder');

describe('the reminders tick', () => {
  it('ten days of 15-minute ticks send every reminder once, in daytime, to the right people', async () => {
    const deliveredAt: Date[] = [];
    for (let t = vn('2027-07-01T00:00:00').getTime(); t < vn('2027-07-11T00:00:00').getTime(); t += 15 * 60_000) {
      const before = world.sent.length;
      await tickAndDeliver(new Date(t));
      for (let i = before; i < world.sent.length; i++) deliveredAt.push(new Date(t));
    }
    const rows = await world.db.db.select().from(reminderSends);
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
    const boxed = await world.db.db.select({ key: outbox.dedupeKey }).from(outbox);
    expect(new Set(boxed.map((r) => r.key)).size).toBe(boxed.length);

    const mine = rows.filter((r) => r.officerId === 1 && r.ruleId === 'am-result-commune').map((r) => r.lead);
    // 1 July catches up the 14-day step once (it fell on 26 June, before this run), then 7, 3, 1, 0.
    expect(mine).toEqual([14, 7, 3, 1, 0]);
    expect(rows.some((r) => r.officerId === 4)).toBe(false); // inactive officer
    expect(rows.some((r) => r.officerId === 1 && r.ruleId === 'am-result-province')).toBe(false);
    expect(rows.some((r) => r.officerId === 2 && r.ruleId === 'am-result-commune')).toBe(false);

    for (const at of deliveredAt) {
      const { minutes } = localTime(at, TZ);
      expect(minutes >= 7 * 60 + 30 && minutes < 20 * 60).toBe(true);
    }
    const july3 = received('ba-dinh').find((m) => m.text.includes('còn 7 ngày'))!;
    expect(july3.text).toContain('Báo cáo kết quả Tháng hành động vì trẻ em (xã gửi tỉnh)');
    expect(july3.text).toContain('trước ngày 10/07/2027');
    expect(july3.text).toContain('Nguồn: Thông tư 28/2019/TT-BLĐTBXH, Điều 5');
    expect(july3.buttons).toEqual([
      { label: 'Đã nộp báo cáo', payload: 'remind:done:am-result-commune:2027' },
      { label: '📊 Số liệu cho báo cáo', payload: 'remind:annex:am-result-commune:2027' },
    ]);
  });

  it('the province supervisor is reminded of the province → ministry report', async () => {
    await tickAndDeliver(vn('2027-07-17T09:00:00'));
    const got = received('ha-noi');
    expect(got).toHaveLength(1);
    expect(got[0]!.text).toContain('trước ngày 31/07/2027 (còn 14 ngày)');
    expect(received('ba-dinh').some((m) => m.text.includes('tỉnh gửi bộ'))).toBe(false);
  });

  it('a restart in the middle of the day does not resend', async () => {
    const first = await tickAndDeliver(vn('2027-07-03T09:00:00'));
    expect(first.reminders_queued).toBeGreaterThan(0);
    const count = world.sent.length;

    // A new process: its own database connection and a fresh tick, same file.
    const handle = openDb(world.db.url);
    try {
      const freshRt = { ...world.rt, core: { ...world.rt.core, db: handle.db } } as Runtime;
      const again = await createRemindersTick()(freshRt, vn('2027-07-03T13:45:00'));
      expect(again).toMatchObject({ reminders_due: 0, reminders_queued: 0 });
      await world.flush(vn('2027-07-03T13:45:00'));
    } finally {
      handle.close();
    }
    expect(world.sent.length).toBe(count);
  });

  it('two overlapping ticks that planned the same reminders queue them once', async () => {
    const at = vn('2027-07-03T09:00:00');
    const planA = await planReminders(world.db.db, world.config, at);
    const planB = await planReminders(world.db.db, world.config, at); // planned before A committed
    expect(planB.length).toBe(planA.length);
    const a = await queueReminders(world.db.db, world.rt.core.sealer, planA, at);
    const b = await queueReminders(world.db.db, world.rt.core.sealer, planB, at);
    expect(a.reminders).toBe(planA.length);
    expect(b).toEqual({ reminders: 0, messages: 0 });
    await world.flush(at);
    expect(received('ba-dinh')).toHaveLength(1);
  });

  it('a plan that is partly stale queues only the reminders nobody recorded yet', async () => {
    const at = vn('2027-07-03T09:00:00');
    const plan = await planReminders(world.db.db, world.config, at);
    expect(plan.length).toBeGreaterThan(1);
    // Another tick got one of them in first.
    expect(await queueReminders(world.db.db, world.rt.core.sealer, plan.slice(0, 1), at)).toEqual({ reminders: 1, messages: 1 });
    const rest = await queueReminders(world.db.db, world.rt.core.sealer, plan, at);
    expect(rest.reminders).toBe(plan.length - 1);
    const rows = await world.db.db.select().from(reminderSends);
    expect(rows.map((r) => r.key).sort()).toEqual(plan.map((r) => r.key).sort());
    await world.flush(at);
    expect(world.sent.filter((m) => m.kind === 'reminder')).toHaveLength(1 + rest.messages);
  });

  it('queues nothing at night', async () => {
    expect(await tickAndDeliver(vn('2027-07-03T05:00:00'))).toMatchObject({ reminders_due: 0 });
    expect(await tickAndDeliver(vn('2027-07-03T20:00:00'))).toMatchObject({ reminders_due: 0 });
    expect(world.sent).toEqual([]);
  });

  it('a muted rule sends nothing, and sends again when unmuted', async () => {
    await muteRule(world.db.db, 'am-result-commune', true, vn('2027-07-01T08:00:00'));
    await tickAndDeliver(vn('2027-07-03T09:00:00'));
    expect(received('ba-dinh').filter((m) => m.text.includes('xã gửi tỉnh'))).toEqual([]);
    await muteRule(world.db.db, 'am-result-commune', false, vn('2027-07-03T10:00:00'));
    await tickAndDeliver(vn('2027-07-03T10:15:00'));
    expect(received('ba-dinh').filter((m) => m.text.includes('xã gửi tỉnh'))).toHaveLength(1);
  });

  it('several reminders due together arrive as one message with a button each', async () => {
    // Action Month and summer drowning are 14 days ahead; the forum's 30-day step (2 May) is caught up.
    await tickAndDeliver(vn('2027-05-18T09:00:00'));
    const got = received('ba-dinh');
    expect(got).toHaveLength(1);
    expect(got[0]!.text).toContain('(1/3)');
    expect(got[0]!.buttons.map((b) => b.payload).sort()).toEqual([
      'remind:done:action-month:2027',
      'remind:done:children-forum:2027',
      'remind:done:summer-drowning:2027',
    ]);
    expect(got[0]!.buttons[0]!.label).toBe('Đã chuẩn bị xong (1)');
  });
});

describe('an officer presses "Đã nộp báo cáo"', () => {
  it('stops the rest of that period, is recorded and audited, and a second press is harmless', async () => {
    await tickAndDeliver(vn('2027-07-03T09:00:00'));
    const reply = await world.say('ba-dinh', { button: 'remind:done:am-result-commune:2027' }, { at: vn('2027-07-03T09:05:00') });
    expect(reply[0]!.text).toContain('Đã ghi nhận');
    const again = await world.say('ba-dinh', { button: 'remind:done:am-result-commune:2027' }, { at: vn('2027-07-03T09:06:00') });
    expect(again[0]!.text).toContain('từ trước');
    expect(await world.db.db.select().from(reminderDone)).toHaveLength(1);
    expect(await world.db.db.select().from(auditLog).where(eq(auditLog.action, 'reminder.done'))).toHaveLength(1);

    for (const day of ['2027-07-07', '2027-07-09', '2027-07-10', '2027-07-12']) await tickAndDeliver(vn(`${day}T09:00:00`));
    expect(received('ba-dinh').filter((m) => m.text.includes('xã gửi tỉnh'))).toHaveLength(1); // only the 3 July one
    // Another officer of the same rule is still reminded.
    await world.db.db.insert(officers).values({ communeCode: '00025', provinceCode: '01', name: 'Cán bộ Giảng Võ', role: 'officer', channel: 'cli', channelUserId: 'giang-vo', createdAt: vn('2027-07-01T00:00:00') });
    await tickAndDeliver(vn('2027-07-12T10:00:00'));
    expect(received('giang-vo').some((m) => m.text.includes('đã quá hạn 2 ngày'))).toBe(true);
  });

  it('a button for a rule that does not apply to the officer is not recorded', async () => {
    const reply = await world.say('ba-dinh', { button: 'remind:done:ls-annual:2027' }, { at: vn('2027-11-10T09:00:00') });
    expect(reply[0]!.text).toContain('không áp dụng');
    expect(await world.db.db.select().from(reminderDone)).toHaveLength(0);
  });
});

describe('/nhacviec', () => {
  it('lists what is coming for the officer, with due dates and "đã nộp" marks', async () => {
    await world.say('ba-dinh', { button: 'remind:done:am-result-commune:2027' }, { at: vn('2027-07-03T09:05:00') });
    const [list] = await world.say('ba-dinh', '/nhacviec', { at: vn('2027-07-03T09:10:00') });
    expect(list!.text).toContain('Việc sắp tới trong 60 ngày');
    expect(list!.text).toMatch(/10\/07\/2027 — Báo cáo kết quả Tháng hành động vì trẻ em \(xã gửi tỉnh\) \(năm 2027\) ✅ đã nộp/);
    expect(list!.text).not.toContain('Trung thu'); // 15/09/2027 is more than 60 days away
    const [august] = await world.say('ba-dinh', '/nhacviec', { at: vn('2027-08-01T09:10:00') });
    expect(august!.text).toContain('15/09/2027 — Tết Trung thu (15/8 âm lịch)');
  });

  it('answers a citizen politely that it is for officers', async () => {
    const [reply] = await world.say('some-parent', '/nhacviec', { at: vn('2027-07-03T09:10:00') });
    expect(reply!.text).toContain('chỉ dành cho cán bộ');
  });
});

describe('reminders due --at --json', () => {
  it('on 3 July 2027 shows a commune officer the Action Month results report due 2027-07-10', async () => {
    const lines: string[] = [];
    const code = await remindersDueCommand(['due', '--at', '2027-07-03T09:00:00+07:00', '--json'], { db: world.db.db, config: world.config }, (l) => lines.push(l));
    expect(code).toBe(0);
    const rows = lines.map((l) => JSON.parse(l) as { to: string; rule: string; due: string; text: string });
    expect(rows).toContainEqual(expect.objectContaining({ to: 'ba-dinh', rule: 'am-result-commune', due: '2027-07-10' }));
    expect(rows.every((r) => Object.keys(r).join() === 'to,rule,due,text')).toBe(true);
    // Listing does not send.
    expect(await world.db.db.select().from(reminderSends)).toHaveLength(0);
  });

  it('rejects a malformed --at', async () => {
    const code = await remindersDueCommand(['due', '--at', 'yesterday'], { db: world.db.db, config: world.config }, () => undefined);
    expect(code).toBe(2);
  });
});
