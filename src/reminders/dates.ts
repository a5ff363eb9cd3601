// Civil dates ('YYYY-MM-DD') and wall-clock time in a time zone, without a date library.
// Day arithmetic runs on day numbers (days since 1970-01-01), so it never trips over DST or offsets.

export type Ymd = string; // 'YYYY-MM-DD'

const DAY_MS = 86_400_000;

export function dayNumber(ymd: Ymd): number {
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
}

export function fromDayNumber(n: number): Ymd {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function ymd(year: number, month: number, day: number): Ymd {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function addDays(date: Ymd, days: number): Ymd {
  return fromDayNumber(dayNumber(date) + days);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: Ymd): number {
  // 1970-01-01 was a Thursday.
  return (((dayNumber(date) + 4) % 7) + 7) % 7;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 'dd/mm/yyyy', the way Vietnamese documents write dates. */
export function formatVi(date: Ymd): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

export interface LocalTime {
  date: Ymd;
  /** Minutes since local midnight. */
  minutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone: tz,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(tz, f);
  }
  return f;
}

/** The wall-clock date and time of an instant in `tz`. */
export function localTime(at: Date, tz: string): LocalTime {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(tz).formatToParts(at)) parts[p.type] = p.value;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

export function localDate(at: Date, tz: string): Ymd {
  return localTime(at, tz).date;
}

/** The instant when the wall clock in `tz` shows `date` at `minutes` past midnight. */
export function zonedInstant(date: Ymd, minutes: number, tz: string): Date {
  const guess = dayNumber(date) * DAY_MS + minutes * 60_000;
  // Two passes settle the offset even across a DST change (Vietnam has none, but TZ_REGION is configurable).
  let instant = guess;
  for (let i = 0; i < 2; i++) {
    const shown = localTime(new Date(instant), tz);
    const shownMs = dayNumber(shown.date) * DAY_MS + shown.minutes * 60_000;
    instant += guess - shownMs;
  }
  return new Date(instant);
}

/** 'HH:MM' → minutes since midnight. */
export function parseClock(hhmm: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm.trim());
  if (!m) throw new Error(`not a clock time: ${hhmm}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** True when the wall clock in `tz` is within [dayStart, dayEnd). */
export function isDaytime(at: Date, tz: string, dayStart: string, dayEnd: string): boolean {
  const { minutes } = localTime(at, tz);
  return minutes >= parseClock(dayStart) && minutes < parseClock(dayEnd);
}
