// What the HTTP app, the tick and the CLI share at run time: the core, the engine and the senders.
import type { CoreDeps } from './core/context';
import type { Engine, HandleResult } from './core/engine';
import type { Incoming } from './core/types';
import type { FlushDeps, MessageBody, Senders } from './outbox/outbox';

export interface Runtime {
  core: CoreDeps;
  engine: Engine;
  /** Channel senders that are configured (a channel without secrets has none). */
  senders: Senders;
  /** Called when a message is dead-lettered (e.g. fall back from Zalo to Telegram). */
  onUndeliverable?: FlushDeps['onUndeliverable'];
  /**
   * Delivers the given outbox rows now (best effort; the tick retries what fails). `bodies` are the
   * rows' plaintexts from `engine.handle` (HandleResult.bodies), so they need not be opened again.
   */
  deliver(ids: number[], at: Date, bodies?: ReadonlyMap<number, MessageBody>): Promise<void>;
  /**
   * Handles one incoming update and delivers what it queued: the update's rows are written already
   * claimed in its own transaction, so sending them takes no further write before the send.
   */
  receive(inc: Incoming): Promise<HandleResult>;
  /** Runs work after the response (Workers waitUntil); on Node it simply awaits. */
  background(task: Promise<unknown>): void | Promise<unknown>;
  now(): Date;
}

/** A step of the scheduled tick. Returns counts for the log; must be idempotent. */
export type TickStep = (rt: Runtime, at: Date) => Promise<Record<string, number>>;
