// Fixed one-minute windows counted in the database (Workers share no memory between requests).
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/db';
import { prepared } from '../db/prepared';
import { rateLimits } from '../db/schema';

export const RATE_WINDOW_MS = 60_000;
const WINDOW_MS = RATE_WINDOW_MS;

/**
 * Counts one hit for `key`; true when the key is over `perWindow` in the current window (a minute unless said).
 * One UPSERT … RETURNING: a new key or an elapsed (or future-dated) window starts again at 1.
 */
export async function overLimit(db: Db, key: string, at: Date, perWindow: number, windowMs = WINDOW_MS): Promise<boolean> {
  const now = at.getTime();
  const row = await COUNT_HIT.row(db, [key, now, windowMs]);
  return Number(row?.[0] ?? 1) > perWindow;
}

// Written as SQL (db/prepared.ts): it runs on every update, and the query builder costs more than the
// statement. ?1 the key, ?2 now, ?3 the window. Every right-hand side reads the old row, so `fresh`
// is the same test in all three.
const COUNT_HIT = prepared<[count: number]>(`
  insert into rate_limits (key, window_start, count, warned) values (?1, ?2, 1, 0)
  on conflict (key) do update set
    count = case when ?2 - window_start >= ?3 or ?2 < window_start then 1 else count + 1 end,
    warned = case when ?2 - window_start >= ?3 or ?2 < window_start then 0 else warned end,
    window_start = case when ?2 - window_start >= ?3 or ?2 < window_start then ?2 else window_start end
  returning count`);

/** True the first time a key is marked in its window, so a polite notice is sent once. */
export async function firstWarning(db: Db, key: string): Promise<boolean> {
  const rows = await db
    .update(rateLimits)
    .set({ warned: true })
    .where(and(eq(rateLimits.key, key), eq(rateLimits.warned, false)))
    .returning({ key: rateLimits.key });
  return rows.length > 0;
}

/** The hits counted for `key` in the window that holds `at` (0 for none or an elapsed window); counts none. */
export async function hitsNow(db: Db, key: string, at: Date, windowMs = WINDOW_MS): Promise<number> {
  const [row] = await db.select({ windowStart: rateLimits.windowStart, count: rateLimits.count }).from(rateLimits).where(eq(rateLimits.key, key)).limit(1);
  if (!row) return 0;
  const since = at.getTime() - row.windowStart.getTime();
  return since >= windowMs || since < 0 ? 0 : row.count;
}
