// The legal clocks of a case (Nghị định 56/2017 Art. 25–32), all counted from receipt of the report.
import type { cases } from '../db/schema';
import { addWorkingDays } from '../reminders/calendar';
import { formatVi, localTime } from '../reminders/dates';
import { fill } from '../core/messages';
import type { ReportsCatalogue } from '../reports/messages';

export type CaseRow = typeof cases.$inferSelect;
export type ClockName = 'deliver' | 'emergency' | 'plan' | 'approval';

/** done: the step was taken; open: still running; skipped: the case closed without it ("không thực hiện"). */
export type ClockOutcome = 'done' | 'open' | 'skipped';

export interface CaseClock {
  name: ClockName;
  dueAt: Date;
  /** No longer running (taken, or the case closed without it): nothing to remind or escalate. */
  done: boolean;
  outcome: ClockOutcome;
}

const HOUR_MS = 3_600_000;
/** Art. 26 and 31(2): emergency intervention at most 12 hours after the information is received. */
export const EMERGENCY_HOURS = 12;
/** Art. 28(1): the support/intervention plan within 5 working days. */
export const PLAN_WORKING_DAYS = 5;
/** Art. 28(4): the commune chairman approves the plan within 2 working days. */
export const APPROVAL_WORKING_DAYS = 2;

type ClockFields = Pick<
  CaseRow,
  'receivedAt' | 'emergency' | 'routedTo' | 'acknowledgedAt' | 'assessedAt' | 'planAt' | 'approvedAt' | 'closedAt'
>;

/**
 * Every clock that applies to the case, in the order they fall due. A clock is "done" only when the
 * step it asks for is recorded: delivery = routed to someone; emergency = the officer verified and
 * acted; plan = plan recorded; approval = approval recorded. A case closed without the step leaves
 * it "skipped" (không thực hiện), never done: closing stops the clock, it does not meet it.
 */
export function caseClocks(c: ClockFields, tz: string): CaseClock[] {
  const closed = c.closedAt !== null;
  const clock = (name: ClockName, dueAt: Date, taken: boolean): CaseClock => {
    const outcome: ClockOutcome = taken ? 'done' : closed ? 'skipped' : 'open';
    return { name, dueAt, done: outcome !== 'open', outcome };
  };
  const clocks: CaseClock[] = [clock('deliver', c.receivedAt, c.routedTo !== 'unrouted')];
  if (c.emergency) {
    clocks.push(clock('emergency', new Date(c.receivedAt.getTime() + EMERGENCY_HOURS * HOUR_MS), c.assessedAt !== null || c.planAt !== null));
  }
  const planDue = addWorkingDays(c.receivedAt, PLAN_WORKING_DAYS, tz);
  clocks.push(clock('plan', planDue, c.planAt !== null));
  // Approval runs from the plan when it came early, else from the plan's own deadline.
  const approvalFrom = c.planAt && c.planAt < planDue ? c.planAt : planDue;
  clocks.push(clock('approval', addWorkingDays(approvalFrom, APPROVAL_WORKING_DAYS, tz), c.approvedAt !== null));
  return clocks;
}

/** 'HH:MM dd/mm/yyyy' on the wall clock of `tz`. */
export function formatDateTime(at: Date, tz: string): string {
  const lt = localTime(at, tz);
  const hh = String(Math.floor(lt.minutes / 60)).padStart(2, '0');
  const mm = String(lt.minutes % 60).padStart(2, '0');
  return `${hh}:${mm} ${formatVi(lt.date)}`;
}

/** "còn 3 giờ 20 phút", "còn 2 ngày 4 giờ", or "quá hạn 1 giờ 5 phút". */
export function timeLeft(t: ReportsCatalogue, dueAt: Date, at: Date): string {
  const ms = dueAt.getTime() - at.getTime();
  const span = spanText(t, Math.abs(ms));
  return fill(ms >= 0 ? t.left : t.overdueBy, { span });
}

function spanText(t: ReportsCatalogue, ms: number): string {
  const totalMin = Math.floor(ms / 60_000);
  const d = Math.floor(totalMin / 1440);
  const h = Math.floor((totalMin % 1440) / 60);
  const m = totalMin % 60;
  return d > 0 ? fill(t.spanDays, { d, h }) : fill(t.spanHours, { h, m });
}

export function clockLabel(t: ReportsCatalogue, name: ClockName): string {
  return t[`clock_${name}`];
}
