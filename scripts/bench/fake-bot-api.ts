// A fake Telegram Bot API on 127.0.0.1 (a real HTTP server, no network beyond loopback) for the load
// test, the benches and the proof tests: it answers sendMessage and counts what it accepted per chat.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface AcceptedSend {
  chatId: string;
  text: string;
}

/** `up` answers like Telegram; `down-502` answers Bad Gateway; `down-reset` drops the connection. */
export type FakeBotApiMode = 'up' | 'down-502' | 'down-reset';

export interface FakeBotApiServer {
  /** The API root to give grammY (TELEGRAM_API_ROOT). */
  apiRoot: string;
  /** Every accepted sendMessage, in order (kept only when `record` is true). */
  sends: AcceptedSend[];
  /** Accepted sendMessage calls, counted even when not recorded. */
  sendCount(): number;
  /** Every request seen, accepted or not. */
  requestCount(): number;
  mode: FakeBotApiMode;
  /**
   * When set, sendMessage calls beyond this many accepted in all are held unanswered (until the
   * caller's connection dies or the fake closes): a Bot API that stops answering mid-burst.
   */
  holdAfter: number | undefined;
  /** Resolves once `n` sendMessage calls have been accepted in all. */
  whenAccepted(n: number): Promise<void>;
  close(): Promise<void>;
}

export const FAKE_BOT_TOKEN = '123456:FAKE-token-for-loopback-only';
export const FAKE_BOT_INFO = {
  id: 123456,
  is_bot: true,
  first_name: 'BảoVệ',
  username: 'baove_fake_bot',
  can_join_groups: false,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
};

export async function startFakeBotApi(opts: { record?: boolean } = {}): Promise<FakeBotApiServer> {
  const record = opts.record ?? true;
  let accepted = 0;
  let requests = 0;
  let messageId = 1;
  const waiters: Array<{ n: number; resolve(): void }> = [];
  const state: FakeBotApiServer = {
    apiRoot: '',
    sends: [],
    sendCount: () => accepted,
    requestCount: () => requests,
    mode: 'up',
    holdAfter: undefined,
    whenAccepted: (n) => (accepted >= n ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ n, resolve }))),
    close: async () => undefined,
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    requests++;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (state.mode === 'down-reset') {
        res.socket?.destroy();
        return;
      }
      if (state.mode === 'down-502') {
        res.writeHead(502, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: false, error_code: 502, description: 'Bad Gateway' }));
        return;
      }
      const method = (req.url ?? '').split('/').pop() ?? '';
      let body: Record<string, unknown> = {};
      try {
        const raw = Buffer.concat(chunks).toString('utf8');
        body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      } catch {
        body = {};
      }
      let result: unknown = true;
      if (method === 'sendMessage') {
        if (state.holdAfter !== undefined && accepted >= state.holdAfter) return; // held: never answered
        accepted++;
        for (const w of waiters.filter((w) => accepted >= w.n)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve();
        }
        if (record) state.sends.push({ chatId: String(body.chat_id), text: String(body.text ?? '') });
        result = { message_id: messageId++, date: Math.floor(Date.now() / 1000), chat: { id: Number(body.chat_id), type: 'private' }, text: body.text };
      } else if (method === 'getMe') {
        result = FAKE_BOT_INFO;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true, result }));
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  state.apiRoot = `http://127.0.0.1:${port}`;
  state.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}
