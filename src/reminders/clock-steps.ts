// Generic clock steps for time limits counted in hours (a case's "12 hours", "5 working days"), for the
// reports capability to reuse: the same once-only idea as the deadline schedule, without case logic.
import { isDaytime, localTime, parseClock, zonedInstant, addDays } from './dates';

export interface ClockStep {
  /** Short, stable id used in the send key, e.g. 'before-2h', 'due', 'over-1'. */
  id: string;
  /** When this step is reached. */
  at: Date;
}

const HOUR = 3_600_000;

/**
 * Steps for a deadline: one per lead time before it (in hours), one at the deadline, then one every
 * `overdue.everyHours` after it, at most `overdue.max` times.
 */
export function clockSteps(deadline: Date, leadHours: readonly number[], overdue?: { everyHours: number; max: number }): ClockStep[] {
  const steps: ClockStep[] = [...new Set(leadHours)]
    .filter((h) => h > 0)
    .sort((a, b) => b - a)
    .map((h) => ({ id: `before-${h}h`, at: new Date(deadline.getTime() - h * HOUR) }));
  steps.push({ id: 'due', at: deadline });
  for (let i = 1; overdue && i <= overdue.max; i++) {
    steps.push({ id: `over-${i}`, at: new Date(deadline.getTime() + i * overdue.everyHours * HOUR) });
  }
  return steps;
}

/**
 * The latest step reached at `at`, or null (none yet, or past the last one by more than `graceMs`).
 * Send it with a unique key such as `case:<ref>|<step.id>|<officer>`: repeated or overlapping ticks
 * then send it once, and after downtime only the most recent missed step goes out.
 */
export function currentClockStep(steps: readonly ClockStep[], at: Date, graceMs = Number.POSITIVE_INFINITY): ClockStep | null {
  let current: ClockStep | null = null;
  for (const s of steps) if (s.at.getTime() <= at.getTime() && (!current || s.at.getTime() >= current.at.getTime())) current = s;
  if (!current) return null;
  const last = steps.reduce((m, s) => Math.max(m, s.at.getTime()), 0);
  return at.getTime() - last > graceMs ? null : current;
}

/** `at` itself when inside the daytime window, else the next window start (for non-urgent sends). */
export function nextDaytime(at: Date, tz: string, dayStart: string, dayEnd: string): Date {
  if (isDaytime(at, tz, dayStart, dayEnd)) return at;
  const local = localTime(at, tz);
  const start = parseClock(dayStart);
  const day = local.minutes < start ? local.date : addDays(local.date, 1);
  return zonedInstant(day, start, tz);
}
