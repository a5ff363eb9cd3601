// The Zalo OA token pair in the database: read, set by hand, seed from the environment, and refresh.
// The refresh token works ONCE, so a new pair is written with a compare-and-swap on the old refresh
// token, and concurrent refreshes in one process share one request.
import { and, eq } from 'drizzle-orm';
import type { Config } from '../../config';
import type { Db } from '../../db/db';
import { zaloTokens } from '../../db/schema';
import { serialised } from '../../db/tx';
import type { Logger } from '../../core/log';
import { exchangeRefreshToken, type FetchFn } from './api';

const ROW_ID = 1;
/** Zalo: the access token lasts 25 h, the refresh token 3 months (FACTS.md). Used when Zalo does not say. */
export const ACCESS_TOKEN_TTL_S = 25 * 3600;
export const REFRESH_TOKEN_TTL_S = 90 * 24 * 3600;

export type ZaloTokenRow = typeof zaloTokens.$inferSelect;

export interface ZaloTokenDeps {
  db: Db;
  config: Config;
  log: Logger;
  fetch?: FetchFn;
  now?: () => Date;
}

export type RefreshOutcome =
  | { ok: true; accessToken: string; expiresAt: Date; refreshedHere: boolean }
  | { ok: false; error: string };

export async function readZaloTokens(db: Db): Promise<ZaloTokenRow | null> {
  const [row] = await db.select().from(zaloTokens).where(eq(zaloTokens.id, ROW_ID)).limit(1);
  return row ?? null;
}

/** Stores a pair given by hand (`zalo tokens set`) or from the environment, replacing any other. */
export async function setZaloTokens(
  db: Db,
  pair: { accessToken: string; refreshToken: string; expiresInS?: number; refreshExpiresInS?: number },
  at: Date,
): Promise<ZaloTokenRow> {
  const values = {
    accessToken: pair.accessToken,
    refreshToken: pair.refreshToken,
    expiresAt: new Date(at.getTime() + (pair.expiresInS ?? ACCESS_TOKEN_TTL_S) * 1000),
    refreshExpiresAt: new Date(at.getTime() + (pair.refreshExpiresInS ?? REFRESH_TOKEN_TTL_S) * 1000),
    updatedAt: at,
    lastError: null,
    lastErrorAt: null,
  };
  const [row] = await serialised(() =>
    db
      .insert(zaloTokens)
      .values({ id: ROW_ID, ...values })
      .onConflictDoUpdate({ target: zaloTokens.id, set: values })
      .returning(),
  );
  return row!;
}

/**
 * Seeds the store from ZALO_ACCESS_TOKEN/ZALO_REFRESH_TOKEN on first start only; afterwards the
 * database holds the rotating pair and the environment values are stale. Their age is unknown,
 * so the access token is marked as expiring within the hour: the next tick refreshes it.
 */
export async function seedZaloTokens(db: Db, config: Config, at: Date): Promise<void> {
  if (!config.ZALO_ACCESS_TOKEN || !config.ZALO_REFRESH_TOKEN) return;
  if (await readZaloTokens(db)) return;
  const values = {
    id: ROW_ID,
    accessToken: config.ZALO_ACCESS_TOKEN,
    refreshToken: config.ZALO_REFRESH_TOKEN,
    expiresAt: new Date(at.getTime() + 30 * 60_000),
    refreshExpiresAt: null,
    updatedAt: at,
  };
  await serialised(() => db.insert(zaloTokens).values(values).onConflictDoNothing());
}

const sharedInFlight = new Map<string, Promise<RefreshOutcome>>();

/**
 * Exchanges the stored refresh token for a new pair. Callers in this process that arrive while a
 * refresh of the same token is running get the same promise. `inFlight` is replaceable only so a
 * test can play two processes.
 */
export async function refreshZaloTokens(
  deps: ZaloTokenDeps,
  opts: { inFlight?: Map<string, Promise<RefreshOutcome>> } = {},
): Promise<RefreshOutcome> {
  const inFlight = opts.inFlight ?? sharedInFlight;
  const row = await readZaloTokens(deps.db);
  if (!row) return { ok: false, error: 'no Zalo tokens stored (run: npm run baove -- zalo tokens set)' };
  const old = row.refreshToken;
  const running = inFlight.get(old);
  if (running) return running;
  const task = refreshOnce(deps, old).finally(() => inFlight.delete(old));
  inFlight.set(old, task);
  return task;
}

