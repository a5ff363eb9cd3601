// Stories of case work in chat: the chain of levels, transfer, referral, the full Decree 56 procedure,
// closing without a plan ("không thực hiện"), and the reporter asking in plain words.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { caseEventsOf } from '../../src/cases/events';
import { pairedDemoOfficer } from '../../src/channels/web/demo';
import { auditLog } from '../../src/db/schema';
import { createWorld, last, officerSteps, refIn, type World } from '../reports/support';

let w: World;
beforeEach(async () => {
  w = await createWorld();
});
afterEach(() => w.cleanup());

const BA_DINH = 'phường Quán Thánh, quận Ba Đình, Hà Nội'; // 00004: officer-ba-dinh
const GIANG_VO = 'phường Giảng Võ, Hà Nội'; // 00025: no officer; the Hà Nội supervisor
const HAI_CHAU = 'phường Hải Châu, Đà Nẵng'; // 20242: no officer and no Đà Nẵng supervisor

async function report(who: string, address: string, danger: 'yes' | 'no' = 'no') {
  await w.say(who, '/baotin');
  await w.say(who, 'Cháu bé hàng xóm bị bố đánh nhiều lần, người có vết bầm, tối nào cũng khóc.');
  await w.say(who, address);
  await w.say(who, { button: 'report:age:6-10' });
  await w.say(who, { button: `report:danger:${danger}` });
  await w.say(who, { button: 'report:anonymous' });
  const filed = last(await w.say(who, { button: 'report:confirm' }));
  return { ref: refIn(filed.text), filed };
}

const audits = async (caseId: number) => (await w.db.db.select().from(auditLog)).filter((a) => a.caseId === caseId);

describe('a human at the end of every chain', () => {
  it('a province without a supervisor: the report starts in the national queue, and the reporter is told so', async () => {
    const { ref, filed } = await report('dn-1', HAI_CHAU);
    const row = (await w.caseByRef(ref))!;
    expect(row.level).toBe('national');
    expect(filed.text).toContain('hàng chờ cấp quốc gia');
    expect(filed.text).not.toMatch(/chuyển tới cán bộ bảo vệ trẻ em của/);
    expect(filed.buttons.map((b) => b.payload)).toContain(`status:${ref}`);
    const status = last(await w.say('dn-1', { button: `status:${ref}` }));
    expect(status.text).toContain('hàng chờ cấp quốc gia');
  });

  it('a commune without an officer: the province supervisor has it at once, and the reporter hears "cấp tỉnh"', async () => {
    const { ref, filed } = await report('gv-1', GIANG_VO);
    expect((await w.caseByRef(ref))!.level).toBe('province');
    expect(filed.text).toContain('cán bộ phụ trách cấp tỉnh');
    expect(w.inboxOf('supervisor-ha-noi').filter((m) => m.text.includes(ref))).toHaveLength(1);
    await w.say('supervisor-ha-noi', { button: `case:ack:${ref}` });
    expect(last(w.inboxOf('gv-1')).text).toContain('đã được tiếp nhận ở cấp tỉnh/thành phố');
    expect((await w.caseByRef(ref))!.ackLevel).toBe('province');
  });
});

