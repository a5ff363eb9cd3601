// The scheduled escalation step: escalate cases left unacknowledged or past a legal clock to the
// province supervisor, and remind the holders before a clock runs out. Each escalation and
// each reminder happens once, however many ticks run (audit record + outbox dedupe keys).
import { eq, ne } from 'drizzle-orm';
import type { Config } from '../config';
import { fill } from '../core/messages';
import { cases, officers } from '../db/schema';
import type { Db } from '../db/db';
import { withTransaction } from '../db/tx';
import { enqueue, type QueuedMessage } from '../outbox/outbox';
import { addWorkingDays } from '../reminders/calendar';
import { localDate, zonedInstant } from '../reminders/dates';
import type { TickStep } from '../runtime';
import { auditAs, hasAudit } from './audit';
import { caseMessages } from './cases';
import {
  APPROVAL_WORKING_DAYS,
  caseClocks,
  clockLabel,
  formatDateTime,
  PLAN_WORKING_DAYS,
  timeLeft,
  type CaseRow,
  type ClockName,
} from './clocks';
import type { Sealer } from '../ground/crypto';
import { reportsMessages } from '../reports/messages';
import { covers, officerAddress, routedRecipients, type OfficerRow } from '../directory/officers';
import { asLevel, currentHolders, levelName, stepUp } from './levels';
import { caseWorkMessages } from './messages';
import { langOf, reporterProgress } from './recipients';
import { officerButtons } from './render';

const HOUR_MS = 3_600_000;
/** The emergency clock's reminder goes out this long before the 12 hours are up. */
export const EMERGENCY_REMINDER_HOURS = 3;
/** Working-day reminders go out at this local time on the working day before the deadline. */
const REMINDER_MINUTES = 8 * 60;

export type EscalationReason = 'unacked' | 'nobody' | `clock:${ClockName}`;

interface Due {
  escalations: EscalationReason[];
  reminders: Array<{ clock: ClockName; dueAt: Date }>;
}

/**
 * What the case needs at `at`: escalations past due and reminders in their window (pure).
 * `nobodyHolds`: nobody is at the case's level any more (the commune's officer left, the province's
 * supervisor was retired), so a case not yet taken up goes one step up at once rather than waiting.
 */
export function dueForCase(
  row: CaseRow,
  at: Date,
  config: Pick<Config, 'ESCALATE_EMERGENCY_HOURS' | 'ESCALATE_NORMAL_HOURS' | 'TZ_REGION'>,
  nobodyHolds = false,
): Due {
  const due: Due = { escalations: [], reminders: [] };
  if (row.status === 'closed') return due;
  const tz = config.TZ_REGION;
  const waitHours = row.emergency ? config.ESCALATE_EMERGENCY_HOURS : config.ESCALATE_NORMAL_HOURS;
  // The wait for "Tiếp nhận" counts from when the current holder got the case (filing, transfer, escalation).
  const heldSince = row.assignedAt ?? row.receivedAt;
  if (!row.acknowledgedAt && row.level !== 'national') {
    if (nobodyHolds) due.escalations.push('nobody');
    else if (at.getTime() - heldSince.getTime() >= waitHours * HOUR_MS) due.escalations.push('unacked');
  }
  for (const c of caseClocks(row, tz)) {
    if (c.done || c.name === 'deliver') continue;
    if (at > c.dueAt) {
      due.escalations.push(`clock:${c.name}`);
      continue;
    }
    if (at >= reminderTime(row, c.name, c.dueAt, tz)) due.reminders.push({ clock: c.name, dueAt: c.dueAt });
  }
  return due;
}

function reminderTime(row: CaseRow, clock: ClockName, dueAt: Date, tz: string): Date {
  if (clock === 'emergency') return new Date(dueAt.getTime() - EMERGENCY_REMINDER_HOURS * HOUR_MS);
  // 08:00 on the working day before the deadline's working day.
  const [from, days] =
    clock === 'plan'
      ? [row.receivedAt, PLAN_WORKING_DAYS]
      : [row.planAt ?? addWorkingDays(row.receivedAt, PLAN_WORKING_DAYS, tz), APPROVAL_WORKING_DAYS];
  const dayBefore = localDate(addWorkingDays(from, days - 1, tz), tz);
  return zonedInstant(dayBefore, REMINDER_MINUTES, tz);
}

export const escalationTick: TickStep = async (rt, at) => {
  const { db, sealer, config } = rt.core;
  const counts = { checked: 0, escalated: 0, escalated_without_supervisor: 0, reminders: 0 };
  const open = await db.select().from(cases).where(ne(cases.status, 'closed'));
  const waiting = open.filter((c) => !c.acknowledgedAt && c.level !== 'national');
  // Who is at each level now, read once per tick and only when some case waits for "Tiếp nhận".
  const active = waiting.length ? await db.select().from(officers).where(eq(officers.active, true)) : [];
  const nobodyHolds = (c: CaseRow) => !c.acknowledgedAt && c.level !== 'national' && !active.some((o) => holdsAtLevel(o, c));
  for (const candidate of open) {
    counts.checked++;
    const first = dueForCase(candidate, at, config, nobodyHolds(candidate));
    if (!first.escalations.length && !first.reminders.length) continue;
    await withTransaction(db, async (tx) => {
      // Read again inside the transaction: an officer may have acted since the scan.
      const [row] = await tx.select().from(cases).where(eq(cases.id, candidate.id)).limit(1);
      if (!row) return;
      const due = dueForCase(row, at, config, nobodyHolds(row));
      let current = row;
      for (const reason of due.escalations) {
        const r = await escalate(tx, sealer, config, current, reason, at);
        if (!r) continue;
        current = r.row;
        counts.escalated++;
        if (!r.notified) counts.escalated_without_supervisor++;
      }
      for (const reminder of due.reminders) counts.reminders += await remind(tx, sealer, config, current, reminder, at);
    });
  }
  return counts;
};

