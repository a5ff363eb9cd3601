// When a Zalo message to an officer is dead (no interaction window, repeated failures), a case or
// escalation notice goes to the same officer's Telegram identity instead. Used as the outbox onUndeliverable hook.
import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../../db/db';
import { officers, outbox } from '../../db/schema';
import { serialised } from '../../db/tx';

const URGENT_KINDS = new Set(['case', 'escalation']);

/**
 * Queues the dead message's body (still sealed: the same key reads it) to the officer's Telegram
 * identity: another officers row with the same phone, or the same name in the same commune.
 * Returns the new outbox id, or null when there is nothing to fall back to.
 */
export async function zaloFallback(db: Db, row: typeof outbox.$inferSelect, reason: string, at: Date): Promise<number | null> {
  void reason; // the dead row keeps its own reason; the fallback row says where it came from (fallbackOf)
  if (row.channel !== 'zalo' || !URGENT_KINDS.has(row.kind)) return null;
  const zaloIdentities = await db
    .select()
    .from(officers)
    .where(and(eq(officers.channel, 'zalo'), eq(officers.channelUserId, row.recipient)));
  for (const officer of zaloIdentities) {
    const candidates = await db
      .select()
      .from(officers)
      .where(and(eq(officers.channel, 'telegram'), eq(officers.active, true), ne(officers.id, officer.id)));
    const telegram =
      (officer.phone ? candidates.find((o) => o.phone && samePhone(o.phone, officer.phone!)) : undefined) ??
      candidates.find((o) => o.name.trim().toLowerCase() === officer.name.trim().toLowerCase() && o.communeCode === officer.communeCode);
    if (!telegram) continue;
    const inserted = await serialised(() =>
      db
        .insert(outbox)
        .values({
          dedupeKey: `fallback:${row.id}`,
          channel: 'telegram',
          recipient: telegram.channelUserId,
          bodyEnc: row.bodyEnc,
          kind: row.kind,
          caseId: row.caseId,
          status: 'pending',
          nextAttemptAt: at,
          fallbackOf: row.id,
          createdAt: at,
        })
        .onConflictDoNothing({ target: outbox.dedupeKey })
        .returning({ id: outbox.id }),
    );
    return inserted[0]?.id ?? null;
  }
  return null;
}

/** 0912 345 678, +84912345678 and 84912345678 are the same phone. */
function samePhone(a: string, b: string): boolean {
  const norm = (p: string) => p.replace(/\D/g, '').replace(/^84/, '0');
  return norm(a) !== '' && norm(a) === norm(b);
}
