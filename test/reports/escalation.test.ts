// Stories of the legal clocks: an unhandled emergency is escalated once, officers are reminded once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/db/schema';
import { caseClocks, escalationTick } from '../../src/reports';
import { runTick } from '../../src/tick';
import { createWorld, last, officerSteps, refIn, type World } from './support';

let w: World;
beforeEach(async () => {
  w = await createWorld();
});
afterEach(() => w.cleanup());

const HOUR = 3_600_000;
const T0 = new Date('2026-11-25T03:00:00Z'); // Wednesday 10:00 in Hà Nội

async function report(who: string, danger: 'yes' | 'no', at: Date): Promise<string> {
  const step = (n: number) => ({ at: new Date(at.getTime() + n * 1000) });
  await w.say(who, '/baotin', step(0));
  await w.say(who, 'Cháu bé hàng xóm bị nhốt trong nhà nhiều ngày, không cho ăn, tôi nghe tiếng khóc suốt.', step(1));
  await w.say(who, 'phường Quán Thánh, quận Ba Đình, Hà Nội', step(2));
  await w.say(who, { button: 'report:age:0-5' }, step(3));
  await w.say(who, { button: `report:danger:${danger}` }, step(4));
  await w.say(who, { button: 'report:anonymous' }, step(5));
  return refIn(last(await w.say(who, { button: 'report:confirm' }, step(6))).text);
}

const tick = (at: Date) => runTick(w.rt, at, { steps: [['escalation', escalationTick]] });
const escalationsTo = (id: string) => w.inboxOf(id).filter((m) => m.kind === 'escalation');

describe('an emergency nobody acknowledges', () => {
  it('goes one step up at a time: to the province supervisor once, then to the national queue, however many ticks run', async () => {
    const ref = await report('r1', 'yes', T0);
    await tick(new Date(T0.getTime() + 1 * HOUR));
    expect(escalationsTo('supervisor-ha-noi')).toHaveLength(0);

    // Every 5 minutes from 2 h to 11 h 55 after receipt, and the same moment twice.
    await tick(new Date(T0.getTime() + 2 * HOUR + 60_000));
    await tick(new Date(T0.getTime() + 2 * HOUR + 60_000));
    for (let t = T0.getTime() + 2 * HOUR; t < T0.getTime() + 12 * HOUR; t += 5 * 60_000) await tick(new Date(t));

    const escalated = escalationsTo('supervisor-ha-noi');
    expect(escalated).toHaveLength(1);
    expect(escalated[0]!.text).toContain(`Vụ việc ${ref} chưa được tiếp nhận sau 2 giờ`);
    expect(escalated[0]!.buttons.map((b) => b.payload)).toContain(`case:ack:${ref}`);
    expect(w.inboxOf('officer-ngoc-ha')).toHaveLength(0);
    const row = await w.caseByRef(ref);
    expect(row!.status).toBe('escalated');
    expect(row!.escalatedAt!.getTime()).toBe(T0.getTime() + 2 * HOUR + 60_000);
    // Nobody at the province took it up within the same 2 hours either: it went on to the national queue.
    expect(row!.level).toBe('national');
    const audits = (await w.db.db.select().from(auditLog)).filter((a) => a.caseId === row!.id && a.action === 'case.escalated');
    expect(audits.map((a) => JSON.parse(a.detail!) as { from: string; to: string }).map((d) => `${d.from}>${d.to}`)).toEqual(['commune>province', 'province>national']);
    expect(audits[0]!.actor).toBe('system');

    // The officer was reminded once, 3 hours before the 12-hour clock ran out.
    const reminders = w.inboxOf('officer-ba-dinh').filter((m) => m.kind === 'reminder');
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.text).toContain('Can thiệp khẩn cấp trong 12 giờ');

    // The reporter heard each step, once, and the truth about the level.
    expect(w.inboxOf('r1').filter((m) => m.kind === 'status').map((m) => m.text)).toEqual([
      `Cập nhật về tin ${ref}: đã được chuyển lên cấp tỉnh/thành phố để xử lý.`,
      `Cập nhật về tin ${ref}: đã được chuyển lên cấp quốc gia để xử lý.`,
    ]);

    // Past the 12-hour clock, the overdue clock is recorded once; the case already sits at the top.
    for (let i = 0; i < 5; i++) await tick(new Date(T0.getTime() + 12 * HOUR + i * 60_000 + 1));
    const overdue = (await w.db.db.select().from(auditLog)).filter((a) => a.caseId === row!.id && a.action === 'case.escalated' && a.detail!.includes('clock:emergency'));
    expect(overdue).toHaveLength(1);
    expect(escalationsTo('supervisor-ha-noi')).toHaveLength(1);
  });

  it('is not escalated when the officer acknowledges in time', async () => {
    const ref = await report('r2', 'yes', T0);
    await w.say('officer-ba-dinh', { button: `case:ack:${ref}` }, { at: new Date(T0.getTime() + HOUR) });
    for (let h = 1; h <= 6; h++) await tick(new Date(T0.getTime() + h * HOUR));
    expect(escalationsTo('supervisor-ha-noi')).toHaveLength(0);
    expect((await w.caseByRef(ref))!.status).toBe('acknowledged');
  });
});

