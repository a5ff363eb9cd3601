// What the admin pages show about the Zalo channel: token expiry, the last refresh error, stuck events.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/db';
import { inbox } from '../../db/schema';
import { readZaloTokenState } from './tokens';

export async function zaloStatus(db: Db): Promise<{ tokenExpiresAt: Date | null; lastRefreshError: string | null; pendingEvents: number }> {
  const tokens = await readZaloTokenState(db);
  const [pending] = await db
    .select({ n: sql<number>`count(*)` })
    .from(inbox)
    .where(and(eq(inbox.channel, 'zalo'), eq(inbox.status, 'pending')));
  return {
    tokenExpiresAt: tokens?.expiresAt ?? null,
    lastRefreshError: tokens?.lastError ?? null,
    pendingEvents: Number(pending?.n ?? 0),
  };
}
