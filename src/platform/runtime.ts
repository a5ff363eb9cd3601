// Builds the Runtime from its parts; the Node server, the Worker, the CLI and the tests all use this.
import type { Config } from '../config';
import type { CoreDeps, Feature } from '../core/context';
import { createEngine } from '../core/engine';
import type { Logger } from '../core/log';
import { errorFields } from '../core/log';
import type { Services } from '../core/services';
import type { Db } from '../db/db';
import { allFeatures } from '../features';
import { flushOutbox, LEASE_MS, type FlushDeps, type Senders } from '../outbox/outbox';
import type { Sealer } from '../reports/crypto';
import type { Runtime } from '../runtime';

export interface RuntimeParts {
  db: Db;
  config: Config;
  sealer: Sealer;
  log: Logger;
  services?: Services;
  senders?: Senders;
  features?: Feature[];
  onUndeliverable?: FlushDeps['onUndeliverable'];
  background?: (task: Promise<unknown>) => void | Promise<unknown>;
  now?: () => Date;
}

export function createRuntime(parts: RuntimeParts): Runtime {
  const core: CoreDeps = {
    db: parts.db,
    config: parts.config,
    sealer: parts.sealer,
    log: parts.log,
    services: parts.services ?? {},
  };
  const senders = parts.senders ?? {};
  const deliverNow = async (at: Date, what: Parameters<typeof flushOutbox>[2]) => {
    try {
      await flushOutbox({ db: parts.db, sealer: parts.sealer, senders, onUndeliverable: parts.onUndeliverable }, at, what);
    } catch (err) {
      // Delivery is retried by the tick; the update itself is already committed.
      parts.log.warn('deliver.failed', errorFields(err));
    }
  };
  const rt: Runtime = {
    core,
    engine: createEngine(core, parts.features ?? allFeatures()),
    senders,
    onUndeliverable: parts.onUndeliverable,
    async deliver(ids, at, bodies) {
      if (ids.length === 0) return;
      await deliverNow(at, { ids, bodies });
    },
    async receive(inc) {
      const leaseFrom = rt.now();
      const result = await rt.engine.handle(inc, { lease: { until: new Date(leaseFrom.getTime() + LEASE_MS), channels: Object.keys(senders) } });
      // Rows for a channel without a sender here stay pending (only the tick could send them).
      if (result.claimed.length > 0) await deliverNow(rt.now(), { claimed: result.claimed, bodies: result.bodies });
      return result;
    },
    background: parts.background ?? ((task) => task),
    now: parts.now ?? (() => new Date()),
  };
  return rt;
}
