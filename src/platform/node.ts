// Boots everything on Node (server and CLI): config, database (migrated and seeded), senders, runtime.
import { fileURLToPath } from 'node:url';
import { Bot } from 'grammy';
import { createConfig, type Config } from '../config';
import { createTelegramSender } from '../channels/telegram/sender';
import { createBot } from '../channels/telegram/bot';
import { botApiFetch } from '../channels/telegram/node-fetch';
import { createLogger, type Logger } from '../ground/log';
import type { Feature } from '../core/context';
import { openDb, type DbHandle } from '../db/node-client';
import { migrateDb } from '../db/migrate';
import { sealOldReporters } from '../cases/reporter-backfill';
import { seedDatabase } from '../db/seed';
import type { Senders } from '../outbox/outbox';
import { createNodeSealer } from '../ground/crypto-node';
import type { Sealer } from '../ground/crypto';
import type { Runtime } from '../runtime';
import { resolveDataKey } from './data-key';
import { createRuntime } from './runtime';
import { nodeSeedSteps, nodeServices, onUndeliverableHook } from './wiring';

export const CONTENT_DIR = fileURLToPath(new URL('../../content', import.meta.url));

export interface NodeBoot {
  config: Config;
  handle: DbHandle;
  rt: Runtime;
  bot?: Bot;
  log: Logger;
  close(): void;
}

export interface BootOptions {
  env?: Record<string, string | undefined>;
  log?: Logger;
  /** Extra senders (the CLI prints messages for `cli` users). */
  senders?: Senders;
  features?: Feature[];
  seed?: boolean;
}

export async function bootNode(opts: BootOptions = {}): Promise<NodeBoot> {
  const log = opts.log ?? createLogger();
  const config = createConfig(opts.env ?? process.env);
  const handle = openDb(config.DATABASE_URL, config.DATABASE_AUTH_TOKEN);
  await migrateDb(handle.db, handle.client);
  const sealer = createNodeSealer(resolveDataKey(config.DATA_KEY, config.DATABASE_URL, log), config.DATA_KEY_PREVIOUS);
  // Cases filed before migration 0007 named their reporter in clear: sealed now (once; then one read).
  await sealOldReporters(handle.db, sealer);
  if (opts.seed !== false) {
    await seedDatabase(handle.db, { contentDir: CONTENT_DIR, at: new Date(), log, demo: config.demoData, progress: (l) => process.stderr.write(l + '\n') }, nodeSeedSteps(config, sealer));
  }
  const services = await nodeServices(handle.db, CONTENT_DIR);
  const senders: Senders = { ...opts.senders };
  let bot: Bot | undefined;
  const rtRef: { rt?: Runtime } = {};
  if (config.telegramEnabled) {
    // The runtime needs the senders and the bot needs the runtime: the bot reads it lazily.
    bot = createBot(
      { token: config.TELEGRAM_BOT_TOKEN!, apiRoot: config.TELEGRAM_API_ROOT, botInfo: config.TELEGRAM_BOT_INFO as never, fetch: botApiFetch() },
      new Proxy({} as Runtime, { get: (_t, k) => (rtRef.rt as unknown as Record<string | symbol, unknown>)[k] }),
    );
    senders.telegram = createTelegramSender(bot.api, log);
  }
  Object.assign(senders, await extraSenders(config, handle, log, sealer));
  const rt = createRuntime({
    db: handle.db,
    config,
    sealer,
    log,
    services,
    senders,
    features: opts.features,
    onUndeliverable: onUndeliverableHook(handle.db),
  });
  rtRef.rt = rt;
  return { config, handle, rt, bot, log, close: () => handle.close() };
}

async function extraSenders(config: Config, handle: DbHandle, log: Logger, sealer: Sealer): Promise<Senders> {
  const { channelSenders } = await import('./wiring');
  return channelSenders(config, handle.db, log, sealer);
}
