// What a feature handler gets: the user, their conversation state, and ways to reply or notify others.
import type { Config } from '../config';
import type { Db } from '../db/db';
import type { Sealer } from '../ground/crypto';
import type { Logger } from '../ground/log';
import type { Button, Incoming, Lang, Outgoing, ReplyExtras } from './types';
import type { Catalogue } from './messages';
import type { Services } from './services';
import type { Prefetch } from './prefetch';

export interface CoreDeps {
  db: Db;
  config: Config;
  sealer: Sealer;
  log: Logger;
  services: Services;
}

export interface UserRecord {
  id: number;
  channel: string;
  channelUserId: string;
  role: string;
  lang: Lang;
}

export interface ConversationState {
  step: string | null;
  data: Record<string, unknown>;
}

export interface Ctx {
  /** Dependencies; `db` is the open write transaction of this update. */
  deps: CoreDeps;
  inc: Incoming;
  at: Date;
  user: UserRecord;
  lang: Lang;
  t: Catalogue;
  state: ConversationState;
  /** Sets the step the bot now waits for (and its data); persisted when the update commits. */
  setState(step: string | null, data?: Record<string, unknown>): void;
  /** Replies to the sender. The last reply carries the final state. */
  reply(text: string, buttons?: Button[], extras?: ReplyExtras): void;
  /** Sends to someone else (an officer, a reporter); queued in the outbox with this update. */
  notify(message: Outgoing & { dedupeKey: string }): void;
  /**
   * Appends to the audit log (never personal data in `detail`). The actor is `user:<id>` unless
   * given: a reporter's action on their own case is audited as `reporter` (cases/reporter-link.ts).
   */
  audit(action: string, caseId: number | null, detail?: Record<string, unknown>, actor?: string): Promise<void>;
}

export type CommandHandler = (ctx: Ctx, arg: string) => Promise<void>;
export type ButtonHandler = (ctx: Ctx, args: string[]) => Promise<void>;

/** One capability of the bot, merged into the engine in a fixed order (like a grammY Composer). */
export interface Feature {
  name: string;
  /** Slash commands, keyed without the slash: { status: handler } handles "/status BV-…". */
  commands?: Record<string, CommandHandler>;
  /** Button payload areas: { report: handler } handles "report:age:6-10" with args ["age", "6-10"]. */
  buttons?: Record<string, ButtonHandler>;
  /** Conversation steps this feature owns, by prefix ("report." owns "report.location"). */
  steps?: { prefix: string; handle: (ctx: Ctx) => Promise<void> };
  /** Free text outside any step (the knowledge feature answers questions). */
  onText?: (ctx: Ctx) => Promise<void>;
  /** A shared location outside any step. */
  onLocation?: (ctx: Ctx) => Promise<void>;
  /** Reads an update at one of its steps will make, sent ahead on a remote database (core/prefetch.ts). */
  prefetch?: Prefetch;
}