/** This officer row holds the case at the case's current level (commune officers, or province supervisors). */
function holdsAtLevel(o: OfficerRow, c: CaseRow): boolean {
  if (!covers(o, c)) return false;
  return asLevel(c.level) === 'commune' ? o.communeCode === c.communeCode : o.role === 'supervisor' && o.communeCode === c.provinceCode;
}

/**
 * One step up the chain: commune → province supervisors (when the province has any) → national queue.
 * "unacked" may happen once per holder (keyed by when they got it); each overdue clock once.
 */
async function escalate(
  db: Db,
  sealer: Sealer,
  config: Config,
  row: CaseRow,
  reason: EscalationReason,
  at: Date,
): Promise<{ row: CaseRow; notified: boolean } | null> {
  const key = reason === 'unacked' || reason === 'nobody' ? `${reason}@${(row.assignedAt ?? row.receivedAt).getTime()}` : reason;
  if (await hasAudit(db, row.id, 'case.escalated', key)) return null;
  const up = row.level === 'national' ? { level: 'national' as const, recipients: [] } : await stepUp(db, row);
  const [updated] = await db
    .update(cases)
    .set({ status: 'escalated', level: up.level, assignedAt: up.level !== row.level ? at : row.assignedAt, escalatedAt: row.escalatedAt ?? at, updatedAt: at })
    .where(eq(cases.id, row.id))
    .returning();
  const next = updated!;
  const supervisors = up.recipients;
  await auditAs(db, at, 'system', 'case.escalated', row.id, { reason: key, from: row.level, to: up.level, recipients: supervisors.map((s) => s.id) });
  const hours = row.emergency ? config.ESCALATE_EMERGENCY_HOURS : config.ESCALATE_NORMAL_HOURS;
  const messages = await caseMessages(db, sealer, next, supervisors, config.TZ_REGION, at, {
    kind: 'escalation',
    key: `esc:${key}`,
    header: (t, lang) =>
      reason === 'unacked'
        ? fill(t.escalationUnacked, { ref: next.ref, hours })
        : reason === 'nobody'
          ? fill(caseWorkMessages[lang].escalationNobody, { ref: next.ref, level: levelName(caseWorkMessages[lang], row.level) })
          : fill(t.escalationClock, { ref: next.ref, clock: clockLabel(t, reason.slice('clock:'.length) as ClockName) }),
  });
  const keyed = messages.map((m, i) => ({ ...m, dedupeKey: `esc:${row.id}:${key}:${supervisors[i]!.id}` }));
  const changed = next.status !== row.status || next.level !== row.level;
  const note = changed ? await reporterProgress(db, sealer, next) : null;
  const toReporter = note ? [note] : [];
  await enqueue(db, sealer, [...keyed, ...toReporter], at);
  return { row: next, notified: supervisors.length > 0 };
}

/** Returns how many reminder messages were newly queued (0 when already sent by an earlier tick). */
/**
 * Who is reminded of a clock: whoever holds the case now (the province supervisor after an escalation),
 * and the commune officers it was routed to, who can still act on it (nobody in chat holds the national queue).
 */
async function reminderRecipients(db: Db, row: CaseRow): Promise<OfficerRow[]> {
  const all = [...(await currentHolders(db, row)), ...(await routedRecipients(db, row))];
  return all.filter((o, i) => all.findIndex((x) => x.id === o.id) === i);
}

async function remind(db: Db, sealer: Sealer, config: Config, row: CaseRow, r: { clock: ClockName; dueAt: Date }, at: Date): Promise<number> {
  const recipients = await reminderRecipients(db, row);
  const messages: QueuedMessage[] = [];
  for (const o of recipients) {
    const to = officerAddress(o);
    const t = reportsMessages[await langOf(db, to)];
    messages.push({
      to,
      text: fill(t.reminderClock, {
        ref: row.ref,
        clock: clockLabel(t, r.clock),
        due: formatDateTime(r.dueAt, config.TZ_REGION),
        left: timeLeft(t, r.dueAt, at),
      }),
      buttons: officerButtons(t, row),
      state: null,
      kind: 'reminder',
      caseId: row.id,
      dedupeKey: `case:${row.id}:remind:${r.clock}:${o.id}`,
    });
  }
  const ids = await enqueue(db, sealer, messages, at);
  if (ids.length) await auditAs(db, at, 'system', 'case.reminded', row.id, { clock: r.clock, to: recipients.map((o) => o.id) });
  return ids.length;
}
