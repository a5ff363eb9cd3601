// Runs the real Node server (src/server.ts) as a child process on loopback, for the load test, the
// webhook bench and the crash test; and prepares its database (migrated, seeded, Telegram officers).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { officers } from '../../src/db/schema';
import { silentLogger } from '../../src/ground/log';
import { bootNode } from '../../src/platform/node';
import { FAKE_BOT_INFO, FAKE_BOT_TOKEN } from './fake-bot-api';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BENCH_DATA_KEY = 'MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY='; // base64 of 32 ASCII bytes, tests only
export const WEBHOOK_SECRET = 'loopback-secret_123';

/** A Telegram officer for a commune that has no demo officer, so every notice goes to Telegram. */
export interface TelegramOfficer {
  chatId: string;
  communeCode: string;
  provinceCode: string;
  name: string;
}

/** Addresses (old and new style) that resolve to one commune each, with the officer who gets them. */
export const LOOPBACK_OFFICERS: Array<TelegramOfficer & { addresses: string[] }> = [
  {
    chatId: '880000070',
    communeCode: '00070',
    provinceCode: '01',
    name: 'Cán bộ BVTE phường Hoàn Kiếm (thử tải)',
    addresses: ['25 Hàng Bạc, phường Hoàn Kiếm, Hà Nội'],
  },
  {
    chatId: '880000082',
    communeCode: '00082',
    provinceCode: '01',
    name: 'Cán bộ BVTE phường Cửa Nam (thử tải)',
    addresses: ['10 Tràng Thi, phường Cửa Nam, Hà Nội', 'Tổ 3, phường Cửa Nam, Hà Nội'],
  },
  {
    chatId: '880026743',
    communeCode: '26743',
    provinceCode: '79',
    name: 'Cán bộ BVTE phường Bến Thành (thử tải)',
    addresses: ['số 5 đường Lê Lợi, phường Bến Thành, TP Hồ Chí Minh'],
  },
  {
    chatId: '880020242',
    communeCode: '20242',
    provinceCode: '48',
    name: 'Cán bộ BVTE phường Hải Châu (thử tải)',
    addresses: ['45 Trần Phú, phường Hải Châu, Đà Nẵng'],
  },
];

export function tempDatabaseUrl(prefix = 'baove-proof-'): string {
  return `file:${join(mkdtempSync(join(tmpdir(), prefix)), 'baove.db')}`;
}

/** Creates, migrates and seeds the database the server will use, and adds the Telegram officers. */
export async function prepareDatabase(databaseUrl: string, extraOfficers: TelegramOfficer[] = LOOPBACK_OFFICERS): Promise<void> {
  const origWrite = process.stderr.write.bind(process.stderr);
  // The seed prints progress lines; keep the caller's output clean.
  process.stderr.write = (() => true) as typeof process.stderr.write;
  try {
    const boot = await bootNode({ env: { DATABASE_URL: databaseUrl, DATA_KEY: BENCH_DATA_KEY }, log: silentLogger });
    try {
      for (const o of extraOfficers) {
        await boot.handle.db
          .insert(officers)
          .values({ communeCode: o.communeCode, provinceCode: o.provinceCode, name: o.name, role: 'officer', channel: 'telegram', channelUserId: o.chatId, phone: null, active: true, createdAt: new Date() })
          .onConflictDoNothing();
      }
    } finally {
      boot.close();
    }
  } finally {
    process.stderr.write = origWrite;
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  base: string;
  port: number;
  child: ChildProcess;
  /** The last lines the server wrote to stderr (its JSON logs), for diagnostics. */
  stderrTail(): string[];
  /** All stderr lines (only when `keepLogs`). */
  logs: string[];
  /** SIGKILL, no chance to clean up: what a crash or an OOM kill does. */
  kill9(): Promise<void>;
  /** SIGTERM and wait for exit. */
  stop(): Promise<void>;
}

export interface ServerOptions {
  databaseUrl: string;
  apiRoot: string;
  env?: Record<string, string>;
  keepLogs?: boolean;
  /** How long to wait for /healthz. */
  readyTimeoutMs?: number;
  /** Extra node flags, e.g. ['--cpu-prof'] to profile the server. */
  nodeArgs?: string[];
}

/** Starts `src/server.ts` in a child process with Telegram on, and waits until /healthz answers. */
export async function startServer(opts: ServerOptions): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), '--import', 'tsx', 'src/server.ts'], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: opts.databaseUrl,
      DATA_KEY: BENCH_DATA_KEY,
      TELEGRAM_BOT_TOKEN: FAKE_BOT_TOKEN,
      TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET,
      TELEGRAM_API_ROOT: opts.apiRoot,
      TELEGRAM_BOT_INFO: JSON.stringify(FAKE_BOT_INFO),
      ...opts.env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const tail: string[] = [];
  const logs: string[] = [];
  let partial = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => {
    partial += chunk;
    const lines = partial.split('\n');
    partial = lines.pop() ?? '';
    for (const l of lines) {
      tail.push(l);
      if (tail.length > 50) tail.shift();
      if (opts.keepLogs) logs.push(l);
    }
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (opts.readyTimeoutMs ?? 60_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited during start:\n${tail.join('\n')}`);
    try {
      const res = await fetch(`${base}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not become ready:\n${tail.join('\n')}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    base,
    port,
    child,
    logs,
    stderrTail: () => [...tail],
    async kill9() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
