// The Zalo OA token pair in the database: read, set by hand, seed from the environment, and refresh.
// The refresh token works ONCE, so a new pair is written with a compare-and-swap on the old refresh
// token, and concurrent refreshes in one process share one request. Both tokens are sealed at rest
// with DATA_KEY, like every other secret the database holds.
import { eq } from 'drizzle-orm';
import type { Config } from '../../config';
import type { Db } from '../../db/db';
import { zaloTokens } from '../../db/schema';
import { serialised, withTransaction } from '../../db/tx';
import type { Logger } from '../../ground/log';
import type { Sealer } from '../../ground/crypto';
import { exchangeRefreshToken, type FetchFn } from './api';

const ROW_ID = 1;
/** Zalo: the access token lasts 25 h, the refresh token 3 months (FACTS.md). Used when Zalo does not say. */
export const ACCESS_TOKEN_TTL_S = 25 * 3600;
export const REFRESH_TOKEN_TTL_S = 90 * 24 * 3600;

/** The stored pair, opened. */
export interface ZaloTokens {
  accessToken: string;
  refreshToken: string;
  expiresAt: Date;
  refreshExpiresAt: Date | null;
  updatedAt: Date;
  lastError: string | null;
  lastErrorAt: Date | null;
}

export interface ZaloTokenDeps {
  db: Db;
  config: Config;
  log: Logger;
  sealer: Sealer;
  fetch?: FetchFn;
  now?: () => Date;
}

export type RefreshOutcome =
  | { ok: true; accessToken: string; expiresAt: Date; refreshedHere: boolean }
  | { ok: false; error: string };

type Row = typeof zaloTokens.$inferSelect;

async function openRow(sealer: Sealer, row: Row): Promise<ZaloTokens | null> {
  const accessToken = row.accessTokenEnc ? await sealer.open(row.accessTokenEnc) : row.legacyAccessToken;
  const refreshToken = row.refreshTokenEnc ? await sealer.open(row.refreshTokenEnc) : row.legacyRefreshToken;
  if (!accessToken || !refreshToken) return null;
  const { expiresAt, refreshExpiresAt, updatedAt, lastError, lastErrorAt } = row;
  return { accessToken, refreshToken, expiresAt, refreshExpiresAt, updatedAt, lastError, lastErrorAt };
}

async function selectRow(db: Db): Promise<Row | undefined> {
  const [row] = await db.select().from(zaloTokens).where(eq(zaloTokens.id, ROW_ID)).limit(1);
  return row;
}

export async function readZaloTokens(db: Db, sealer: Sealer): Promise<ZaloTokens | null> {
  const row = await selectRow(db);
  return row ? openRow(sealer, row) : null;
}

/** When the access token expires and the last refresh error: what the status pages show, no token opened. */
export async function readZaloTokenState(db: Db): Promise<Pick<ZaloTokens, 'expiresAt' | 'lastError' | 'lastErrorAt'> | null> {
  const [row] = await db
    .select({ expiresAt: zaloTokens.expiresAt, lastError: zaloTokens.lastError, lastErrorAt: zaloTokens.lastErrorAt })
    .from(zaloTokens)
    .where(eq(zaloTokens.id, ROW_ID))
    .limit(1);
  return row ?? null;
}

/** The columns that store a pair: sealed, and the clear columns of before migration 0002 emptied. */
async function sealedPair(sealer: Sealer, accessToken: string, refreshToken: string) {
  const [accessTokenEnc, refreshTokenEnc] = await Promise.all([sealer.seal(accessToken), sealer.seal(refreshToken)]);
  return { accessTokenEnc, refreshTokenEnc, legacyAccessToken: null, legacyRefreshToken: null };
}

/** Stores a pair given by hand (`zalo tokens set`) or from the environment, replacing any other. */
export async function setZaloTokens(
  db: Db,
  sealer: Sealer,
  pair: { accessToken: string; refreshToken: string; expiresInS?: number; refreshExpiresInS?: number },
  at: Date,
): Promise<ZaloTokens> {
  const values = {
    ...(await sealedPair(sealer, pair.accessToken, pair.refreshToken)),
    expiresAt: new Date(at.getTime() + (pair.expiresInS ?? ACCESS_TOKEN_TTL_S) * 1000),
    refreshExpiresAt: new Date(at.getTime() + (pair.refreshExpiresInS ?? REFRESH_TOKEN_TTL_S) * 1000),
    updatedAt: at,
    lastError: null,
    lastErrorAt: null,
  };
  await serialised(() =>
    db
      .insert(zaloTokens)
      .values({ id: ROW_ID, ...values })
      .onConflictDoUpdate({ target: zaloTokens.id, set: values }),
  );
  return { accessToken: pair.accessToken, refreshToken: pair.refreshToken, ...values };
}

/**
 * Seeds the store from ZALO_ACCESS_TOKEN/ZALO_REFRESH_TOKEN on first start only; afterwards the
 * database holds the rotating pair and the environment values are stale. Their age is unknown,
 * so the access token is marked as expiring within the hour: the next tick refreshes it.
 * A pair stored in clear before migration 0002 is sealed here, on the first start after it.
 */
