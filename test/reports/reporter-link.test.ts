// Who filed which report, with the database file alone (no DATA_KEY): a Telegram citizen files a
// report, gets the receipt, hears the officer took it, asks for its status and adds a note. Then every
// table is read with plain SQL, as someone who copied the file would, and no row may tie the case
// (its id, its reference, or a value of its row) to the reporter's chat id or user id.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@libsql/client';
import { eq } from 'drizzle-orm';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { afterEach, describe, expect, it } from 'vitest';
import { sealDetails } from '../../src/cases/details';
import { retentionTick } from '../../src/core/retention';
import { REPORTERS_SEALED_META, sealOldReporters } from '../../src/cases/reporter-backfill';
import { workerTickSteps } from '../../src/platform/wiring-worker';
import { reporterIdOf, reporterMessageKey, reporterTag, storedSourceKey } from '../../src/cases/reporter-link';
import { MIGRATIONS_FOLDER, migrateDb } from '../../src/db/migrate';
import { openDb } from '../../src/db/node-client';
import { auditLog, caseEvents, cases, meta, officers, outbox } from '../../src/db/schema';
import { createNodeSealer } from '../../src/ground/crypto-node';
import type { TestDb } from '../support/db';
import { TEST_DATA_KEY } from '../support/runtime';
import { createWorld, last, refIn, type World } from './support';

let w: World;
async function world(db?: TestDb): Promise<World> {
  w = await createWorld({ db });
  await w.db.db
    .insert(officers)
    .values({ communeCode: '00004', provinceCode: '01', name: 'Cán bộ Ba Đình', role: 'officer', channel: 'telegram', channelUserId: OFFICER, active: true, createdAt: new Date('2026-11-01T00:00:00Z') })
    .onConflictDoNothing();
  return w;
}
afterEach(() => w.cleanup());

const REPORTER = '700700123'; // a Telegram chat id
const OFFICER = '880000004';
let update = 5_000;

/** One Telegram update from `who`, keyed as the webhook keys it. */
const tg = (who: string, what: string | Record<string, unknown>) =>
  w.say(who, { ...(typeof what === 'string' ? { text: what } : what), dedupeKey: `telegram:${++update}` }, { channel: 'telegram' });

interface Row {
  table: string;
  values: Record<string, unknown>;
}

