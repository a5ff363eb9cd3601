// The engine on a database across the network (core/batched.ts), against the project's Hrana test
// server behind a counting proxy: a read a feature names ahead rides in the update's first batch and
// costs no request of its own; a read named ahead that fails costs the update nothing; and the web
// chat's per-address limit holds there as it does on the local file.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConfig } from '../../src/config';
import type { Feature } from '../../src/core/context';
import { createEngine } from '../../src/core/engine';
import { catalogues } from '../../src/core/messages';
import type { Incoming } from '../../src/core/types';
import type { Db } from '../../src/db/db';
import { openWebDb } from '../../src/db/web-client';
import { createSealer } from '../../src/ground/crypto';
import { silentLogger, type Logger } from '../../src/ground/log';
import { startCountingProxy, type CountingProxy } from '../support/counting-proxy';
import { createTestDb, type TestDb } from '../support/db';
import { startHranaServer, type HranaServer } from '../support/hrana-server';
import { TEST_DATA_KEY } from '../support/runtime';

const ANSWER = { sql: 'select 41 + ?', args: [1] };

/**
 * `/probe` reads ANSWER (named ahead); `/broken` names a read that fails, then answers; `/gated` reads
 * ANSWER too, named ahead only for a sender at the step `probe.waiting` (which `/wait` sets).
 */
const probe: Feature = {
  name: 'probe',
  commands: {
    probe: async (ctx) => {
      const rows = await ctx.deps.db.values<[number]>(sql`select 41 + ${1}`);
      ctx.reply(`answer ${rows[0]![0]}`);
    },
    broken: async (ctx) => ctx.reply('still here'),
    hi: async (ctx) => ctx.reply('hello'),
    wait: async (ctx) => {
      ctx.setState('probe.waiting', { since: 'now' });
      ctx.reply('waiting');
    },
    gated: async (ctx) => {
      const rows = await ctx.deps.db.values<[number]>(sql`select 41 + ${1}`);
      ctx.reply(`gated ${rows[0]![0]}`);
    },
  },
  prefetch: {
    fromUpdate: ({ inc }) =>
      inc.text === '/probe'
        ? [ANSWER]
        : inc.text === '/broken'
          ? [{ sql: 'select * from no_such_table', args: [] }]
          : inc.text === '/gated'
            ? [{ read: ANSWER, at: ['probe.waiting'] }]
            : [],
  },
};

let file: TestDb;
let hrana: HranaServer;
let proxy: CountingProxy;
let db: Db;
const warnings: string[] = [];
const log: Logger = { ...silentLogger, warn: (msg: string) => void warnings.push(msg) };
let n = 0;

beforeAll(async () => {
  file = await createTestDb();
  hrana = await startHranaServer(file.url.slice('file:'.length));
  proxy = await startCountingProxy(hrana.url);
  db = openWebDb(proxy.url);
});
afterAll(async () => {
  await proxy?.close();
  await hrana?.close();
  file?.cleanup();
});

async function engineWith(env: Record<string, string> = {}) {
  const config = createConfig({ DATABASE_URL: proxy.url, DATA_KEY: TEST_DATA_KEY, ...env });
  return createEngine({ db, config, sealer: await createSealer(TEST_DATA_KEY), log, services: {} }, [probe]);
}

const update = (userId: string, text: string, extra: Partial<Incoming> = {}): Incoming => ({ channel: 'telegram', userId, text, at: new Date(), dedupeKey: `test:${++n}`, ...extra });

describe('an update on a database across the network', () => {
  it("answers a feature's read named ahead from the first batch: two requests in all", async () => {
    const engine = await engineWith();
    await engine.handle(update('501', '/hi')); // the user exists from here on
    const before = proxy.requests;
    const result = await engine.handle(update('501', '/probe'));
    expect(result.messages.map((m) => m.text)).toEqual(['answer 42']);
    expect(proxy.requests - before).toBe(2);
  });

  it('uses a read named for a step only when the state read with it is at that step', async () => {
    const engine = await engineWith();
    await engine.handle(update('503', '/hi'));
    let before = proxy.requests;
    expect((await engine.handle(update('503', '/gated'))).messages.map((m) => m.text)).toEqual(['gated 42']);
    expect(proxy.requests - before).toBe(3); // not at the step: the gated read returned nothing, and was not used
    await engine.handle(update('503', '/wait'));
    before = proxy.requests;
    expect((await engine.handle(update('503', '/gated'))).messages.map((m) => m.text)).toEqual(['gated 42']);
    expect(proxy.requests - before).toBe(2);
  });

  it('still answers when a read named ahead fails, and says so in the log', async () => {
    const engine = await engineWith();
    warnings.length = 0;
    const result = await engine.handle(update('502', '/broken'));
    expect(result.messages.map((m) => m.text)).toEqual(['still here']);
    expect(warnings).toContain('prefetch.failed');
  });

  it('limits the web chat per address as well as per visitor: a fresh cookie from the same address is no fresh allowance', async () => {
    const engine = await engineWith({ WEB_ADDRESS_MESSAGES_PER_MINUTE: '2' });
    const at = new Date();
    const said = [];
    for (const visitor of ['w1', 'w2', 'w3']) {
      const result = await engine.handle(update(visitor, '/hi', { channel: 'web', origin: 'addr-hash-1', at }));
      said.push(result.messages.map((m) => m.text).join(' | '));
    }
    expect(said.slice(0, 2)).toEqual(['hello', 'hello']);
    expect(said[2]).toContain(catalogues.vi.rateLimited.slice(0, 30));
    // Another address is not held back by this one.
    const elsewhere = await engine.handle(update('w4', '/hi', { channel: 'web', origin: 'addr-hash-2', at }));
    expect(elsewhere.messages.map((m) => m.text)).toEqual(['hello']);
  });
});
