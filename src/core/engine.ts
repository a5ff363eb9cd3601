// The conversation engine: one incoming update → state changes and outgoing messages, in one transaction.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/db';
import { auditLog, conversationState, inbox, users } from '../db/schema';
import { withTransaction } from '../db/tx';
import { enqueue, type QueuedMessage } from '../outbox/outbox';
import type { ConversationState, CoreDeps, Ctx, Feature, UserRecord } from './context';
import { catalogues, fill } from './messages';
import { firstWarning, overLimit } from './rate-limit';
import { emergencyLine, mainMenuButtons } from './menu';
import type { Button, Incoming, Lang } from './types';

export const MAX_TEXT_CHARS = 2000;
export const MAX_PAYLOAD_CHARS = 64;

export interface HandleResult {
  /** True when this update was already processed (a retried webhook): nothing was done. */
  duplicate: boolean;
  /** Everything queued by this update, in order (replies and notifications to others). */
  messages: QueuedMessage[];
  /** Outbox row ids created, for immediate delivery. */
  outboxIds: number[];
}

export interface Engine {
  handle(inc: Incoming): Promise<HandleResult>;
}

export function createEngine(deps: CoreDeps, features: Feature[]): Engine {
  return {
    async handle(inc) {
      const baseKey = inc.dedupeKey ?? `${inc.channel}:${inc.userId}:${inc.at.getTime()}:${crypto.randomUUID().slice(0, 8)}`;
      return withTransaction(deps.db, async (tx) => {
        if (inc.dedupeKey) {
          const fresh = await tx
            .insert(inbox)
            .values({ key: inc.dedupeKey, channel: inc.channel, receivedAt: inc.at, status: 'done', processedAt: inc.at })
            .onConflictDoNothing()
            .returning({ key: inbox.key });
          if (fresh.length === 0) {
            // A Zalo event stored first and processed later has a pending inbox row: claim it.
            const claimed = await tx
              .update(inbox)
              .set({ status: 'done', processedAt: inc.at })
              .where(and(eq(inbox.key, inc.dedupeKey), eq(inbox.status, 'pending')))
              .returning({ key: inbox.key });
            if (claimed.length === 0) return { duplicate: true, messages: [], outboxIds: [] };
          }
        }
        const txDeps: CoreDeps = { ...deps, db: tx };
        const user = await upsertUser(tx, inc);
        const state = await loadState(txDeps, user.id);
        const ctx = makeContext(txDeps, inc, user, state);

        const limitKey = `user:${user.id}`;
        if (await overLimit(tx, limitKey, inc.at, deps.config.RATE_LIMIT_PER_MINUTE)) {
          if (await firstWarning(tx, limitKey)) ctx.reply(fill(ctx.t.rateLimited, { emergency: emergencyLine(ctx.lang) }));
        } else {
          await dispatch(ctx, features);
        }

        await saveState(txDeps, user.id, ctx.state, inc.at);
        const messages = collect(ctx, baseKey);
        const outboxIds = await enqueue(tx, deps.sealer, messages, inc.at);
        return { duplicate: false, messages, outboxIds };
      });
    },
  };
}

interface Pending {
  replies: Array<{ text: string; buttons: Button[] }>;
  notifications: QueuedMessage[];
}
const pendingOf = new WeakMap<Ctx, Pending>();

function makeContext(deps: CoreDeps, inc: Incoming, user: UserRecord, state: ConversationState): Ctx {
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
    reply(text, buttons = []) {
      pending.replies.push({ text, buttons });
    },
    notify(message) {
      pending.notifications.push(message);
    },
    async audit(action, caseId, detail) {
      await deps.db.insert(auditLog).values({
        at: inc.at,
        actor: `user:${user.id}`,
        action,
        caseId,
        detail: detail ? JSON.stringify(detail) : null,
      });
    },
  };
  pendingOf.set(ctx, pending);
  return ctx;
}

