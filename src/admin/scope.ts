// What a dashboard user may see: everything (national), one province, or one commune. Jurisdiction over
// a single case uses the same rule as the chat (reports/officers `covers`).
import { eq, type SQL } from 'drizzle-orm';
import { cases } from '../db/schema';
import { covers, type Jurisdiction } from '../reports/officers';
import type { AdminUser } from './auth';

export function canSee(user: AdminUser, c: Jurisdiction): boolean {
  if (user.role === 'national') return true;
  return user.officer !== null && covers(user.officer, c);
}

/** The filter that keeps a list within the user's area. */
export function scopeFilter(user: AdminUser): { provinceCode?: string; communeCode?: string } {
  if (user.role === 'province') return { provinceCode: user.scopeCode! };
  if (user.role === 'commune') return { communeCode: user.scopeCode! };
  return {};
}

/** The same, as a SQL condition on `cases` (undefined = no limit). */
export function scopeWhere(user: AdminUser): SQL | undefined {
  if (user.role === 'province') return eq(cases.provinceCode, user.scopeCode!);
  if (user.role === 'commune') return eq(cases.communeCode, user.scopeCode!);
  return undefined;
}

/** Coverage, invites and login codes are for national and province staff. */
export function managesDirectory(user: AdminUser): boolean {
  return user.role === 'national' || user.role === 'province';
}
