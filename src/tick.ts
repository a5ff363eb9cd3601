// One scheduled tick: reminders, escalations, Zalo housekeeping and the outbox. Idempotent by design:
// every send has a unique key in the database, so an overlapping or repeated tick never sends twice.
import { errorFields } from './ground/log';
import { flushOutbox } from './outbox/outbox';
import type { Runtime, TickStep } from './runtime';

export interface TickOptions {
  steps: Array<[name: string, step: TickStep]>;
  /** Outbox batches drained per tick (Workers keep this small to stay within their CPU budget). */
  maxFlushRounds?: number;
}

const FLUSH_BATCH = 500;

export async function runTick(rt: Runtime, at: Date, opts: TickOptions): Promise<Record<string, Record<string, number>>> {
  const report: Record<string, Record<string, number>> = {};
  for (const [name, step] of opts.steps) {
    try {
      report[name] = await step(rt, at);
    } catch (err) {
      // One failing step must not stop the others (an outage of Zalo must not stop escalations).
      rt.core.log.error('tick.step_failed', { step: name, ...errorFields(err) });
      report[name] = { failed: 1 };
    }
  }
  try {
    // Drain in batches (a national reminder day queues thousands), within a bounded number of rounds.
    const total = { sent: 0, retried: 0, dead: 0 };
    for (let round = 0; round < (opts.maxFlushRounds ?? 20); round++) {
      const flushed = await flushOutbox(
        { db: rt.core.db, sealer: rt.core.sealer, senders: rt.senders, onUndeliverable: rt.onUndeliverable },
        at,
        { limit: FLUSH_BATCH },
      );
      total.sent += flushed.sent;
      total.retried += flushed.retried;
      total.dead += flushed.dead;
      if (flushed.sent + flushed.retried + flushed.dead < FLUSH_BATCH) break;
    }
    report.outbox = total;
  } catch (err) {
    rt.core.log.error('tick.outbox_failed', errorFields(err));
    report.outbox = { failed: 1 };
  }
  rt.core.log.info('tick', { at: at.toISOString(), ...Object.fromEntries(Object.entries(report).map(([k, v]) => [k, v])) });
  return report;
}
