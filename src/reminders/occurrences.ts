// When a rule falls due: each schedule kind → dated occurrences (period label + due date) per year.
import { addWorkingDates, defaultCalendar, type HolidayCalendar } from './calendar';
import { addDays, dayNumber, daysInMonth, ymd, type Ymd } from './dates';
import { lunarToSolar } from './lunar';
import type { RuleSpec } from './schema';

export interface Occurrence {
  /** '2027', '2027-H1', '2027-Q3', '2027-07', or '2027-06-01' for a one-off date. */
  period: string;
  /** Deadline day, or the event's (first) day. */
  due: Ymd;
  /** Last day of a date-range event. */
  end?: Ymd;
}

type DayOfYear = { month: number; day: number; next_year?: boolean };
const at = (year: number, d: DayOfYear): Ymd => ymd(year + (d.next_year ? 1 : 0), d.month, d.day);

/** Month `m` of `year`, allowing m = 13 (January of the next year). */
function monthDate(year: number, m: number, day: number): Ymd {
  const y = year + Math.floor((m - 1) / 12);
  const mm = ((m - 1) % 12) + 1;
  return ymd(y, mm, Math.min(day, daysInMonth(y, mm)));
}

function periodEnds(year: number, unit: 'month' | 'quarter' | 'half' | 'year'): Array<{ period: string; end: Ymd }> {
  const lastDay = (m: number) => ymd(year, m, daysInMonth(year, m));
  switch (unit) {
    case 'month':
      return Array.from({ length: 12 }, (_, i) => ({ period: `${year}-${String(i + 1).padStart(2, '0')}`, end: lastDay(i + 1) }));
    case 'quarter':
      return [1, 2, 3, 4].map((q) => ({ period: `${year}-Q${q}`, end: lastDay(q * 3) }));
    case 'half':
      return [{ period: `${year}-H1`, end: lastDay(6) }, { period: `${year}-H2`, end: lastDay(12) }];
    case 'year':
      return [{ period: `${year}`, end: lastDay(12) }];
  }
}

/** The occurrences whose period belongs to `year` (a due date may fall in the next year). */
export function occurrencesInYear(rule: RuleSpec, year: number, calendar: HolidayCalendar = defaultCalendar): Occurrence[] {
  const s = rule.schedule;
  if ('annual' in s) return [{ period: `${year}`, due: at(year, s.annual) }];
  if ('semiannual' in s) {
    return [
      { period: `${year}-H1`, due: at(year, s.semiannual.h1) },
      { period: `${year}-H2`, due: at(year, s.semiannual.h2) },
    ];
  }
  if ('quarterly' in s) {
    return [1, 2, 3, 4].map((q) => ({ period: `${year}-Q${q}`, due: monthDate(year, (q - 1) * 3 + s.quarterly.month, s.quarterly.day) }));
  }
  if ('monthly' in s) {
    return Array.from({ length: 12 }, (_, i) => ({
      period: `${year}-${String(i + 1).padStart(2, '0')}`,
      due: monthDate(year, i + 1 + (s.monthly.next_month ? 1 : 0), s.monthly.day),
    }));
  }
  if ('working_days_after' in s) {
    return periodEnds(year, s.working_days_after.period).map(({ period, end }) => ({
      period,
      due: addWorkingDates(end, s.working_days_after.days, calendar),
    }));
  }
  if ('once' in s) return Number(s.once.slice(0, 4)) === year ? [{ period: s.once, due: s.once }] : [];
  if ('range' in s) return [{ period: `${year}`, due: at(year, s.range.from), end: at(year, s.range.to) }];
  return [{ period: `${year}`, due: lunarToSolar(year, s.lunar.month, s.lunar.day) }];
}

const memo = new WeakMap<RuleSpec, Map<string, Occurrence[]>>();

function cachedYear(rule: RuleSpec, year: number, calendar: HolidayCalendar): Occurrence[] {
  let byYear = memo.get(rule);
  if (!byYear) memo.set(rule, (byYear = new Map()));
  // The default calendar is the common case; other calendars (tests) are not cached.
  if (calendar !== defaultCalendar) return occurrencesInYear(rule, year, calendar);
  const key = String(year);
  let hit = byYear.get(key);
  if (!hit) byYear.set(key, (hit = occurrencesInYear(rule, year, calendar)));
  return hit;
}

/** Days before the due date of the first reminder, and days after it of the last. */
export function reminderSpan(rule: RuleSpec): { before: number; after: number } {
  return { before: Math.max(...rule.leads), after: rule.kind === 'deadline' ? (rule.overdue?.max ?? 0) : 0 };
}

/** Occurrences whose due date lies in [from, to] (inclusive). */
export function occurrencesBetween(rule: RuleSpec, from: Ymd, to: Ymd, calendar: HolidayCalendar = defaultCalendar): Occurrence[] {
  const y0 = Number(from.slice(0, 4)) - 1;
  const y1 = Number(to.slice(0, 4)) + 1;
  const lo = dayNumber(from);
  const hi = dayNumber(to);
  const out: Occurrence[] = [];
  for (let y = y0; y <= y1; y++) {
    for (const o of cachedYear(rule, y, calendar)) {
      const n = dayNumber(o.due);
      if (n >= lo && n <= hi) out.push(o);
    }
  }
  return out.sort((a, b) => a.due.localeCompare(b.due));
}

/** Occurrences that may send a reminder on `today`: due within [today − after, today + before]. */
export function liveOccurrences(rule: RuleSpec, today: Ymd, calendar: HolidayCalendar = defaultCalendar): Occurrence[] {
  const span = reminderSpan(rule);
  return occurrencesBetween(rule, addDays(today, -span.after), addDays(today, span.before), calendar);
}