async function refreshOnce(deps: ZaloTokenDeps, oldRefresh: string): Promise<RefreshOutcome> {
  const now = deps.now ?? (() => new Date());
  const { config, log, db } = deps;
  if (!config.ZALO_APP_ID || !config.ZALO_APP_SECRET) {
    const error = 'ZALO_APP_ID and ZALO_APP_SECRET are needed to refresh the Zalo token';
    await recordError(db, oldRefresh, error, now());
    log.error('zalo.token.refresh_failed', { reason: 'missing_app_secret' });
    return { ok: false, error };
  }
  const fetchFn: FetchFn = (input, init) => (deps.fetch ?? fetch)(input, init);
  const result = await exchangeRefreshToken(fetchFn, config.ZALO_OAUTH_BASE, config.ZALO_APP_ID, config.ZALO_APP_SECRET, oldRefresh);
  const at = now();
  if (!result.ok) {
    // Another process may have used this refresh token first and stored its pair: that is success.
    const current = await readZaloTokens(db);
    if (current && current.refreshToken !== oldRefresh) {
      log.info('zalo.token.refreshed_elsewhere', {});
      return { ok: true, accessToken: current.accessToken, expiresAt: current.expiresAt, refreshedHere: false };
    }
    await recordError(db, oldRefresh, result.error, at);
    log.error('zalo.token.refresh_failed', { detail: result.error, retryable: result.retryable });
    return { ok: false, error: result.error };
  }
  const expiresAt = new Date(at.getTime() + result.expiresInS * 1000);
  const refreshExpiresAt = new Date(at.getTime() + (result.refreshExpiresInS ?? REFRESH_TOKEN_TTL_S) * 1000);
  const swapped = await serialised(() =>
    db
      .update(zaloTokens)
      .set({
        accessToken: result.accessToken,
        refreshToken: result.refreshToken,
        expiresAt,
        refreshExpiresAt,
        updatedAt: at,
        lastError: null,
        lastErrorAt: null,
      })
      .where(and(eq(zaloTokens.id, ROW_ID), eq(zaloTokens.refreshToken, oldRefresh)))
      .returning({ id: zaloTokens.id }),
  );
  if (swapped.length === 0) {
    // Someone stored a newer pair meanwhile (another process, or `zalo tokens set`): theirs wins.
    const current = await readZaloTokens(db);
    log.warn('zalo.token.cas_lost', {});
    if (!current) return { ok: false, error: 'Zalo tokens were removed during a refresh' };
    return { ok: true, accessToken: current.accessToken, expiresAt: current.expiresAt, refreshedHere: false };
  }
  log.info('zalo.token.refreshed', { expiresInS: result.expiresInS });
  return { ok: true, accessToken: result.accessToken, expiresAt, refreshedHere: true };
}

async function recordError(db: Db, refreshToken: string, error: string, at: Date): Promise<void> {
  await serialised(() =>
    db
      .update(zaloTokens)
      .set({ lastError: error.slice(0, 500), lastErrorAt: at })
      .where(and(eq(zaloTokens.id, ROW_ID), eq(zaloTokens.refreshToken, refreshToken))),
  );
}

/**
 * After Zalo said −216 (invalid token) for `rejected`: if the stored token is already a different
 * one (refreshed meanwhile), use it; otherwise refresh.
 */
export async function replaceRejectedToken(deps: ZaloTokenDeps, rejected: string): Promise<RefreshOutcome> {
  const row = await readZaloTokens(deps.db);
  if (row && row.accessToken !== rejected) {
    return { ok: true, accessToken: row.accessToken, expiresAt: row.expiresAt, refreshedHere: false };
  }
  return refreshZaloTokens(deps);
}

/** "abcd…wxyz (52 chars)": enough to tell tokens apart, never enough to use one. */
export function maskToken(token: string): string {
  if (token.length <= 12) return `${'*'.repeat(token.length)} (${token.length} chars)`;
  return `${token.slice(0, 4)}…${token.slice(-4)} (${token.length} chars)`;
}
