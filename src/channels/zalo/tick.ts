// The Zalo step of the scheduled tick: process stored events that never were (a crash, a Worker
// cut short), and refresh the token pair before it expires.
import { and, asc, eq, lte } from 'drizzle-orm';
import { inbox } from '../../db/schema';
import type { TickStep } from '../../runtime';
import { processZaloEvent } from './process';
import { readZaloTokenState, refreshZaloTokens } from './tokens';

/** An event younger than this may still be in the hands of the request that stored it. */
export const EVENT_RETRY_AFTER_MS = 60_000;
/** Refresh when less than this is left on the access token (it lasts 25 h). */
export const REFRESH_BEFORE_MS = 3_600_000;
/** After a failed refresh, wait this long before trying again (a refused token stays refused). */
export const REFRESH_RETRY_MS = 15 * 60_000;
const EVENTS_PER_TICK = 50;

export const zaloTick: TickStep = async (rt, at) => {
  const counts = { eventsProcessed: 0, eventsRetrying: 0, eventsFailed: 0, tokenRefreshed: 0, tokenRefreshFailed: 0 };
  const { db, config, log, sealer } = rt.core;
  if (!config.zaloEnabled) return counts;

  const stale = await db
    .select({ key: inbox.key })
    .from(inbox)
    .where(and(eq(inbox.channel, 'zalo'), eq(inbox.status, 'pending'), lte(inbox.receivedAt, new Date(at.getTime() - EVENT_RETRY_AFTER_MS))))
    .orderBy(asc(inbox.receivedAt))
    .limit(EVENTS_PER_TICK);
  for (const { key } of stale) {
    const outcome = await processZaloEvent(rt, key);
    if (outcome === 'processed' || outcome === 'ignored') counts.eventsProcessed++;
    else if (outcome === 'retry') counts.eventsRetrying++;
    else if (outcome === 'failed') counts.eventsFailed++;
  }

  const tokens = await readZaloTokenState(db);
  const recentlyFailed = tokens?.lastErrorAt && at.getTime() - tokens.lastErrorAt.getTime() < REFRESH_RETRY_MS;
  if (tokens && tokens.expiresAt.getTime() - at.getTime() < REFRESH_BEFORE_MS && !recentlyFailed) {
    const outcome = await refreshZaloTokens({ db, config, log, sealer, now: () => at });
    if (outcome.ok) counts.tokenRefreshed++;
    else counts.tokenRefreshFailed++;
  }
  return counts;
};
