// The conversation engine: one incoming update → state changes and outgoing messages, in one transaction.
import type { Db } from '../db/db';
import { prepared } from '../db/prepared';
import { withTransaction } from '../db/tx';
import { enqueueWithBodies, type Enqueued, type Lease, type MessageBody, type OutboxRow, type QueuedMessage } from '../outbox/outbox';
import { isRemote } from '../db/deferred';
import { handleBatched } from './batched';
import { PrefetchHints } from './prefetch';
import type { ConversationState, CoreDeps, Ctx, Feature, UserRecord } from './context';
import { catalogues, fill } from './messages';
import { firstWarning, overLimit } from './rate-limit';
import { emergencyLine, mainMenuButtons, withWayOn } from './menu';
import { plainCommand } from './words';
import { MEDIA_KINDS, type Button, type Incoming, type Lang, type ReplyExtras } from './types';

export const MAX_TEXT_CHARS = 2000;
export const MAX_PAYLOAD_CHARS = 64;

export interface HandleResult {
  /** True when this update was already processed (a retried webhook): nothing was done. */
  duplicate: boolean;
  /** Everything queued by this update, in order (replies and notifications to others). */
  messages: QueuedMessage[];
  /** Outbox row ids created, for immediate delivery. */
  outboxIds: number[];
  /**
   * The plaintext of each row in `outboxIds` (committed sealed in the same transaction), so the
   * immediate delivery need not open what was just sealed. Pass it to `rt.deliver`.
   */
  bodies: ReadonlyMap<number, MessageBody>;
  /** The rows written already claimed (with `HandleOptions.lease`), for `flushOutbox({ claimed })`. */
  claimed: OutboxRow[];
}

export interface HandleOptions {
  /** Write the outgoing rows for these channels claimed: the caller delivers them right after. */
  lease?: Lease;
}

const NO_BODIES: ReadonlyMap<number, MessageBody> = new Map();

export interface Engine {
  handle(inc: Incoming, opts?: HandleOptions): Promise<HandleResult>;
}

export function createEngine(deps: CoreDeps, features: Feature[]): Engine {
  // What this process last wrote for each user, for the reads sent ahead on a remote database.
  const hints = new PrefetchHints(features);
  const inTransaction = (inc: Incoming, opts: HandleOptions, baseKey: string) =>
      withTransaction(deps.db, async (tx): Promise<HandleResult> => {
        if (inc.dedupeKey && !(await claimInbox(tx, inc.dedupeKey, inc.channel, inc.at))) {
          return DUPLICATE;
        }
        const txDeps: CoreDeps = { ...deps, db: tx };
        const { user, stateRow } = await findUser(tx, inc);
        const stored = await loadState(txDeps, stateRow);
        const state = stored.state;
        const ctx = makeContext(txDeps, inc, user, state);

        const limitKey = `user:${user.id}`;
        // Per user, and for the web chat per address too (a dropped cookie is a new user).
        const addressOver = inc.origin ? await overLimit(tx, `addr:${inc.origin}`, inc.at, deps.config.WEB_ADDRESS_MESSAGES_PER_MINUTE) : false;
        if ((await overLimit(tx, limitKey, inc.at, deps.config.RATE_LIMIT_PER_MINUTE)) || addressOver) {
          if (await firstWarning(tx, limitKey)) ctx.reply(fill(ctx.t.rateLimited, { emergency: emergencyLine(ctx.lang) }));
        } else {
          await dispatch(ctx, features);
        }

        const stateArgs = await stateWrite(txDeps, user.id, ctx.state, stored, inc.at);
        if (stateArgs) await STATE_UPSERT.run(tx, stateArgs);
        const messages = collect(ctx, baseKey);
        const queued = await enqueueWithBodies(tx, deps.sealer, messages, inc.at, opts.lease);
        return handled(messages, queued);
      });
  return {
    async handle(inc, opts = {}) {
      const baseKey = inc.dedupeKey ?? `${inc.channel}:${inc.userId}:${inc.at.getTime()}:${crypto.randomUUID().slice(0, 8)}`;
      // A remote database: reads in one round trip, every write in one atomic batch (core/batched.ts).
      // A local file: one write transaction, statements straight on its connection (db/prepared.ts).
      if (isRemote(deps.db)) return handleBatched(deps, features, hints, inc, opts, baseKey, () => inTransaction(inc, opts, baseKey));
      return inTransaction(inc, opts, baseKey);
    },
  };
}

