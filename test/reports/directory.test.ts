// Stories of the officer directory: a CSV import that is all-or-nothing, invite codes and /dangky.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openInvites } from '../../src/admin/coverage';
import { auditLog, invites, officers } from '../../src/db/schema';
import { createInvite } from '../../src/directory/directory';
import { FAILURES_PER_ACCOUNT_PER_HOUR, FAILURES_PER_MINUTE } from '../../src/directory/enroll';
import { directoryCommand, importOfficersCsv, seedDemoDirectory, type UnitLookup } from '../../src/reports';
import { createWorld, last, refIn, type World } from './support';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const AT = new Date('2026-11-20T02:00:00Z');

/** The current map, as the routing seed would have loaded it (a few units are enough here). */
const map: UnitLookup = {
  loaded: true,
  commune: (code) =>
    ({
      '00004': { provinceCode: '01', name: 'Phường Ba Đình' },
      '00008': { provinceCode: '01', name: 'Phường Ngọc Hà' },
      '00025': { provinceCode: '01', name: 'Phường Giảng Võ' },
      '00070': { provinceCode: '01', name: 'Phường Hoàn Kiếm' },
      '00190': { provinceCode: '01', name: 'Phường Ô Chợ Dừa' },
      '22759': { provinceCode: '56', name: 'Phường Phan Rang' },
    })[code] ?? null,
  province: (code) => ({ '01': { name: 'Thành phố Hà Nội' }, '56': { name: 'Tỉnh Khánh Hoà' } })[code] ?? null,
};

let w: World;
beforeEach(async () => {
  w = await createWorld();
});
afterEach(() => w.cleanup());

describe('directory import FILE.csv', () => {
  it('imports every valid row, with province codes from the map, and updates on a second run', async () => {
    const before = (await w.db.db.select().from(officers)).length;
    const first = await importOfficersCsv(w.db.db, fixture('officers.csv'), AT, undefined, map);
    expect(first).toEqual({ ok: true, imported: 4, updated: 0 });
    const rows = await w.db.db.select().from(officers);
    expect(rows).toHaveLength(before + 4);
    const lan = rows.find((o) => o.channelUserId === '100200300')!;
    expect(lan).toMatchObject({ communeCode: '00004', provinceCode: '01', role: 'officer', phone: '0912345678', active: true });
    expect(rows.find((o) => o.channelUserId === '100200301')).toMatchObject({ communeCode: '01', role: 'supervisor', phone: '02438261234' });
    expect(rows.find((o) => o.channelUserId === 'officer-phan-rang-2')).toMatchObject({ provinceCode: '56', phone: '0905123456' });

    const again = await importOfficersCsv(w.db.db, fixture('officers.csv'), AT, undefined, map);
    expect(again).toEqual({ ok: true, imported: 0, updated: 4 });
  });

  it('writes nothing when any row is bad, and names every bad line', async () => {
    const before = await w.db.db.select().from(officers);
    const result = await importOfficersCsv(w.db.db, fixture('officers-bad.csv'), AT, undefined, map);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.line)).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(result.errors.find((e) => e.line === 5)!.message).toContain('role');
    expect(result.errors.find((e) => e.line === 8)!.message).toContain('trùng với dòng 2');
    expect(await w.db.db.select().from(officers)).toEqual(before);
  });

  it('rejects a commune code that the loaded map does not know', async () => {
    const csv = 'commune_code,name,role,channel,channel_user_id,phone\n99999,Ai Đó,officer,telegram,1,\n';
    const result = await importOfficersCsv(w.db.db, csv, AT, undefined, map);
    expect(result).toEqual({ ok: false, errors: [{ line: 2, message: 'không có xã/phường mã 99999 trong bản đồ hiện hành' }] });
  });

  it('shows progress on a big file', async () => {
    const lines = ['commune_code,name,role,channel,channel_user_id,phone'];
    for (let i = 0; i < 1200; i++) lines.push(`00004,Cán bộ ${i},officer,telegram,${5000 + i},`);
    const progress: string[] = [];
    const result = await importOfficersCsv(w.db.db, lines.join('\n'), AT, (l) => progress.push(l), map);
    expect(result).toEqual({ ok: true, imported: 1200, updated: 0 });
    expect(progress.some((l) => l.includes('500/1200'))).toBe(true);
  });

  it('runs from the command line and exits non-zero on bad rows', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const deps = { db: w.db.db, config: w.config, sealer: w.rt.core.sealer };
    const bad = new URL('../fixtures/officers-bad.csv', import.meta.url).pathname;
    expect(await directoryCommand(['import', bad], deps, (l) => out.push(l), (l) => err.push(l))).toBe(1);
    expect(err.some((l) => l.includes('officers-bad.csv:3:'))).toBe(true);
    expect(err.some((l) => l.includes('nothing was imported'))).toBe(true);
    const good = new URL('../fixtures/officers.csv', import.meta.url).pathname;
    expect(await directoryCommand(['import', good], deps, (l) => out.push(l), (l) => err.push(l))).toBe(0);
    expect(out).toEqual(['imported 4 new officer(s), updated 0']);
  });
});