describe('transfer', () => {
  it('an officer moves a wrongly routed case by typing the new place; the new commune gets it, the old officer loses it', async () => {
    const { ref } = await report('tr-1', BA_DINH);
    const before = (await w.caseByRef(ref))!;
    await w.say('officer-ba-dinh', { button: `case:ack:${ref}` });
    const ask = last(await w.say('officer-ba-dinh', { button: `case:transfer:${ref}` }));
    expect(ask.state).toBe('case.transfer.place');
    const done = last(await w.say('officer-ba-dinh', 'phường Ngọc Hà, Hà Nội'));
    expect(done.text).toContain('Đã chuyển vụ việc');
    expect(done.text).toContain('Ngọc Hà');

    const row = (await w.caseByRef(ref))!;
    expect(row.communeCode).toBe('00008');
    expect(row.level).toBe('commune');
    expect(row.receivedAt.getTime()).toBe(before.receivedAt.getTime()); // the clocks keep running from receipt
    expect(row.acknowledgedAt).toBeNull(); // the new officer takes it up afresh
    const notice = w.inboxOf('officer-ngoc-ha').find((m) => m.text.includes(ref))!;
    expect(notice.text).toContain('được chuyển tới bạn từ Phường Ba Đình');
    expect(notice.buttons.map((b) => b.payload)).toContain(`case:ack:${ref}`);

    // The old officer no longer sees it; the audit names the move and its reason.
    expect(last(await w.say('officer-ba-dinh', `/case ${ref}`)).text).toBe(`Không tìm thấy vụ việc ${ref}.`);
    const moved = (await audits(row.id)).find((a) => a.action === 'case.transferred')!;
    expect(JSON.parse(moved.detail!)).toMatchObject({ from: '00004', to: '00008', reason: 'nơi xảy ra thuộc địa bàn khác' });
    expect(moved.actor).toBe('officer:1');
    // The new officer can act on it.
    expect(last(await w.say('officer-ngoc-ha', { button: `case:ack:${ref}` })).text).toContain('tiếp nhận');
  });

  it('the province supervisor moves a case by the commune’s old name, with a reason typed after the place', async () => {
    const { ref } = await report('tr-3', BA_DINH);
    await w.say('supervisor-ha-noi', { button: `case:transfer:${ref}` });
    // Liễu Giai was a ward of Ba Đình district; since 2025 it is part of phường Ngọc Hà.
    const done = last(await w.say('supervisor-ha-noi', 'phường Liễu Giai, quận Ba Đình, Hà Nội. Lý do: nhà cháu ở Liễu Giai'));
    expect(done.text).toContain('Đã chuyển vụ việc');
    const row = (await w.caseByRef(ref))!;
    expect(row.communeCode).toBe('00008');
    const moved = (await audits(row.id)).find((a) => a.action === 'case.transferred')!;
    expect(JSON.parse(moved.detail!)).toMatchObject({ from: '00004', to: '00008', reason: 'nhà cháu ở Liễu Giai' });
    expect(w.inboxOf('officer-ngoc-ha').find((m) => m.text.includes(ref))!.text).toContain('Lý do: nhà cháu ở Liễu Giai');
    // The reporter hears where it is now, never who.
    expect(last(w.inboxOf('tr-3')).text).toBe(`Cập nhật về tin ${ref}: đã được chuyển tới cán bộ bảo vệ trẻ em cấp xã/phường, đang chờ tiếp nhận.`);
  });

  it('moved to a commune nobody covers, the case goes to the province supervisor at once and the reporter hears "cấp tỉnh"', async () => {
    const { ref } = await report('tr-4', BA_DINH);
    await w.say('officer-ba-dinh', { button: `case:transfer:${ref}` });
    const done = last(await w.say('officer-ba-dinh', GIANG_VO));
    expect(done.text).toContain('cán bộ phụ trách cấp tỉnh đã được báo');
    expect((await w.caseByRef(ref))!).toMatchObject({ communeCode: '00025', level: 'province' });
    expect(w.inboxOf('supervisor-ha-noi').filter((m) => m.text.includes(`Vụ việc ${ref} được chuyển tới bạn`))).toHaveLength(1);
    expect(last(w.inboxOf('tr-4')).text).toContain('cán bộ phụ trách cấp tỉnh/thành phố');
    expect(last(w.inboxOf('tr-4')).text).not.toMatch(/cán bộ bảo vệ trẻ em cấp xã/);
  });

  it('never hands one web visitor’s case to another visitor’s demo officer', async () => {
    // Visitor A of the web demo acts as the demo officer of phường Ba Đình.
    const paired = await pairedDemoOfficer(w.db.db, w.rt.core.sealer, 'visitor-a', new Date('2026-11-25T02:00:00Z'));
    const { ref } = await report('tr-5', 'phường Ngọc Hà, Hà Nội');
    await w.say('officer-ngoc-ha', { button: `case:transfer:${ref}` });
    expect(last(await w.say('officer-ngoc-ha', BA_DINH)).text).toContain('Đã chuyển vụ việc');
    expect(w.inboxOf('officer-ba-dinh').some((m) => m.text.includes(ref))).toBe(true);
    expect(w.inboxOf(paired)).toEqual([]);
  });

  it('asks to pick when the typed place is ambiguous, with case:transferto buttons', async () => {
    const { ref } = await report('tr-2', BA_DINH);
    await w.say('officer-ba-dinh', { button: `case:transfer:${ref}` });
    const pick = last(await w.say('officer-ba-dinh', 'Tân Phong, lý do: gia đình đã chuyển nhà'));
    expect(pick.state).toBe('case.transfer.pick');
    expect(pick.buttons.length).toBeGreaterThan(1);
    expect(pick.buttons.filter((b) => b.payload.startsWith('case:')).every((b) => b.payload.startsWith(`case:transferto:${ref}:`))).toBe(true);
    const chosen = pick.buttons[0]!.payload.split(':')[3]!;
    const done = last(await w.say('officer-ba-dinh', { button: pick.buttons[0]!.payload }));
    expect(done.text).toContain('Đã chuyển vụ việc');
    const row = (await w.caseByRef(ref))!;
    expect(row.communeCode).toBe(chosen);
    const moved = (await audits(row.id)).find((a) => a.action === 'case.transferred')!;
    expect(JSON.parse(moved.detail!).reason).toBe('gia đình đã chuyển nhà');
  });
});

