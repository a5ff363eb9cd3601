// A fake Telegram Bot API on 127.0.0.1 for the Worker tests: records every call, answers like Telegram,
// and lists what it received at GET /__calls (the tests run inside workerd and read it over HTTP).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeTelegramCall {
  method: string;
  body: Record<string, unknown>;
}

export async function startFakeTelegram(token: string): Promise<{ url: string; calls: FakeTelegramCall[]; close(): Promise<void> }> {
  const calls: FakeTelegramCall[] = [];
  let messageId = 1;
  const prefix = `/bot${token}/`;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      const json = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (req.method === 'GET' && path === '/__calls') return json(200, calls);
      if (!path.startsWith(prefix)) return json(404, { ok: false, error_code: 404, description: 'Not Found' });
      const method = path.slice(prefix.length);
      let body: Record<string, unknown> = {};
      try {
        body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>) : {};
      } catch {
        return json(400, { ok: false, error_code: 400, description: 'Bad Request: malformed JSON' });
      }
      calls.push({ method, body });
      if (method === 'sendMessage') {
        return json(200, { ok: true, result: { message_id: messageId++, date: Math.floor(Date.now() / 1000), chat: { id: Number(body.chat_id), type: 'private' }, text: body.text } });
      }
      return json(200, { ok: true, result: true });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
