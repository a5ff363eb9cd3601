// The Node Bot API client (undici under grammY): a real HTTP server on 127.0.0.1 stands in for the
// Bot API, so the adapter is tested as the server uses it, through grammY's Api and our sender.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Api, GrammyError, HttpError } from 'grammy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botApiFetch } from '../../src/channels/telegram/node-fetch';
import { createTelegramSender } from '../../src/channels/telegram/sender';
import { silentLogger } from '../../src/ground/log';

const TOKEN = '123456:TEST-token-for-tests-only';
const seen: Array<{ method: string; url: string; contentType: string | undefined; body: Record<string, unknown> }> = [];
let answer: { status: number; body: unknown } = { status: 200, body: { ok: true, result: { message_id: 1, date: 0, chat: { id: 1, type: 'private' } } } };
let server: Server;
let apiRoot: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (d: string) => (raw += d));
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, contentType: req.headers['content-type'], body: raw ? (JSON.parse(raw) as Record<string, unknown>) : {} });
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  apiRoot = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const api = (root = apiRoot) => new Api(TOKEN, { apiRoot: root, fetch: botApiFetch() });

describe('the Bot API client on Node', () => {
  it('posts the call as JSON and returns the result', async () => {
    answer = { status: 200, body: { ok: true, result: { message_id: 77, date: 0, chat: { id: 42, type: 'private' }, text: 'Xin chào' } } };
    const sent = await api().sendMessage(42, 'Xin chào', { reply_markup: { inline_keyboard: [[{ text: 'Gọi 111', callback_data: 'menu:hotlines' }]] } });
    expect(sent.message_id).toBe(77);
    const call = seen.at(-1)!;
    expect(call).toMatchObject({ method: 'POST', url: `/bot${TOKEN}/sendMessage`, contentType: 'application/json' });
    expect(call.body).toEqual({ chat_id: 42, text: 'Xin chào', reply_markup: { inline_keyboard: [[{ text: 'Gọi 111', callback_data: 'menu:hotlines' }]] } });
  });

  it("turns Telegram's 429 into a retry after retry_after, through the sender", async () => {
    answer = { status: 429, body: { ok: false, error_code: 429, description: 'Too Many Requests: retry after 7', parameters: { retry_after: 7 } } };
    await expect(api().sendMessage(42, 'x')).rejects.toBeInstanceOf(GrammyError);
    const result = await createTelegramSender(api(), silentLogger).send('42', { text: 'x', buttons: [], state: null }, { id: 1, kind: 'reply' });
    expect(result).toEqual({ ok: false, reason: '429 Too Many Requests: retry after 7', retryAfterMs: 7000 });
  });

  it('reports a Bot API that cannot be reached as a network error, for the outbox to retry', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadRoot = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(api(deadRoot).sendMessage(42, 'x')).rejects.toBeInstanceOf(HttpError);
    const result = await createTelegramSender(api(deadRoot), silentLogger).send('42', { text: 'x', buttons: [], state: null }, { id: 2, kind: 'reply' });
    expect(result).toEqual({ ok: false, reason: 'network error' });
  });

  it('answers a body that is not JSON (a proxy error page) as a failed call, not a crash', async () => {
    server.removeAllListeners('request');
    server.on('request', (req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(502, { 'content-type': 'text/html' }).end('<html>Bad Gateway</html>'));
    });
    await expect(api().sendMessage(42, 'x')).rejects.toBeInstanceOf(HttpError);
  });
});
