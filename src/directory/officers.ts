// Who may act on a case: commune officers of its commune, supervisors of its province.
import { and, eq, inArray, notInArray, or, type SQL } from 'drizzle-orm';
import type { Address, Channel } from '../core/types';
import type { Db } from '../db/db';
import { officers } from '../db/schema';

export type OfficerRow = typeof officers.$inferSelect;

/** The parts of a case that decide jurisdiction. */
export interface Jurisdiction {
  communeCode: string | null;
  provinceCode: string | null;
  /** Who filed it (the reporter's tag, cases/reporter-link.ts) and its source, for the web chat's per-visitor demo officers (see `pairedWith`). */
  reporterTag?: string | null;
  sourceKey?: string | null;
  /** 'real' | 'demo' | 'local' (see `cases.world`). */
  world: string;
}

export type CaseWorld = 'real' | 'demo' | 'local';

/**
 * Demo officers live on channels nobody outside can reach: `cli` (the seeded demo directory, the
 * server's own console) and `web` (the demo web chat's shared "act as officer" identity).
 */
export const DEMO_OFFICER_CHANNELS = ['cli', 'web'] as const;

export function isDemoOfficer(o: Pick<OfficerRow, 'channel'>): boolean {
  return (DEMO_OFFICER_CHANNELS as readonly string[]).includes(o.channel);
}

/** A demo officer sees only demo (and local) cases; a real officer never sees a demo case. */
export function sameWorld(o: Pick<OfficerRow, 'channel'>, world: string): boolean {
  if (world === 'local') return true;
  return isDemoOfficer(o) === (world === 'demo');
}

/** The officers' condition for a case of this world (undefined: any). */
function officersOfWorld(world: string): SQL | undefined {
  if (world === 'local') return undefined;
  return world === 'demo' ? inArray(officers.channel, [...DEMO_OFFICER_CHANNELS]) : notInArray(officers.channel, [...DEMO_OFFICER_CHANNELS]);
}

/** The cases' worlds an identity may see: demo officers demo and local ones, real officers real and local ones. */
export function worldsFor(o: Pick<OfficerRow, 'channel'>): CaseWorld[] {
  return isDemoOfficer(o) ? ['demo', 'local'] : ['real', 'local'];
}

/**
 * The web chat gives each visitor their own demo officer, `web:demo-officer-<reporter tag>`, paired
 * with the visitor's own reporter identity: it gets and sees only that visitor's reports and the
 * seeded demo case, so no visitor sees what another typed. It is named by the visitor's reporter tag
 * (cases/reporter-link.ts), the tag their cases carry, never by their user id. Returns the tag, or null.
 */
export function pairedWith(o: Pick<OfficerRow, 'channel' | 'channelUserId'>): string | null {
  if (o.channel !== 'web') return null;
  const m = /^demo-officer-([A-Za-z0-9_-]{43})$/.exec(o.channelUserId);
  return m ? m[1]! : null;
}

/** A paired demo officer's share of cases: its visitor's reports and the seeded demo ones. */
function pairAllows(o: OfficerRow, c: Jurisdiction): boolean {
  const pair = pairedWith(o);
  return pair === null || c.reporterTag === pair || (c.sourceKey ?? '').startsWith('demo:');
}

export function officerAddress(o: OfficerRow): Address {
  return { channel: o.channel as Channel, userId: o.channelUserId };
}

/** Every active officer row of one chat identity (one person may serve several communes). */
export async function officerRowsOf(db: Db, address: Address): Promise<OfficerRow[]> {
  return officerRowsQuery(db, address);
}

/** The read of `officerRowsOf`, as a query (to batch it, or send it ahead). */
export function officerRowsQuery(db: Db, address: Address) {
  return db
    .select()
    .from(officers)
    .where(and(eq(officers.channel, address.channel), eq(officers.channelUserId, address.userId), eq(officers.active, true)));
}

/** A commune officer covers their own commune; a supervisor whose code is a province covers that province. */
export function covers(o: OfficerRow, c: Jurisdiction): boolean {
  if (!o.active || !sameWorld(o, c.world) || !pairAllows(o, c)) return false;
  if (c.communeCode && o.communeCode === c.communeCode) return true;
  return o.role === 'supervisor' && !!c.provinceCode && o.communeCode === c.provinceCode;
}