export async function seedZaloTokens(db: Db, sealer: Sealer, config: Config, at: Date): Promise<void> {
  const row = await selectRow(db);
  if (row) {
    if (row.legacyAccessToken === null && row.legacyRefreshToken === null) return;
    const opened = await openRow(sealer, row);
    if (!opened) return;
    const sealed = await sealedPair(sealer, opened.accessToken, opened.refreshToken);
    await withTransaction(db, async (tx) => {
      // Only the row as read: a pair stored meanwhile is sealed already.
      const now = await selectRow(tx);
      if (now?.legacyRefreshToken !== row.legacyRefreshToken || now?.legacyAccessToken !== row.legacyAccessToken) return;
      await tx.update(zaloTokens).set(sealed).where(eq(zaloTokens.id, ROW_ID));
    });
    return;
  }
  if (!config.ZALO_ACCESS_TOKEN || !config.ZALO_REFRESH_TOKEN) return;
  const values = {
    id: ROW_ID,
    ...(await sealedPair(sealer, config.ZALO_ACCESS_TOKEN, config.ZALO_REFRESH_TOKEN)),
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
  const row = await readZaloTokens(deps.db, deps.sealer);
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
  const { config, log, db, sealer } = deps;
  if (!config.ZALO_APP_ID || !config.ZALO_APP_SECRET) {
    const error = 'ZALO_APP_ID and ZALO_APP_SECRET are needed to refresh the Zalo token';
    await recordError(deps, oldRefresh, error, now());
    log.error('zalo.token.refresh_failed', { reason: 'missing_app_secret' });
    return { ok: false, error };
  }
  const fetchFn: FetchFn = (input, init) => (deps.fetch ?? fetch)(input, init);
  const result = await exchangeRefreshToken(fetchFn, config.ZALO_OAUTH_BASE, config.ZALO_APP_ID, config.ZALO_APP_SECRET, oldRefresh);
  const at = now();
  if (!result.ok) {
    // Another process may have used this refresh token first and stored its pair: that is success.
    const current = await readZaloTokens(db, sealer);
    if (current && current.refreshToken !== oldRefresh) {
      log.info('zalo.token.refreshed_elsewhere', {});
      return { ok: true, accessToken: current.accessToken, expiresAt: current.expiresAt, refreshedHere: false };
    }
    await recordError(deps, oldRefresh, result.error, at);
    log.error('zalo.token.refresh_failed', { detail: result.error, retryable: result.retryable });
    return { ok: false, error: result.error };
  }
  const expiresAt = new Date(at.getTime() + result.expiresInS * 1000);
  const refreshExpiresAt = new Date(at.getTime() + (result.refreshExpiresInS ?? REFRESH_TOKEN_TTL_S) * 1000);
  const values = {
    ...(await sealedPair(sealer, result.accessToken, result.refreshToken)),
    expiresAt,
    refreshExpiresAt,
    updatedAt: at,
    lastError: null,
    lastErrorAt: null,
  };
  // The compare is on the opened refresh token, in the same transaction as the write: a sealed value
  // changes when `keys rotate` re-seals it, and the pair just received must not be lost to that.
  const swapped = await withTransaction(db, async (tx) => {
    const stored = await readZaloTokens(tx, sealer);
    if (stored?.refreshToken !== oldRefresh) return false;
    await tx.update(zaloTokens).set(values).where(eq(zaloTokens.id, ROW_ID));
    return true;
  });
  if (!swapped) {
    // Someone stored a newer pair meanwhile (another process, or `zalo tokens set`): theirs wins.
    const current = await readZaloTokens(db, sealer);
    log.warn('zalo.token.cas_lost', {});
    if (!current) return { ok: false, error: 'Zalo tokens were removed during a refresh' };
    return { ok: true, accessToken: current.accessToken, expiresAt: current.expiresAt, refreshedHere: false };
  }
  log.info('zalo.token.refreshed', { expiresInS: result.expiresInS });
  return { ok: true, accessToken: result.accessToken, expiresAt, refreshedHere: true };
}

/** Records a refresh failure against the pair whose refresh token failed (not a newer one). */
async function recordError(deps: ZaloTokenDeps, refreshToken: string, error: string, at: Date): Promise<void> {
  await withTransaction(deps.db, async (tx) => {
    const stored = await readZaloTokens(tx, deps.sealer);
    if (stored?.refreshToken !== refreshToken) return;
    await tx.update(zaloTokens).set({ lastError: error.slice(0, 500), lastErrorAt: at }).where(eq(zaloTokens.id, ROW_ID));
  });
}

/**
 * After Zalo said −216 (invalid token) for `rejected`: if the stored token is already a different
 * one (refreshed meanwhile), use it; otherwise refresh.
 */
export async function replaceRejectedToken(deps: ZaloTokenDeps, rejected: string): Promise<RefreshOutcome> {
  const row = await readZaloTokens(deps.db, deps.sealer);
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
