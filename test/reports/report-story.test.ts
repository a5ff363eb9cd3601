// Stories of a citizen's report reaching the one officer responsible, and what nobody else may see.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/db/schema';
import { storedSourceKey } from '../../src/cases/reporter-link';
import { createWorld, last, refIn, type World } from './support';

let w: World;
beforeEach(async () => {
  w = await createWorld();
});
afterEach(() => w.cleanup());

const OLD_ADDRESS = '12 phố Quán Thánh, phường Quán Thánh, quận Ba Đình, Hà Nội';
const DESCRIPTION = 'Bé gái nhà bên cạnh thường bị bố dượng đánh, tối qua cháu khóc rất lâu và có vết bầm trên tay.';

/** A full report from `who`, answering each step as a person would. */
async function reportAbuse(who: string, o: { address?: string; contact?: string; danger?: string } = {}) {
  await w.say(who, '/baotin');
  await w.say(who, DESCRIPTION);
  await w.say(who, o.address ?? OLD_ADDRESS);
  await w.say(who, { button: 'report:age:6-10' });
  await w.say(who, { button: `report:danger:${o.danger ?? 'no'}` });
  await w.say(who, o.contact ?? { button: 'report:anonymous' });
  return w.say(who, { button: 'report:confirm' });
}

describe('a citizen reports abuse with an old district address', () => {
  it('reaches the right commune officer, only that one, who acknowledges; the reporter sees it in /status', async () => {
    const start = await w.say('citizen-1', '/baotin');
    expect(last(start).state).toBe('report.description');
    const afterDescription = await w.say('citizen-1', DESCRIPTION);
    expect(last(afterDescription).state).toBe('report.location');
    const afterAddress = await w.say('citizen-1', OLD_ADDRESS);
    expect(last(afterAddress).state).toBe('report.child_age');
    expect(last(afterAddress).buttons.map((b) => b.payload)).toEqual([
      'report:age:0-5',
      'report:age:6-10',
      'report:age:11-15',
      'report:age:unknown',
      'report:cancel',
    ]);
    expect(last(await w.say('citizen-1', '7 tuổi')).state).toBe('report.danger');
    expect(last(await w.say('citizen-1', { button: 'report:danger:no' })).state).toBe('report.contact');
    const summary = last(await w.say('citizen-1', '0912 345 678'));
    expect(summary.state).toBe('report.confirm');
    expect(summary.text).toContain('Phường Ba Đình, Thành phố Hà Nội');
    expect(summary.buttons.map((b) => b.payload)).toEqual([
      'report:confirm',
      'report:edit:description',
      'report:edit:location',
      'report:edit:child_age',
      'report:edit:danger',
      'report:edit:contact',
      'report:cancel',
    ]);

    const filed = last(await w.say('citizen-1', { button: 'report:confirm' }));
    expect(filed.state).toBeNull();
    const ref = refIn(filed.text);
    expect(ref).toMatch(/^BV-[2-9A-HJ-NP-TW-Z]{6}$/);
    expect(filed.text).toContain('cấp xã/phường');
    expect(filed.buttons.map((b) => b.payload)).toEqual(expect.arrayContaining([`status:${ref}`, `status:add:${ref}`]));

    // Only the Ba Đình officer got the case; the neighbouring ward's officer and the supervisor did not.
    const officerMsgs = w.inboxOf('officer-ba-dinh');
    expect(officerMsgs).toHaveLength(1);
    expect(officerMsgs[0]!.kind).toBe('case');
    expect(officerMsgs[0]!.text).toContain(ref);
    expect(officerMsgs[0]!.text).toContain('Phường Ba Đình, Thành phố Hà Nội');
    expect(officerMsgs[0]!.text).toContain(DESCRIPTION);
    expect(officerMsgs[0]!.text).toContain('0912345678');
    expect(officerMsgs[0]!.buttons.map((b) => b.payload)).toEqual([
      `case:ack:${ref}`,
      `case:verify:${ref}`,
      `case:refer:${ref}`,
      `case:transfer:${ref}`,
      `case:escalate:${ref}`,
      `case:close:${ref}`,
    ]);
    expect(w.inboxOf('officer-ngoc-ha')).toHaveLength(0);
    expect(w.inboxOf('supervisor-ha-noi')).toHaveLength(0);

    const before = last(await w.say('citizen-1', `/status ${ref}`));
    expect(before.text).toContain('đang chờ tiếp nhận');

    const ack = last(await w.say('officer-ba-dinh', { button: `case:ack:${ref}` }));
    expect(ack.text).toContain('tiếp nhận');
    // The reporter is told, in coarse words, without the officer's identity.
    const progress = w.inboxOf('citizen-1').filter((m) => m.kind === 'status');
    expect(progress).toHaveLength(1);
    expect(progress[0]!.text).toContain('đã được tiếp nhận ở cấp xã/phường');

    const after = last(await w.say('citizen-1', `/status ${ref}`));
    expect(after.text).toContain('đã được tiếp nhận ở cấp xã/phường');
    expect(after.text).not.toContain('officer-ba-dinh');
    expect(after.text).not.toContain('Cán bộ BVTE');

    const row = await w.caseByRef(ref);
    expect(row!.status).toBe('acknowledged');
    const trail = (await w.db.db.select().from(auditLog)).filter((a) => a.caseId === row!.id).map((a) => `${a.actor} ${a.action}`);
    expect(trail).toContain('officer:1 case.ack');
    expect(trail.some((a) => a.endsWith('case.created'))).toBe(true);
  });

  it('/status from another chat reveals nothing about the case', async () => {
    const ref = refIn(last(await reportAbuse('citizen-2')).text);
    const other = last(await w.say('someone-else', `/status ${ref}`));
    const unknown = last(await w.say('someone-else', '/status BV-2222AA'));
    expect(other.text).toContain('Không tìm thấy');
    expect(other.text.replace(ref, 'REF')).toBe(unknown.text.replace('BV-2222AA', 'REF'));
  });
});