describe('a case whose holders have gone', () => {
  it('goes one step up at the next tick, not after the wait: the officer left, then the supervisor', async () => {
    const ref = await report('r4', 'no', T0);
    expect((await w.caseByRef(ref))!.level).toBe('commune');
    // The Ba Đình officer leaves before taking the case up.
    await w.db.client.execute("update officers set active = 0 where channel_user_id = 'officer-ba-dinh'");
    await tick(new Date(T0.getTime() + 60_000));
    let row = (await w.caseByRef(ref))!;
    expect(row.level).toBe('province');
    const passed = escalationsTo('supervisor-ha-noi');
    expect(passed).toHaveLength(1);
    expect(passed[0]!.text).toContain(`Vụ việc ${ref}: cấp xã/phường nơi xảy ra không còn ai nhận tin`);
    expect(passed[0]!.buttons.map((b) => b.payload)).toContain(`case:ack:${ref}`);
    expect(last(w.inboxOf('r4')).text).toBe(`Cập nhật về tin ${ref}: đã được chuyển lên cấp tỉnh/thành phố để xử lý.`);

    // Ticks again change nothing; then the province supervisor is retired too: the national queue.
    await tick(new Date(T0.getTime() + 2 * 60_000));
    expect(escalationsTo('supervisor-ha-noi')).toHaveLength(1);
    await w.db.client.execute("update officers set active = 0 where channel_user_id = 'supervisor-ha-noi'");
    await tick(new Date(T0.getTime() + 3 * 60_000));
    row = (await w.caseByRef(ref))!;
    expect(row.level).toBe('national');
    expect(last(w.inboxOf('r4')).text).toBe(`Cập nhật về tin ${ref}: đã được chuyển lên cấp quốc gia để xử lý.`);
  });

  it('the province supervisor who took it up is reminded of its clocks, not only the commune officer who left', async () => {
    const ref = await report('r6', 'no', T0);
    await w.db.client.execute("update officers set active = 0 where channel_user_id = 'officer-ba-dinh'");
    await tick(new Date(T0.getTime() + 60_000));
    expect((await w.caseByRef(ref))!.level).toBe('province');
    await w.say('supervisor-ha-noi', { button: `case:ack:${ref}` }, { at: new Date(T0.getTime() + 2 * 60_000) });
    await officerSteps(w, 'supervisor-ha-noi', ref).verify(undefined, 'medium', new Date(T0.getTime() + HOUR));
    // The plan is due at the end of Wednesday 2/12: the reminder goes out on Tuesday 1/12 at 08:00, once.
    await tick(new Date('2026-12-01T01:00:00Z'));
    await tick(new Date('2026-12-01T05:00:00Z'));
    const reminders = w.inboxOf('supervisor-ha-noi').filter((m) => m.kind === 'reminder');
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.text).toContain('Kế hoạch hỗ trợ, can thiệp trong 5 ngày làm việc');
    expect(w.inboxOf('officer-ba-dinh').filter((m) => m.kind === 'reminder')).toHaveLength(0);
  });

  it('an emergency escalated to the province reminds the supervisor who holds it and the commune officer', async () => {
    const ref = await report('r7', 'yes', T0);
    await tick(new Date(T0.getTime() + 2 * HOUR + 60_000));
    await w.say('supervisor-ha-noi', { button: `case:ack:${ref}` }, { at: new Date(T0.getTime() + 2 * HOUR + 120_000) });
    expect((await w.caseByRef(ref))!.level).toBe('province');
    for (let t = T0.getTime() + 3 * HOUR; t < T0.getTime() + 12 * HOUR; t += 30 * 60_000) await tick(new Date(t));
    for (const who of ['supervisor-ha-noi', 'officer-ba-dinh']) {
      const reminders = w.inboxOf(who).filter((m) => m.kind === 'reminder');
      expect(reminders, who).toHaveLength(1);
      expect(reminders[0]!.text).toContain('Can thiệp khẩn cấp trong 12 giờ');
    }
  });

  it('a case already taken up is left with its officer', async () => {
    const ref = await report('r5', 'no', T0);
    await w.say('officer-ba-dinh', { button: `case:ack:${ref}` }, { at: new Date(T0.getTime() + 60_000) });
    await w.db.client.execute("update officers set active = 0 where channel_user_id = 'officer-ba-dinh'");
    await tick(new Date(T0.getTime() + 2 * 60_000));
    expect((await w.caseByRef(ref))!.level).toBe('commune');
  });
});