export function handled(messages: QueuedMessage[], queued: Enqueued[]): HandleResult {
  return {
    duplicate: false,
    messages,
    outboxIds: queued.map((q) => q.id),
    bodies: new Map(queued.map((q) => [q.id, q.body])),
    claimed: queued.flatMap((q) => (q.claimed ? [q.claimed] : [])),
  };
}

export const DUPLICATE: HandleResult = { duplicate: true, messages: [], outboxIds: [], bodies: NO_BODIES, claimed: [] };

interface Pending {
  replies: Array<{ text: string; buttons: Button[]; extras?: ReplyExtras }>;
  notifications: QueuedMessage[];
}
const pendingOf = new WeakMap<Ctx, Pending>();

export function makeContext(deps: CoreDeps, inc: Incoming, user: UserRecord, state: ConversationState): Ctx {
  const pending: Pending = { replies: [], notifications: [] };
  const ctx: Ctx = {
    deps,
    inc,
    at: inc.at,
    user,
    lang: user.lang,
    t: catalogues[user.lang],
    state,
    setState(step, data) {
      ctx.state = { step, data: data ?? (step === null ? {} : ctx.state.data) };
    },
    reply(text, buttons = [], extras) {
      pending.replies.push({ text, buttons, ...(extras ? { extras } : {}) });
    },
    notify(message) {
      pending.notifications.push(message);
    },
    async audit(action, caseId, detail, actor) {
      await AUDIT.run(deps.db, [inc.at.getTime(), actor ?? `user:${user.id}`, action, caseId, detail ? JSON.stringify(detail) : null]);
    },
  };
  pendingOf.set(ctx, pending);
  return ctx;
}

export function collect(ctx: Ctx, baseKey: string): QueuedMessage[] {
  const pending = pendingOf.get(ctx)!;
  const to = { channel: ctx.inc.channel, userId: ctx.inc.userId };
  const replies: QueuedMessage[] = pending.replies.map((r, i) => ({
    to,
    text: r.text,
    // No reply is a dead end: each carries at least a way back to the menu (or out of the step).
    buttons: withWayOn(ctx.t, r.buttons, ctx.state.step),
    ...(r.extras?.calls?.length ? { calls: r.extras.calls } : {}),
    ...(r.extras?.tone ? { tone: r.extras.tone } : {}),
    ...(r.extras?.context ? { context: r.extras.context } : {}),
    // Every reply says what the bot now waits for; the last one is what the user answers.
    state: ctx.state.step,
    kind: 'reply',
    dedupeKey: `${baseKey}:r${i}`,
  }));
  return [...replies, ...pending.notifications];
}