describe('privacy of the reporter and of the case', () => {
  it('never shows an anonymous reporter’s contact to any officer', async () => {
    const ref = refIn(last(await reportAbuse('anon-1')).text);
    await w.say('officer-ba-dinh', { button: `case:ack:${ref}` });
    await w.say('officer-ba-dinh', `/case ${ref}`);
    await w.say('officer-ba-dinh', '/cases');
    const officerTexts = w.sent.filter((m) => m.to.startsWith('officer-') || m.to.startsWith('supervisor-')).map((m) => m.text);
    expect(officerTexts.length).toBeGreaterThanOrEqual(4);
    for (const text of officerTexts) {
      expect(text).not.toMatch(/0\d{9}/);
      expect(text).not.toContain('Liên hệ người báo');
    }
    expect(officerTexts[0]).toContain('Người báo ẩn danh');
    const row = await w.caseByRef(ref);
    expect(row!.anonymous).toBe(true);
    expect(row!.contactEnc).toBeNull();
  });

  it('stores the description, contact and address only encrypted', async () => {
    const ref = refIn(last(await reportAbuse('citizen-3', { contact: '+84 912 345 678' })).text);
    const raw = await w.db.client.execute({ sql: 'select * from cases where ref = ?', args: [ref] });
    const dump = JSON.stringify(raw.rows);
    expect(dump).not.toContain('bố dượng');
    expect(dump).not.toContain('Quán Thánh');
    expect(dump).not.toContain('912345678');
    expect(String(raw.rows[0]!.description_enc)).toMatch(/^v1\./);
  });

  it('refuses an officer of another commune exactly as if the case did not exist', async () => {
    const ref = refIn(last(await reportAbuse('citizen-4')).text);
    const view = last(await w.say('officer-ngoc-ha', `/case ${ref}`));
    const press = last(await w.say('officer-ngoc-ha', { button: `case:ack:${ref}` }));
    const missing = last(await w.say('officer-ngoc-ha', '/case BV-2222AA'));
    expect(view.text).toBe(`Không tìm thấy vụ việc ${ref}.`);
    expect(press.text).toBe(view.text);
    expect(missing.text.replace('BV-2222AA', ref)).toBe(view.text);
    expect(view.text).not.toContain(DESCRIPTION);
    expect((await w.caseByRef(ref))!.status).toBe('received');
    // A citizen cannot open it either, and the province supervisor can.
    expect(last(await w.say('citizen-4', `/case ${ref}`)).text).toBe(view.text);
    expect(last(await w.say('supervisor-ha-noi', `/case ${ref}`)).text).toContain(DESCRIPTION);
  });
});

describe('the same update delivered twice', () => {
  it('files one case', async () => {
    const tg = { channel: 'telegram' as const };
    await w.say('tg-1', '/baotin', tg);
    await w.say('tg-1', DESCRIPTION, tg);
    await w.say('tg-1', OLD_ADDRESS, tg);
    await w.say('tg-1', { button: 'report:age:0-5' }, tg);
    await w.say('tg-1', { button: 'report:danger:unsure' }, tg);
    await w.say('tg-1', { button: 'report:anonymous' }, tg);
    const confirm = { button: 'report:confirm', dedupeKey: 'telegram:424242' };
    const first = await w.say('tg-1', confirm, { channel: 'telegram' });
    const again = await w.say('tg-1', confirm, { channel: 'telegram' });
    expect(refIn(last(first).text)).toBeTruthy();
    expect(again).toHaveLength(0);
    const rows = await w.caseRows();
    expect(rows).toHaveLength(1);
    // The update's key is kept as a tag (in clear it would match the receipt's outbox key).
    expect(rows[0]!.sourceKey).toBe(await storedSourceKey(w.rt.core.sealer, 'telegram:424242'));
    // A real report never reaches the demo officer-ba-dinh: Ba Đình has no real officer, so it waits as uncovered.
    expect(rows[0]!.routedTo).toBe('unrouted');
    expect(w.inboxOf('officer-ba-dinh')).toHaveLength(0);
    expect(w.inboxOf('tg-1').filter((m) => /BV-/.test(m.text))).toHaveLength(1);
  });
});