/** The first row of this identity that covers the case, or undefined (the caller reveals nothing). */
export function coveringRow(rows: OfficerRow[], c: Jurisdiction): OfficerRow | undefined {
  return rows.find((o) => covers(o, c));
}

/** Active officers registered for the commune itself, of the case's world. */
export async function communeOfficers(db: Db, communeCode: string, world: string): Promise<OfficerRow[]> {
  return db
    .select()
    .from(officers)
    .where(and(eq(officers.communeCode, communeCode), eq(officers.active, true), officersOfWorld(world)))
    .orderBy(officers.id);
}

/** Active supervisors registered for the whole province, of the case's world. */
export async function provinceSupervisors(db: Db, provinceCode: string, world: string): Promise<OfficerRow[]> {
  return db
    .select()
    .from(officers)
    .where(and(eq(officers.communeCode, provinceCode), eq(officers.role, 'supervisor'), eq(officers.active, true), officersOfWorld(world)))
    .orderBy(officers.id);
}

/**
 * Where a new case in this commune goes: its active commune officers, else the province's active
 * supervisors, else nobody. One query for both (the same rows `communeOfficers` and
 * `provinceSupervisors` would return, in id order).
 */
export async function routeFor(
  db: Db,
  communeCode: string,
  provinceCode: string,
  /** A real case never goes to a demo officer: a commune with only demo officers has no officer. */
  world: string,
): Promise<{ routedTo: 'officer' | 'supervisor' | 'unrouted'; recipients: OfficerRow[] }> {
  const rows = await db
    .select()
    .from(officers)
    .where(routeCondition(communeCode, provinceCode, world))
    .orderBy(officers.id);
  return pickRoute(rows, communeCode, provinceCode);
}

/** routeFor's rule over the active officers of the commune and the province's supervisors, in id order. */
export function pickRoute<T extends OfficerRow>(rows: T[], communeCode: string, provinceCode: string): { routedTo: 'officer' | 'supervisor' | 'unrouted'; recipients: T[] } {
  const local = rows.filter((o) => o.communeCode === communeCode);
  if (local.length) return { routedTo: 'officer', recipients: local };
  const supervisors = rows.filter((o) => o.communeCode === provinceCode && o.role === 'supervisor');
  if (supervisors.length) return { routedTo: 'supervisor', recipients: supervisors };
  return { routedTo: 'unrouted', recipients: [] };
}

/** The condition routeFor reads officers by (active, of the commune, or supervisors of the province). */
export function routeCondition(communeCode: string, provinceCode: string, world: string) {
  return and(
    eq(officers.active, true),
    officersOfWorld(world),
    or(eq(officers.communeCode, communeCode), and(eq(officers.communeCode, provinceCode), eq(officers.role, 'supervisor'))),
  );
}

/** Who a case is (or was) routed to: the commune officers, else the province supervisors. */
export async function routedRecipients(db: Db, c: Jurisdiction & { routedTo: string }): Promise<OfficerRow[]> {
  if (c.routedTo === 'officer' && c.communeCode) return (await communeOfficers(db, c.communeCode, c.world)).filter((o) => pairAllows(o, c));
  if (c.routedTo === 'supervisor' && c.provinceCode) return (await provinceSupervisors(db, c.provinceCode, c.world)).filter((o) => pairAllows(o, c));
  return [];
}

/** The recipients of a new case, less the demo officers paired with other visitors. */
export function forReporter(recipients: OfficerRow[], reporterTag: string | null): OfficerRow[] {
  return recipients.filter((o) => pairAllows(o, { communeCode: null, provinceCode: null, reporterTag, world: 'local' }));
}

/** The commune and province codes an identity's rows cover, for listing open cases. */
export function coverage(rows: OfficerRow[]): { communes: string[]; provinces: string[] } {
  const communes = rows.map((o) => o.communeCode);
  const provinces = rows.filter((o) => o.role === 'supervisor').map((o) => o.communeCode);
  return { communes, provinces };
}

export async function officersByIds(db: Db, ids: number[]): Promise<OfficerRow[]> {
  if (!ids.length) return [];
  return db.select().from(officers).where(inArray(officers.id, ids));
}
