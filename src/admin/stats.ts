// Statistics over cases in scope, from plain columns only (nothing sealed is opened): counts by month,
// type and commune, the median time to acknowledge, and a per-case CSV without personal data.
import { and, asc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../db/db';
import { caseEvents, cases } from '../db/schema';
import { addDays, localDate, localTime, zonedInstant, type Ymd } from '../reminders/dates';
import type { AdminUser } from './auth';
import { communeNames } from './coverage';
import { scopeWhere } from './scope';

export interface StatsRow {
  id: number;
  ref: string;
  receivedAt: Date;
  status: string;
  emergency: boolean;
  ageBand: string | null;
  communeCode: string | null;
  provinceCode: string | null;
  routedTo: string;
  acknowledgedAt: Date | null;
  closedAt: Date | null;
  level: string;
  risk: string | null;
  assessedAt: Date | null;
  planAt: Date | null;
  approvedAt: Date | null;
  closeReason: string | null;
  /** Agencies the case was referred to (police, health, legal, shelter), in order. */
  referrals: string[];
}

/** A Decree 56 step of a case: done (when), still open, or never taken before closing ("không thực hiện"). */
export type StepState = { state: 'done'; at: Date } | { state: 'open' } | { state: 'skipped' };

export function stepState(at: Date | null, closedAt: Date | null): StepState {
  if (at) return { state: 'done', at };
  return closedAt ? { state: 'skipped' } : { state: 'open' };
}

export const STEP_NAMES = ['assessment', 'plan', 'approval'] as const;

export interface CaseStats {
  total: number;
  byMonth: Array<{ month: string; count: number }>;
  byType: { emergency: number; normal: number };
  byAge: Array<{ band: string; count: number }>;
  byCommune: Array<{ code: string | null; name: string | null; count: number }>;
  /** Milliseconds; null when no case has been acknowledged. */
  medianAckMs: number | null;
  ackedCount: number;
  /** For each Decree 56 step: done, open, or closed without it ("không thực hiện"). */
  steps: Record<(typeof STEP_NAMES)[number], { done: number; open: number; skipped: number }>;
  closeReasons: Array<{ reason: string | null; count: number }>;
  referrals: Array<{ agency: string; count: number }>;
  byLevel: Array<{ level: string; count: number }>;
}

/** Which cases the statistics cover: received between two Vietnam dates, in one province (national staff). */
export interface StatsFilter {
  from?: Ymd;
  to?: Ymd;
  province?: string;
}

function filterWhere(user: AdminUser, f: StatsFilter, tz: string): SQL | undefined {
  return and(
    scopeWhere(user),
    f.from ? gte(cases.receivedAt, zonedInstant(f.from, 0, tz)) : undefined,
    f.to ? lt(cases.receivedAt, zonedInstant(addDays(f.to, 1), 0, tz)) : undefined,
    f.province && user.role === 'national' ? eq(cases.provinceCode, f.province) : undefined,
  );
}

export async function statsRows(db: Db, user: AdminUser, f: StatsFilter = {}, tz = 'Asia/Ho_Chi_Minh'): Promise<StatsRow[]> {
  const where = filterWhere(user, f, tz);
  const rows = await db
    .select({
      id: cases.id,
      ref: cases.ref,
      receivedAt: cases.receivedAt,
      status: cases.status,
      emergency: cases.emergency,
      ageBand: cases.ageBand,
      communeCode: cases.communeCode,
      provinceCode: cases.provinceCode,
      routedTo: cases.routedTo,
      acknowledgedAt: cases.acknowledgedAt,
      closedAt: cases.closedAt,
      level: cases.level,
      risk: cases.risk,
      assessedAt: cases.assessedAt,
      planAt: cases.planAt,
      approvedAt: cases.approvedAt,
      closeReason: cases.closeReason,
    })
    .from(cases)
    .where(where)
    .orderBy(asc(cases.receivedAt));
  // Referrals are counted by agency only (the tag); their notes stay sealed.
  const referrals = await db
    .select({ caseId: caseEvents.caseId, tag: caseEvents.tag })
    .from(caseEvents)
    .innerJoin(cases, eq(cases.id, caseEvents.caseId))
    .where(and(eq(caseEvents.kind, 'referral'), where))
    .orderBy(asc(caseEvents.at));
  const byCase = new Map<number, string[]>();
  for (const r of referrals) byCase.set(r.caseId, [...(byCase.get(r.caseId) ?? []), r.tag ?? 'other']);
  return rows.map((r) => ({ ...r, referrals: byCase.get(r.id) ?? [] }));
}

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The last `months` calendar months (in `tz`) ending with the month of `at`, oldest first. */
export function recentMonths(at: Date, tz: string, months = 12): string[] {
  const [y, m] = localDate(at, tz).split('-').map(Number) as [number, number];
  const out: string[] = [];
  for (let i = months - 1; i >= 0; i--) {
    const total = y * 12 + (m - 1) - i;
    out.push(`${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`);
  }
  return out;
}

export async function caseStats(db: Db, rows: StatsRow[], at: Date, tz: string): Promise<CaseStats> {
  const months = new Map(recentMonths(at, tz).map((m) => [m, 0]));
  const ages = new Map<string, number>();
  const communes = new Map<string | null, number>();
  let emergency = 0;
  const ackMs: number[] = [];
  for (const r of rows) {
    const month = localDate(r.receivedAt, tz).slice(0, 7);
    if (months.has(month)) months.set(month, months.get(month)! + 1);
    if (r.emergency) emergency++;
    ages.set(r.ageBand ?? 'unknown', (ages.get(r.ageBand ?? 'unknown') ?? 0) + 1);
    communes.set(r.communeCode, (communes.get(r.communeCode) ?? 0) + 1);
    if (r.acknowledgedAt) ackMs.push(r.acknowledgedAt.getTime() - r.receivedAt.getTime());
  }
  const names = await communeNames(db, [...communes.keys()].filter((c): c is string => c !== null));
  const steps = Object.fromEntries(
    STEP_NAMES.map((name) => {
      const counts = { done: 0, open: 0, skipped: 0 };
      for (const r of rows) counts[stepState(stepAt(r, name), r.closedAt).state]++;
      return [name, counts];
    }),
  ) as CaseStats['steps'];
  const tally = <K>(keys: K[]) => {
    const m = new Map<K, number>();
    for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
    return [...m].sort((a, b) => b[1] - a[1]);
  };
  return {
    steps,
    closeReasons: tally(rows.filter((r) => r.closedAt).map((r) => r.closeReason)).map(([reason, count]) => ({ reason, count })),
    referrals: tally(rows.flatMap((r) => r.referrals)).map(([agency, count]) => ({ agency, count })),
    byLevel: tally(rows.filter((r) => !r.closedAt).map((r) => r.level)).map(([level, count]) => ({ level, count })),
    total: rows.length,
    byMonth: [...months].map(([month, count]) => ({ month, count })),
    byType: { emergency, normal: rows.length - emergency },
    byAge: [...ages].map(([band, count]) => ({ band, count })).sort((a, b) => a.band.localeCompare(b.band)),
    byCommune: [...communes]
      .map(([code, count]) => ({ code, name: code ? (names.get(code) ?? null) : null, count }))
      .sort((a, b) => b.count - a.count || String(a.code).localeCompare(String(b.code))),
    medianAckMs: median(ackMs),
    ackedCount: ackMs.length,
  };
}

function stepAt(r: StatsRow, name: (typeof STEP_NAMES)[number]): Date | null {
  return name === 'assessment' ? r.assessedAt : name === 'plan' ? r.planAt : r.approvedAt;
}

/** A step in the CSV: its local time, "không thực hiện" when the case closed without it, empty while open. */
function stepCell(at: Date | null, closedAt: Date | null, tz: string): string | null {
  const s = stepState(at, closedAt);
  return s.state === 'done' ? localStamp(s.at, tz) : s.state === 'skipped' ? SKIPPED : null;
}

export const SKIPPED = 'không thực hiện';

/** 'YYYY-MM-DD HH:MM' on the wall clock of `tz` (Vietnam time): the day a spreadsheet groups by. */
export function localStamp(at: Date, tz: string): string {
  const lt = localTime(at, tz);
  return `${lt.date} ${String(Math.floor(lt.minutes / 60)).padStart(2, '0')}:${String(lt.minutes % 60).padStart(2, '0')}`;
}

/**
 * One CSV cell. A text starting with = + - @ (or a tab or carriage return) is what a spreadsheet runs
 * as a formula: it gets a leading apostrophe (OWASP "CSV injection"), so it shows as text.
 */
export function csvField(v: string | number | boolean | null): string {
  let s = v === null ? '' : String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Vietnamese column headings (a provincial office opens this in a spreadsheet). Times are Vietnam time. */
export const CSV_COLUMNS = [
  'mã vụ việc',
  'thời điểm nhận tin (giờ VN)',
  'tháng',
  'trạng thái',
  'khẩn cấp',
  'độ tuổi',
  'mã xã/phường',
  'tên xã/phường',
  'mã tỉnh',
  'chuyển tới',
  'thời điểm tiếp nhận (giờ VN)',
  'số giờ đến khi tiếp nhận',
  'cấp đang giữ',
  'mức nguy cơ',
  'đánh giá ban đầu',
  'kế hoạch hỗ trợ',
  'phê duyệt kế hoạch',
  'chuyển gửi',
  'thời điểm đóng (giờ VN)',
  'lý do đóng',
] as const;

/** One line per case; only plain columns and map names, never the sealed details. */
export async function statsCsv(db: Db, rows: StatsRow[], tz: string): Promise<string> {
  const names = await communeNames(db, rows.map((r) => r.communeCode).filter((c): c is string => c !== null));
  const lines = [CSV_COLUMNS.map(csvField).join(',')];
  for (const r of rows) {
    const hours = r.acknowledgedAt ? ((r.acknowledgedAt.getTime() - r.receivedAt.getTime()) / 3_600_000).toFixed(1) : null;
    lines.push(
      [
        r.ref,
        localStamp(r.receivedAt, tz),
        localDate(r.receivedAt, tz).slice(0, 7),
        r.status,
        r.emergency ? 'có' : 'không',
        r.ageBand,
        r.communeCode,
        r.communeCode ? (names.get(r.communeCode) ?? null) : null,
        r.provinceCode,
        r.routedTo,
        r.acknowledgedAt ? localStamp(r.acknowledgedAt, tz) : null,
        hours,
        r.level,
        r.risk,
        stepCell(r.assessedAt, r.closedAt, tz),
        stepCell(r.planAt, r.closedAt, tz),
        stepCell(r.approvedAt, r.closedAt, tz),
        r.referrals.join(' '),
        r.closedAt ? localStamp(r.closedAt, tz) : null,
        r.closedAt ? (r.closeReason ?? 'unknown') : null,
      ]
        .map(csvField)
        .join(','),
    );
  }
  // A BOM so spreadsheet programs read the Vietnamese names as UTF-8.
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
