// Coverage: which communes have no active officer, per province; invites and directory rows in scope.
import { and, asc, desc, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../db/db';
import { invites, mapCommunes, mapProvinces, officers } from '../db/schema';
import { inviteExpiresAt, invitesWorkingSince } from '../directory/directory';
import type { AdminUser } from './auth';

export interface ProvinceCoverage {
  code: string;
  name: string;
  communes: number;
  uncovered: number;
  supervisors: number;
}

/** One row per province in scope (all 34 for national staff). Empty when the map is not loaded. */
export async function provinceCoverage(db: Db, user: AdminUser): Promise<ProvinceCoverage[]> {
  const onlyProvince = user.role === 'province' ? sql`where p.code = ${user.scopeCode}` : sql``;
  const rows = await db.all<{ code: string; name: string; communes: number; uncovered: number; supervisors: number }>(sql`
    select p.code, p.full_name as name,
      (select count(*) from ${mapCommunes} c where c.province_code = p.code) as communes,
      (select count(*) from ${mapCommunes} c where c.province_code = p.code and not exists
        (select 1 from ${officers} o where o.commune_code = c.code and o.active = 1)) as uncovered,
      (select count(*) from ${officers} o where o.commune_code = p.code and o.role = 'supervisor' and o.active = 1) as supervisors
    from ${mapProvinces} p ${onlyProvince} order by p.code`);
  return rows.map((r) => ({ ...r, communes: Number(r.communes), uncovered: Number(r.uncovered), supervisors: Number(r.supervisors) }));
}

export async function uncoveredCommunes(db: Db, provinceCode: string): Promise<Array<{ code: string; name: string }>> {
  return db.all<{ code: string; name: string }>(sql`
    select c.code, c.full_name as name from ${mapCommunes} c
    where c.province_code = ${provinceCode}
      and not exists (select 1 from ${officers} o where o.commune_code = c.code and o.active = 1)
    order by c.code`);
}

export async function provinceName(db: Db, code: string): Promise<string | null> {
  const [p] = await db.select({ name: mapProvinces.fullName }).from(mapProvinces).where(eq(mapProvinces.code, code)).limit(1);
  return p?.name ?? null;
}

/** Names of communes by code (for lists and statistics); unknown codes are simply absent. */
export async function communeNames(db: Db, codes: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(codes)].filter(Boolean);
  if (!unique.length) return new Map();
  const rows = await db.select({ code: mapCommunes.code, name: mapCommunes.fullName }).from(mapCommunes).where(inArray(mapCommunes.code, unique));
  return new Map(rows.map((r) => [r.code, r.name]));
}

/**
 * Whether this user may create an invite for `code` with `role`: national staff for any known unit;
 * province staff for their province (supervisor) or its communes. With no map loaded, national staff
 * may still use a well-formed code (the directory import has the same fallback).
 */
export async function mayInvite(db: Db, user: AdminUser, code: string, role: 'officer' | 'supervisor'): Promise<boolean> {
  const isProvince = /^\d{2}$/.test(code);
  if (!isProvince && !/^\d{5}$/.test(code)) return false;
  if (isProvince !== (role === 'supervisor')) return false;
  const mapLoaded = (await db.select({ code: mapProvinces.code }).from(mapProvinces).limit(1)).length > 0;
  if (isProvince) {
    if (user.role === 'province') return code === user.scopeCode;
    return user.role === 'national' && (!mapLoaded || (await provinceName(db, code)) !== null);
  }
  const [c] = await db.select({ province: mapCommunes.provinceCode }).from(mapCommunes).where(eq(mapCommunes.code, code)).limit(1);
  if (user.role === 'national') return !mapLoaded || c !== undefined;
  return user.role === 'province' && c?.province === user.scopeCode;
}

export interface InviteRow {
  code: string;
  communeCode: string;
  role: string;
  createdAt: Date;
  expiresAt: Date;
}

