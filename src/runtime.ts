// What the HTTP app, the tick and the CLI share at run time: the core, the engine and the senders.
import type { CoreDeps } from './core/context';
import type { Engine } from './core/engine';
import type { FlushDeps, Senders } from './outbox/outbox';

export interface Runtime {
  core: CoreDeps;
  engine: Engine;
  /** Channel senders that are configured (a channel without secrets has none). */
  senders: Senders;
  /** Called when a message is dead-lettered (e.g. fall back from Zalo to Telegram). */
  onUndeliverable?: FlushDeps['onUndeliverable'];
  /** Delivers the given outbox rows now (best effort; the tick retries what fails). */
  deliver(ids: number[], at: Date): Promise<void>;
  /** Runs work after the response (Workers waitUntil); on Node it simply awaits. */
  background(task: Promise<unknown>): void | Promise<unknown>;
  now(): Date;
}

/** A step of the scheduled tick. Returns counts for the log; must be idempotent. */
export type TickStep = (rt: Runtime, at: Date) => Promise<Record<string, number>>;
