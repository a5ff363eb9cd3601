// Where the capabilities are plugged into the Node runtime: seed steps, services, senders, tick
// steps, routes and CLI commands. Each capability stays unaware of the others.
import { join } from 'node:path';
import type { Context } from 'hono';
import type { Hono } from '../ground/hono';
import { clientAddress } from '../core/client-address';
import { getConnInfo } from '@hono/node-server/conninfo';
import { adminRoutes, seedWebDemo } from '../admin';
import { createWebSender, webChatRoutes } from '../channels/web';
import { createNodeSealer } from '../ground/crypto-node';
import type { Sealer } from '../ground/crypto';
import { walCheckpoint } from '../db/checkpoint';
import { migrateDb } from '../db/migrate';
import { openDb, type DbHandle } from '../db/node-client';
import { resolveDataKey } from './data-key';
import { createZaloSender, seedZaloTokens, zaloCommand, zaloFallback, zaloRoutes, zaloTick, zaloVerificationMeta } from '../channels/zalo';
import { createConfig, type Config } from '../config';
import type { Logger } from '../ground/log';
import { retentionTick } from '../core/retention';
import type { Services } from '../core/services';
import type { Db } from '../db/db';
import type { SeedStep } from '../db/seed';
import { askCommand } from '../knowledge/ask-command';
import type { FlushDeps, Senders } from '../outbox/outbox';
import { createPointLocator, dbShapeStore } from '../routing/geo';
import { importWardShapes } from '../routing/geo/node';
import { importCommuneMap } from '../routing/import';
import { locateCommand } from '../routing/locate-command';
import { loadMapIndex, type MapIndex } from '../routing/map-index';
import { resolveCommune } from '../routing/resolve';
import type { CommuneRef } from '../routing/types';
import { remindersDueCommand } from '../reminders/cli';
import { statsCommand } from '../annex/cli';
import { RULES } from '../reminders/rules.generated';
import { muteRule } from '../reminders/store';
import { remindersTick } from '../reminders/tick';
import { directoryCommand } from '../directory/directory-cli';
import { keysCommand } from '../reports/keys-cli';
import { retireDemoOfficers, seedDemoDirectory } from '../directory/directory';
import { escalationTick } from '../cases/escalation';
import type { Runtime, TickStep } from '../runtime';


export function nodeSeedSteps(config: Config, sealer: Sealer): Array<[string, SeedStep]> {
  return [
    ['commune-map', async (db, o) => void (await importCommuneMap(db, join(o.contentDir, 'map'), o.progress ?? (() => undefined)))],
    ['ward-shapes', async (db, o) => void (await importWardShapes(db, join(o.contentDir, 'map', 'vn-wards-2026-simplified.json'), o.progress ?? (() => undefined)))],
    ['zalo-tokens', async (db, o) => seedZaloTokens(db, sealer, config, o.at)],
    // DEMO_DATA=false retires the demo officers an earlier start seeded (their demo case stays, seen by no real officer).
    ['demo-directory', async (db, o) => void (o.demo === false ? await retireDemoOfficers(db) : await seedDemoDirectory(db, o.at))],
    ['web-demo', async (db, o) => (o.demo === false ? undefined : seedWebDemo(db, sealer, o.at))],
  ];
}

/** Address and location services over the database (the map index is loaded once per process). */
export async function mapServices(db: Db): Promise<Services & { index: MapIndex }> {
  const index = await loadMapIndex(db);
  const commune = (code: string): CommuneRef | undefined => index.communes.get(code)?.ref;
  const locatePoint = createPointLocator(dbShapeStore(db), commune);
  return {
    index,
    resolveAddress: async (text) => resolveCommune(text, index),
    locatePoint,
    commune: async (code) => commune(code),
  };
}

export async function nodeServices(db: Db, _contentDir: string): Promise<Services> {
  return mapServices(db);
}

export function channelSenders(config: Config, db: Db, log: Logger, sealer: Sealer): Senders {
  return config.zaloEnabled ? { zalo: createZaloSender({ db, config, log, sealer }) } : {};
}

export function onUndeliverableHook(db: Db): FlushDeps['onUndeliverable'] {
  return async (row, reason, at) => void (await zaloFallback(db, row, reason, at));
}

export function tickSteps(): Array<[string, TickStep]> {
  return [
    ['zalo', zaloTick],
    ['escalation', escalationTick],
    ['reminders', remindersTick],
    ['retention', retentionTick],
    ['checkpoint', (rt) => walCheckpoint(rt.core.db)],
  ];
}