describe('the Decree 56 procedure with content', () => {
  it('verification with a risk level, a plan with its four parts, the approver, notes, a review, a referral and closing', async () => {
    const { ref } = await report('pr-1', BA_DINH, 'yes');
    const steps = officerSteps(w, 'officer-ba-dinh', ref);
    await steps.ack();
    const assessed = last(await steps.verify('Đã đến nhà, cháu có vết bầm ở tay và lưng.', 'high'));
    expect(assessed.text).toContain('nguy cơ cao');
    const planned = last(await steps.plan());
    expect(planned.text).toContain('2 ngày làm việc');
    const approved = last(await steps.approve('Trần Thị Bình, Chủ tịch UBND phường'));
    expect(approved.text).toContain('Trần Thị Bình');
    expect(approved.buttons.map((b) => b.payload)).toEqual(expect.arrayContaining([`case:note:${ref}`, `case:review:${ref}`]));

    await w.say('officer-ba-dinh', { button: `case:note:${ref}` });
    expect(last(await w.say('officer-ba-dinh', 'Đã đưa cháu đi khám ở trạm y tế.')).text).toContain('ghi chú thực hiện');
    const agencies = last(await w.say('officer-ba-dinh', { button: `case:refer:${ref}` }));
    expect(agencies.buttons.map((b) => b.payload).filter((p) => p.startsWith('case:'))).toEqual(['police', 'health', 'legal', 'shelter'].map((a) => `case:referto:${ref}:${a}`));
    await w.say('officer-ba-dinh', { button: `case:referto:${ref}:police` });
    expect(last(await w.say('officer-ba-dinh', 'Đã báo công an phường để ngăn chặn hành vi bạo lực.')).text).toContain('Công an');
    await w.say('officer-ba-dinh', { button: `case:review:${ref}` });
    await w.say('officer-ba-dinh', 'Cháu đã ổn định, gia đình hợp tác.');
    const closed = last(await steps.close('safe'));
    expect(closed.text).toContain('trẻ đã an toàn');
    expect(closed.text).not.toContain('không thực hiện');

    const row = (await w.caseByRef(ref))!;
    expect(row).toMatchObject({ status: 'closed', risk: 'high', closeReason: 'safe' });
    expect(row.reviewedAt).not.toBeNull();
    const events = await caseEventsOf(w.db.db, w.rt.core.sealer, row.id);
    expect(events.map((e) => e.kind)).toEqual(['assessment', 'plan', 'approval', 'note', 'referral', 'review', 'close']);
    expect(events[1]!.body).toEqual({ needs: 'Khám sức khoẻ, tư vấn tâm lý', actions: 'Đưa cháu đi khám; làm việc với gia đình', who: 'Cán bộ xã và trạm y tế', due: '2026-12-20' });
    expect(events[2]!.body.approver).toBe('Trần Thị Bình, Chủ tịch UBND phường');
    expect(events[4]).toMatchObject({ tag: 'police', body: { note: 'Đã báo công an phường để ngăn chặn hành vi bạo lực.' } });
    // Notes are sealed at rest.
    const raw = JSON.stringify(await w.db.client.execute('select * from case_events'));
    expect(raw).not.toContain('công an phường');
  });

  it('typed numbers work where buttons do (Zalo shows them as a numbered list)', async () => {
    const { ref } = await report('pr-2', BA_DINH);
    await w.say('officer-ba-dinh', { button: `case:verify:${ref}` });
    const risk = last(await w.say('officer-ba-dinh', 'Đã gặp gia đình, cháu bình thường.'));
    expect(risk.state).toBe('case.assess.risk');
    expect(last(await w.say('officer-ba-dinh', 'năm')).text).toContain('1, 2 hoặc 3');
    expect(last(await w.say('officer-ba-dinh', '1')).text).toContain('nguy cơ thấp');
  });

  it('closing without a plan: the steps never taken read "không thực hiện", never "đã xong"', async () => {
    const { ref } = await report('cl-1', BA_DINH);
    await w.say('officer-ba-dinh', { button: `case:ack:${ref}` });
    await w.say('officer-ba-dinh', { button: `case:closeok:${ref}:other` });
    const closed = last(await w.say('officer-ba-dinh', 'Gia đình đã chuyển đi tỉnh khác.'));
    expect(closed.text).toContain('Gia đình đã chuyển đi tỉnh khác');
    expect(closed.text).toContain('không thực hiện');
    const row = (await w.caseByRef(ref))!;
    expect(row.closeReason).toBe('other');
    w.sent.length = 0;
    // The supervisor still covers the closed case and sees its clocks honestly.
    const view = last(await w.say('supervisor-ha-noi', `/case ${ref}`)).text;
    expect(view).toMatch(/Kế hoạch hỗ trợ, can thiệp trong 5 ngày làm việc: .* \(không thực hiện\)/);
    expect(view).toMatch(/Phê duyệt kế hoạch trong 2 ngày làm việc: .* \(không thực hiện\)/);
    expect(view).not.toMatch(/Kế hoạch.*đã xong/);
  });
});

