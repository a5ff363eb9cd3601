// The OA token pair: −216 leads to a refresh and a successful retry; a refresh token is used once,
// so racing refreshes leave exactly one valid pair; the tick refreshes before expiry; failures show.
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { zaloCommand, zaloStatus, zaloTick } from '../../../src/channels/zalo';
import { readZaloTokens, refreshZaloTokens, seedZaloTokens, setZaloTokens, type RefreshOutcome } from '../../../src/channels/zalo/tokens';
import { silentLogger } from '../../../src/ground/log';
import { zaloTokens } from '../../../src/db/schema';
import { eq } from 'drizzle-orm';
import { createSealer } from '../../../src/ground/crypto';
import { rotateSealedData } from '../../../src/reports/key-rotation';
import { createFakeZalo, userSendText } from '../../support/fake-zalo';
import { createZaloTestApp, type ZaloTestApp } from './harness';

const fake = createFakeZalo();
const server = setupServer(...fake.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

let app: ZaloTestApp;
afterEach(() => app?.cleanup());

const deps = (a: ZaloTestApp) => ({ db: a.db.db, config: a.config, log: silentLogger, sealer: a.rt.core.sealer, now: () => new Date('2026-11-25T05:00:00Z') });
const readPair = (a: ZaloTestApp) => readZaloTokens(a.db.db, a.rt.core.sealer);

describe('when Zalo says the access token is invalid (−216)', () => {
  it('refreshes the token, retries once, and the parent still gets the reply', async () => {
    const now = new Date('2026-11-25T05:00:00Z');
    app = await createZaloTestApp(fake, { now: () => now });
    fake.revokeAccess(app.pair.accessToken);
    const oauthBefore = fake.oauthCalls.length;

    expect((await app.post(userSendText('8001', '/start'))).status).toBe(200);

    const calls = fake.csCalls.filter((c) => c.userId === '8001');
    expect(calls.map((c) => c.accepted)).toEqual([false, true]);
    expect(fake.oauthCalls.slice(oauthBefore)).toEqual([
      { refreshToken: app.pair.refreshToken, appId: app.config.ZALO_APP_ID, grantType: 'refresh_token', secretKey: app.config.ZALO_APP_SECRET, accepted: true },
    ]);
    const stored = await readPair(app);
    expect(stored!.accessToken).toBe(calls[1]!.accessToken);
    expect(fake.isValidRefresh(stored!.refreshToken)).toBe(true);
    expect(stored!.expiresAt.getTime()).toBe(now.getTime() + 90_000 * 1000); // expires_in "90000" seconds
  });
});

describe('the refresh token can be used only once', () => {
  it('two refreshes at once in one process share one request', async () => {
    app = await createZaloTestApp(fake);
    const before = fake.oauthCalls.length;
    const [a, b] = await Promise.all([refreshZaloTokens(deps(app)), refreshZaloTokens(deps(app))]);
    expect(fake.oauthCalls.length - before).toBe(1);
    expect(a).toEqual(b);
    expect(a.ok && fake.isValidAccess(a.accessToken)).toBe(true);
  });

  it('two processes refreshing at the same moment leave one valid pair in the database', async () => {
    app = await createZaloTestApp(fake);
    const before = fake.oauthCalls.length;
    const release = fake.holdOAuth();
    // Separate in-flight registries: as if two servers (or a server and the CLI) refreshed at once.
    const first = refreshZaloTokens(deps(app), { inFlight: new Map<string, Promise<RefreshOutcome>>() });
    const second = refreshZaloTokens(deps(app), { inFlight: new Map<string, Promise<RefreshOutcome>>() });
    await waitFor(() => fake.oauthCalls.length - before === 2);
    release();
    await Promise.all([first, second]);

    const exchanges = fake.oauthCalls.slice(before);
    expect(exchanges.map((c) => c.refreshToken)).toEqual([app.pair.refreshToken, app.pair.refreshToken]);
    expect(exchanges.filter((c) => c.accepted)).toHaveLength(1);

    const stored = (await readPair(app))!;
    expect(stored.refreshToken).not.toBe(app.pair.refreshToken);
    expect(fake.isValidRefresh(stored.refreshToken)).toBe(true);
    expect(fake.isValidAccess(stored.accessToken)).toBe(true);
    expect(stored.lastError).toBeNull();
    // And the stored pair really works: the next refresh succeeds.
    const next = await refreshZaloTokens(deps(app));
    expect(next.ok).toBe(true);
  });

  it('a refused refresh is recorded, logged and visible in the status', async () => {
    app = await createZaloTestApp(fake);
    await setZaloTokens(app.db.db, app.rt.core.sealer, { accessToken: app.pair.accessToken, refreshToken: 'already-used-refresh-token' }, new Date('2026-11-25T00:00:00Z'));
    const lines: string[] = [];
    const log = { ...silentLogger, error: (event: string, fields?: Record<string, unknown>) => lines.push(JSON.stringify({ event, ...fields })) };
    const outcome = await refreshZaloTokens({ ...deps(app), log });
    expect(outcome.ok).toBe(false);
    const status = await zaloStatus(app.db.db);
    expect(status.lastRefreshError).toContain('-14014');
    expect(lines.join('\n')).toContain('zalo.token.refresh_failed');
    expect(lines.join('\n')).not.toContain('already-used-refresh-token');
  });
});

describe('the tick keeps the token fresh', () => {
  it('refreshes when less than an hour is left, and not before', async () => {
    app = await createZaloTestApp(fake);
    const stored = (await readPair(app))!;
    const twoHoursBefore = new Date(stored.expiresAt.getTime() - 2 * 3_600_000);
    expect(await zaloTick(app.rt, twoHoursBefore)).toMatchObject({ tokenRefreshed: 0 });
    const halfHourBefore = new Date(stored.expiresAt.getTime() - 30 * 60_000);
    expect(await zaloTick(app.rt, halfHourBefore)).toMatchObject({ tokenRefreshed: 1, tokenRefreshFailed: 0 });
    const after = (await readPair(app))!;
    expect(after.refreshToken).not.toBe(stored.refreshToken);
    expect(after.expiresAt.getTime()).toBe(halfHourBefore.getTime() + 90_000 * 1000);
  });
});

describe('setting up the tokens', () => {
  it('`zalo tokens set` stores a pair and `zalo tokens show` masks it', async () => {
    app = await createZaloTestApp(fake);
    const out: string[] = [];
    const code = await zaloCommand(['tokens', 'set', '--access', 'ACCESS-abcdefghijklmnop-1234', '--refresh', 'REFRESH-zyxwvutsrq-9876', '--expires-in', '3600'], { db: app.db.db, config: app.config, sealer: app.rt.core.sealer }, (l) => out.push(l));
    expect(code).toBe(0);
    expect((await readPair(app))!.accessToken).toBe('ACCESS-abcdefghijklmnop-1234');
    out.length = 0;
    expect(await zaloCommand(['zalo', 'tokens', 'show'], { db: app.db.db, config: app.config, sealer: app.rt.core.sealer }, (l) => out.push(l))).toBe(0);
    const shown = out.join('\n');
    expect(shown).toContain('ACCE…1234');
    expect(shown).toContain('REFR…9876');
    expect(shown).not.toContain('abcdefghijklmnop');
    expect(await zaloCommand(['tokens', 'set', '--access', 'x'], { db: app.db.db, config: app.config, sealer: app.rt.core.sealer }, () => {})).toBe(2);
  });

  it('seeds from the environment on first start only', async () => {
    app = await createZaloTestApp(fake);
    const stored = (await readPair(app))!;
    const env = { ...app.config, ZALO_ACCESS_TOKEN: 'env-access', ZALO_REFRESH_TOKEN: 'env-refresh' };
    await seedZaloTokens(app.db.db, app.rt.core.sealer, env, new Date());
    expect((await readPair(app))!.refreshToken).toBe(stored.refreshToken);

    await app.db.db.delete(zaloTokens);
    const firstStart = new Date('2026-11-25T00:00:00Z');
    await seedZaloTokens(app.db.db, app.rt.core.sealer, env, firstStart);
    const seeded = (await readPair(app))!;
    expect(seeded).toMatchObject({ accessToken: 'env-access', refreshToken: 'env-refresh' });
    // Its age is unknown, so the next tick refreshes it.
    expect(seeded.expiresAt.getTime() - firstStart.getTime()).toBeLessThan(3_600_000);
  });
});

describe('the pair at rest', () => {
  const rawRow = async (a: ZaloTestApp) => (await a.db.db.select().from(zaloTokens).where(eq(zaloTokens.id, 1)))[0]!;

  it('is sealed with DATA_KEY: no token is in the database in clear', async () => {
    app = await createZaloTestApp(fake);
    const row = await rawRow(app);
    expect(row.accessTokenEnc).toMatch(/^v1\./);
    expect(row.refreshTokenEnc).toMatch(/^v1\./);
    expect(row.legacyAccessToken).toBeNull();
    expect(row.legacyRefreshToken).toBeNull();
    const everything = JSON.stringify(row);
    expect(everything).not.toContain(app.pair.accessToken);
    expect(everything).not.toContain(app.pair.refreshToken);
    expect(await readPair(app)).toMatchObject(app.pair);
  });

  it('a pair stored in clear before migration 0002 is sealed on the next start, and still works', async () => {
    app = await createZaloTestApp(fake);
    await app.db.db
      .update(zaloTokens)
      .set({ accessTokenEnc: null, refreshTokenEnc: null, legacyAccessToken: app.pair.accessToken, legacyRefreshToken: app.pair.refreshToken })
      .where(eq(zaloTokens.id, 1));
    expect(await readPair(app)).toMatchObject(app.pair); // readable as it is, before the start seals it
    await seedZaloTokens(app.db.db, app.rt.core.sealer, app.config, new Date());
    const row = await rawRow(app);
    expect([row.legacyAccessToken, row.legacyRefreshToken]).toEqual([null, null]);
    expect(row.refreshTokenEnc).toMatch(/^v1\./);
    expect(await readPair(app)).toMatchObject(app.pair);
    expect((await refreshZaloTokens(deps(app))).ok).toBe(true);
  });

  it('is re-sealed by a key rotation, and a refresh running through it keeps the pair it received', async () => {
    app = await createZaloTestApp(fake);
    const newKey = Buffer.from('fedcba9876543210fedcba9876543210').toString('base64');
    // The server restarted with DATA_KEY = the new key and DATA_KEY_PREVIOUS = the old one.
    const rotated = await createSealer(newKey, [app.config.DATA_KEY!]);
    const release = fake.holdOAuth();
    const before = fake.oauthCalls.length;
    const refresh = refreshZaloTokens({ ...deps(app), sealer: rotated });
    await waitFor(() => fake.oauthCalls.length > before);
    // While Zalo is answering, the operator rotates DATA_KEY: the stored values change, the tokens do not.
    const sealedBefore = (await rawRow(app)).refreshTokenEnc;
    await rotateSealedData(app.db.db, { current: await createSealer(newKey), previous: [app.rt.core.sealer] });
    expect((await rawRow(app)).refreshTokenEnc).not.toBe(sealedBefore);
    release();
    const outcome = await refresh;
    expect(outcome).toMatchObject({ ok: true, refreshedHere: true });
    const now = (await readZaloTokens(app.db.db, rotated))!;
    expect(outcome.ok && now.accessToken).toBe(outcome.ok && outcome.accessToken);
    expect(fake.isValidRefresh(now.refreshToken)).toBe(true);
  });
});

async function waitFor(cond: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 5));
  if (!cond()) throw new Error('condition not reached');
}