/** Routers mounted beside the webhooks: /zalo, /chat, /admin; and GET /'s extra head lines. */
export async function appRoutes(rt: Runtime, config: Config): Promise<{ routes: Record<string, Hono>; headExtra: string | null }> {
  const routes: Record<string, Hono> = {};
  if (config.zaloEnabled) routes['/zalo'] = zaloRoutes(rt);
  // The web chat's outbox rows are read by its page; its sender only marks them sent.
  rt.senders.web ??= createWebSender();
  // The socket's peer, or behind a proxy only the header the operator named (TRUST_PROXY_HEADER).
  const address = { trustedHeader: config.TRUST_PROXY_HEADER, socketAddress: (c: Context) => getConnInfo(c).remote.address };
  routes['/chat'] = webChatRoutes(rt, { demoOfficer: config.demoData, address });
  routes['/admin'] = adminRoutes(rt, config, {
    clientIp: (c) => clientAddress(c, address),
    trustProxy: Boolean(config.TRUST_PROXY_HEADER),
    // exceljs only on Node, loaded on first download: the Worker offers the print page and the CSV.
    xlsx: async (annex) => (await import('../annex/xlsx')).annexWorkbook(annex),
  });
  return { routes, headExtra: zaloVerificationMeta(config) };
}

export interface CliIo {
  log: Logger;
  out: (line: string) => void;
  err: (line: string) => void;
  stdin: () => AsyncIterable<string>;
}
export type CliCommand = (args: string[], io: CliIo) => Promise<number>;

/** The `baove` sub-commands other than chat, each from its capability. */
export function cliCommands(): Record<string, CliCommand> {
  return {
    ask: (args, io) => askCommand(args, { stdin: io.stdin(), out: io.out }),
    locate: async (_args, io) => {
      const boot = await bootForCli(io);
      try {
        const services = await mapServices(boot.handle.db);
        return await locateCommand({ stdin: withNewlines(io.stdin()), out: io.out }, { index: services.index, locatePoint: services.locatePoint });
      } finally {
        boot.close();
      }
    },
    directory: async (args, io) => {
      const boot = await bootForCli(io);
      try {
        return await directoryCommand(args, { db: boot.handle.db, config: boot.config, sealer: boot.rt.core.sealer }, io.out, io.err);
      } finally {
        boot.close();
      }
    },
    reminders: async (args, io) => {
      const boot = await bootForCli(io);
      try {
        if (args[0] === 'mute' || args[0] === 'unmute') return await muteCommand(args, boot.handle.db, io);
        return await remindersDueCommand(args, { db: boot.handle.db, config: boot.config }, io.out);
      } finally {
        boot.close();
      }
    },
    stats: async (args, io) => {
      const boot = await bootForCli(io);
      try {
        // The command line is an edge: the annex is stamped with this very moment.
        return await statsCommand(args, { db: boot.handle.db, tz: boot.config.TZ_REGION, at: new Date() }, io.out, io.err);
      } finally {
        boot.close();
      }
    },
    keys: async (args, io) => {
      // Only the database and the keys: no seeding (a rotation must not write anything else).
      let handle: DbHandle | undefined;
      try {
        return await keysCommand(
          args,
          async () => {
            const config = createConfig(process.env);
            handle = openDb(config.DATABASE_URL, config.DATABASE_AUTH_TOKEN);
            await migrateDb(handle.db, handle.client);
            const current = createNodeSealer(resolveDataKey(config.DATA_KEY, config.DATABASE_URL, io.log));
            return { db: handle.db, current, previous: config.DATA_KEY_PREVIOUS.map((k) => createNodeSealer(k)) };
          },
          io.out,
          io.err,
        );
      } finally {
        handle?.close();
      }
    },
    zalo: async (args, io) => {
      const boot = await bootForCli(io);
      try {
        return await zaloCommand(args, { db: boot.handle.db, config: boot.config, sealer: boot.rt.core.sealer }, io.out);
      } finally {
        boot.close();
      }
    },
  };
}

/** `reminders mute RULE_ID` / `reminders unmute RULE_ID`: a muted rule sends nothing. */
async function muteCommand(args: string[], db: Db, io: CliIo): Promise<number> {
  const ruleId = args[1];
  if (!ruleId || !RULES.some((r) => r.id === ruleId)) {
    io.err(`reminders ${args[0]}: cần mã quy tắc, một trong: ${RULES.map((r) => r.id).join(', ')}`);
    return 2;
  }
  await muteRule(db, ruleId, args[0] === 'mute', new Date());
  io.out(args[0] === 'mute' ? `Đã tắt nhắc việc "${ruleId}".` : `Đã bật lại nhắc việc "${ruleId}".`);
  return 0;
}

/** readline yields lines without their newline; locate reassembles raw chunks, so give them back. */
async function* withNewlines(lines: AsyncIterable<string>): AsyncGenerator<string> {
  for await (const line of lines) yield line + '\n';
}

async function bootForCli(io: CliIo) {
  const { bootNode } = await import('./node');
  return bootNode({ log: io.log });
}
