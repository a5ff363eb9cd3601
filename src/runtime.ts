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
   * Handles one incoming update, resolves once it is committed, and delivers what it queued after
   * that, in the background (`background`): a webhook answers without waiting on the platform's API.
   * The update's rows are written already claimed in its own transaction, so sending them takes no
   * further write before the send; a send that fails stays in the outbox for the tick.
   * `wait: true` (the CLI, the web chat) resolves only after the delivery too.
   */
  receive(inc: Incoming, opts?: ReceiveOptions): Promise<HandleResult>;
  /**
   * Runs work after the response: on Workers `waitUntil` of the request's execution context
   * (`scope`), on Node detached (and tracked, see `idle`). Never rejects; failures are logged.
   */
  background(task: Promise<unknown>, scope?: BackgroundScope): void;
  /**
   * Starts `work` once the answer is on its way, kept alive as by `background`. On Workers it starts
   * on a later turn of the event loop (`answerFirst`): started at once, its first steps (up to its
   * first real wait: the sender, the Bot API client) run in the microtasks between the commit and the
   * answer, and a fresh isolate compiles their code there. On Node it starts at once.
   */
  afterAnswer(work: () => Promise<unknown>, scope?: BackgroundScope): void;
  /** Resolves when every background task started so far (and any they started) has finished (Node, tests). */
  idle(): Promise<void>;
  now(): Date;
}

/** What keeps a request's background work alive after its response (a Workers ExecutionContext). */
export interface BackgroundScope {
  waitUntil(promise: Promise<unknown>): void;
}

export interface ReceiveOptions {
  /** The request's execution context (Workers), for its background delivery. */
  scope?: BackgroundScope;
  /** Deliver before resolving (the CLI prints, the web chat shows what was sent). */
  wait?: boolean;
}

/** A step of the scheduled tick. Returns counts for the log; must be idempotent. */
export type TickStep = (rt: Runtime, at: Date) => Promise<Record<string, number>>;
