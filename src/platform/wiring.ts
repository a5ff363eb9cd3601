// Where the capabilities are plugged into a runtime: seed steps, services, senders, tick steps.
import type { Config } from '../config';
import type { Logger } from '../core/log';
import type { Services } from '../core/services';
import type { Db } from '../db/db';
import type { SeedStep } from '../db/seed';
import type { FlushDeps, Senders } from '../outbox/outbox';
import type { TickStep } from '../runtime';

export function nodeSeedSteps(_config: Config): Array<[string, SeedStep]> {
  return [];
}

export async function nodeServices(_db: Db, _contentDir: string): Promise<Services> {
  return {};
}

export function channelSenders(_config: Config, _db: Db, _log: Logger): Senders {
  return {};
}

export function onDeadHook(_db: Db): FlushDeps['onDead'] {
  return undefined;
}

export function tickSteps(): Array<[string, TickStep]> {
  return [];
}

/** Routers mounted beside the webhooks: /zalo, /chat, /admin; and GET /'s extra head lines. */
export async function appRoutes(_rt: import('../runtime').Runtime, _config: Config): Promise<{ routes: Record<string, import('hono').Hono>; headExtra: string | null }> {
  return { routes: {}, headExtra: null };
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
  return {};
}