/** Every row of every table, as plain SQL returns it. */
async function everyRow(client: Client): Promise<Row[]> {
  const tables = await client.execute(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'`);
  const out: Row[] = [];
  for (const t of tables.rows) {
    const table = String(t.name);
    const rows = await client.execute(`select * from "${table}"`);
    for (const r of rows.rows) out.push({ table, values: Object.fromEntries(rows.columns.map((c) => [c, r[c]])) });
  }
  return out;
}

/**
 * Rows that tie one case to one reporter, read with plain SQL: a row naming both (the case by id or
 * reference, the reporter by chat id or user id), or a clear value of the case's row found in a row
 * that names the reporter (a two-step join, e.g. the source key in the receipt's outbox key).
 */
async function linksBetween(client: Client, c: { ref: string; caseId: number; chatId: string }): Promise<{ both: string[]; joins: string[] }> {
  const rows = await everyRow(client);
  const [user] = rows.filter((r) => r.table === 'users' && r.values.channel_user_id === c.chatId);
  const userId = Number(user!.values.id);
  const caseRow = rows.find((r) => r.table === 'cases' && r.values.ref === c.ref)!;

  /** A value that names the reporter: the chat id anywhere, the user id in a user column or as `user:<id>`. */
  const namesReporter = (r: Row): boolean =>
    Object.entries(r.values).some(([col, v]) => {
      if (typeof v === 'string' && (v.includes(c.chatId) || v.includes(`user:${userId}`))) return true;
      return Number(v) === userId && /(^|_)user_id$/.test(col);
    });
  /** A value that names the case: its reference, its id in a case column or as `case:<id>`. */
  const namesCase = (r: Row): boolean =>
    r.table === 'cases'
      ? r.values.id === caseRow.values.id
      : Object.entries(r.values).some(([col, v]) => {
          if (typeof v === 'string' && (v.includes(c.ref) || new RegExp(`case:${c.caseId}(\\D|$)`).test(v))) return true;
          return Number(v) === c.caseId && col === 'case_id';
        });
  const both = rows.filter((r) => namesReporter(r) && namesCase(r)).map((r) => `${r.table}: ${JSON.stringify(r.values)}`);

  // No two-step join either: a key found both in a row that names the case and in a row that names
  // the reporter (an update's key such as `telegram:5012` inside two outbox keys, the case's source
  // key, a tag), or a clear value of the case's row found in a row that names the reporter. Sealed
  // values are random per seal and never repeat.
  const clearValues = (r: Row) => Object.entries(r.values).filter(([col, v]) => typeof v === 'string' && !col.endsWith('_enc')).map(([, v]) => String(v));
  const keysIn = (v: string) => (v.match(/[a-z]+:\d{3,}|[A-Za-z0-9_-]{24,}/g) ?? []).filter((k) => !/^(user|case):/.test(k));
  const caseKeys = new Set([
    ...rows.filter(namesCase).flatMap((r) => clearValues(r).flatMap(keysIn)),
    ...clearValues(caseRow).filter((v) => v.length >= 6 && /\d/.test(v)),
  ]);
  const joins = rows
    .filter(namesReporter)
    .flatMap((r) => clearValues(r).filter((v) => [...caseKeys].some((k) => v.includes(k))).map((v) => `${r.table}: ${v}`));
  return { both, joins };
}

/** A Telegram citizen files a report, the officer acknowledges it, the citizen asks twice and adds a note. */
async function fileAndFollow(): Promise<{ ref: string; caseId: number }> {
  await tg(REPORTER, '/baotin');
  await tg(REPORTER, 'Bé gái nhà bên cạnh thường bị bố dượng đánh, tối qua cháu khóc rất lâu.');
  await tg(REPORTER, '12 phố Quán Thánh, phường Quán Thánh, quận Ba Đình, Hà Nội');
  await tg(REPORTER, { button: 'report:age:6-10' });
  await tg(REPORTER, { button: 'report:danger:no' });
  await tg(REPORTER, { button: 'report:anonymous' });
  const receipt = last(await tg(REPORTER, { button: 'report:confirm' }));
  const ref = refIn(receipt.text);
  const row = (await w.caseByRef(ref))!;
  // The features that need the link still work: the officer's notice, the progress note, the status,
  // the addition.
  expect(w.inboxOf(OFFICER).some((m) => m.text.includes(ref))).toBe(true);
  await tg(OFFICER, { button: `case:ack:${ref}` });
  expect(w.inboxOf(REPORTER).some((m) => m.kind === 'status' && m.text.includes(ref))).toBe(true);
  expect(last(await tg(REPORTER, `/status ${ref}`)).text).toContain(ref);
  expect(last(await tg(REPORTER, 'tin của tôi sao rồi')).text).toContain(ref);
  await tg(REPORTER, { button: `status:add:${ref}` });
  expect(last(await tg(REPORTER, 'Tối nay cháu lại bị đánh.')).text).toContain(ref);
  expect(w.inboxOf(OFFICER).some((m) => m.text.includes('Tối nay cháu lại bị đánh.'))).toBe(true);
  return { ref, caseId: row.id };
}

describe('with the database alone, nobody can tell which user filed which case', () => {
  it('no row ties a filed, acknowledged, looked-up and added-to case to its reporter', async () => {
    await world();
    const { ref, caseId } = await fileAndFollow();
    expect(await linksBetween(w.db.client, { ref, caseId, chatId: REPORTER })).toEqual({ both: [], joins: [] });
  });
});

/**
 * A database as it was before migration 0007: migrated up to 0006, with a Telegram reporter's case
 * stored the old way (reporter_user_id in clear, the update's key as source key, `user:<id>` as the
 * actor of their audit and case-event rows, their progress note in the outbox with the case id), and a
 * web visitor's demo officer named by the visitor's user id.
 */
async function oldDatabase(): Promise<TestDb> {
  const dir = mkdtempSync(join(tmpdir(), 'baove-old-'));
  const folder = join(dir, 'drizzle');
  cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalFile = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: Array<{ idx: number }> };
  journal.entries = journal.entries.filter((e) => e.idx <= 6);
  writeFileSync(journalFile, JSON.stringify(journal));
  const url = `file:${join(dir, 'old.db')}`;
  const handle = openDb(url);
  await migrate(handle.db, { migrationsFolder: folder });
  const sealer = createNodeSealer(TEST_DATA_KEY);
  const at = new Date('2026-11-20T03:00:00Z').getTime();
  const sealed = await sealDetails(sealer, {
    description: 'Cháu bé nhà số 5 bị bố đánh nhiều lần.',
    contact: null,
    place: { text: 'phường Ba Đình, Hà Nội', commune: { code: '00004', name: 'Phường Ba Đình', province_code: '01', province_name: 'Thành phố Hà Nội' } },
    point: null,
    photos: [],
  });
  const run = (sql: string, args: Array<string | number | null> = []) => handle.client.execute({ sql, args });
  await run(`insert into users (id, channel, channel_user_id, role, lang, created_at, last_seen_at) values (7, 'telegram', ?, 'citizen', 'vi', ?, ?)`, [REPORTER, at, at]);
  await run(`insert into users (id, channel, channel_user_id, role, lang, created_at, last_seen_at) values (8, 'web', 'w-visitor', 'citizen', 'vi', ?, ?)`, [at, at]);
  await run(`insert into officers (id, commune_code, province_code, name, role, channel, channel_user_id, active, created_at) values (1, '00004', '01', 'Cán bộ Ba Đình', 'officer', 'telegram', ?, 1, ?)`, [OFFICER, at]);
  await run(`insert into officers (id, commune_code, province_code, name, role, channel, channel_user_id, active, created_at) values (2, '00004', '01', 'Demo', 'officer', 'web', 'demo-officer-8', 1, ?)`, [at]);
  await run(
    `insert into cases (id, ref, source_key, received_at, status, commune_code, province_code, routed_to, reporter_user_id, anonymous, description_enc, address_enc, acknowledged_at, updated_at, level, assigned_at, ack_level)
     values (1, 'BV-QRD234', 'telegram:9001', ?, 'acknowledged', '00004', '01', 'officer', 7, 1, ?, ?, ?, ?, 'commune', ?, 'commune')`,
    [at, sealed.descriptionEnc, sealed.addressEnc, at + 60_000, at + 60_000, at],
  );
  await run(`insert into audit_log (at, actor, action, case_id, detail) values (?, 'user:7', 'case.created', 1, '{"ref":"BV-QRD234"}')`, [at]);
  await run(`insert into audit_log (at, actor, action, case_id, detail) values (?, 'officer:1', 'case.ack', 1, null)`, [at + 60_000]);
  await run(`insert into audit_log (at, actor, action, case_id, detail) values (?, 'user:7', 'case.status_viewed', 1, null)`, [at + 120_000]);
  await run(`insert into case_events (case_id, at, kind, actor, level, tag, body_enc) values (1, ?, 'reporter_info', 'user:7', null, null, ?)`, [at + 120_000, await sealer.seal('{"note":"thêm"}')]);
  const body = await sealer.seal('{"text":"","buttons":[],"state":null}');
  await run(`insert into outbox (dedupe_key, channel, recipient, body_enc, kind, case_id, status, next_attempt_at, created_at) values ('telegram:9001:r0', 'telegram', ?, ?, 'reply', null, 'sent', ?, ?)`, [REPORTER, body, at, at]);
  await run(`insert into outbox (dedupe_key, channel, recipient, body_enc, kind, case_id, status, next_attempt_at, created_at) values ('case:1:notify:1', 'telegram', ?, ?, 'case', 1, 'sent', ?, ?)`, [OFFICER, body, at, at]);
  await run(`insert into outbox (dedupe_key, channel, recipient, body_enc, kind, case_id, status, next_attempt_at, created_at) values ('case:1:status:acknowledged:commune', 'telegram', ?, ?, 'status', 1, 'sent', ?, ?)`, [REPORTER, body, at + 60_000, at + 60_000]);
  // The reporter's addition: the officer's notice was keyed with the reporter's update key, as was their reply.
  await run(`insert into outbox (dedupe_key, channel, recipient, body_enc, kind, case_id, status, next_attempt_at, created_at) values ('case:1:reporter-info:1:telegram:9002', 'telegram', ?, ?, 'case', 1, 'sent', ?, ?)`, [OFFICER, body, at + 120_000, at + 120_000]);
  await run(`insert into outbox (dedupe_key, channel, recipient, body_enc, kind, case_id, status, next_attempt_at, created_at) values ('telegram:9002:r0', 'telegram', ?, ?, 'reply', null, 'sent', ?, ?)`, [REPORTER, body, at + 120_000, at + 120_000]);
  // Then the new code starts: the migration adds the columns, start-up seals.
  await migrateDb(handle.db, handle.client);
  return { ...handle, url, dir, cleanup: () => (handle.close(), rmSync(dir, { recursive: true, force: true })) };
}

