// Formatting helpers for the dashboard views: dates on the region's wall clock, time left on a clock.
import { fill } from '../../core/messages';
import { clockLabel, formatDateTime, timeLeft, type CaseClock } from '../../cases/clocks';
import { reportsMessages } from '../../reports/messages';
import { ageLabel, officerStatus } from '../../cases/render';

const rt = reportsMessages.vi;

export const when = (at: Date, tz: string): string => formatDateTime(at, tz);
export const statusText = (status: string): string => officerStatus(rt, status);
export const ageText = (band: string | null): string => ageLabel(rt, band);
export const clockName = (c: CaseClock): string => clockLabel(rt, c.name);
export const clockLeft = (c: CaseClock, at: Date): string => timeLeft(rt, c.dueAt, at);
export const isLate = (c: CaseClock, at: Date): boolean => !c.done && c.dueAt.getTime() < at.getTime();
export const anyLate = (clocks: CaseClock[], at: Date): boolean => clocks.some((c) => isLate(c, at));

/** "3 giờ 20 phút" / "2 ngày 4 giờ" for a duration. */
export function duration(ms: number): string {
  const totalMin = Math.round(ms / 60_000);
  const d = Math.floor(totalMin / 1440);
  const h = Math.floor((totalMin % 1440) / 60);
  const m = totalMin % 60;
  return d > 0 ? fill(rt.spanDays, { d, h }) : fill(rt.spanHours, { h, m });
}

export const CASE_STATUSES = ['received', 'acknowledged', 'assessed', 'plan', 'escalated', 'closed'] as const;