function collect(ctx: Ctx, baseKey: string): QueuedMessage[] {
  const pending = pendingOf.get(ctx)!;
  const to = { channel: ctx.inc.channel, userId: ctx.inc.userId };
  const replies: QueuedMessage[] = pending.replies.map((r, i) => ({
    to,
    text: r.text,
    buttons: r.buttons,
    // Every reply says what the bot now waits for; the last one is what the user answers.
    state: ctx.state.step,
    kind: 'reply',
    dedupeKey: `${baseKey}:r${i}`,
  }));
  return [...replies, ...pending.notifications];
}

async function dispatch(ctx: Ctx, features: Feature[]): Promise<void> {
  const { inc } = ctx;
  if (inc.button !== undefined) {
    const payload = inc.button.slice(0, MAX_PAYLOAD_CHARS);
    const [area = '', ...args] = payload.split(':');
    const handler = ownEntry(features.find((f) => ownEntry(f.buttons, area))?.buttons, area);
    if (handler) return handler(ctx, args);
    ctx.reply(ctx.t.expiredButton, mainMenuButtons(ctx.t));
    return;
  }
  const text = (inc.text ?? '').normalize('NFC').trim();
  if (text.length > MAX_TEXT_CHARS) {
    ctx.reply(fill(ctx.t.tooLong, { max: MAX_TEXT_CHARS }));
    return;
  }
  ctx.inc = { ...inc, text };
  const command = /^\/([A-Za-z_]+)(?:@\w+)?(?:\s+([\s\S]*))?$/.exec(text);
  if (command) {
    const name = command[1]!.toLowerCase();
    const arg = (command[2] ?? '').trim();
    const handler = ownEntry(features.find((f) => ownEntry(f.commands, name))?.commands, name);
    if (handler) return handler(ctx, arg);
    ctx.reply(ctx.t.unknown, mainMenuButtons(ctx.t));
    return;
  }
  const step = ctx.state.step;
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

/** A handler registered under `key`, never an inherited property: "valueOf" or "/constructor" is no handler. */
function ownEntry<T>(record: Record<string, T> | undefined, key: string): T | undefined {
  return record && Object.hasOwn(record, key) ? record[key] : undefined;
}

async function upsertUser(db: Db, inc: Incoming): Promise<UserRecord> {
  const found = await db
    .select()
    .from(users)
    .where(and(eq(users.channel, inc.channel), eq(users.channelUserId, inc.userId)))
    .limit(1);
  const existing = found[0];
  if (existing) {
    await db.update(users).set({ lastSeenAt: inc.at }).where(eq(users.id, existing.id));
    return { ...existing, lang: asLang(existing.lang) };
  }
  const [created] = await db
    .insert(users)
    .values({ channel: inc.channel, channelUserId: inc.userId, role: 'citizen', lang: 'vi', createdAt: inc.at, lastSeenAt: inc.at })
    .returning();
  return { ...created!, lang: 'vi' };
}

function asLang(v: string): Lang {
  return v === 'en' ? 'en' : 'vi';
}

async function loadState(deps: CoreDeps, userId: number): Promise<ConversationState> {
  const [row] = await deps.db.select().from(conversationState).where(eq(conversationState.userId, userId)).limit(1);
  if (!row || !row.step) return { step: null, data: {} };
  let data: Record<string, unknown> = {};
  if (row.dataEnc) {
    try {
      data = JSON.parse(await deps.sealer.open(row.dataEnc)) as Record<string, unknown>;
    } catch {
      // A draft sealed with an old key cannot be read: start the step again rather than fail.
      data = {};
    }
  }
  return { step: row.step, data };
}

async function saveState(deps: CoreDeps, userId: number, state: ConversationState, at: Date): Promise<void> {
  const dataEnc = state.step && Object.keys(state.data).length ? await deps.sealer.seal(JSON.stringify(state.data)) : null;
  await deps.db
    .insert(conversationState)
    .values({ userId, step: state.step, dataEnc, updatedAt: at })
    .onConflictDoUpdate({ target: conversationState.userId, set: { step: state.step, dataEnc, updatedAt: at } });
}
