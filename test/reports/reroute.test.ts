// Stories of a commune that had no officer when reports came in: the officer who enrols later (by
// invite or by the directory import) takes over its open cases, once, and sees nothing of other communes.
import { like } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fill } from '../../src/core/messages';
import { auditLog, outbox } from '../../src/db/schema';
import { createInvite, formatDateTime, importOfficersCsv, type UnitLookup } from '../../src/reports';
import { reportsMessages } from '../../src/reports/messages';
import { caseWorkMessages } from '../../src/cases/messages';
import { createWorld, last, refIn, type World } from './support';

const vi = reportsMessages.vi;
const GIANG_VO = 'phường Giảng Võ, Hà Nội'; // 00025: no officer; the Hà Nội supervisor covers it
const HOAN_KIEM = 'phường Hoàn Kiếm, Hà Nội'; // 00070: no officer either
const HAI_CHAU = 'phường Hải Châu, Đà Nẵng'; // 20242: no officer and no Đà Nẵng supervisor

let w: World;
beforeEach(async () => {
  w = await createWorld();
});
afterEach(() => w.cleanup());

/** A citizen's full report about `address`; returns the case reference. */
async function report(who: string, address: string, danger: 'yes' | 'no' = 'no'): Promise<string> {
  await w.say(who, '/baotin');
  await w.say(who, 'Cháu bé hàng xóm bị bỏ đói nhiều ngày, tối nào cũng khóc và bị nhốt ngoài hiên.');
  await w.say(who, address);
  await w.say(who, { button: 'report:age:6-10' });
  await w.say(who, { button: `report:danger:${danger}` });
  await w.say(who, { button: 'report:anonymous' });
  return refIn(last(await w.say(who, { button: 'report:confirm' })).text);
}

async function enrol(userId: string, communeCode: string, dedupeKey?: string) {
  const invite = await createInvite(w.db.db, communeCode, 'officer', new Date('2026-11-20T00:00:00Z'));
  return w.say(userId, { text: `/dangky ${invite.code}`, ...(dedupeKey ? { dedupeKey } : {}) }, { channel: 'telegram' });
}

const rerouteAudits = async () => (await w.db.db.select().from(auditLog)).filter((a) => a.action === 'case.rerouted');
const rerouteRows = () => w.db.db.select().from(outbox).where(like(outbox.dedupeKey, 'reroute:%'));

describe('an officer enrols by invite after reports came in for their commune', () => {
  it('takes over the open case that waited with the supervisor: one notice naming it, /case opens it, the audit shows the reroute', async () => {
    const urgent = await report('citizen-1', GIANG_VO, 'yes');
    const closedRef = await report('citizen-2', GIANG_VO);
    const elsewhere = await report('citizen-3', HOAN_KIEM);
    expect((await w.caseByRef(urgent))!.routedTo).toBe('supervisor');
    expect(w.inboxOf('supervisor-ha-noi').filter((m) => m.text.includes(urgent))).toHaveLength(1);
    // The supervisor closes one of the Giảng Võ cases before any officer is there.
    await w.say('supervisor-ha-noi', { button: `case:closeok:${closedRef}:unfounded` });
    expect((await w.caseByRef(closedRef))!.status).toBe('closed');
    const before = await w.caseByRef(urgent);

    const enrolled = await enrol('gv-officer', '00025');
    expect(enrolled.find((m) => m.kind === 'reply')!.text).toContain('Phường Giảng Võ, Thành phố Hà Nội');

    // One notice, naming the open case with its receipt time, the urgency and the time left.
    const notices = w.inboxOf('gv-officer').filter((m) => m.kind === 'case');
    expect(notices).toHaveLength(1);
    const notice = notices[0]!;
    expect(notice.channel).toBe('telegram');
    expect(notice.text).toContain(fill(vi.rerouteHeader, { count: 1 }));
    expect(notice.text).toContain(`${vi.rerouteEmergency}${urgent} — nhận lúc ${formatDateTime(before!.receivedAt, w.config.TZ_REGION)}`);
    expect(notice.text).toContain(`${vi.clock_emergency}: còn 11 giờ`);
    expect(notice.text).toContain(`ví dụ: ${urgent}`);
    expect(notice.text).not.toContain(closedRef);
    expect(notice.text).not.toContain(elsewhere);
    // Nothing of the report itself travels in the list (the officer opens it with /case).
    expect(notice.text).not.toContain('bỏ đói');

    // Routed to the commune; the clocks still count from the report, not from the enrolment.
    const after = await w.caseByRef(urgent);
    expect(after).toMatchObject({ routedTo: 'officer', status: 'received', receivedAt: before!.receivedAt });
    expect((await w.caseByRef(closedRef))!.routedTo).toBe('supervisor');
    expect((await w.caseByRef(elsewhere))!.routedTo).toBe('supervisor');

    const audits = await rerouteAudits();
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ caseId: after!.id, actor: 'system' });
    expect(JSON.parse(audits[0]!.detail!)).toEqual({ from: 'supervisor', to: 'officer', officers: [expect.any(Number)], via: 'invite' });

    // The officer opens their case, and only theirs.
    const shown = last(await w.say('gv-officer', `/case ${urgent}`, { channel: 'telegram' }));
    expect(shown.text).toContain('bỏ đói');
    expect(shown.text).toContain(vi.caseEmergency);
    expect(last(await w.say('gv-officer', `/case ${elsewhere}`, { channel: 'telegram' })).text).toBe(fill(vi.caseNotFound, { ref: elsewhere }));
    const list = last(await w.say('gv-officer', '/cases', { channel: 'telegram' })).text;
    expect(list).toContain(urgent);
    expect(list).not.toContain(elsewhere);
  });

  it('takes over an unrouted case of a province with no supervisor', async () => {
    const ref = await report('citizen-4', HAI_CHAU);
    expect((await w.caseByRef(ref))!.routedTo).toBe('unrouted');
    await enrol('hc-officer', '20242');
    const notices = w.inboxOf('hc-officer').filter((m) => m.kind === 'case');
    expect(notices).toHaveLength(1);
    expect(notices[0]!.text).toContain(ref);
    expect((await w.caseByRef(ref))!.routedTo).toBe('officer');
    expect(JSON.parse((await rerouteAudits())[0]!.detail!)).toMatchObject({ from: 'unrouted', to: 'officer' });
    // The reporter's status no longer says "waiting to be passed on".
    expect((await w.caseByRef(ref))!.level).toBe('commune');
    expect(last(await w.say('citizen-4', `/status ${ref}`)).text).toContain(caseWorkMessages.vi.reporter_received_commune);
  });

  it('queues no second notice when the same update arrives twice or the officer enrols again', async () => {
    const ref = await report('citizen-5', GIANG_VO);
    await enrol('gv-officer', '00025', 'telegram:update:777');
    // The platform delivers the very same update again: nothing new happens.
    await w.say('gv-officer', { text: '/dangky AAAA-BBBB', dedupeKey: 'telegram:update:777' }, { channel: 'telegram' });
    // A second invite for the same commune: the case is already theirs.
    await enrol('gv-officer', '00025');

    const notices = w.inboxOf('gv-officer').filter((m) => m.kind === 'case');
    expect(notices).toHaveLength(1);
    expect(notices[0]!.text).toContain(ref);
    expect(await rerouteRows()).toHaveLength(1);
    expect(await rerouteAudits()).toHaveLength(1);
  });

  it('lists several waiting cases in one notice, oldest first', async () => {
    const first = await report('citizen-6', GIANG_VO);
    const second = await report('citizen-7', GIANG_VO);
    await enrol('gv-officer', '00025');
    const notices = w.inboxOf('gv-officer').filter((m) => m.kind === 'case');
    expect(notices).toHaveLength(1);
    const text = notices[0]!.text;
    expect(text).toContain(fill(vi.rerouteHeader, { count: 2 }));
    expect(text.indexOf(first)).toBeGreaterThan(0);
    expect(text.indexOf(second)).toBeGreaterThan(text.indexOf(first));
    expect(await rerouteAudits()).toHaveLength(2);
  });
});

