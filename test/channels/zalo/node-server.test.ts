// Done-when check: the real Node HTTP server, with /zalo mounted and the Zalo API faked locally,
// answers a correctly signed event sent twice with exactly one send, and refuses a bad signature.
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/app';
import { zaloRoutes } from '../../../src/channels/zalo';
import { createFakeZalo, signedWebhook, userSendText } from '../../support/fake-zalo';
import { createZaloTestApp, type ZaloTestApp } from './harness';

const fake = createFakeZalo();
const server = setupServer(...fake.handlers);
beforeAll(() =>
  server.listen({
    // Requests to our own server on 127.0.0.1 pass through; anything else unfaked is an error.
    onUnhandledRequest: (request, print) => {
      if (new URL(request.url).hostname !== '127.0.0.1') print.error();
    },
  }),
);
afterAll(() => server.close());

let app: ZaloTestApp;
let http: ServerType | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (http ? http.close(() => resolve()) : resolve()));
  http = undefined;
  app?.cleanup();
});

async function startServer(a: ZaloTestApp): Promise<string> {
  const hono = createApp({ rt: a.rt, routes: { '/zalo': zaloRoutes(a.rt) } });
  return new Promise((resolve) => {
    http = serve({ fetch: hono.fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) => resolve(`http://127.0.0.1:${info.port}`));
  });
}

describe('the Node server with the Zalo webhook', () => {
  it('answers a signed event sent twice with exactly one send call, and a bad signature with 401', async () => {
    app = await createZaloTestApp(fake);
    const base = await startServer(app);
    const event = userSendText('4001', 'Làm sao dạy con tự bảo vệ cơ thể?', { msgId: 'node-twice-1' });

    const first = await fetch(`${base}/zalo`, await signedWebhook(event));
    const second = await fetch(`${base}/zalo`, await signedWebhook(event));
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(fake.csCalls.filter((c) => c.userId === '4001')).toHaveLength(1);

    const forged = await fetch(`${base}/zalo`, await signedWebhook(userSendText('4002', 'hi'), { secret: 'guess' }));
    expect(forged.status).toBe(401);
    expect(await app.inboxCount()).toBe(1);
  });
});