describe('the intake conversation', () => {
  it('re-asks politely on a wrong answer, resumes after a pause, and /huy stops at any step', async () => {
    await w.say('c5', '/baotin');
    expect(last(await w.say('c5', 'đánh')).text).toContain('viết thêm');
    await w.say('c5', DESCRIPTION);
    await w.say('c5', OLD_ADDRESS);
    const badAge = last(await w.say('c5', 'không nhớ lắm'));
    expect(badAge.state).toBe('report.child_age');
    expect(badAge.text).toContain('gõ số tuổi');
    await w.say('c5', { button: 'report:age:11-15' });
    await w.say('c5', { button: 'report:danger:no' });
    const badPhone = last(await w.say('c5', '12345'));
    expect(badPhone.state).toBe('report.contact');
    expect(badPhone.text).toContain('Số điện thoại này chưa đúng');

    // Later, the reporter comes back with /baotin: the draft is still there.
    const resumed = last(await w.say('c5', '/baotin'));
    expect(resumed.state).toBe('report.contact');
    expect(resumed.text).toContain('tiếp tục');

    const cancelled = last(await w.say('c5', '/huy'));
    expect(cancelled.state).toBeNull();
    expect(await w.caseRows()).toHaveLength(0);
    expect(last(await w.say('c5', '/baotin')).state).toBe('report.description');
  });

  it('offers candidates when an address is ambiguous and lets the reporter retype', async () => {
    await w.say('c6', '/baotin');
    await w.say('c6', DESCRIPTION);
    const pick = last(await w.say('c6', 'phường Kim Mã quận Ba Đình Hà Nội'));
    expect(pick.state).toBe('report.location.pick');
    expect(pick.buttons.map((b) => b.payload)).toContain('report:pick:00004');
    expect(pick.buttons.map((b) => b.payload).slice(-2)).toEqual(['report:pick:none', 'report:cancel']);
    const retype = last(await w.say('c6', { button: 'report:pick:none' }));
    expect(retype.state).toBe('report.location');
    await w.say('c6', 'phường Kim Mã quận Ba Đình Hà Nội');
    expect(last(await w.say('c6', { button: 'report:pick:00008' })).state).toBe('report.child_age');
  });

  it('tells the reporter to call now when the child is in danger, and flags an emergency', async () => {
    await w.say('c7', '/baotin');
    await w.say('c7', DESCRIPTION);
    await w.say('c7', OLD_ADDRESS);
    await w.say('c7', { button: 'report:age:0-5' });
    const danger = last(await w.say('c7', { button: 'report:danger:yes' }));
    expect(danger.text).toMatch(/Hãy gọi ngay .*113.*111/s);
    await w.say('c7', { button: 'report:anonymous' });
    const ref = refIn(last(await w.say('c7', { button: 'report:confirm' })).text);
    expect((await w.caseByRef(ref))!.emergency).toBe(true);
    const officer = w.inboxOf('officer-ba-dinh')[0]!;
    expect(officer.text).toContain('KHẨN CẤP');
    expect(officer.text).toContain('Can thiệp khẩn cấp trong 12 giờ');
  });

  it('sends a report for a commune without an officer to the province supervisor, and with none to the 111 queue', async () => {
    // Phường Giảng Võ (Hà Nội) has no officer, but Hà Nội has a supervisor.
    const toSupervisor = last(await reportAbuse('c8', { address: 'phường Giảng Võ, Hà Nội' }));
    expect(toSupervisor.text).toContain('Thành phố Hà Nội');
    expect(w.inboxOf('supervisor-ha-noi')).toHaveLength(1);
    // Đà Nẵng has nobody in the directory.
    const unrouted = last(await reportAbuse('c9', { address: 'phường Hải Châu, Đà Nẵng' }));
    expect(unrouted.text).toContain('111');
    const row = await w.caseByRef(refIn(unrouted.text));
    expect(row!.routedTo).toBe('unrouted');
  });

  it('keeps a photo sent with the description, encrypted', async () => {
    await w.say('c10', '/baotin');
    const r = last(await w.say('c10', { photo: { fileId: 'AgACAgIAAxkBAAIB-photo-file-id' } }));
    expect(r.state).toBe('report.description');
    await w.say('c10', DESCRIPTION);
    await w.say('c10', OLD_ADDRESS);
    await w.say('c10', { button: 'report:age:0-5' });
    await w.say('c10', { button: 'report:danger:no' });
    await w.say('c10', { button: 'report:anonymous' });
    const ref = refIn(last(await w.say('c10', { button: 'report:confirm' })).text);
    const row = await w.caseByRef(ref);
    expect(row!.photoEnc).toMatch(/^v1\./);
    expect(JSON.stringify(row)).not.toContain('photo-file-id');
    expect(w.inboxOf('officer-ba-dinh')[0]!.text).toContain('Kèm 1 ảnh');
  });
});
