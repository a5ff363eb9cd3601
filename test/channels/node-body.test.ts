// On Node the webhooks read their body straight from the socket (src/channels/body.ts), not through
// the WHATWG Request that app.request() and Workers use. These requests go to a real @hono/node-server
// on 127.0.0.1, written byte by byte on a socket, so the size limit is tested on that path too: a
// declared length, a chunked body with no length, a malformed body, a wrong secret or signature.
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import { WEBHOOK_BODY_LIMIT } from '../../src/app';
import { zaloRoutes } from '../../src/channels/zalo';
import { createTelegramTestApp, fakeBotApi, textUpdate, WEBHOOK_SECRET } from '../support/telegram';
import { createFakeZalo, signedWebhook, userSendText } from '../support/fake-zalo';
import { silentLogger } from '../../src/ground/log';
import { createZaloTestApp, type ZaloTestApp } from './zalo/harness';

const api = fakeBotApi();
const zalo = createFakeZalo();
const msw = setupServer(...api.server.listHandlers(), ...zalo.handlers);
let t: Awaited<ReturnType<typeof createTelegramTestApp>>;
const logged: string[] = [];
const log = { ...silentLogger, error: (event: string) => void logged.push(event), warn: (event: string) => void logged.push(event) };
let z: ZaloTestApp;
const servers: ServerType[] = [];
let port: number;
let zaloPort: number;

async function listen(fetch: (req: Request, env: unknown) => Response | Promise<Response>): Promise<number> {
  const server = serve({ fetch, hostname: '127.0.0.1', port: 0 });
  servers.push(server);
  await new Promise<void>((resolve) => server.once('listening', resolve));
  return (server.address() as AddressInfo).port;
}

beforeAll(async () => {
  msw.listen({ onUnhandledRequest: 'error' });
  t = await createTelegramTestApp({ log });
  port = await listen(t.app.fetch);
  z = await createZaloTestApp(zalo);
  zaloPort = await listen(zaloRoutes(z.rt).fetch);
});
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  t.cleanup();
  z.cleanup();
  msw.close();
});

/** One HTTP/1.1 request on a fresh socket; the body is sent in `chunks` (chunked when `length` is false). */
function post(
  body: string | Buffer[],
  opts: { secret?: string; length?: boolean; port?: number; path?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: string }> {
  const parts = typeof body === 'string' ? [Buffer.from(body)] : body;
  const chunked = opts.length === false;
  const size = parts.reduce((n, p) => n + p.length, 0);
  const to = opts.port ?? port;
  const headers = opts.headers ?? { 'X-Telegram-Bot-Api-Secret-Token': opts.secret ?? WEBHOOK_SECRET };
  const head = [
    `POST ${opts.path ?? '/telegram'} HTTP/1.1`,
    `Host: 127.0.0.1:${to}`,
    'Content-Type: application/json',
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
    chunked ? 'Transfer-Encoding: chunked' : `Content-Length: ${size}`,
    'Connection: close',
    '',
    '',
  ].join('\r\n');
  return new Promise((resolve, reject) => {
    const socket = connect(to, '127.0.0.1');
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => (received += d));
    socket.on('error', (err: NodeJS.ErrnoException) => {
      // The server may answer and close while the client is still sending a refused body.
      if (err.code === 'EPIPE' || err.code === 'ECONNRESET') return;
      reject(err);
    });
    socket.on('close', () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(received)?.[1] ?? 0);
      resolve({ status, body: received.slice(received.indexOf('\r\n\r\n') + 4) });
    });
    socket.write(head);
    for (const p of parts) socket.write(chunked ? Buffer.concat([Buffer.from(`${p.length.toString(16)}\r\n`), p, Buffer.from('\r\n')]) : p);
    if (chunked) socket.write('0\r\n\r\n');
  });
}

const cases = async () => Number((await t.db.client.execute('select count(*) as n from cases')).rows[0]!.n);

