// Stories of an officer working a case to the end, and of the admin view, every step audited.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/db/schema';
import { getCaseForAdmin, listCasesForAdmin } from '../../src/reports';
import { createWorld, last, officerSteps, refIn, type World } from './support';

let w: World;
beforeEach(async () => {
  w = await createWorld();
});
afterEach(() => w.cleanup());

async function file(who: string): Promise<string> {
  await w.say(who, '/baotin');
  await w.say(who, 'Thầy giáo dạy thêm có hành vi sàm sỡ học sinh lớp 5, con tôi kể lại tối qua.');
  await w.say(who, 'phường Quán Thánh, quận Ba Đình, Hà Nội');
  await w.say(who, { button: 'report:age:6-10' });
  await w.say(who, { button: 'report:danger:no' });
  await w.say(who, '0987 654 321');
  return refIn(last(await w.say(who, { button: 'report:confirm' })).text);
}

describe('an officer works a case', () => {
  it('moves it through acknowledged, assessed, plan and closed; the reporter hears each step in plain words', async () => {
    const ref = await file('parent-1');
    const steps = officerSteps(w, 'officer-ba-dinh', ref);
    await steps.ack();
    expect(last(await steps.verify()).buttons.map((b) => b.payload)).toContain(`case:plan:${ref}`);
    expect(last(await steps.plan()).buttons.map((b) => b.payload)).toContain(`case:approve:${ref}`);
    await steps.approve();
    const ask = last(await w.say('officer-ba-dinh', { button: `case:close:${ref}` }));
    expect(ask.buttons.map((b) => b.payload).filter((p) => p.startsWith('case:'))).toEqual(['safe', 'transferred', 'referred', 'unfounded', 'other'].map((r) => `case:closeok:${ref}:${r}`));
    expect((await w.caseByRef(ref))!.status).toBe('plan');
    await steps.close('safe');
    const row = (await w.caseByRef(ref))!;
    expect(row.status).toBe('closed');
    expect(row.closeReason).toBe('safe');
    expect(row.approvedAt).not.toBeNull();

    expect(w.inboxOf('parent-1').filter((m) => m.kind === 'status').map((m) => m.text.split(': ')[1])).toEqual([
      'đã được tiếp nhận ở cấp xã/phường.',
      'cán bộ đang xác minh và đánh giá.',
      'đã có kế hoạch hỗ trợ, can thiệp cho trẻ.',
      'đã được xử lý và đóng lại.',
    ]);
    const trail = (await w.db.db.select().from(auditLog)).filter((a) => a.caseId === row.id).map((a) => a.action);
    expect(trail).toEqual(expect.arrayContaining(['case.created', 'case.ack', 'case.verify', 'case.plan', 'case.approve', 'case.close']));
    expect(last(await w.say('officer-ba-dinh', '/cases')).text).toBe('Không có vụ việc nào đang mở.');
  });

  it('lists open cases with the time left on each clock', async () => {
    const ref = await file('parent-2');
    const list = last(await w.say('officer-ba-dinh', '/cases'));
    expect(list.text).toContain(ref);
    expect(list.text).toMatch(/Kế hoạch hỗ trợ, can thiệp trong 5 ngày làm việc: còn \d+ ngày/);
    expect(last(await w.say('citizen-x', '/cases')).text).toContain('dành cho cán bộ');
  });

  it('escalates by hand to the province supervisor', async () => {
    const ref = await file('parent-3');
    const r = last(await w.say('officer-ba-dinh', { button: `case:escalate:${ref}` }));
    expect(r.text).toContain('cấp tỉnh');
    expect((await w.caseByRef(ref))!.level).toBe('province');
    const [toSupervisor] = w.inboxOf('supervisor-ha-noi');
    expect(toSupervisor!.kind).toBe('escalation');
    expect(toSupervisor!.text).toContain('0987654321');
    expect((await w.caseByRef(ref))!.status).toBe('escalated');
  });
});

describe('the admin dashboard views', () => {
  it('list cases without personal data and open one case with an audit entry', async () => {
    const ref = await file('parent-4');
    const list = await listCasesForAdmin(w.db.db, w.rt.core.sealer, { status: 'received' });
    expect(list.map((c) => c.ref)).toEqual([ref]);
    expect(JSON.stringify(list)).not.toContain('sàm sỡ');
    expect(list[0]!.commune!.name).toBe('Phường Ba Đình');
    const view = await getCaseForAdmin(w.db.db, w.rt.core.sealer, ref, 'admin:lan', new Date('2026-11-25T05:00:00Z'));
    expect(view!.description).toContain('sàm sỡ');
    expect(view!.contact).toBe('0987654321');
    const audit = (await w.db.db.select().from(auditLog)).filter((a) => a.actor === 'admin:lan');
    expect(audit.map((a) => a.action)).toEqual(['case.viewed']);
    expect(await getCaseForAdmin(w.db.db, w.rt.core.sealer, 'BV-2222AA', 'admin:lan')).toBeNull();
  });
});