describe('the reporter', () => {
  it('asks in plain words or with the bare code, and hears the status of that chat’s cases only', async () => {
    const { ref } = await report('rp-1', BA_DINH);
    const { ref: other } = await report('rp-2', BA_DINH);
    for (const ask of ['tin của tôi sao rồi', 'bao roi ma chua thay ai', 'Báo rồi mà chưa thấy ai liên hệ', 'Xem tình trạng', ref.toLowerCase().replace('-', ' ')]) {
      const answer = last(await w.say('rp-1', ask));
      expect(answer.text, ask).toContain(ref);
      expect(answer.text, ask).toContain('cấp xã/phường');
      expect(answer.text, ask).not.toContain(other);
      expect(answer.text, ask).not.toContain('Cán bộ BVTE');
    }
    expect(last(await w.say('rp-1', other)).text).toContain('Không tìm thấy');
    // Danger told with it goes on to the crisis answer (this world has no guidance: the fallback);
    // the full app's answer is in test/cli/case-work-jsonl.test.ts.
    const danger = last(await w.say('rp-1', 'Báo rồi mà chưa thấy ai, bây giờ ông bố lại đang đánh cháu rất dã man'));
    expect(danger.text).not.toContain(ref);
    expect(last(await w.say('nobody', 'tin của tôi sao rồi')).text).toContain('chưa báo tin nào');
  });

  it('adds information to a filed case; it reaches whoever holds it now', async () => {
    const { ref } = await report('rp-3', BA_DINH);
    await w.say('rp-3', { button: `status:add:${ref}` });
    const done = last(await w.say('rp-3', 'Tối nay ông bố lại uống rượu và đập phá đồ đạc.'));
    expect(done.text).toContain('Đã chuyển thông tin bổ sung');
    const got = last(w.inboxOf('officer-ba-dinh'));
    expect(got.text).toContain(ref);
    expect(got.text).toContain('uống rượu');
    await w.say('rp-3', { button: `status:add:${ref}` });
    await w.say('rp-3', { photo: { fileId: 'photo-added-later' } });
    expect(last(w.inboxOf('officer-ba-dinh')).text).toContain('ảnh');

    // Sealed at rest, audited, and sent through the outbox like every other message.
    const row = (await w.caseByRef(ref))!;
    expect(JSON.stringify(await w.db.client.execute('select * from case_events'))).not.toContain('uống rượu');
    expect((await audits(row.id)).filter((a) => a.action === 'case.reporter_added')).toHaveLength(2);
    const queued = await w.db.client.execute({ sql: "select count(*) as n from outbox where case_id = ? and recipient = 'officer-ba-dinh' and dedupe_key like '%reporter-info%'", args: [row.id] });
    expect(Number(queued.rows[0]!.n)).toBe(2);
    // The reporter is never told who holds it.
    expect(w.inboxOf('rp-3').map((m) => m.text).join('\n')).not.toMatch(/officer-ba-dinh|Cán bộ BVTE|\b0\d{9}\b/);
  });

  it('an addition never reaches another web visitor’s demo officer', async () => {
    const paired = await pairedDemoOfficer(w.db.db, w.rt.core.sealer, 'visitor-b', new Date('2026-11-25T02:00:00Z'));
    const { ref } = await report('rp-5', BA_DINH);
    await w.say('rp-5', { button: `status:add:${ref}` });
    await w.say('rp-5', 'Cháu tên Minh, học lớp 2.');
    expect(last(w.inboxOf('officer-ba-dinh')).text).toContain('Cháu tên Minh');
    expect(w.inboxOf(paired)).toEqual([]);
  });

  it('an addition to a case held by the province reaches the supervisor', async () => {
    const { ref } = await report('rp-4', GIANG_VO);
    await w.say('rp-4', { button: `status:add:${ref}` });
    await w.say('rp-4', 'Nhà cháu ở ngõ 12, cạnh quán nước.');
    expect(last(w.inboxOf('supervisor-ha-noi')).text).toContain('Nhà cháu ở ngõ 12');
  });
});