/**
 * Exact times found both in a row that names the reporter and in a row that names the case. A time
 * stored to the hour (or coarser) is a bucket many people share, not a link, and is left out.
 */
async function sameTimes(client: Client, c: { ref: string; caseId: number; chatId: string }): Promise<string[]> {
  const rows = await everyRow(client);
  const userId = Number(rows.find((r) => r.table === 'users' && r.values.channel_user_id === c.chatId)!.values.id);
  const times = (r: Row) => Object.values(r.values).filter((v): v is number => typeof v === 'number' && v > 1e12 && v % 3_600_000 !== 0);
  const ofCase = new Set(
    rows
      .filter((r) => (r.table === 'cases' ? r.values.id === c.caseId : r.values.case_id === c.caseId || Object.values(r.values).some((v) => typeof v === 'string' && v.includes(c.ref))))
      .flatMap(times),
  );
  const namesReporter = (r: Row) =>
    Object.entries(r.values).some(([col, v]) => (typeof v === 'string' && (v.includes(c.chatId) || v === `user:${userId}`)) || (Number(v) === userId && /(^|_)user_id$/.test(col)));
  return rows.filter(namesReporter).flatMap((r) => times(r).filter((t) => ofCase.has(t)).map((t) => `${r.table} ${new Date(t).toISOString()}`));
}

