// Start-up conversion of cases filed before migration 0007, when `cases.reporter_user_id` named the
// reporter in clear. Sealing needs DATA_KEY, so it runs in code (Node boot, the Worker's scheduled tick), not
// in SQL. For each old case, in one batch: the reporter sealed and tagged and the clear id zeroed; its
// source key tagged (it matched the receipt's outbox key); the reporter's own audit and case-event rows
// re-labelled `reporter`; the outbox rows to the reporter about it stripped of the case id, and the
// officers' notices of the reporter's additions keyed without the reporter's update key. A
// per-case condition (`reporter_enc is null`) makes a re-run or a concurrent run change nothing twice;
// a meta row, written once nothing is left, spares later starts everything but one read.
import { and, eq, isNull, ne, like } from 'drizzle-orm';
import type { Db } from '../db/db';
import { auditLog, caseEvents, cases, meta, officers, outbox, users } from '../db/schema';
import type { Sealer } from '../ground/crypto';
import { REPORTER_ACTOR, reporterMessageKey, reporterTag, sealReporter, storedSourceKey } from './reporter-link';
import type { Runtime, TickStep } from '../runtime';

export const REPORTERS_SEALED_META = 'reporters_sealed';
const BATCH = 100;

/** Converts every old case; returns how many. Cheap when already done (one read). */
export async function sealOldReporters(db: Db, sealer: Sealer, at: Date = new Date()): Promise<number> {
  const [done] = await db.select({ value: meta.value }).from(meta).where(eq(meta.key, REPORTERS_SEALED_META)).limit(1);
  if (done) return 0;
  let converted = 0;
  for (;;) {
    const rows = await db
      .select({ id: cases.id, userId: cases.legacyReporterUserId, sourceKey: cases.sourceKey })
      .from(cases)
      .where(and(isNull(cases.reporterEnc), ne(cases.legacyReporterUserId, 0)))
      .orderBy(cases.id)
      .limit(BATCH);
    if (!rows.length) break;
    for (const row of rows) converted += await convertCase(db, sealer, row);
  }
  await renamePairedDemoOfficers(db, sealer);
  await db.insert(meta).values({ key: REPORTERS_SEALED_META, value: String(converted), updatedAt: at }).onConflictDoNothing();
  return converted;
}

async function convertCase(db: Db, sealer: Sealer, row: { id: number; userId: number; sourceKey: string }): Promise<number> {
  const asUser = `user:${row.userId}`;
  const [sealed, [reporter], toReporter] = await Promise.all([
    sealReporter(sealer, row.userId),
    db.select({ channel: users.channel, channelUserId: users.channelUserId }).from(users).where(eq(users.id, row.userId)).limit(1),
    db.select({ id: outbox.id, dedupeKey: outbox.dedupeKey, channel: outbox.channel, recipient: outbox.recipient }).from(outbox).where(eq(outbox.caseId, row.id)),
  ]);
  // The seeded demo case keeps its 'demo:' key (demo pairing reads it); a key already tagged stays.
  const keepKey = row.sourceKey.startsWith('demo:') || row.sourceKey.startsWith('src:');
  const sourceKey = keepKey ? row.sourceKey : await storedSourceKey(sealer, row.sourceKey);
  const mine = reporter ? toReporter.filter((m) => m.channel === reporter.channel && m.recipient === reporter.channelUserId) : [];
  const keys = await Promise.all(mine.map((m) => reporterMessageKey(sealer, m.dedupeKey)));
  // An officer's notice of the reporter's addition was keyed with the reporter's update key, which
  // their own reply's key carries too: the update key becomes a tag (as reporter.ts now writes it).
  const infoNotices = toReporter.flatMap((m) => {
    const k = /^(case:\d+:reporter-info:\d+:)(.+:.+)$/.exec(m.dedupeKey);
    return k ? [{ id: m.id, head: k[1]!, update: k[2]! }] : [];
  });
  const infoKeys = await Promise.all(infoNotices.map((m) => sealer.tag(`info:${m.update}`)));
  const [first, ...rest] = [
    db
      .update(cases)
      .set({ ...sealed, legacyReporterUserId: 0, sourceKey })
      .where(and(eq(cases.id, row.id), isNull(cases.reporterEnc))),
    db.update(caseEvents).set({ actor: REPORTER_ACTOR }).where(and(eq(caseEvents.caseId, row.id), eq(caseEvents.actor, asUser))),
    db.update(auditLog).set({ actor: REPORTER_ACTOR }).where(and(eq(auditLog.caseId, row.id), eq(auditLog.actor, asUser))),
    ...mine.map((m, i) => db.update(outbox).set({ caseId: null, dedupeKey: keys[i]! }).where(eq(outbox.id, m.id))),
    ...infoNotices.map((m, i) => db.update(outbox).set({ dedupeKey: `${m.head}${infoKeys[i]!}` }).where(eq(outbox.id, m.id))),
  ];
  await db.batch([first, ...rest]);
  return 1;
}

/**
 * A web visitor's demo officer was named `demo-officer-<user id>`; it is now named by the visitor's
 * reporter tag (directory/officers.ts `pairedWith`), so it still gets that visitor's reports.
 */
async function renamePairedDemoOfficers(db: Db, sealer: Sealer): Promise<void> {
  const old = await db
    .select({ id: officers.id, channelUserId: officers.channelUserId })
    .from(officers)
    .where(and(eq(officers.channel, 'web'), like(officers.channelUserId, 'demo-officer-%')));
  for (const o of old) {
    const m = /^demo-officer-(\d+)$/.exec(o.channelUserId);
    if (!m) continue;
    const renamed = `demo-officer-${await reporterTag(sealer, Number(m[1]))}`;
    await db.update(officers).set({ channelUserId: renamed }).where(eq(officers.id, o.id));
  }
}

/**
 * The conversion as a step of the scheduled tick, which is where the Worker runs it: a new isolate's
 * first request does not wait for it (a remote database costs a round trip). Old cases are converted by
 * the first tick after the upgrade (the cron runs every 15 minutes); until then a lookup by tag does not find them. Once it
 * is done in this runtime, later ticks skip even the one read.
 */
const sealedIn = new WeakSet<Runtime>();
export const reporterSealTick: TickStep = async (rt, at) => {
  if (sealedIn.has(rt)) return { sealed: 0 };
  const sealed = await sealOldReporters(rt.core.db, rt.core.sealer, at);
  sealedIn.add(rt);
  return { sealed };
};
