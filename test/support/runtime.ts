// A real runtime on a fresh temporary database, with recording senders in place of the network.
import { createConfig, type Config } from '../../src/config';
import type { Feature } from '../../src/core/context';
import { silentLogger, type Logger } from '../../src/ground/log';
import type { Services } from '../../src/core/services';
import type { Channel, Incoming } from '../../src/core/types';
import { flushOutbox, type MessageBody, type Senders, type SendResult } from '../../src/outbox/outbox';
import { createSealer } from '../../src/ground/crypto';
import { createRuntime } from '../../src/platform/runtime';
import type { Runtime } from '../../src/runtime';
import { createTestDb, type TestDb } from './db';

export const TEST_DATA_KEY = 'MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY='; // base64 of 32 ASCII bytes

export interface SentMessage extends MessageBody {
  channel: Channel;
  to: string;
  kind: string;
}

export interface TestRuntime {
  rt: Runtime;
  db: TestDb;
  config: Config;
  /** Every message delivered, in order, on any channel. */
  sent: SentMessage[];
  /** Sends one user message and delivers what it caused; returns what that user received. */
  say(userId: string, what: string | Omit<Incoming, 'channel' | 'userId' | 'at'>, opts?: { channel?: Channel; at?: Date }): Promise<SentMessage[]>;
  /** Delivers everything due in the outbox at `at`. */
  flush(at?: Date): Promise<void>;
  cleanup(): void;
}

export interface TestRuntimeOptions {
  env?: Record<string, string>;
  services?: Services;
  features?: Feature[];
  senders?: Senders;
  log?: Logger;
  now?: () => Date;
  /** A database already made (e.g. one migrated from an older schema); a fresh one otherwise. */
  db?: TestDb;
  /** Make a channel's sends fail with this result (fault tests). */
  failWith?: (channel: Channel, to: string) => SendResult | null;
}

export async function createTestRuntime(opts: TestRuntimeOptions = {}): Promise<TestRuntime> {
  const db = opts.db ?? (await createTestDb());
  const config = createConfig({ DATABASE_URL: db.url, DATA_KEY: TEST_DATA_KEY, ...opts.env });
  const sealer = await createSealer(TEST_DATA_KEY);
  const sent: SentMessage[] = [];
  const recording = (channel: Channel) => ({
    async send(to: string, body: MessageBody, meta: { kind: string }): Promise<SendResult> {
      const failure = opts.failWith?.(channel, to);
      if (failure) return failure;
      sent.push({ channel, to, kind: meta.kind, ...body });
      return { ok: true } as const;
    },
  });
  const senders: Senders = { telegram: recording('telegram'), zalo: recording('zalo'), cli: recording('cli'), web: recording('web'), ...opts.senders };
  const rt = createRuntime({
    db: db.db,
    config,
    sealer,
    log: opts.log ?? silentLogger,
    services: opts.services,
    senders,
    features: opts.features,
    now: opts.now,
  });
  let clock = new Date('2026-11-25T03:00:00Z').getTime();
  return {
    rt,
    db,
    config,
    sent,
    async say(userId, what, o = {}) {
      const at = o.at ?? new Date((clock += 1000));
      const before = sent.length;
      const inc = typeof what === 'string' ? { text: what } : what;
      const result = await rt.engine.handle({ channel: o.channel ?? 'cli', userId, at, ...inc });
      await flushOutbox({ db: db.db, sealer, senders }, at, { ids: result.outboxIds });
      return sent.slice(before).filter((m) => m.to === userId);
    },
    async flush(at = new Date(clock)) {
      await flushOutbox({ db: db.db, sealer, senders }, at);
    },
    cleanup: () => db.cleanup(),
  };
}
