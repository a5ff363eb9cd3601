// Fixed one-minute windows counted in the database (Workers share no memory between requests).
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/db';
import { rateLimits } from '../db/schema';

const WINDOW_MS = 60_000;

/** Counts one hit for `key`; true when the key is over `perMinute` in the current window. */
export async function overLimit(db: Db, key: string, at: Date, perMinute: number): Promise<boolean> {
  const [row] = await db.select().from(rateLimits).where(eq(rateLimits.key, key)).limit(1);
  if (!row || at.getTime() - row.windowStart.getTime() >= WINDOW_MS || at.getTime() < row.windowStart.getTime()) {
    await db
      .insert(rateLimits)
      .values({ key, windowStart: at, count: 1, warned: false })
      .onConflictDoUpdate({ target: rateLimits.key, set: { windowStart: at, count: 1, warned: false } });
    return false;
  }
  await db.update(rateLimits).set({ count: row.count + 1 }).where(eq(rateLimits.key, key));
  return row.count + 1 > perMinute;
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