describe('the directory import makes an officer active for a commune with waiting cases', () => {
  const map: UnitLookup = {
    loaded: true,
    commune: (code) => ({ '00025': { provinceCode: '01', name: 'Phường Giảng Võ' } })[code] ?? null,
    province: (code) => ({ '01': { name: 'Thành phố Hà Nội' } })[code] ?? null,
  };
  const csv = 'commune_code,name,role,channel,channel_user_id,phone\n00025,Đỗ Thị Mai,officer,telegram,gv-imported,\n';

  it('hands them over in the import, once, and the officer can open them', async () => {
    const ref = await report('citizen-8', GIANG_VO);
    const elsewhere = await report('citizen-9', HOAN_KIEM);
    const at = new Date('2026-11-25T05:00:00Z');
    const notices = { sealer: w.rt.core.sealer, tz: w.config.TZ_REGION };

    expect(await importOfficersCsv(w.db.db, csv, at, undefined, map, notices)).toEqual({ ok: true, imported: 1, updated: 0, rerouted: 1 });
    await w.flush(at);
    const inbox = w.inboxOf('gv-imported');
    expect(inbox).toHaveLength(1);
    expect(inbox[0]!.text).toContain(ref);
    expect(inbox[0]!.text).not.toContain(elsewhere);
    expect((await w.caseByRef(ref))!.routedTo).toBe('officer');
    expect((await w.caseByRef(elsewhere))!.routedTo).toBe('supervisor');
    expect(JSON.parse((await rerouteAudits())[0]!.detail!)).toMatchObject({ from: 'supervisor', via: 'import' });

    // Importing the same file again changes nothing for the cases.
    expect(await importOfficersCsv(w.db.db, csv, at, undefined, map, notices)).toEqual({ ok: true, imported: 0, updated: 1 });
    await w.flush(at);
    expect(w.inboxOf('gv-imported')).toHaveLength(1);
    expect(await rerouteAudits()).toHaveLength(1);

    expect(last(await w.say('gv-imported', `/case ${ref}`, { channel: 'telegram' })).text).toContain('bỏ đói');
  });

  it('writes no reroute when the file has a bad row', async () => {
    const ref = await report('citizen-10', GIANG_VO);
    const bad = `${csv}00025,,officer,telegram,gv-other,\n`;
    const result = await importOfficersCsv(w.db.db, bad, new Date('2026-11-25T05:00:00Z'), undefined, map, {
      sealer: w.rt.core.sealer,
      tz: w.config.TZ_REGION,
    });
    expect(result.ok).toBe(false);
    expect((await w.caseByRef(ref))!.routedTo).toBe('supervisor');
    expect(await rerouteRows()).toHaveLength(0);
  });
});
