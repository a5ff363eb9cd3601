// Builds the Runtime from its parts; the Node server, the Worker, the CLI and the tests all use this.
import type { Config } from '../config';
import type { CoreDeps, Feature } from '../core/context';
import { createEngine } from '../core/engine';
import type { Logger } from '../ground/log';
import { errorFields } from '../ground/log';
import type { Services } from '../core/services';
import type { Db } from '../db/db';
import { allFeatures } from '../features';
import { flushOutbox, LEASE_MS, type FlushDeps, type Senders } from '../outbox/outbox';
import type { Sealer } from '../ground/crypto';
import type { BackgroundScope, Runtime } from '../runtime';

export interface RuntimeParts {
  db: Db;
  config: Config;
  sealer: Sealer;
  log: Logger;
  services?: Services;
  senders?: Senders;
  features?: Feature[];
  onUndeliverable?: FlushDeps['onUndeliverable'];
  /** Where background work goes (Workers: the request's waitUntil); by default detached and tracked. */
  background?: (task: Promise<unknown>, scope?: BackgroundScope) => void;
  /** `afterAnswer` work starts on a later turn of the event loop, after the answer (the Worker). */
  answerFirst?: boolean;
  now?: () => Date;
}

/** Resolves on a later turn of the event loop (a timer): after the microtasks that finish a response. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
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
  // Background work on Node: detached from the request, tracked so `idle()` (tests, shutdown) can wait.
  const pending = new Set<Promise<unknown>>();
  const track = (task: Promise<unknown>): void => {
    const t: Promise<unknown> = task.then(
      () => pending.delete(t),
      (err: unknown) => {
        pending.delete(t);
        parts.log.warn('background.failed', errorFields(err));
      },
    );
    pending.add(t);
  };
  const place = parts.background ?? ((task: Promise<unknown>) => track(task));
  const rt: Runtime = {
    core,
    engine: createEngine(core, parts.features ?? allFeatures()),
    senders,
    onUndeliverable: parts.onUndeliverable,
    async deliver(ids, at, bodies) {
      if (ids.length === 0) return;
      await deliverNow(at, { ids, bodies });
    },
    async receive(inc, opts = {}) {
      const leaseFrom = rt.now();
      const result = await rt.engine.handle(inc, { lease: { until: new Date(leaseFrom.getTime() + LEASE_MS), channels: Object.keys(senders) } });
      // Committed: the answer to the platform no longer depends on anything below. Rows for a
      // channel without a sender here stay pending (only the tick could send them).
      if (result.claimed.length > 0) {
        const deliver = () => deliverNow(rt.now(), { claimed: result.claimed, bodies: result.bodies });
        if (opts.wait) await deliver();
        else rt.afterAnswer(deliver, opts.scope);
      }
      return result;
    },
    background(task, scope) {
      place(task.catch((err: unknown) => parts.log.warn('background.failed', errorFields(err))), scope);
    },
    afterAnswer(work, scope) {
      rt.background(parts.answerFirst ? nextTurn().then(work) : work(), scope);
    },
    async idle() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    now: parts.now ?? (() => new Date()),
  };
  return rt;
}