describe('times', () => {
  it('within SENT_RETENTION_DAYS the receipt shares the case time to the millisecond; after it, no exact time ties chat and case', async () => {
    await world();
    const { ref, caseId } = await fileAndFollow();
    // What stays weak (SECURITY.md §3): the reporter's outbox rows keep their chat id and exact times for a while.
    expect(await sameTimes(w.db.client, { ref, caseId, chatId: REPORTER })).not.toEqual([]);
    // The person's own rows are kept to the hour from the start.
    const [user] = (await everyRow(w.db.client)).filter((r) => r.table === 'users' && r.values.channel_user_id === REPORTER);
    expect(Number(user!.values.last_seen_at) % 3_600_000).toBe(0);
    expect(Number(user!.values.created_at) % 3_600_000).toBe(0);

    await retentionTick(w.rt, new Date(Date.parse('2026-11-25T03:00:00Z') + 31 * 86_400_000));
    expect(await sameTimes(w.db.client, { ref, caseId, chatId: REPORTER })).toEqual([]);
    expect(await linksBetween(w.db.client, { ref, caseId, chatId: REPORTER })).toEqual({ both: [], joins: [] });
    // The reporter still finds the case.
    expect(last(await tg(REPORTER, `/status ${ref}`)).text).toContain(ref);
  });
});