export async function dispatch(ctx: Ctx, features: Feature[]): Promise<void> {
  const { inc } = ctx;
  if (inc.button !== undefined) {
    const payload = inc.button.slice(0, MAX_PAYLOAD_CHARS);
    const [area = '', ...args] = payload.split(':');
    const handler = ownEntry(features.find((f) => ownEntry(f.buttons, area))?.buttons, area);
    if (handler) return handler(ctx, args);
    ctx.reply(ctx.t.expiredButton, mainMenuButtons(ctx.t));
    return;
  }
  const text = dispatchedText(inc);
  if (text.length > MAX_TEXT_CHARS) {
    ctx.reply(fill(ctx.t.tooLong, { max: MAX_TEXT_CHARS }));
    return;
  }
  ctx.inc = { ...inc, text };
  const command = /^\/([A-Za-z_]+)(?:@\w+)?(?:\s+([\s\S]*))?$/.exec(text);
  const words = command ? null : plainCommand(text, { officer: ctx.user.role === 'officer' || ctx.user.role === 'supervisor', inStep: ctx.state.step !== null });
  if (command || words) {
    const name = command ? command[1]!.toLowerCase() : words!.name;
    const arg = command ? (command[2] ?? '').trim() : words!.arg;
    const handler = ownEntry(features.find((f) => ownEntry(f.commands, name))?.commands, name);
    if (handler) return handler(ctx, arg);
    ctx.reply(ctx.t.unknown, mainMenuButtons(ctx.t));
    return;
  }
  const step = ctx.state.step;
  // A voice note, a file, a sticker…: say so, rather than silence or "I did not understand".
  if (inc.media && !text && !inc.photo && !inc.location) {
    const kinds = ctx.t.mediaKinds.split('|');
    ctx.reply(fill(ctx.t.mediaUnsupported, { media: kinds[MEDIA_KINDS.indexOf(inc.media)] ?? kinds.at(-1)!, emergency: emergencyLine(ctx.lang) }), step ? [] : mainMenuButtons(ctx.t));
    if (!step) return;
  }
  if (step) {
    const owner = features.find((f) => f.steps && step.startsWith(f.steps.prefix));
    if (owner?.steps) return owner.steps.handle(ctx);
    ctx.setState(null);
  }
  if (inc.location) {
    const handler = features.find((f) => f.onLocation)?.onLocation;
    if (handler) return handler(ctx);
  }
  if (!text) {
    ctx.reply(ctx.t.unknown, mainMenuButtons(ctx.t));
    return;
  }
  const onText = features.find((f) => f.onText)?.onText;
  if (onText) return onText(ctx);
  ctx.reply(ctx.t.unknown, mainMenuButtons(ctx.t));
}

/** The text as the features see it (dispatch normalises it). */
export function dispatchedText(inc: Incoming): string {
  return (inc.text ?? '').normalize('NFC').trim();
}

/** A handler registered under `key`, never an inherited property: "valueOf" or "/constructor" is no handler. */
function ownEntry<T>(record: Record<string, T> | undefined, key: string): T | undefined {
  return record && Object.hasOwn(record, key) ? record[key] : undefined;
}

// The statements every update runs are written as SQL, and run directly on the transaction's
// connection where they can (db/prepared.ts): the query builder costs more per statement than SQLite
// takes to run it. The column names are checked by the engine's tests.

const AUDIT = prepared('insert into audit_log (at, actor, action, case_id, detail) values (?, ?, ?, ?, ?)');
const INBOX_INSERT = prepared("insert into inbox (key, channel, received_at, status, processed_at) values (?, ?, ?, 'done', ?) on conflict do nothing");
const INBOX_CLAIM_PENDING = prepared<[string]>("update inbox set status = 'done', processed_at = ? where key = ? and status = 'pending' returning key");

/**
 * Records an update as processed; false when it already was (a retried webhook). A Zalo event
 * stored first and processed later has a pending row: processing claims it.
 */
async function claimInbox(db: Db, key: string, channel: string, at: Date): Promise<boolean> {
  const when = at.getTime();
  if ((await INBOX_INSERT.write(db, [key, channel, when, when])).changes > 0) return true;
  return (await INBOX_CLAIM_PENDING.row(db, [when, key])) !== undefined;
}

/** How stale `last_seen_at` may get before an update rewrites it: a read is cheaper than a write. */
export const LAST_SEEN_PRECISION_MS = 60 * 60_000;

/**
 * A time as stored about a person (users.created_at/last_seen_at, a state row without a draft): the
 * start of its hour. The exact time would match the case they just filed (cases.received_at).
 */
export const toTheHour = (ms: number): number => ms - (ms % LAST_SEEN_PRECISION_MS);

/** The sender's conversation_state row as stored (`undefined`: there is none). */
export type StateRow = { step: string | null; dataEnc: string | null } | undefined;

/**
 * Finds or creates the sender, with their conversation state, in one read; records when they were
 * last seen (to the hour, so most updates write nothing here).
 */
