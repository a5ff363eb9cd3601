// Case views for the admin dashboard: a list without personal data, and one case opened (and audited).
import { and, desc, eq, inArray, like, ne, sql, type SQL } from 'drizzle-orm';
import type { GeoPoint } from '../core/types';
import type { Db } from '../db/db';
import { cases } from '../db/schema';
import type { CommuneRef } from '../routing/types';
import { auditAs } from './audit';
import { findCaseByRef } from './cases';
import { caseClocks, type CaseClock, type CaseRow } from './clocks';
import type { Sealer } from '../ground/crypto';
import { mapLink, openDetails, openPlace } from './details';
import { parseCaseRef } from './ref';

export interface AdminCaseFilter {
  status?: string | string[];
  /** Leave closed cases out (the work queue's default). */
  open?: boolean;
  /** A reference, or its start ("BV-7K", "7k3q"). */
  ref?: string;
  /** Who holds it: commune, province or national (the national queue). */
  level?: string;
  routedTo?: 'officer' | 'supervisor' | 'unrouted';
  communeCode?: string;
  provinceCode?: string;
  emergency?: boolean;
  /** Only cases of these worlds (an officer's login: see `worldsFor`); all when absent. */
  worlds?: string[];
  limit?: number;
  /** For the clocks; defaults to Vietnam. */
  tz?: string;
}

export interface AdminCaseSummary {
  id: number;
  ref: string;
  status: string;
  emergency: boolean;
  ageBand: string | null;
  routedTo: string;
  communeCode: string | null;
  provinceCode: string | null;
  /** Commune and province names (not personal data). */
  commune: CommuneRef | null;
  receivedAt: Date;
  escalatedAt: Date | null;
  clocks: CaseClock[];
  level: string;
  ackLevel: string | null;
  risk: string | null;
  closeReason: string | null;
  /** The earliest running clock's due time (null when none runs). */
  nextDueAt: Date | null;
}

export interface AdminCaseView extends AdminCaseSummary {
  description: string;
  anonymous: boolean;
  contact: string | null;
  address: string | null;
  point: GeoPoint | null;
  mapUrl: string | null;
  photoCount: number;
  acknowledgedAt: Date | null;
  assessedAt: Date | null;
  planAt: Date | null;
  approvedAt: Date | null;
  closedAt: Date | null;
}

const DEFAULT_TZ = 'Asia/Ho_Chi_Minh';

async function summary(sealer: Sealer, row: CaseRow, tz: string): Promise<AdminCaseSummary> {
  const place = await openPlace(sealer, row);
  const clocks = caseClocks(row, tz);
  return {
    id: row.id,
    ref: row.ref,
    status: row.status,
    emergency: row.emergency,
    ageBand: row.ageBand,
    routedTo: row.routedTo,
    communeCode: row.communeCode,
    provinceCode: row.provinceCode,
    commune: place.commune ?? null,
    receivedAt: row.receivedAt,
    escalatedAt: row.escalatedAt,
    clocks,
    level: row.level,
    ackLevel: row.ackLevel,
    risk: row.risk,
    closeReason: row.closeReason,
    nextDueAt: clocks.filter((c) => !c.done).reduce<Date | null>((m, c) => (m === null || c.dueAt < m ? c.dueAt : m), null),
  };
}

const RISK_ORDER: Record<string, number> = { high: 0, medium: 1, low: 2 };

/**
 * The work queue's order: open before closed; the national queue (nobody below has it) and
 * emergencies first; then by risk (high first, unassessed with medium), then by the next due time.
 */
export function byUrgency(a: AdminCaseSummary, b: AdminCaseSummary): number {
  const closed = (c: AdminCaseSummary) => (c.status === 'closed' ? 1 : 0);
  const head = (c: AdminCaseSummary) => (c.level === 'national' ? 0 : 2) + (c.emergency ? 0 : 1);
  const risk = (c: AdminCaseSummary) => RISK_ORDER[c.risk ?? 'medium'] ?? 1;
  const due = (c: AdminCaseSummary) => c.nextDueAt?.getTime() ?? Number.MAX_SAFE_INTEGER;
  return closed(a) - closed(b) || head(a) - head(b) || risk(a) - risk(b) || due(a) - due(b) || b.receivedAt.getTime() - a.receivedAt.getTime();
}

/** Open, national queue and emergencies first, then newest; no description, contact or coordinates in the list (nothing to audit). */
export async function listCasesForAdmin(db: Db, sealer: Sealer, filter: AdminCaseFilter = {}): Promise<AdminCaseSummary[]> {
  const where: SQL[] = [];
  if (filter.status) where.push(inArray(cases.status, Array.isArray(filter.status) ? filter.status : [filter.status]));
  if (filter.routedTo) where.push(eq(cases.routedTo, filter.routedTo));
  if (filter.communeCode) where.push(eq(cases.communeCode, filter.communeCode));
  if (filter.provinceCode) where.push(eq(cases.provinceCode, filter.provinceCode));
  if (filter.emergency !== undefined) where.push(eq(cases.emergency, filter.emergency));
  if (filter.worlds) where.push(inArray(cases.world, filter.worlds));
  if (filter.open) where.push(ne(cases.status, 'closed'));
  if (filter.level) where.push(eq(cases.level, filter.level));
  if (filter.ref) {
    const q = filter.ref.toUpperCase().replace(/[^A-Z0-9]/g, '').replace(/^BV/, '');
    if (q) where.push(like(cases.ref, `BV-${q}%`));
  }
  const rows = await db
    .select()
    .from(cases)
    .where(where.length ? and(...where) : undefined)
    // Past the limit, what is dropped is never the national queue or an open emergency (byUrgency sorts the rest).
    .orderBy(
      sql`case when ${cases.status} = 'closed' then 1 else 0 end`,
      sql`case when ${cases.level} = 'national' then 0 else 1 end`,
      desc(cases.emergency),
      desc(cases.receivedAt),
    )
    .limit(Math.min(Math.max(filter.limit ?? 100, 1), 500));
  const tz = filter.tz ?? DEFAULT_TZ;
  return Promise.all(rows.map((r) => summary(sealer, r, tz)));
}

/** One case with its details opened; writes `case.viewed` with the actor (e.g. "admin:<name>"). */
export async function getCaseForAdmin(db: Db, sealer: Sealer, ref: string, actor: string, at: Date = new Date(), tz = DEFAULT_TZ): Promise<AdminCaseView | null> {
  const parsed = parseCaseRef(ref);
  const row = parsed ? await findCaseByRef(db, parsed) : undefined;
  if (!row) return null;
  await auditAs(db, at, actor, 'case.viewed', row.id, { via: 'admin' });
  const d = await openDetails(sealer, row);
  return {
    ...(await summary(sealer, row, tz)),
    description: d.description,
    anonymous: row.anonymous,
    contact: row.anonymous ? null : d.contact,
    address: d.place.text ?? null,
    point: d.point,
    mapUrl: d.point ? mapLink(d.point) : null,
    photoCount: d.photos.length,
    acknowledgedAt: row.acknowledgedAt,
    assessedAt: row.assessedAt,
    planAt: row.planAt,
    approvedAt: row.approvedAt,
    closedAt: row.closedAt,
  };
}