describe('a database from before the reporter was sealed', () => {
  it('is converted at start-up: the reporter sealed, no clear link left, and a second start changes nothing', async () => {
    await world(await oldDatabase());
    const sealer = w.rt.core.sealer;
    expect(await linksBetween(w.db.client, { ref: 'BV-QRD234', caseId: 1, chatId: REPORTER })).not.toEqual({ both: [], joins: [] });
    const before = (await w.caseByRef('BV-QRD234'))!;
    expect(before.channel).toBe('telegram'); // filled by migration 0007 itself, for the statistics

    expect(await sealOldReporters(w.db.db, sealer)).toBe(1);

    const row = (await w.caseByRef('BV-QRD234'))!;
    expect(row.legacyReporterUserId).toBe(0);
    expect(await reporterIdOf(sealer, row)).toBe(7); // the reporter is not lost
    expect(row.reporterTag).toBe(await reporterTag(sealer, 7));
    expect(row.sourceKey).toBe(await storedSourceKey(sealer, 'telegram:9001'));
    const actors = (await w.db.db.select().from(auditLog).where(eq(auditLog.caseId, 1))).map((a) => `${a.actor} ${a.action}`);
    expect(actors).toEqual(['reporter case.created', 'officer:1 case.ack', 'reporter case.status_viewed']);
    expect((await w.db.db.select().from(caseEvents)).map((e) => e.actor)).toEqual(['reporter']);
    const note = (await w.db.db.select().from(outbox).where(eq(outbox.kind, 'status')))[0]!;
    expect(note).toMatchObject({ caseId: null, recipient: REPORTER, dedupeKey: await reporterMessageKey(sealer, 'case:1:status:acknowledged:commune') });
    const notices = await w.db.db.select().from(outbox).where(eq(outbox.kind, 'case'));
    expect(notices.map((n) => n.caseId)).toEqual([1, 1]); // the officer's notices keep it
    expect(notices[1]!.dedupeKey).toBe(`case:1:reporter-info:1:${await sealer.tag('info:telegram:9002')}`);
    expect((await w.db.db.select().from(officers).where(eq(officers.id, 2)))[0]!.channelUserId).toBe(`demo-officer-${await reporterTag(sealer, 8)}`);
    expect(await linksBetween(w.db.client, { ref: 'BV-QRD234', caseId: 1, chatId: REPORTER })).toEqual({ both: [], joins: [] });

    // Idempotent: the next start reads one meta row; even without it, nothing is left to convert.
    const snapshot = await w.db.db.select().from(cases);
    expect(await sealOldReporters(w.db.db, sealer)).toBe(0);
    await w.db.db.delete(meta).where(eq(meta.key, REPORTERS_SEALED_META));
    expect(await sealOldReporters(w.db.db, createNodeSealer(TEST_DATA_KEY))).toBe(0);
    expect(await w.db.db.select().from(cases)).toEqual(snapshot);
  });

  it('on Workers, is converted by the scheduled tick (not in a new isolate\'s first request), once', async () => {
    await world(await oldDatabase());
    const steps = workerTickSteps();
    expect(steps[0]![0]).toBe('reporters');
    const at = new Date('2026-11-25T03:00:00Z');
    expect(await steps[0]![1](w.rt, at)).toEqual({ sealed: 1 });
    expect(await reporterIdOf(w.rt.core.sealer, (await w.caseByRef('BV-QRD234'))!)).toBe(7);
    expect(await linksBetween(w.db.client, { ref: 'BV-QRD234', caseId: 1, chatId: REPORTER })).toEqual({ both: [], joins: [] });
    expect(await steps[0]![1](w.rt, at)).toEqual({ sealed: 0 });
  });

  it('its reporter still asks for the status, adds information, and hears of progress, through the sealed link', async () => {
    await world(await oldDatabase());
    await sealOldReporters(w.db.db, w.rt.core.sealer);
    expect(last(await tg(REPORTER, '/status')).text).toContain('BV-QRD234');
    expect(last(await tg(REPORTER, 'BV-QRD234')).text).toContain('BV-QRD234');
    // Someone else gets "not found" for that code, as before.
    expect(last(await tg('700700999', '/status BV-QRD234')).text).toContain('Không tìm thấy tin BV-QRD234');
    await tg(REPORTER, { button: 'status:add:BV-QRD234' });
    expect(last(await tg(REPORTER, 'Hôm nay cháu lại bị đánh.')).text).toContain('BV-QRD234');
    expect(w.inboxOf(OFFICER).some((m) => m.text.includes('Hôm nay cháu lại bị đánh.'))).toBe(true);
    await tg(OFFICER, { button: 'case:verify:BV-QRD234' });
    await tg(OFFICER, 'Đã đến nhà, gặp mẹ và cháu.');
    await tg(OFFICER, { button: 'case:risk:BV-QRD234:medium' });
    expect(w.inboxOf(REPORTER).filter((m) => m.kind === 'status').map((m) => m.text).join('\n')).toContain('BV-QRD234');
    expect(await linksBetween(w.db.client, { ref: 'BV-QRD234', caseId: 1, chatId: REPORTER })).toEqual({ both: [], joins: [] });
  });
});
