// Which language a recipient reads, and how to address the reporter of a case.
import { and, eq } from 'drizzle-orm';
import type { Address, Channel, Lang } from '../core/types';
import type { Db } from '../db/db';
import { users } from '../db/schema';
import { fill } from '../core/messages';
import type { QueuedMessage } from '../outbox/outbox';
import type { CaseRow } from './clocks';
import { reportsMessages } from './messages';
import { reporterStatus } from './render';

export async function langOf(db: Db, to: Address): Promise<Lang> {
  const [u] = await db
    .select({ lang: users.lang })
    .from(users)
    .where(and(eq(users.channel, to.channel), eq(users.channelUserId, to.userId)))
    .limit(1);
  return u?.lang === 'en' ? 'en' : 'vi';
}

export async function reporterAddress(db: Db, reporterUserId: number): Promise<{ to: Address; lang: Lang } | null> {
  const [u] = await db.select().from(users).where(eq(users.id, reporterUserId)).limit(1);
  if (!u) return null;
  return { to: { channel: u.channel as Channel, userId: u.channelUserId }, lang: u.lang === 'en' ? 'en' : 'vi' };
}

/** The reporter's coarse progress note for a case's current status (never the officer's identity). */
export async function reporterProgress(db: Db, row: CaseRow): Promise<QueuedMessage | null> {
  const reporter = await reporterAddress(db, row.reporterUserId);
  if (!reporter) return null;
  const t = reportsMessages[reporter.lang];
  return {
    to: reporter.to,
    text: fill(t.progress, { ref: row.ref, status: reporterStatus(t, row) }),
    buttons: [],
    state: null,
    kind: 'status',
    caseId: row.id,
    dedupeKey: `case:${row.id}:status:${row.status}`,
  };
}
