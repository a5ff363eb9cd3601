// On Workers, as on Node, ZALO_ACCESS_TOKEN and ZALO_REFRESH_TOKEN seed the token store on the first
// start, and never overwrite the rotating pair the database holds afterwards.
import { afterEach, describe, expect, it } from 'vitest';
import { readZaloTokens, setZaloTokens } from '../../src/channels/zalo/tokens';
import { silentLogger } from '../../src/ground/log';
import { workerWiring } from '../../src/platform/wiring-worker';
import { zaloTestEnv } from '../support/fake-zalo';
import { createTestRuntime, type TestRuntime } from '../support/runtime';

let t: TestRuntime;
afterEach(() => t?.cleanup());

const AT = new Date('2026-11-25T03:00:00Z');

describe('the Worker start with Zalo tokens in the environment', () => {
  it('seeds the empty token store from them, sealed', async () => {
    t = await createTestRuntime({ env: { ...zaloTestEnv, ZALO_ACCESS_TOKEN: 'env-access-1', ZALO_REFRESH_TOKEN: 'env-refresh-1' } });
    expect(await readZaloTokens(t.db.db, t.rt.core.sealer)).toBeNull();
    await workerWiring(t.db.db, t.config, silentLogger, t.rt.core.sealer, AT);
    expect(await readZaloTokens(t.db.db, t.rt.core.sealer)).toMatchObject({ accessToken: 'env-access-1', refreshToken: 'env-refresh-1' });
  });

  it('leaves a pair the database already holds as it is', async () => {
    t = await createTestRuntime({ env: { ...zaloTestEnv, ZALO_ACCESS_TOKEN: 'env-access-1', ZALO_REFRESH_TOKEN: 'env-refresh-1' } });
    await setZaloTokens(t.db.db, t.rt.core.sealer, { accessToken: 'rotated-access', refreshToken: 'rotated-refresh', expiresInS: 3600 }, AT);
    await workerWiring(t.db.db, t.config, silentLogger, t.rt.core.sealer, AT);
    expect(await readZaloTokens(t.db.db, t.rt.core.sealer)).toMatchObject({ accessToken: 'rotated-access', refreshToken: 'rotated-refresh' });
  });
});
