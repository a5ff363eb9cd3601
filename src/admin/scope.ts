// What a dashboard user may see: everything (national), one province, or one commune. Jurisdiction over
// a single case uses the same rule as the chat (reports/officers `covers`).
import { and, eq, inArray, type SQL } from 'drizzle-orm';
import { cases } from '../db/schema';
import { covers, worldsFor, type Jurisdiction } from '../directory/officers';
import type { AdminUser } from './auth';

export function canSee(user: AdminUser, c: Jurisdiction): boolean {
  if (user.role === 'national') return true;
  return user.officer !== null && covers(user.officer, c);
}

/** The filter that keeps a list within the user's area. */
export function scopeFilter(user: AdminUser): { provinceCode?: string; communeCode?: string; worlds?: string[] } {
  const worlds = user.officer ? { worlds: worldsFor(user.officer) } : {};
  if (user.role === 'province') return { provinceCode: user.scopeCode!, ...worlds };
  if (user.role === 'commune') return { communeCode: user.scopeCode!, ...worlds };
  return worlds;
}

/** The same, as a SQL condition on `cases` (undefined = no limit). */
export function scopeWhere(user: AdminUser): SQL | undefined {
  // An officer's login sees only the cases of their world: a demo officer never a real case.
  const world = user.officer ? inArray(cases.world, worldsFor(user.officer)) : undefined;
  if (user.role === 'province') return and(eq(cases.provinceCode, user.scopeCode!), world);
  if (user.role === 'commune') return and(eq(cases.communeCode, user.scopeCode!), world);
  return world;
}

/** Coverage, invites and login codes are for national and province staff. */
export function managesDirectory(user: AdminUser): boolean {
  return user.role === 'national' || user.role === 'province';
}
