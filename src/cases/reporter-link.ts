// Who filed a case, kept so that the database alone (without DATA_KEY) cannot tell: the case holds the
// reporter's user id sealed (`reporter_enc`, opened to send them a progress note) and a keyed tag of it
// (`reporter_tag`, indexed, to find "this chat's cases" and to check "is this chat the reporter").
// Rows about the reporter's own actions name the actor `reporter`, never `user:<id>`, next to a case.
import { and, inArray, isNotNull } from 'drizzle-orm';
import { cases } from '../db/schema';
import type { Sealer } from '../ground/crypto';
import type { CaseRow } from './clocks';

/** The audit and case-event actor of something the reporter did on their own case. */
export const REPORTER_ACTOR = 'reporter';

const tagInput = (userId: number): string => `reporter:${userId}`;

export interface SealedReporter {
  reporterEnc: string;
  reporterTag: string;
}

export async function sealReporter(sealer: Sealer, userId: number): Promise<SealedReporter> {
  const [reporterEnc, reporterTag] = await Promise.all([sealer.seal(String(userId)), sealer.tag(tagInput(userId))]);
  return { reporterEnc, reporterTag };
}

/** The tags a case filed by this user may carry: under DATA_KEY, and under an older key not yet rotated. */
export function reporterTags(sealer: Sealer, userId: number): Promise<string[]> {
  return sealer.tags(tagInput(userId));
}

/** The tag under DATA_KEY only (what a new case gets; a web visitor's demo officer is named by it). */
export function reporterTag(sealer: Sealer, userId: number): Promise<string> {
  return sealer.tag(tagInput(userId));
}

export function filedBy(row: Pick<CaseRow, 'reporterTag'>, tags: readonly string[]): boolean {
  return row.reporterTag !== null && tags.includes(row.reporterTag);
}

/** The condition "filed by one of these tags", for queries of a reporter's cases (index `cases_reporter`). */
export function filedByAny(tags: string[]) {
  return and(isNotNull(cases.reporterTag), inArray(cases.reporterTag, tags));
}

/** The reporter's user id, opened from the case (null for a case without one, or one no key opens). */
export async function reporterIdOf(sealer: Sealer, row: Pick<CaseRow, 'reporterEnc'>): Promise<number | null> {
  if (!row.reporterEnc) return null;
  try {
    const id = Number(await sealer.open(row.reporterEnc));
    return Number.isInteger(id) && id > 0 ? id : null;
  } catch {
    return null;
  }
}

/** A case's source key (the inbound update that filed it) as stored: a tag, so it matches no other row's key. */
export async function storedSourceKey(sealer: Sealer, key: string): Promise<string> {
  return `src:${await sealer.tag(`source:${key}`)}`;
}

/**
 * The outbox dedupe key of a message to the reporter about a case: the key that says which case
 * (`case:<id>:status:…`) is stored as a tag, so the row with the reporter's chat id in `recipient`
 * names no case.
 */
export async function reporterMessageKey(sealer: Sealer, key: string): Promise<string> {
  return `rp:${await sealer.tag(`outbox:${key}`)}`;
}
