// Handing a commune's waiting cases to its first officer: cases filed while the commune had no active
// officer went to the province supervisor (or nowhere); when an officer becomes active they are routed
// to the commune, audited, and the officers get one notice listing them. Runs in the enrolment's
// transaction; the receipt time is untouched, so the legal clocks keep running from the report.
import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import { fill } from '../core/messages';
import type { Db } from '../db/db';
import { cases } from '../db/schema';
import type { QueuedMessage } from '../outbox/outbox';
import { auditAs } from './audit';
import { caseClocks, clockLabel, formatDateTime, timeLeft, type CaseRow } from './clocks';
import { reportsMessages, type ReportsCatalogue } from '../reports/messages';
import { communeOfficers, isDemoOfficer, officerAddress, sameWorld, type OfficerRow } from '../directory/officers';
import { langsOf } from './recipients';

/** Routings that mean "no commune officer had it": the ones a new officer takes over. */
const WAITING = ['unrouted', 'supervisor'];
/** A notice lists at most this many cases (a chat message has a length limit); /cases shows the rest. */
export const REROUTE_LIST_MAX = 20;

export interface Rerouted {
  cases: CaseRow[];
  /** One notice per active officer of the commune; queue them in the same transaction. */
  messages: QueuedMessage[];
}

/**
 * Routes every open case of `communeCode` still with the supervisor or unrouted to the commune's
 * active officers, as `fileCase` would have had they been there. Only cases not yet routed to an
 * officer are picked, so running it again (a second enrolment, a retried update) finds nothing.
 */
export async function rerouteOpenCases(
  db: Db,
  communeCode: string,
  at: Date,
  tz: string,
  via: 'invite' | 'import',
): Promise<Rerouted> {
  const none: Rerouted = { cases: [], messages: [] };
  // Province codes (supervisors) cover no single commune.
  if (!/^\d{5}$/.test(communeCode)) return none;
  const waiting = and(eq(cases.communeCode, communeCode), ne(cases.status, 'closed'), inArray(cases.routedTo, WAITING));
  const waitingRows = await db.select({ id: cases.id, routedTo: cases.routedTo, world: cases.world }).from(cases).where(waiting);
  if (!waitingRows.length) return none;
  // Real officers take the real (and local) cases; demo officers only demo (and local) ones.
  const all = await communeOfficers(db, communeCode, 'local');
  const real = all.filter((o) => !isDemoOfficer(o));
  const officers = real.length ? real : all;
  if (!officers.length) return none;
  const pending = waitingRows.filter((c) => sameWorld(officers[0]!, c.world));
  if (!pending.length) return none;

  const moved = await db
    .update(cases)
    .set({ routedTo: 'officer', level: 'commune', assignedAt: at, updatedAt: at })
    .where(and(waiting, inArray(cases.id, pending.map((c) => c.id))))
    .returning();
  moved.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime() || a.id - b.id);
  const from = new Map(pending.map((c) => [c.id, c.routedTo]));
  for (const row of moved) {
    await auditAs(db, at, 'system', 'case.rerouted', row.id, { from: from.get(row.id), to: 'officer', officers: officers.map((o) => o.id), via });
  }
  return { cases: moved, messages: await rerouteNotices(db, moved, officers, tz, at) };
}

async function rerouteNotices(db: Db, rows: CaseRow[], officers: OfficerRow[], tz: string, at: Date): Promise<QueuedMessage[]> {
  if (!rows.length) return [];
  const addresses = officers.map(officerAddress);
  const langs = await langsOf(db, addresses);
  const ids = rows.map((r) => r.id).join('.');
  return officers.map((o, i) => ({
    to: addresses[i]!,
    text: rerouteText(reportsMessages[langs[i]!], rows, tz, at),
    buttons: [],
    state: null,
    kind: 'case',
    ...(rows.length === 1 ? { caseId: rows[0]!.id } : {}),
    dedupeKey: `reroute:${o.id}:${ids}`,
  }));
}

/** The header, each case with its receipt time and the time left on its running clocks, and how to open one. */
export function rerouteText(t: ReportsCatalogue, rows: CaseRow[], tz: string, at: Date): string {
  const items = rows.slice(0, REROUTE_LIST_MAX).map((row) => {
    const clocks = caseClocks(row, tz)
      .filter((c) => !c.done)
      .map((c) => fill(t.casesClockItem, { name: clockLabel(t, c.name), left: timeLeft(t, c.dueAt, at) }));
    return fill(t.rerouteItem, {
      emergency: row.emergency ? t.rerouteEmergency : '',
      ref: row.ref,
      at: formatDateTime(row.receivedAt, tz),
      clocks: clocks.join('\n'),
    }).trimEnd();
  });
  const more = rows.length > REROUTE_LIST_MAX ? [fill(t.rerouteMore, { count: rows.length - REROUTE_LIST_MAX })] : [];
  return [fill(t.rerouteHeader, { count: rows.length }), ...items, ...more, fill(t.rerouteFooter, { ref: rows[0]!.ref })].join('\n\n');
}
