// What officers do: /cases, /case BV-…, and the case:ack|verify|plan|approve|escalate|close buttons.
// Only an officer whose jurisdiction covers the case gets an answer; anyone else gets "not found".
import { and, asc, eq, inArray, ne, or } from 'drizzle-orm';
import type { InStatement } from '@libsql/client';
import type { Ctx } from '../core/context';
import { fill } from '../core/messages';
import type { Db } from '../db/db';
import { cases, users } from '../db/schema';
import { filedBy, REPORTER_ACTOR, reporterTags } from './reporter-link';
import type { QueuedMessage } from '../outbox/outbox';
import { auditAs } from './audit';
import { caseByRef, caseMessages } from './cases';
import { readBatch, requireChanged, statementOf } from '../db/deferred';
import { caseClocks, clockLabel, timeLeft, type CaseRow } from './clocks';
import { openDetails, openPlace } from './details';
import { reportsMessages, type ReportsCatalogue } from '../reports/messages';
import { coverage, coveringRow, officerRowsOf, officerRowsQuery, worldsFor, type OfficerRow } from '../directory/officers';
import type { Address } from '../core/types';
import { stepUp } from './levels';
import { reporterProgress } from './recipients';
import { parseCaseRef } from './ref';
import { officerButtons, officerStatus, placeName, renderCase } from './render';

const tOf = (ctx: Ctx): ReportsCatalogue => reportsMessages[ctx.lang];
/** How many "open case" buttons a case list carries (a chat keyboard stays short). */
const MAX_CASE_BUTTONS = 8;
const actor = (o: OfficerRow): string => `officer:${o.id}`;

/** How far a case has come; an action never moves it backwards. */
const RANK: Record<string, number> = { received: 0, escalated: 0, acknowledged: 1, assessed: 2, plan: 3, closed: 4 };

export interface Access {
  row: CaseRow;
  officer: OfficerRow;
}

/** The case, if this chat belongs to an officer who covers it. Refusals are audited but look like "not found". */
export async function access(ctx: Ctx, refText: string): Promise<Access | null> {
  const ref = parseCaseRef(refText);
  const t = tOf(ctx);
  const notFound = (): null => {
    ctx.reply(fill(t.caseNotFound, { ref: ref ?? refText.slice(0, 20) }));
    return null;
  };
  if (!ref) return notFound();
  // One read (one round trip on a remote database, none when it was sent ahead: `accessReads`).
  const [rows, [row]] = await readBatch(ctx.deps.db, ...accessQueries(ctx.deps.db, { channel: ctx.inc.channel, userId: ctx.inc.userId }, ref));
  const officer = row ? coveringRow(rows, row) : undefined;
  if (!row || !officer) {
    if (row) {
      // The case's own reporter trying `/case` is audited as `reporter`: never their user id beside the case.
      const own = filedBy(row, await reporterTags(ctx.deps.sealer, ctx.user.id));
      await ctx.audit('case.access_denied', row.id, { officers: rows.map((o) => o.id) }, own ? REPORTER_ACTOR : undefined);
    }
    return notFound();
  }
  return { row, officer };
}

function accessQueries(db: Db, officer: Address, ref: string) {
  return [officerRowsQuery(db, officer), caseByRef(db, ref)] as const;
}

/** The reads `access` makes for this chat and this typed case reference, to send them ahead (core/prefetch.ts). */
export function accessReads(db: Db, officer: Address, refText: string): InStatement[] {
  const ref = parseCaseRef(refText);
  return ref ? accessQueries(db, officer, ref).map(statementOf) : [];
}

/** `/case BV-…`: the full case, for the officer whose commune (or province) it is. */
export async function showCase(ctx: Ctx, arg: string): Promise<void> {
  const t = tOf(ctx);
  if (!arg) {
    ctx.reply(t.caseUsage);
    return;
  }
  const a = await access(ctx, arg);
  if (!a) return;
  const details = await openDetails(ctx.deps.sealer, a.row);
  const photos = details.photos.length ? await sendPhotos(ctx, a.row, details.photos) : undefined;
  await auditAs(ctx.deps.db, ctx.at, actor(a.officer), 'case.viewed', a.row.id, { via: 'chat', ...(photos?.sent ? { photos: photos.sent } : {}) });
  ctx.reply(renderCase(t, a.row, details, ctx.deps.config.TZ_REGION, ctx.at, a.row.ref, photos?.lines), officerButtons(t, a.row));
}

/**
 * Queues the case's photos for the officer viewing it, where they can be sent, and says how in the
 * case text (`lines`). A Telegram photo is a file id of this bot: it can be sent to an officer on
 * Telegram, and to nobody else; it goes out after the case text, as every reply goes before the
 * update's other messages. A Zalo photo is a link to Zalo's servers, which is given as it is.
 */
