// A Zalo-connected test runtime: the real webhook route and sender, the Zalo API faked by msw.
import { count } from 'drizzle-orm';
import { createZaloSender, zaloRoutes } from '../../../src/channels/zalo';
import { setZaloTokens } from '../../../src/channels/zalo/tokens';
import { silentLogger, type Logger } from '../../../src/ground/log';
import { inbox } from '../../../src/db/schema';
import { createTestRuntime, type TestRuntime, type TestRuntimeOptions } from '../../support/runtime';
import { signedWebhook, zaloTestEnv, type FakeZalo } from '../../support/fake-zalo';

export interface ZaloTestApp extends TestRuntime {
  fake: FakeZalo;
  /** The token pair the OA was authorised with. */
  pair: { accessToken: string; refreshToken: string };
  /** POSTs an event to /zalo, signed as Zalo would unless told otherwise. */
  post(event: object, opts?: Parameters<typeof signedWebhook>[1]): Promise<Response>;
  /** POSTs an event and resolves with the answer alone (processing and sends may still run). */
  answer(event: object, opts?: Parameters<typeof signedWebhook>[1]): Promise<Response>;
  inboxCount(): Promise<number>;
  /** Texts the fake Zalo accepted for this user, in order. */
  textsTo(userId: string): string[];
}

export async function createZaloTestApp(fake: FakeZalo, opts: TestRuntimeOptions & { log?: Logger } = {}): Promise<ZaloTestApp> {
  const t = await createTestRuntime({ ...opts, env: { ...zaloTestEnv, ...opts.env } });
  return attachZalo(t, fake, opts.log);
}

/** Puts the real Zalo sender and webhook on a test runtime whose config has the Zalo variables. */
export async function attachZalo<T extends TestRuntime>(t: T, fake: FakeZalo, log: Logger = silentLogger): Promise<T & ZaloTestApp> {
  t.rt.senders.zalo = createZaloSender({ db: t.db.db, config: t.config, log, sealer: t.rt.core.sealer, now: () => t.rt.now() });
  const pair = fake.issuePair();
  await setZaloTokens(t.db.db, t.rt.core.sealer, pair, new Date('2026-11-25T02:00:00Z'));
  const app = zaloRoutes(t.rt);
  return Object.assign(t, {
    fake,
    pair,
    async post(event: object, o?: Parameters<typeof signedWebhook>[1]) {
      const res = await app.request('/', await signedWebhook(event, o));
      await t.rt.idle(); // the processing and sends that follow the answer
      return res;
    },
    async answer(event: object, o?: Parameters<typeof signedWebhook>[1]) {
      return app.request('/', await signedWebhook(event, o));
    },
    async inboxCount() {
      const [row] = await t.db.db.select({ n: count() }).from(inbox);
      return row?.n ?? 0;
    },
    textsTo(userId: string) {
      return fake.delivered().filter((c) => c.userId === userId).map((c) => c.text);
    },
  });
}