describe('invite codes', () => {
  it('links an officer who sends /dangky CODE to the commune, once; then cases reach them', async () => {
    const out: string[] = [];
    const deps = { db: w.db.db, config: w.config, sealer: w.rt.core.sealer };
    expect(await directoryCommand(['invite', '00025'], deps, (l) => out.push(l), () => {})).toBe(0);
    const code = out[0]!;
    expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);

    const enrolled = last(await w.say('new-officer', `/dangky ${code.toLowerCase()}`, { channel: 'telegram' }));
    expect(enrolled.text).toContain('Phường Giảng Võ, Thành phố Hà Nội');
    const row = (await w.db.db.select().from(officers)).find((o) => o.channelUserId === 'new-officer')!;
    expect(row).toMatchObject({ channel: 'telegram', communeCode: '00025', provinceCode: '01', role: 'officer', active: true });
    expect((await w.db.db.select().from(invites))[0]).toMatchObject({ code, usedByOfficerId: row.id });

    // The code works once.
    expect(last(await w.say('someone-else', `/dangky ${code}`, { channel: 'telegram' })).text).toContain('không đúng, đã dùng rồi');

    // A report about Giảng Võ now reaches the new officer rather than the province supervisor.
    await w.say('citizen', '/baotin');
    await w.say('citizen', 'Em nhỏ bị bắt đi bán vé số đến khuya, bị đánh nếu không bán hết.');
    await w.say('citizen', 'phường Giảng Võ, Hà Nội');
    await w.say('citizen', { button: 'report:age:11-15' });
    await w.say('citizen', { button: 'report:danger:no' });
    await w.say('citizen', { button: 'report:anonymous' });
    const ref = refIn(last(await w.say('citizen', { button: 'report:confirm' })).text);
    expect(w.sent.filter((m) => m.to === 'new-officer' && m.channel === 'telegram' && m.text.includes(ref))).toHaveLength(1);
    expect(w.inboxOf('supervisor-ha-noi')).toHaveLength(0);
    expect(last(await w.say('new-officer', '/cases', { channel: 'telegram' })).text).toContain(ref);
  });

  it('stops working INVITE_TTL_DAYS (7) after it was made: refused like a wrong code, audited as expired, no longer listed', async () => {
    // The world's clock reads 2026-11-25.
    const old = await createInvite(w.db.db, '00025', 'officer', new Date('2026-11-17T00:00:00Z'));
    const fresh = await createInvite(w.db.db, '00070', 'officer', new Date('2026-11-20T00:00:00Z'));
    expect(w.config.INVITE_TTL_DAYS).toBe(7);

    expect(last(await w.say('late-officer', `/dangky ${old.code}`, { channel: 'telegram' })).text).toContain('đã hết hạn');
    expect((await w.db.db.select().from(officers)).find((o) => o.channelUserId === 'late-officer')).toBeUndefined();
    expect((await w.db.db.select().from(invites).where(eq(invites.code, old.code)))[0]!.usedAt).toBeNull();
    const failed = await w.db.db.select().from(auditLog).where(eq(auditLog.action, 'officer.enroll_failed'));
    expect(failed.map((a) => JSON.parse(a.detail!))).toEqual([{ reason: 'expired' }]);
    expect(JSON.stringify(failed)).not.toContain(old.code);

    const admin = { role: 'national', scopeCode: null, actor: 'admin:test' } as unknown as Parameters<typeof openInvites>[1];
    const listed = await openInvites(w.db.db, admin, new Date('2026-11-25T03:00:00Z'), 7);
    expect(listed.map((i) => i.code)).toEqual([fresh.code]);
    expect(listed[0]!.expiresAt.toISOString()).toBe('2026-11-27T00:00:00.000Z');

    expect(last(await w.say('on-time-officer', `/dangky ${fresh.code}`, { channel: 'telegram' })).text).toContain('Hoàn Kiếm');
  });

  it('can be revoked before it is used: refused like a wrong code, audited as revoked, no longer listed', async () => {
    const deps = { db: w.db.db, config: w.config, sealer: w.rt.core.sealer };
    const invite = await createInvite(w.db.db, '00025', 'officer', new Date('2026-11-24T00:00:00Z'));
    const out: string[] = [];
    const err: string[] = [];
    expect(await directoryCommand(['revoke', invite.code.toLowerCase().replace('-', ' ')], deps, (l) => out.push(l), (l) => err.push(l))).toBe(0);
    expect(out.join('\n')).toContain(`revoked ${invite.code}`);
    expect(await directoryCommand(['revoke', invite.code], deps, () => {}, (l) => err.push(l))).toBe(1);
    expect(err.at(-1)).toContain('already revoked');
    expect(await directoryCommand(['revoke', 'ZZZZ-ZZZZ'], deps, () => {}, (l) => err.push(l))).toBe(1);
    expect(err.at(-1)).toContain('no invite');

    expect(last(await w.say('would-be-officer', `/dangky ${invite.code}`, { channel: 'telegram' })).text).toContain('không đúng, đã dùng rồi');
    expect((await w.db.db.select().from(officers)).find((o) => o.channelUserId === 'would-be-officer')).toBeUndefined();
    const failed = await w.db.db.select().from(auditLog).where(eq(auditLog.action, 'officer.enroll_failed'));
    expect(failed.map((a) => JSON.parse(a.detail!))).toEqual([{ reason: 'revoked' }]);
    expect((await w.db.db.select().from(auditLog).where(eq(auditLog.action, 'admin.invite_revoked'))).map((a) => a.actor)).toEqual(['admin:cli']);
    const admin = { role: 'national', scopeCode: null, actor: 'admin:test' } as unknown as Parameters<typeof openInvites>[1];
    expect(await openInvites(w.db.db, admin, new Date('2026-11-25T03:00:00Z'), 7)).toEqual([]);
  });

  it('pauses only the account that keeps guessing: five wrong codes in an hour, then even the right one waits', async () => {
    const invite = await createInvite(w.db.db, '00025', 'officer', new Date('2026-11-25T00:00:00Z'));
    const start = new Date('2026-11-25T04:00:00Z');
    const at = (s: number) => ({ channel: 'telegram' as const, at: new Date(start.getTime() + s * 1000) });
    for (let i = 0; i < FAILURES_PER_ACCOUNT_PER_HOUR; i++) {
      expect(last(await w.say('guesser', `/dangky AAAA-${'BCDEFGHJ'[i]}AAA`, at(i * 120))).text).toContain('không đúng');
    }
    // Still within the hour: the right code is refused too, so the pause tells nothing about the code.
    expect(last(await w.say('guesser', `/dangky ${invite.code}`, at(20 * 60))).text).toContain('tạm chưa đăng ký');
    expect((await w.db.db.select().from(invites).where(eq(invites.code, invite.code)))[0]!.usedAt).toBeNull();
    // Another account is not affected at all.
    expect(last(await w.say('real-officer', `/dangky ${invite.code}`, at(20 * 60 + 1))).text).toContain('Giảng Võ');
    const paused = await w.db.db.select().from(auditLog).where(eq(auditLog.action, 'officer.enroll_paused'));
    expect(paused.map((a) => JSON.parse(a.detail!))).toEqual([{ scope: 'account' }]);
  });

  it('under a flood of wrong codes from many accounts, an officer trying their code first still gets in; a guesser gets one try per account', async () => {
    const invite = await createInvite(w.db.db, '00025', 'officer', new Date('2026-11-25T00:00:00Z'));
    const start = new Date('2026-11-25T04:00:00Z');
    const at = (ms: number) => ({ channel: 'telegram' as const, at: new Date(start.getTime() + ms) });
    for (let i = 0; i < FAILURES_PER_MINUTE; i++) {
      expect(last(await w.say(`guesser-${i}`, `/dangky AAAA-${String(1000 + i).replace(/[01]/g, 'B')}`, at(i * 1000))).text).toContain('không đúng');
    }
    // A guesser's second try in the flood waits; a fresh account's first try is answered.
    expect(last(await w.say('guesser-0', '/dangky CCCC-CCCC', at(40_000))).text).toContain('tạm chưa đăng ký');
    expect(last(await w.say('real-officer', `/dangky ${invite.code}`, at(41_000))).text).toContain('Giảng Võ');
    const paused = await w.db.db.select().from(auditLog).where(eq(auditLog.action, 'officer.enroll_paused'));
    expect(paused.map((a) => JSON.parse(a.detail!))).toEqual([{ scope: 'flood' }]);
  });

  it('makes a supervisor from a province invite', async () => {
    const out: string[] = [];
    const deps = { db: w.db.db, config: w.config, sealer: w.rt.core.sealer };
    expect(await directoryCommand(['invite', '48', '--role', 'supervisor'], deps, (l) => out.push(l), () => {})).toBe(0);
    const reply = last(await w.say('da-nang-lead', `/dangky ${out[0]}`));
    expect(reply.text).toContain('cấp tỉnh');
    expect((await w.db.db.select().from(officers)).find((o) => o.channelUserId === 'da-nang-lead')).toMatchObject({
      communeCode: '48',
      role: 'supervisor',
    });
  });
});

describe('demo directory', () => {
  it('is idempotent', async () => {
    const before = await w.db.db.select().from(officers);
    await seedDemoDirectory(w.db.db, AT);
    expect(await w.db.db.select().from(officers)).toHaveLength(before.length);
    expect(before.map((o) => o.channelUserId)).toEqual(expect.arrayContaining(['officer-ba-dinh', 'supervisor-ha-noi']));
  });
});
