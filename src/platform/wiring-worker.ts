// Capabilities plugged into the Worker runtime: the Node wiring (src/platform/wiring.ts) minus the file
// system. The map is read from the database per lookup (never loaded whole), content comes from the
// bundle, and only leaf modules are imported so the bundle stays small and free of node: modules.
import type { Hono } from '../ground/hono';
import { zaloFallback } from '../channels/zalo/fallback';
import { zaloRoutes } from '../channels/zalo/routes';
import { createZaloSender } from '../channels/zalo/sender';
import { zaloTick } from '../channels/zalo/tick';
import { seedZaloTokens } from '../channels/zalo/tokens';
import { zaloVerificationMeta } from '../channels/zalo/verification';
import { adminRoutes } from '../admin/routes';
import { webChatRoutes } from '../channels/web/routes';
import { createWebSender } from '../channels/web/sender';
import type { Config } from '../config';
import type { Logger } from '../ground/log';
import { retentionTick } from '../core/retention';
import type { Services } from '../core/services';
import type { Db } from '../db/db';
import type { FlushDeps, Senders } from '../outbox/outbox';
import type { Sealer } from '../ground/crypto';
import { remindersTick } from '../reminders/tick';
import { escalationTick } from '../cases/escalation';
import { reporterSealTick } from '../cases/reporter-backfill';
import { communeRefs, createDbAddressResolver } from '../routing/db-resolve';
import { createPointLocator } from '../routing/geo/locator';
import { dbShapeStore } from '../routing/geo/store-db';
import type { CommuneRef } from '../routing/types';
import type { Runtime, TickStep } from '../runtime';


export interface WorkerWiring {
  services: Services;
  senders: Senders;
  onUndeliverable?: FlushDeps['onUndeliverable'];
  routes(rt: Runtime): Promise<{ routes: Record<string, Hono | (() => Hono)>; headExtra: string | null }>;
}

/** Address, location and commune lookups that read only the rows each question needs. */
export function workerServices(db: Db): Services {
  // The locator asks for names synchronously; on Workers they come from the database afterwards.
  const byCodeOnly = (code: string): CommuneRef => ({ code, name: '', province_code: '', province_name: '' });
  const locate = createPointLocator(dbShapeStore(db), byCodeOnly);
  const resolveAddress = createDbAddressResolver(db);
  return {
    resolveAddress,
    addressReads: resolveAddress.reads,
    async locatePoint(point) {
      const found = await locate(point);
      const refs = await communeRefs(db, found.candidates.map((c) => c.code));
      const candidates = found.candidates.map((c) => refs.get(c.code)).filter((r): r is CommuneRef => r !== undefined);
      const commune = found.commune ? (refs.get(found.commune.code) ?? null) : null;
      return { ...found, commune, candidates };
    },
    commune: async (code) => (await communeRefs(db, [code])).get(code),
  };
}

export async function workerWiring(db: Db, config: Config, log: Logger, sealer: Sealer, at: Date = new Date()): Promise<WorkerWiring> {
  // As on Node: ZALO_ACCESS_TOKEN/ZALO_REFRESH_TOKEN seed the token store when it is empty (one read
  // per isolate start); afterwards the database holds the rotating pair and they are not read again.
  if (config.zaloEnabled) await seedZaloTokens(db, sealer, config, at);
  return {
    services: workerServices(db),
    senders: { web: createWebSender(), ...(config.zaloEnabled ? { zalo: createZaloSender({ db, config, log, sealer }) } : {}) },
    // A Zalo message that cannot be delivered (48-hour window, night hours) falls back to another channel.
    onUndeliverable: async (row, reason, at) => void (await zaloFallback(db, row, reason, at)),
    async routes(rt) {
      // No demo officer on the edge: it exists only where the demo directory is seeded.
      // The pages are registered on their first request, not in every isolate's boot (createApp).
      const routes: Record<string, Hono | (() => Hono)> = {
        // Cloudflare puts the client address in CF-Connecting-IP (limits on logins, messages and reports are per address).
        '/chat': () => webChatRoutes(rt, { address: { socketAddress: (c) => c.req.header('CF-Connecting-IP') } }),
        '/admin': () => adminRoutes(rt, config, { clientIp: (c) => c.req.header('CF-Connecting-IP') ?? 'unknown' }),
      };
      if (config.zaloEnabled) routes['/zalo'] = zaloRoutes(rt);
      return { routes, headExtra: zaloVerificationMeta(config) };
    },
  };
}

/** The scheduled tick's steps on Workers; the outbox flush runs after them (src/tick.ts). */
export function workerTickSteps(): Array<[string, TickStep]> {
  return [
    // Cases filed before migration 0007 named their reporter in clear: sealed by the first tick.
    ['reporters', reporterSealTick],
    ['zalo', zaloTick],
    ['escalation', escalationTick],
    ['reminders', remindersTick],
    ['retention', retentionTick],
  ];
}