async function sendPhotos(ctx: Ctx, row: CaseRow, photos: string[]): Promise<{ lines: string[]; sent: number }> {
  const t = tOf(ctx);
  const count = photos.length;
  // Telegram file ids work only for this bot on Telegram: the case's channel says where they came from.
  if (row.channel === 'telegram' && ctx.inc.channel === 'telegram') {
    photos.forEach((fileId, i) =>
      ctx.notify({
        to: { channel: 'telegram', userId: ctx.inc.userId },
        text: fill(t.casePhotoCaption, { n: i + 1, total: count, ref: row.ref }),
        buttons: [],
        state: ctx.state.step,
        kind: 'case',
        caseId: row.id,
        photo: fileId,
        dedupeKey: `case:${row.id}:photo:${i}:${ctx.inc.dedupeKey ?? `${ctx.inc.userId}:${ctx.at.getTime()}`}`,
      }),
    );
    return { lines: [fill(t.casePhotosBelow, { count })], sent: count };
  }
  if (row.channel === 'zalo') {
    const links = photos.filter((p) => /^https:\/\//.test(p));
    return { lines: [fill(t.casePhotosLinks, { count }), ...links], sent: 0 };
  }
  const line = row.channel === 'telegram' ? t.casePhotosElsewhere : t.casePhotosPlain;
  return { lines: [fill(line, { count })], sent: 0 };
}

/** `/cases`: the open cases this officer covers, each with the time left on its running clocks. */
export async function listCases(ctx: Ctx): Promise<void> {
  const t = tOf(ctx);
  const { db, sealer, config } = ctx.deps;
  const rows = await officerRowsOf(db, { channel: ctx.inc.channel, userId: ctx.inc.userId });
  if (!rows.length) {
    ctx.reply(t.notOfficer);
    return;
  }
  const { communes, provinces } = coverage(rows);
  const candidates = await db
    .select()
    .from(cases)
    .where(
      and(
        ne(cases.status, 'closed'),
        inArray(cases.world, worldsFor(rows[0]!)),
        or(
          communes.length ? inArray(cases.communeCode, communes) : undefined,
          provinces.length ? inArray(cases.provinceCode, provinces) : undefined,
        ),
      ),
    )
    .orderBy(asc(cases.receivedAt))
    .limit(30);
  // The SQL narrows by place; `covers` has the last word (a web demo officer sees only its visitor's cases).
  const open = candidates.filter((row) => coveringRow(rows, row));
  if (!open.length) {
    ctx.reply(t.casesNone);
    return;
  }
  const items: string[] = [];
  for (const row of open) {
    const officer = coveringRow(rows, row)!;
    await auditAs(db, ctx.at, actor(officer), 'case.listed', row.id);
    const place = await openPlace(sealer, row);
    const clocks = caseClocks(row, config.TZ_REGION)
      .filter((c) => !c.done)
      .map((c) => fill(t.casesClockItem, { name: clockLabel(t, c.name), left: timeLeft(t, c.dueAt, ctx.at) }));
    items.push(
      fill(t.casesItem, {
        emergency: row.emergency ? '⚠️ ' : '',
        ref: row.ref,
        place: placeName(t, { commune: place.commune }),
        status: officerStatus(t, row.status),
        clocks: clocks.join('\n'),
      }).trimEnd(),
    );
  }
  // One tap opens a case (with its action buttons); the engine adds the way back to the menu.
  const openButtons = open.slice(0, MAX_CASE_BUTTONS).map((row) => ({ label: fill(t.viewCaseButton, { ref: row.ref }), payload: `case:view:${row.ref}` }));
  ctx.reply([fill(t.casesHeader, { count: open.length }), ...items].join('\n\n'), openButtons);
}

export async function escalateByOfficer(ctx: Ctx, a: Access): Promise<void> {
  const t = tOf(ctx);
  const { db, sealer, config } = ctx.deps;
  if (a.row.status === 'escalated') {
    ctx.reply(fill(t.alreadyDone, { ref: a.row.ref, status: officerStatus(t, a.row.status) }));
    return;
  }
  // One step up from where the case is now: the province supervisors when there are any, else the national queue.
  const up = a.row.level === 'national' ? { level: 'national' as const, recipients: [] } : await stepUp(db, a.row);
  const changes = { status: 'escalated', level: up.level, assignedAt: ctx.at, escalatedAt: ctx.at, updatedAt: ctx.at };
  const row: CaseRow = { ...a.row, ...changes };
  const supervisors = up.recipients.filter((s) => !(s.channel === a.officer.channel && s.channelUserId === a.officer.channelUserId));
  // Everything read first (the supervisors' languages, the reporter), then written: a batched update
  // cannot read after its writes (db/deferred.ts).
  const messages = await caseMessages(db, sealer, row, supervisors, config.TZ_REGION, ctx.at, {
    kind: 'escalation',
    key: `esc:manual:${ctx.at.getTime()}`,
    header: (tt) => fill(tt.escalationManual, { ref: row.ref }),
  });
  const note = await reporterProgress(db, sealer, row);
  // Only if the case is still as read: someone acting at the same moment makes the update run again.
  await db.update(cases).set(changes).where(and(eq(cases.id, a.row.id), eq(cases.updatedAt, a.row.updatedAt)));
  requireChanged(db);
  await auditAs(db, ctx.at, actor(a.officer), 'case.escalated', row.id, { reason: 'manual', from: a.row.level, to: up.level, recipients: supervisors.map((s) => s.id) });
  for (const m of messages) ctx.notify({ ...m, dedupeKey: `esc:${row.id}:manual:${ctx.at.getTime()}:${m.to.channel}:${m.to.userId}` });
  if (note) ctx.notify(note);
  ctx.reply(fill(up.level === 'province' ? t.escalatedByOfficer : t.escalatedNoSupervisor, { ref: row.ref }), officerButtons(t, row));
}
