// An event stored but never processed (a crash, a Worker cut short) is processed by the tick.
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { zaloStatus, zaloTick, zaloVerificationMeta } from '../../../src/channels/zalo';
import { inbox } from '../../../src/db/schema';
import { createFakeZalo, userSendText } from '../../support/fake-zalo';
import { createZaloTestApp, type ZaloTestApp } from './harness';

const fake = createFakeZalo();
const server = setupServer(...fake.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

let app: ZaloTestApp;
afterEach(() => app?.cleanup());

const RECEIVED = new Date('2026-11-25T03:00:05Z');

describe('the tick retries stored Zalo events', () => {
  it('a message whose processing failed is answered by the next tick, once', async () => {
    app = await createZaloTestApp(fake, { now: () => RECEIVED });
    const handle = app.rt.engine.handle.bind(app.rt.engine);
    let failures = 1;
    app.rt.engine.handle = async (inc, opts) => {
      if (failures-- > 0) throw new Error('database went away');
      return handle(inc, opts);
    };
    const res = await app.post(userSendText('9601', '/start', { msgId: 'crash-1' }));
    expect(res.status).toBe(200);
    expect(app.textsTo('9601')).toHaveLength(0);
    expect(await zaloStatus(app.db.db)).toMatchObject({ pendingEvents: 1 });

    // Too fresh: the request that stored it may still be working on it.
    expect(await zaloTick(app.rt, new Date(RECEIVED.getTime() + 10_000))).toMatchObject({ eventsProcessed: 0 });
    expect(await zaloTick(app.rt, new Date(RECEIVED.getTime() + 120_000))).toMatchObject({ eventsProcessed: 1 });
    expect(app.textsTo('9601')).toHaveLength(1);
    expect(await zaloTick(app.rt, new Date(RECEIVED.getTime() + 240_000))).toMatchObject({ eventsProcessed: 0 });
    expect(app.textsTo('9601')).toHaveLength(1);
    expect(await zaloStatus(app.db.db)).toMatchObject({ pendingEvents: 0 });
  });

  it('gives up after five failed attempts and marks the event failed, keeping only the kind of error', async () => {
    app = await createZaloTestApp(fake, { now: () => RECEIVED });
    app.rt.engine.handle = async () => {
      // A failed query's message carries its parameters: what the reporter wrote must not be kept in clear.
      throw new TypeError('Failed query: insert into x params: Con tôi bị đánh ở nhà,0912345678');
    };
    await app.post(userSendText('9602', 'xin chào', { msgId: 'broken-1' }));
    for (let i = 1; i <= 5; i++) await zaloTick(app.rt, new Date(RECEIVED.getTime() + i * 120_000));
    const [row] = await app.db.db.select().from(inbox).where(eq(inbox.key, 'zalo:broken-1'));
    expect(row).toMatchObject({ status: 'failed', attempts: 5, lastError: 'TypeError' });
    expect(JSON.stringify(row)).not.toContain('0912345678');
  });
});

describe('domain verification', () => {
  it('serves the meta tag from ZALO_VERIFICATION, whether given as the code or the whole tag', () => {
    expect(zaloVerificationMeta({ ZALO_VERIFICATION: undefined })).toBeNull();
    expect(zaloVerificationMeta({ ZALO_VERIFICATION: 'AbC123' })).toBe('<meta name="zalo-platform-site-verification" content="AbC123" />');
    expect(zaloVerificationMeta({ ZALO_VERIFICATION: '<meta name="zalo-platform-site-verification" content="XyZ" />' })).toBe(
      '<meta name="zalo-platform-site-verification" content="XyZ" />',
    );
    expect(zaloVerificationMeta({ ZALO_VERIFICATION: '"><script>' })).not.toContain('<script>');
  });
});
