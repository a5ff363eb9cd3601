// The outbox as operators see it: failed (dead) and retrying messages, with the case they belong to.
import { and, desc, eq, gt, inArray, isNotNull, or } from 'drizzle-orm';
import type { Db } from '../db/db';
import { cases, outbox } from '../db/schema';

export interface ProblemMessage {
  id: number;
  channel: string;
  kind: string;
  status: string;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  nextAttemptAt: Date;
  caseRef: string | null;
}

/** Dead messages and those that failed at least once and are waiting to retry, newest first. */
export async function problemMessages(db: Db, limit = 100): Promise<ProblemMessage[]> {
  return db
    .select({
      id: outbox.id,
      channel: outbox.channel,
      kind: outbox.kind,
      status: outbox.status,
      attempts: outbox.attempts,
      lastError: outbox.lastError,
      createdAt: outbox.createdAt,
      nextAttemptAt: outbox.nextAttemptAt,
      caseRef: cases.ref,
    })
    .from(outbox)
    .leftJoin(cases, eq(cases.id, outbox.caseId))
    .where(or(eq(outbox.status, 'dead'), and(inArray(outbox.status, ['pending', 'sending']), gt(outbox.attempts, 0), isNotNull(outbox.lastError))))
    .orderBy(desc(outbox.id))
    .limit(limit);
}
