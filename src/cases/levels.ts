// The chain behind every case: commune officer → province supervisor → national queue. A case starts
// at the lowest level that has somebody, and goes one step up when nobody acts in time.
import type { CaseRow } from './clocks';
import type { Db } from '../db/db';
import type { OfficerRow } from '../directory/officers';
import { communeOfficers, forReporter, provinceSupervisors } from '../directory/officers';
import type { CaseWorkCatalogue } from './messages';

export type Level = 'commune' | 'province' | 'national';
export const LEVELS: readonly Level[] = ['commune', 'province', 'national'];

export type RoutedTo = 'officer' | 'supervisor' | 'unrouted';

export function levelOfRoute(routedTo: string): Level {
  return routedTo === 'officer' ? 'commune' : routedTo === 'supervisor' ? 'province' : 'national';
}

export function asLevel(v: string | null | undefined): Level {
  return v === 'province' || v === 'national' ? v : 'commune';
}

export function levelName(t: CaseWorkCatalogue, level: string | null | undefined): string {
  return t[`level_${asLevel(level)}`];
}

/** The level an officer row acts at: a supervisor registered for a province acts for the province. */
export function officerLevel(o: Pick<OfficerRow, 'role' | 'communeCode'>): Level {
  return o.role === 'supervisor' && /^\d{2}$/.test(o.communeCode) ? 'province' : 'commune';
}

/** Who holds the case now, to be told of news (the reporter's additions, reminders): nobody in chat for the national queue. */
export async function currentHolders(db: Db, row: Pick<CaseRow, 'level' | 'communeCode' | 'provinceCode' | 'world' | 'reporterTag'>): Promise<OfficerRow[]> {
  const level = asLevel(row.level);
  // A web visitor's demo officer holds only that visitor's reports.
  if (level === 'commune' && row.communeCode) return forReporter(await communeOfficers(db, row.communeCode, row.world), row.reporterTag);
  if (level === 'province' && row.provinceCode) return forReporter(await provinceSupervisors(db, row.provinceCode, row.world), row.reporterTag);
  return [];
}

/** One step up from `level`: the province when it has supervisors, else the national queue. */
export async function stepUp(db: Db, row: Pick<CaseRow, 'level' | 'provinceCode' | 'world'>): Promise<{ level: Level; recipients: OfficerRow[] }> {
  if (asLevel(row.level) === 'commune' && row.provinceCode) {
    // A real case never steps up to a demo supervisor (reports/officers.ts `sameWorld`).
    const supervisors = await provinceSupervisors(db, row.provinceCode, row.world);
    if (supervisors.length) return { level: 'province', recipients: supervisors };
  }
  return { level: 'national', recipients: [] };
}
