// Builds the Runtime from its parts; the Node server, the Worker, the CLI and the tests all use this.
import type { Config } from '../config';
import type { CoreDeps, Feature } from '../core/context';
import { createEngine } from '../core/engine';
import type { Logger } from '../core/log';
import { errorFields } from '../core/log';
import type { Services } from '../core/services';
import type { Db } from '../db/db';
import { allFeatures } from '../features';
import { flushOutbox, type FlushDeps, type Senders } from '../outbox/outbox';
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
  const rt: Runtime = {
    core,
    engine: createEngine(core, parts.features ?? allFeatures()),
    senders,
    onUndeliverable: parts.onUndeliverable,
    async deliver(ids, at, bodies) {
      if (ids.length === 0) return;
      try {
        await flushOutbox({ db: parts.db, sealer: parts.sealer, senders, onUndeliverable: parts.onUndeliverable }, at, { ids, bodies });
      } catch (err) {
        // Delivery is retried by the tick; the update itself is already committed.
        parts.log.warn('deliver.failed', errorFields(err));
      }
    },
    background: parts.background ?? ((task) => task),
    now: parts.now ?? (() => new Date()),
  };
  return rt;
}
