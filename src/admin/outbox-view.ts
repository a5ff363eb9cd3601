// The outbox as operators see it: every message that waits or failed, to whom (an officer by name, or
// "a citizen" — never a citizen's id), and why it has not gone, with the case it belongs to.
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/db';
import { cases, officers, outbox } from '../db/schema';

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
  /** The officer's name when the recipient is in the directory; null for a citizen. */
  officerName: string | null;
}

/** Why a message has not gone, in staff words. */
export type WaitReason = { kind: 'error'; error: string } | { kind: 'channelOff' } | { kind: 'scheduled'; at: Date } | { kind: 'queued' };

/** Messages not sent yet (waiting, being sent, held) and failed ones, newest first. */
export async function problemMessages(db: Db, limit = 100): Promise<ProblemMessage[]> {
  const rows = await db
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
      officerName: sql<string | null>`(select min(${officers.name}) from ${officers} where ${officers.channel} = ${outbox.channel} and ${officers.channelUserId} = ${outbox.recipient})`,
    })
    .from(outbox)
    .leftJoin(cases, eq(cases.id, outbox.caseId))
    .where(and(inArray(outbox.status, ['pending', 'sending', 'held', 'dead'])))
    .orderBy(desc(outbox.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, officerName: r.officerName ?? null }));
}

/** Why this message waits: its last error, a channel this server cannot send on, or its turn. */
export function waitReason(m: ProblemMessage, channelsOn: ReadonlySet<string>, now: Date): WaitReason {
  if (m.lastError) return { kind: 'error', error: m.lastError };
  if (!channelsOn.has(m.channel)) return { kind: 'channelOff' };
  if (m.nextAttemptAt.getTime() > now.getTime()) return { kind: 'scheduled', at: m.nextAttemptAt };
  return { kind: 'queued' };
}