describe('an ordinary report', () => {
  it('waits 24 hours before escalation, and the officer is reminded the working day before the plan is due', async () => {
    const ref = await report('r3', 'no', T0);
    await tick(new Date(T0.getTime() + 23 * HOUR));
    expect(escalationsTo('supervisor-ha-noi')).toHaveLength(0);
    await w.say('officer-ba-dinh', { button: `case:ack:${ref}` }, { at: new Date(T0.getTime() + 23.5 * HOUR) });
    await officerSteps(w, 'officer-ba-dinh', ref).verify(undefined, 'medium', new Date(T0.getTime() + 24 * HOUR));

    // Received Wednesday 25/11: the plan is due at the end of Wednesday 2/12; reminder Tuesday 1/12 08:00.
    const row = (await w.caseByRef(ref))!;
    const plan = caseClocks(row, 'Asia/Ho_Chi_Minh').find((c) => c.name === 'plan')!;
    expect(plan.dueAt.toISOString()).toBe('2026-12-02T16:59:59.999Z');
    await tick(new Date('2026-12-01T00:59:00Z'));
    expect(w.inboxOf('officer-ba-dinh').filter((m) => m.kind === 'reminder')).toHaveLength(0);
    await tick(new Date('2026-12-01T01:00:00Z'));
    await tick(new Date('2026-12-01T05:00:00Z'));
    const reminders = w.inboxOf('officer-ba-dinh').filter((m) => m.kind === 'reminder');
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.text).toContain('Kế hoạch hỗ trợ, can thiệp trong 5 ngày làm việc');
    expect(reminders[0]!.text).toContain('23:59 02/12/2026');

    // A plan recorded in time stops the plan clock; the approval clock then runs 2 working days.
    await officerSteps(w, 'officer-ba-dinh', ref).plan(new Date('2026-12-02T02:00:00Z'));
    await tick(new Date('2026-12-03T00:00:00Z'));
    expect(escalationsTo('supervisor-ha-noi')).toHaveLength(0);
    await tick(new Date('2026-12-04T17:00:00Z')); // past the end of Friday 4/12 in Hà Nội
    expect(escalationsTo('supervisor-ha-noi')).toHaveLength(1);
    expect(last(escalationsTo('supervisor-ha-noi')).text).toContain('Phê duyệt kế hoạch trong 2 ngày làm việc');
  });
});

describe('the legal clocks', () => {
  it('count working days past public holidays (30/4 and 1/5)', () => {
    const receivedAt = new Date('2026-04-29T03:00:00Z'); // Wednesday 10:00
    const base = {
      receivedAt,
      emergency: true,
      routedTo: 'officer',
      acknowledgedAt: null,
      assessedAt: null,
      planAt: null,
      approvedAt: null,
      closedAt: null,
    };
    const clocks = Object.fromEntries(caseClocks(base, 'Asia/Ho_Chi_Minh').map((c) => [c.name, c]));
    expect(clocks.deliver!.done).toBe(true);
    expect(clocks.emergency!.dueAt.toISOString()).toBe('2026-04-29T15:00:00.000Z');
    expect(clocks.plan!.dueAt.toISOString()).toBe('2026-05-08T16:59:59.999Z'); // Friday 8/5
    expect(clocks.approval!.dueAt.toISOString()).toBe('2026-05-12T16:59:59.999Z'); // Tuesday 12/5
    const closed = caseClocks({ ...base, closedAt: new Date('2026-05-02T00:00:00Z') }, 'Asia/Ho_Chi_Minh');
    expect(closed.filter((c) => !c.done)).toHaveLength(0);
    // Closing stops the clocks without meeting them: the steps never taken read "không thực hiện".
    expect(Object.fromEntries(closed.map((c) => [c.name, c.outcome]))).toEqual({ deliver: 'done', emergency: 'skipped', plan: 'skipped', approval: 'skipped' });
  });
});
