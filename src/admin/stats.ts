// Statistics over cases in scope, from plain columns only (nothing sealed is opened): counts by month,
// type and commune, the median time to acknowledge, and a per-case CSV without personal data.
import { asc } from 'drizzle-orm';
import type { Db } from '../db/db';
import { cases } from '../db/schema';
import { localDate } from '../reminders/dates';
import type { AdminUser } from './auth';
import { communeNames } from './coverage';
import { scopeWhere } from './scope';

export interface StatsRow {
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
}

export interface CaseStats {
  total: number;
  byMonth: Array<{ month: string; count: number }>;
  byType: { emergency: number; normal: number };
  byAge: Array<{ band: string; count: number }>;
  byCommune: Array<{ code: string | null; name: string | null; count: number }>;
  /** Milliseconds; null when no case has been acknowledged. */
  medianAckMs: number | null;
  ackedCount: number;
}

export async function statsRows(db: Db, user: AdminUser): Promise<StatsRow[]> {
  return db
    .select({
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
    })
    .from(cases)
    .where(scopeWhere(user))
    .orderBy(asc(cases.receivedAt));
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
  return {
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

function csvField(v: string | number | boolean | null): string {
  const s = v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const CSV_COLUMNS = [
  'ref',
  'received_at',
  'month',
  'status',
  'emergency',
  'age_band',
  'commune_code',
  'commune_name',
  'province_code',
  'routed_to',
  'acknowledged_at',
  'hours_to_acknowledge',
  'closed_at',
] as const;

/** One line per case; only plain columns and map names, never the sealed details. */
export async function statsCsv(db: Db, rows: StatsRow[], tz: string): Promise<string> {
  const names = await communeNames(db, rows.map((r) => r.communeCode).filter((c): c is string => c !== null));
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of rows) {
    const hours = r.acknowledgedAt ? ((r.acknowledgedAt.getTime() - r.receivedAt.getTime()) / 3_600_000).toFixed(1) : null;
    lines.push(
      [
        r.ref,
        r.receivedAt.toISOString(),
        localDate(r.receivedAt, tz).slice(0, 7),
        r.status,
        r.emergency ? 'yes' : 'no',
        r.ageBand,
        r.communeCode,
        r.communeCode ? (names.get(r.communeCode) ?? null) : null,
        r.provinceCode,
        r.routedTo,
        r.acknowledgedAt?.toISOString() ?? null,
        hours,
        r.closedAt?.toISOString() ?? null,
      ]
        .map(csvField)
        .join(','),
    );
  }
  // A BOM so spreadsheet programs read the Vietnamese names as UTF-8.
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
