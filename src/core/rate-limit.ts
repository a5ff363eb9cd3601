// Fixed one-minute windows counted in the database (Workers share no memory between requests).
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/db';
import { rateLimits } from '../db/schema';

const WINDOW_MS = 60_000;

/**
 * Counts one hit for `key`; true when the key is over `perMinute` in the current window.
 * One UPSERT … RETURNING: a new key or an elapsed (or future-dated) window starts again at 1.
 */
export async function overLimit(db: Db, key: string, at: Date, perMinute: number): Promise<boolean> {
  const now = at.getTime();
  const fresh = sql`(${now} - ${rateLimits.windowStart} >= ${WINDOW_MS} or ${now} < ${rateLimits.windowStart})`;
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart: at, count: 1, warned: false })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${fresh} then 1 else ${rateLimits.count} + 1 end`,
        warned: sql`case when ${fresh} then 0 else ${rateLimits.warned} end`,
        // Last: the conditions above read the window before this assignment (SQLite evaluates every
        // right-hand side against the old row, so the order is only for the reader).
        windowStart: sql`case when ${fresh} then ${now} else ${rateLimits.windowStart} end`,
      },
    })
    .returning({ count: rateLimits.count });
  return (row?.count ?? 1) > perMinute;
}

/** True the first time a key is marked in its window, so a polite notice is sent once. */
export async function firstWarning(db: Db, key: string): Promise<boolean> {
  const rows = await db
    .update(rateLimits)
    .set({ warned: true })
    .where(and(eq(rateLimits.key, key), eq(rateLimits.warned, false)))
    .returning({ key: rateLimits.key });
  return rows.length > 0;
}