describe('POST /telegram on the Node server', () => {
  it('handles an update sent with its length, and one sent in chunks', async () => {
    const before = api.sends().length;
    const whole = await post(JSON.stringify(textUpdate(t.nextUpdateId(), 5101, '/start')));
    expect(whole.status).toBe(200);
    const json = Buffer.from(JSON.stringify(textUpdate(t.nextUpdateId(), 5102, '/start')));
    const inPieces = await post([json.subarray(0, 10), json.subarray(10, 50), json.subarray(50)], { length: false });
    expect(inPieces.status).toBe(200);
    expect(api.sends().length).toBe(before + 2);
  });

  it('refuses a declared length over 64 KiB with 413', async () => {
    const res = await post('x'.repeat(WEBHOOK_BODY_LIMIT + 1));
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toEqual({ ok: false, error: 'body too large' });
  });

  it('stops a chunked body at 64 KiB with 413, and handles nothing of it', async () => {
    const before = api.sends().length;
    const update = JSON.stringify({ ...textUpdate(t.nextUpdateId(), 5103, '/start'), pad: 'x'.repeat(WEBHOOK_BODY_LIMIT) });
    const pieces = Array.from({ length: Math.ceil(update.length / 8192) }, (_, i) => Buffer.from(update.slice(i * 8192, (i + 1) * 8192)));
    const res = await post(pieces, { length: false });
    expect(res.status).toBe(413);
    expect(api.sends().length).toBe(before);
  });

  it('answers a body of exactly 64 KiB normally', async () => {
    const base = JSON.stringify(textUpdate(t.nextUpdateId(), 5104, '/start'));
    const padded = base.slice(0, -1) + `,"pad":"${'x'.repeat(WEBHOOK_BODY_LIMIT - base.length - 9)}"}`;
    expect(Buffer.byteLength(padded)).toBe(WEBHOOK_BODY_LIMIT);
    expect((await post(padded)).status).toBe(200);
  });

  it('answers malformed JSON and a non-update with 400, and a wrong secret with 401', async () => {
    expect((await post('{"update_id": 1,')).status).toBe(400);
    expect((await post('[1, 2, 3]')).status).toBe(400);
    expect((await post(JSON.stringify(textUpdate(t.nextUpdateId(), 5105, '/start')), { secret: 'wrong' })).status).toBe(401);
  });

  it('shrugs off a sender that hangs up halfway through the body, and serves the next one', async () => {
    const before = api.sends().length;
    const json = JSON.stringify(textUpdate(t.nextUpdateId(), 5106, '/start'));
    await new Promise<void>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write(`POST /telegram HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nX-Telegram-Bot-Api-Secret-Token: ${WEBHOOK_SECRET}\r\nContent-Length: ${json.length}\r\n\r\n`);
        socket.write(json.slice(0, 20), () => setTimeout(() => socket.destroy(), 20));
      });
      socket.on('close', () => resolve());
    });
    await new Promise((r) => setTimeout(r, 50));
    expect((await post(JSON.stringify(textUpdate(t.nextUpdateId(), 5107, '/start')))).status).toBe(200);
    expect(api.sends().length).toBe(before + 1);
    expect(logged).not.toContain('http.error');
  });

  it('writes no case for any of it', async () => {
    expect(await cases()).toBe(0);
  });
});

describe('POST /zalo on the Node server', () => {
  const send = async (event: object, opts: { chunked?: boolean; signature?: string } = {}) => {
    const init = await signedWebhook(event);
    const raw = Buffer.from(init.body as string);
    const signature = opts.signature ?? init.headers['x-zevent-signature']!;
    const body = opts.chunked ? [raw.subarray(0, 7), raw.subarray(7)] : [raw];
    return post(body, { port: zaloPort, path: '/', headers: { 'X-ZEvent-Signature': signature }, length: !opts.chunked });
  };

  it('checks the signature over the bytes as they came off the socket, whole or in chunks', async () => {
    expect((await send(userSendText('7801', '/start'))).status).toBe(200);
    expect((await send(userSendText('7802', '/start'), { chunked: true })).status).toBe(200);
    expect(await z.inboxCount()).toBe(2);
  });

  it('refuses a wrong signature with 401 and a chunked body over 64 KiB with 413, storing nothing', async () => {
    expect((await send(userSendText('7803', '/start'), { signature: 'mac=00' })).status).toBe(401);
    expect((await send(userSendText('7804', 'x'.repeat(70 * 1024)), { chunked: true })).status).toBe(413);
    expect(await z.inboxCount()).toBe(2);
  });
});

describe('a slow-body attack on POST /zalo', () => {
  it('closes every connection that trickles its body past WEBHOOK_BODY_TIMEOUT_MS, stores nothing, and keeps serving', async () => {
    const slowApp = await createZaloTestApp(zalo, { env: { WEBHOOK_BODY_TIMEOUT_MS: '300' } });
    const slowPort = await listen(zaloRoutes(slowApp.rt).fetch);
    try {
      const init = await signedWebhook(userSendText('7901', '/start'));
      const raw = Buffer.from(init.body as string);
      // 40 senders announce a whole body and send one byte of it, then nothing.
      const closedAfter = await Promise.all(
        Array.from(
          { length: 40 },
          () =>
            new Promise<number>((resolve) => {
              const started = Date.now();
              const socket = connect(slowPort, '127.0.0.1', () => {
                socket.write(
                  `POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nX-ZEvent-Signature: ${init.headers['x-zevent-signature']}\r\nContent-Length: ${raw.length}\r\n\r\n`,
                );
                socket.write(raw.subarray(0, 1));
              });
              socket.on('error', () => undefined);
              socket.on('close', () => resolve(Date.now() - started));
              // A connection still held after 5 s counts as held.
              setTimeout(() => {
                socket.destroy();
                resolve(Number.POSITIVE_INFINITY);
              }, 5000).unref();
            }),
        ),
      );
      expect(closedAfter.every((ms) => ms < 5000)).toBe(true);
      expect(await slowApp.inboxCount()).toBe(0);
      const fresh = await signedWebhook(userSendText('7902', '/start'));
      const ok = await post([Buffer.from(fresh.body as string)], { port: slowPort, path: '/', headers: { 'X-ZEvent-Signature': fresh.headers['x-zevent-signature']! } });
      expect(ok.status).toBe(200);
    } finally {
      slowApp.cleanup();
    }
  });
});
