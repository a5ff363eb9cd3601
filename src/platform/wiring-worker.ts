// Capabilities plugged into the Worker runtime (no file system: everything from the DB or the bundle).
import type { Hono } from 'hono';
import type { Config } from '../config';
import type { Logger } from '../core/log';
import type { Services } from '../core/services';
import type { Db } from '../db/db';
import type { FlushDeps, Senders } from '../outbox/outbox';
import type { Runtime, TickStep } from '../runtime';

export interface WorkerWiring {
  services: Services;
  senders: Senders;
  onDead?: FlushDeps['onDead'];
  routes(rt: Runtime): Promise<{ routes: Record<string, Hono>; headExtra: string | null }>;
}

export async function workerWiring(_db: Db, _config: Config, _log: Logger): Promise<WorkerWiring> {
  return { services: {}, senders: {}, routes: async () => ({ routes: {}, headExtra: null }) };
}

export function workerTickSteps(): Array<[string, TickStep]> {
  return [];
}