/** Unused invites in scope that still work at `at` (INVITE_TTL_DAYS), newest first, with when each stops. */
export async function openInvites(db: Db, user: AdminUser, at: Date, ttlDays: number, limit = 50): Promise<InviteRow[]> {
  const madeAfter = invitesWorkingSince(at, ttlDays);
  const inScope =
    user.role === 'province'
      ? or(
          eq(invites.communeCode, user.scopeCode!),
          inArray(invites.communeCode, db.select({ code: mapCommunes.code }).from(mapCommunes).where(eq(mapCommunes.provinceCode, user.scopeCode!))),
        )
      : undefined;
  const rows = await db
    .select({ code: invites.code, communeCode: invites.communeCode, role: invites.role, createdAt: invites.createdAt })
    .from(invites)
    .where(and(isNull(invites.usedAt), isNull(invites.revokedAt), gt(invites.createdAt, madeAfter), inScope))
    .orderBy(desc(invites.createdAt))
    .limit(limit);
  return rows.map((r) => ({ ...r, expiresAt: inviteExpiresAt(r.createdAt, ttlDays) }));
}

/** Active directory rows of one province (officers of its communes and its supervisors). */
export async function provinceOfficers(db: Db, provinceCode: string, limit = 300) {
  return db
    .select({ id: officers.id, name: officers.name, role: officers.role, communeCode: officers.communeCode, channel: officers.channel })
    .from(officers)
    .where(and(eq(officers.provinceCode, provinceCode), eq(officers.active, true)))
    .orderBy(asc(officers.communeCode), asc(officers.id))
    .limit(limit);
}


export interface PlaceHit {
  code: string;
  name: string;
  provinceCode: string;
  provinceName: string;
  /** Active officers registered for the commune itself. */
  officers: number;
}

/**
 * Communes matching a typed place, old or new name (the report's address resolver, with its
 * candidates), plus a plain match on the current name; within the user's area; with their officer count.
 */
export async function searchPlaces(db: Db, user: AdminUser, text: string, resolve?: (t: string) => Promise<{ commune: { code: string } | null; candidates: Array<{ code: string }> }>): Promise<PlaceHit[]> {
  const q = text.trim().slice(0, 100);
  if (q.length < 2) return [];
  const codes = new Set<string>();
  if (resolve) {
    try {
      const r = await resolve(q);
      if (r.commune) codes.add(r.commune.code);
      for (const c of r.candidates) codes.add(c.code);
    } catch {
      // The plain name match below still answers.
    }
  }
  if (/^\d{5}$/.test(q)) codes.add(q);
  const like = `%${q.replace(/[%_]/g, '')}%`;
  const named = await db.all<{ code: string }>(sql`select code from ${mapCommunes} where full_name like ${like} limit 20`);
  for (const r of named) codes.add(r.code);
  if (!codes.size) return [];
  const list = [...codes].slice(0, 30);
  const rows = await db.all<{ code: string; name: string; province_code: string; province_name: string; officers: number }>(sql`
    select c.code, c.full_name as name, c.province_code, p.full_name as province_name,
      (select count(*) from ${officers} o where o.commune_code = c.code and o.active = 1) as officers
    from ${mapCommunes} c join ${mapProvinces} p on p.code = c.province_code
    where c.code in (${sql.join(list.map((c) => sql`${c}`), sql`, `)})`);
  const order = new Map(list.map((c, i) => [c, i]));
  return rows
    .filter((r) => user.role !== 'province' || r.province_code === user.scopeCode)
    .map((r) => ({ code: r.code, name: r.name, provinceCode: r.province_code, provinceName: r.province_name, officers: Number(r.officers) }))
    .sort((a, b) => (order.get(a.code) ?? 99) - (order.get(b.code) ?? 99));
}

export type CoverageSort = 'name' | 'coverage' | 'uncovered';

/** The share of a province's communes with an active officer, in whole percent. */
export const coveragePercent = (r: ProvinceCoverage): number => (r.communes ? Math.round(((r.communes - r.uncovered) / r.communes) * 100) : 0);

export function sortCoverage(rows: ProvinceCoverage[], by: CoverageSort): ProvinceCoverage[] {
  const sorted = [...rows];
  if (by === 'coverage') sorted.sort((a, b) => coveragePercent(a) - coveragePercent(b) || a.code.localeCompare(b.code));
  else if (by === 'uncovered') sorted.sort((a, b) => b.uncovered - a.uncovered || a.code.localeCompare(b.code));
  return sorted;
}
