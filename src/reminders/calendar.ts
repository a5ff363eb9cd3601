// Working days in Vietnam: Monday–Friday, minus the public holidays in content/holidays.yaml.
// Legal clocks ("5 working days to the plan", Nghị định 56/2017 Art. 28) count with addWorkingDays.
import { addDays, localDate, weekday, zonedInstant, type Ymd } from './dates';
import { HOLIDAYS } from './rules.generated';

export interface HolidayCalendar {
  isHoliday(date: Ymd): boolean;
}

export function createCalendar(holidays: ReadonlyArray<{ date: Ymd }>): HolidayCalendar {
  const set = new Set(holidays.map((h) => h.date));
  return { isHoliday: (date) => set.has(date) };
}

/** The calendar compiled from content/holidays.yaml (2026–2030; outside those years only weekends are off). */
export const defaultCalendar: HolidayCalendar = createCalendar(HOLIDAYS);

export function isWorkingDate(date: Ymd, calendar: HolidayCalendar = defaultCalendar): boolean {
  const wd = weekday(date);
  return wd !== 0 && wd !== 6 && !calendar.isHoliday(date);
}

/** The `days`-th working day after `date` (before it when negative); `date` itself is not counted. */
export function addWorkingDates(date: Ymd, days: number, calendar: HolidayCalendar = defaultCalendar): Ymd {
  let d = date;
  const step = days < 0 ? -1 : 1;
  for (let left = Math.abs(days); left > 0; ) {
    d = addDays(d, step);
    if (isWorkingDate(d, calendar)) left--;
  }
  return d;
}

/** Is the day that `date` falls on, in `tz`, a working day? */
export function isWorkingDay(date: Date, tz: string): boolean {
  return isWorkingDate(localDate(date, tz));
}

/**
 * The end (last millisecond, wall clock in `tz`) of the `days`-th working day after the day of `from`.
 * The day of receipt is not counted: received Friday 16:00, 5 working days → end of the next Friday
 * (or later when holidays intervene). `days` = 0 gives the end of the day of `from`.
 */
export function addWorkingDays(from: Date, days: number, tz: string): Date {
  const target = addWorkingDates(localDate(from, tz), days);
  return new Date(zonedInstant(addDays(target, 1), 0, tz).getTime() - 1);
}