async function findUser(db: Db, inc: Incoming): Promise<{ user: UserRecord; stateRow: StateRow }> {
  const when = inc.at.getTime();
  const known = await USER_WITH_STATE.row(db, [inc.channel, inc.userId]);
  let row: readonly [number, string, string] | undefined = known && [known[0], known[1], known[2]];
  const lastSeen = known?.[3] ?? null;
  if (!known || lastSeen === null || Math.abs(when - Number(lastSeen)) >= LAST_SEEN_PRECISION_MS) {
    row = await USER_UPSERT.row(db, [inc.channel, inc.userId, toTheHour(when), toTheHour(when)]);
  }
  return {
    user: { id: Number(row![0]), channel: inc.channel, channelUserId: inc.userId, role: row![1], lang: asLang(row![2]) },
    stateRow: known && known[4] !== null ? { step: known[5], dataEnc: known[6] } : undefined,
  };
}

const USER_WITH_STATE = prepared<[id: number, role: string, lang: string, lastSeenAt: number | null, stateUser: number | null, step: string | null, dataEnc: string | null]>(`
  select u.id, u.role, u.lang, u.last_seen_at, s.user_id, s.step, s.data_enc
  from users u left join conversation_state s on s.user_id = u.id
  where u.channel = ? and u.channel_user_id = ?`);
const USER_UPSERT = prepared<[id: number, role: string, lang: string]>(`
  insert into users (channel, channel_user_id, role, lang, created_at, last_seen_at) values (?, ?, 'citizen', 'vi', ?, ?)
  on conflict (channel, channel_user_id) do update set last_seen_at = excluded.last_seen_at
  returning id, role, lang`);

export function asLang(v: string): Lang {
  return v === 'en' ? 'en' : 'vi';
}

/** The state as stored: what `saveState` compares against to skip an unchanged write. */
export interface StoredState {
  state: ConversationState;
  /** The row's step and sealed data exactly as read; `undefined` when there is no row. */
  row?: { step: string | null; dataEnc: string | null };
  /** JSON of the data as opened (only when the data could be read). */
  dataJson: string;
}

export async function loadState(deps: CoreDeps, row: StateRow): Promise<StoredState> {
  if (!row || !row.step) return { state: { step: null, data: {} }, row, dataJson: '{}' };
  let data: Record<string, unknown> = {};
  let dataJson = '{}';
  if (row.dataEnc) {
    try {
      dataJson = await deps.sealer.open(row.dataEnc);
      data = JSON.parse(dataJson) as Record<string, unknown>;
    } catch {
      // A draft sealed with an old key cannot be read: start the step again rather than fail.
      data = {};
      dataJson = '\u0000unreadable';
    }
  }
  return { state: { step: row.step, data }, row, dataJson };
}

/**
 * The state row to write, or null when it did not change. Most updates (a question, the menu, a
 * rate-limited message) leave it as it was: skipping the write saves a seal and a statement, and the
 * stored row already says the same thing (`updated_at` is not read by anything that needs every
 * update). The values are STATE_UPSERT's: user id, step, sealed data, updated at.
 */
export async function stateWrite(deps: CoreDeps, userId: number, state: ConversationState, stored: StoredState, at: Date): Promise<[number, string | null, string | null, number] | null> {
  const hasData = Boolean(state.step && Object.keys(state.data).length);
  const json = hasData ? JSON.stringify(state.data) : '{}';
  if (!stored.row && state.step === null) return null; // no row reads as no step
  if (stored.row && (stored.row.step ?? null) === state.step) {
    const storedHasData = Boolean(stored.row.step && stored.row.dataEnc);
    if (hasData === storedHasData && (!hasData || json === stored.dataJson)) return null;
  }
  const dataEnc = hasData ? await deps.sealer.seal(json) : null;
  // A draft's time counts for its retention; a state without one only to the hour (see toTheHour).
  return [userId, state.step, dataEnc, dataEnc ? at.getTime() : toTheHour(at.getTime())];
}

export const STATE_UPSERT = prepared(`
  insert into conversation_state (user_id, step, data_enc, updated_at) values (?, ?, ?, ?)
  on conflict (user_id) do update set step = excluded.step, data_enc = excluded.data_enc, updated_at = excluded.updated_at`);
