// The Worker's code path on Node, against a libSQL server over HTTP: the project's Hrana test server
// on a local file, behind a counting proxy that can add latency per request (a database in another
// region). The Telegram Bot API is an in-process fake. Used by the round-trip test and `npm run bench`.
import { fileURLToPath } from 'node:url';
import { createApp } from '../../src/app';
import { createBot } from '../../src/channels/telegram/bot';
import { createTelegramSender } from '../../src/channels/telegram/sender';
import { createConfig } from '../../src/config';
import { silentLogger, type Logger } from '../../src/ground/log';
import { migrateDb } from '../../src/db/migrate';
import { openDb } from '../../src/db/node-client';
import { officers } from '../../src/db/schema';
import { openWebDb } from '../../src/db/web-client';
import { createSealer } from '../../src/ground/crypto';
import { createRuntime } from '../../src/platform/runtime';
import { workerWiring } from '../../src/platform/wiring-worker';
import { importCommuneMap } from '../../src/routing/import';
import type { Runtime } from '../../src/runtime';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { BENCH_DATA_KEY, LOOPBACK_OFFICERS, WEBHOOK_SECRET } from './server-process';
import { FAKE_BOT_INFO, FAKE_BOT_TOKEN } from './fake-bot-api';

const MAP_DIR = fileURLToPath(new URL('../../content/map/', import.meta.url));

export interface EdgeWorld {
  proxy: RemoteProxy;
  rt: Runtime;
  /** Messages the fake Bot API accepted. */
  sent: Array<{ chatId: string; text: string }>;
  /** POSTs one Telegram update to the webhook; resolves with the answer (sends may still run). */
  post(update: unknown): Promise<Response>;
  close(): Promise<void>;
  /** Milliseconds the fake Bot API takes over each sendMessage (a slow platform API); 0 at first. */
  sendDelayMs: number;
}

/** A migrated database with the commune map and the loopback officers, as Node/CI would seed Turso. */
export async function prepareEdgeDatabase(file: string): Promise<void> {
  const handle = openDb(`file:${file}`);
  try {
    await migrateDb(handle.db, handle.client);
    await importCommuneMap(handle.db, MAP_DIR, () => undefined);
    const createdAt = new Date('2026-11-01T00:00:00Z');
    for (const o of LOOPBACK_OFFICERS) {
      await handle.db.insert(officers).values({ communeCode: o.communeCode, provinceCode: o.provinceCode, name: o.name, role: 'officer', channel: 'telegram', channelUserId: o.chatId, active: true, createdAt });
    }
  } finally {
    handle.close();
  }
}

export async function startEdgeWorld(opts: { latencyMs?: number; log?: Logger } = {}): Promise<EdgeWorld> {
  const log = opts.log ?? silentLogger;
  const server = await startEdgeDatabase();
  const proxy = server.proxy;
  if (opts.latencyMs) await proxy.setLatency(opts.latencyMs);
  const config = createConfig({
    DATABASE_URL: proxy.url,
    DATA_KEY: BENCH_DATA_KEY,
    TELEGRAM_BOT_TOKEN: FAKE_BOT_TOKEN,
    TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET,
    TELEGRAM_API_ROOT: 'https://api.telegram.invalid',
    TELEGRAM_BOT_INFO: JSON.stringify(FAKE_BOT_INFO),
  });
  const db = openWebDb(config.DATABASE_URL, config.DATABASE_AUTH_TOKEN);
  const sealer = await createSealer(BENCH_DATA_KEY);
  const wiring = await workerWiring(db, config, silentLogger, sealer);
  const sent: EdgeWorld['sent'] = [];
  const knobs = { sendDelayMs: 0 };
  let messageId = 1;
  // The Bot API, answered in process (no network).
  const fakeFetch = (async (url: string | URL | Request, init?: RequestInit) => {
    const method = String(url).split('/').at(-1);
    const body = JSON.parse(String(init?.body ?? '{}')) as { chat_id?: unknown; text?: unknown };
    if (method === 'sendMessage' && knobs.sendDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, knobs.sendDelayMs));
    if (method === 'sendMessage') sent.push({ chatId: String(body.chat_id), text: String(body.text) });
    const result = method === 'sendMessage' ? { message_id: messageId++, date: 0, chat: { id: Number(body.chat_id), type: 'private' }, text: body.text } : true;
    return new Response(JSON.stringify({ ok: true, result }), { headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  const rtRef: { rt?: Runtime } = {};
  const bot = createBot(
    { token: FAKE_BOT_TOKEN, apiRoot: config.TELEGRAM_API_ROOT, botInfo: FAKE_BOT_INFO as never, fetch: fakeFetch },
    new Proxy({} as Runtime, { get: (_t, k) => (rtRef.rt as unknown as Record<string | symbol, unknown>)[k] }),
  );
  const rt = createRuntime({
    db,
    config,
    sealer,
    log,
    services: wiring.services,
    senders: { telegram: createTelegramSender(bot.api, silentLogger), ...wiring.senders },
    onUndeliverable: wiring.onUndeliverable,
  });
  rtRef.rt = rt;
  const app = createApp({ rt, telegram: { bot, secret: WEBHOOK_SECRET } });
  return {
    proxy,
    rt,
    sent,
    get sendDelayMs() {
      return knobs.sendDelayMs;
    },
    set sendDelayMs(ms: number) {
      knobs.sendDelayMs = ms;
    },
    post: async (update) =>
      app.request('/telegram', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': WEBHOOK_SECRET },
        body: JSON.stringify(update),
      }),
    async close() {
      await rt.idle();
      await server.close();
    },
  };
}

/** The counting proxy of a database server in another process (scripts/bench/edge-db.ts). */
export interface RemoteProxy {
  url: string;
  /** Database requests counted so far. */
  requests(): Promise<number>;
  /** Requests that only recorded sends as sent (written alone: no update's batch carried them). */
  sentMarks(): Promise<number>;
  /** Milliseconds added before each request from now on. */
  setLatency(ms: number): Promise<void>;
}

/** Starts scripts/bench/edge-db.ts (its own process, so its CPU is not ours) and waits for its URL. */
export async function startEdgeDatabase(): Promise<{ proxy: RemoteProxy; close(): Promise<void> }> {
  const script = fileURLToPath(new URL('./edge-db.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`edge database exited with ${code}`)));
    lines.once('line', (line) => resolve((JSON.parse(line) as { url: string }).url));
  });
  const proxy: RemoteProxy = {
    url,
    requests: async () => ((await (await fetch(`${url}/__proxy/count`)).json()) as { requests: number }).requests,
    sentMarks: async () => ((await (await fetch(`${url}/__proxy/count`)).json()) as { sentMarks: number }).sentMarks,
    setLatency: async (ms) => void (await fetch(`${url}/__proxy/latency/${ms}`, { method: 'POST' })),
  };
  return {
    proxy,
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.stdin!.end();
      }),
  };
}
