// The outbox: every outgoing message is written here first (in the same transaction as the change
// that caused it), then delivered by a channel sender and retried with backoff until sent or dead.
import { and, eq, inArray, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../db/db';
import { outbox } from '../db/schema';
import { prepared, type Prepared, type SqlArg } from '../db/prepared';
import { writeStatement } from '../db/tx';
import { isRemote } from '../db/deferred';
import type { Sealer } from '../ground/crypto';
import type { Button, Call, Channel, CrisisContext, Outgoing } from '../core/types';

export interface MessageBody {
  text: string;
  buttons: Button[];
  state: string | null;
  /** See `Outgoing.photo`. */
  photo?: string;
  /** See `ReplyExtras`: one-tap calls, the reply's tone, what a crisis reply answered. */
  calls?: Call[];
  tone?: 'urgent' | 'disclosure';
  context?: CrisisContext;
}

export interface QueuedMessage extends Outgoing {
  dedupeKey: string;
}

export type SendResult =
  | { ok: true }
  | {
      ok: false;
      reason: string;
      /** Wait at least this long before the next try (Telegram 429 retry_after, Zalo night window). */
      retryAfterMs?: number;
      /** Retrying cannot help (blocked bot, no interaction window): dead-letter at once. */
      permanent?: boolean;
    };

/** Delivers one message on one channel. Implementations never throw; they return a result. */
export interface Sender {
  send(recipient: string, body: MessageBody, meta: { id: number; kind: string }): Promise<SendResult>;
}
export type Senders = Partial<Record<Channel, Sender>>;

export const MAX_ATTEMPTS = 8;
/** How long a claimed row is left to its sender before another flush may take it (a crashed process). */
export const LEASE_MS = 60_000;
/** A channel that says "not before" this far ahead (Zalo refuses night sends) is undeliverable for now. */
const LONG_DEFERRAL_MS = 30 * 60_000;

/** Backoff after the nth failed attempt: 30 s, 1 min, 2 min … capped at 1 h. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

/** Queues messages; a message whose dedupe key is already queued is skipped. Returns new row ids. */
export async function enqueue(db: Db, sealer: Sealer, messages: QueuedMessage[], at: Date): Promise<number[]> {
  return (await enqueueWithBodies(db, sealer, messages, at)).map((q) => q.id);
}

/** Rows on these channels are written already claimed until `until`, for a sender about to send them. */
export interface Lease {
  until: Date;
  channels: readonly string[];
}

export interface Enqueued {
  id: number;
  body: MessageBody;
  /** The row as written, when it was written claimed (see `Lease`): deliver it with `flushOutbox({ claimed })`. */
  claimed?: OutboxRow;
}

/**
 * Like `enqueue`, and also returns each new row's plaintext body, so the caller can deliver right
 * after its commit without opening what it just sealed (the stored copy stays sealed). With a lease,
 * rows for those channels are written as claimed ('sending' until the lease ends): the delivery right
 * after the commit skips a second write to claim them, and a tick skips them, as for any claimed row.
 */
export async function enqueueWithBodies(db: Db, sealer: Sealer, messages: QueuedMessage[], at: Date, lease?: Lease): Promise<Enqueued[]> {
  if (messages.length === 0) return [];
  const rows = await outboxRows(sealer, messages, at, lease);
  let inserted: Array<readonly [id: number, dedupeKey: string]>;
  if (messages.length === 1) {
    // Most updates queue one reply: its id is the insert's rowid (none when its key was already queued).
    const { lastRowid } = await INSERT_ONE.write(db, rows.args);
    inserted = lastRowid === undefined ? [] : [[lastRowid, messages[0]!.dedupeKey]];
  } else {
    inserted = await insertRows(messages.length).rows(db, rows.args);
  }
  return rows.enqueued(inserted);
}

/**
 * `enqueueWithBodies` as one statement for a batch (db/deferred.ts): run it with the update's other
 * writes, then pass the rows it returned (id, dedupe_key) to `enqueued`.
 */
export async function enqueueStatement(
  sealer: Sealer,
  messages: QueuedMessage[],
  at: Date,
  lease?: Lease,
): Promise<{ sql: string; args: SqlArg[]; enqueued(rows: ReadonlyArray<ArrayLike<unknown>>): Enqueued[] } | null> {
  if (messages.length === 0) return null;
  const rows = await outboxRows(sealer, messages, at, lease);
  return {
    sql: insertRows(messages.length).text,
    args: rows.args,
    enqueued: (returned) => rows.enqueued(returned.map((r) => [Number(r[0]), String(r[1])] as const)),
  };
}

/** The sealed rows of an update's messages, as insert arguments; and the Enqueued of the rows inserted. */
async function outboxRows(sealer: Sealer, messages: QueuedMessage[], at: Date, lease?: Lease) {
  const bodies = messages.map(
    (m): MessageBody => ({
      text: m.text,
      buttons: m.buttons,
      state: m.state,
      ...(m.photo ? { photo: m.photo } : {}),
      ...(m.calls?.length ? { calls: m.calls } : {}),
      ...(m.tone ? { tone: m.tone } : {}),
      ...(m.context ? { context: m.context } : {}),
    }),
  );
  // Sealing is asynchronous (WebCrypto): start every seal at once rather than one after another.
  const sealed = await Promise.all(bodies.map((b) => sealer.seal(JSON.stringify(b))));
  const when = at.getTime();
  const leased = messages.map((m) => (lease?.channels.includes(m.to.channel) ? lease.until : undefined));
  // One statement for the update's few messages, written as SQL (this runs on every update).
  const args = messages.flatMap((m, i): SqlArg[] => [
    m.dedupeKey,
    m.to.channel,
    m.to.userId,
    sealed[i]!,
    m.kind ?? 'reply',
    m.caseId ?? null,
    leased[i] ? 'sending' : 'pending',
    leased[i]?.getTime() ?? when,
    when,
  ]);
  const enqueued = (inserted: ReadonlyArray<readonly [id: number, dedupeKey: string]>): Enqueued[] => {
    // RETURNING comes in no promised order: match rows to messages by key (the first message with a key wins).
    const indexOf = new Map<string, number>();
    messages.forEach((m, i) => indexOf.has(m.dedupeKey) || indexOf.set(m.dedupeKey, i));
    return inserted
      .map(([rowId, key]): Enqueued => {
        const i = indexOf.get(key)!;
        const id = Number(rowId);
        const m = messages[i]!;
        const until = leased[i];
        const claimed: OutboxRow | undefined = until && {
          id,
          dedupeKey: m.dedupeKey,
          channel: m.to.channel,
          recipient: m.to.userId,
          bodyEnc: sealed[i]!,
          kind: m.kind ?? 'reply',
          caseId: m.caseId ?? null,
          status: 'sending',
          attempts: 0,
          nextAttemptAt: until,
          lastError: null,
          fallbackOf: null,
          createdAt: at,
          sentAt: null,
        };
        return { id, body: bodies[i]!, ...(claimed ? { claimed } : {}) };
      })
      .sort((a, b) => a.id - b.id);
  };
  return { args, enqueued };
}

/** The outbox insert of `n` rows; the rows it inserted come back only when `returning`. */
function insertText(n: number, returning: boolean): string {
  return `
    insert into outbox (dedupe_key, channel, recipient, body_enc, kind, case_id, status, attempts, next_attempt_at, created_at)
    values ${Array.from({ length: n }, () => '(?, ?, ?, ?, ?, ?, ?, 0, ?, ?)').join(', ')}
    on conflict (dedupe_key) do nothing${returning ? ' returning id, dedupe_key' : ''}`;
}
const INSERT_ONE = prepared(insertText(1, false));
const inserts: Array<Prepared<[id: number, dedupeKey: string]>> = [];
/** The outbox insert for `n` rows, returning them (the texts for 2, 3 … rows are made once each). */
function insertRows(n: number): Prepared<[id: number, dedupeKey: string]> {
  return (inserts[n] ??= prepared(insertText(n, true)));
}

/**
 * Like `enqueue`, for thousands of messages at once (the reminders tick), with the same exactly-once
 * rule (a dedupe key already queued is skipped). Rows travel as one JSON parameter per 2,000
 * (json_each), which is several times faster than binding every value. Returns the new row ids.
 * (Added by the reminders capability.)
 */
export async function enqueueMany(db: Db, sealer: Sealer, messages: QueuedMessage[], at: Date, batchSize = 2000): Promise<number[]> {
  const ids: number[] = [];
  const when = at.getTime();
  for (let i = 0; i < messages.length; i += batchSize) {
    const part = messages.slice(i, i + batchSize);
    const sealed = await Promise.all(part.map((m) => sealer.seal(JSON.stringify({ text: m.text, buttons: m.buttons, state: m.state } satisfies MessageBody))));
    const rows = part.map((m, j) => [m.dedupeKey, m.to.channel, m.to.userId, sealed[j]!, m.kind ?? 'reply', m.caseId ?? null]);
    const inserted = await db.all<{ id: number }>(sql`
      insert into ${outbox} (dedupe_key, channel, recipient, body_enc, kind, case_id, status, attempts, next_attempt_at, created_at)
      select value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, 'pending', 0, ${when}, ${when}
      from json_each(${JSON.stringify(rows)}) where true
      on conflict (dedupe_key) do nothing
      returning id`);
    for (const r of inserted) ids.push(Number(r.id));
  }
  return ids;
}

export interface FlushDeps {
  db: Db;
  sealer: Sealer;
  senders: Senders;
  /**
   * Called when a message is dead-lettered, or deferred for a long time (a Zalo night window):
   * an urgent case notice can then take another channel at once. Must be idempotent.
   */
  onUndeliverable?: (row: typeof outbox.$inferSelect, reason: string, at: Date) => Promise<void>;
}

export interface FlushReport {
  sent: number;
  retried: number;
  dead: number;
}

/**
 * Sends what is due. Each row is claimed with a conditional update (a lease), so two flushes
 * running at once never send the same row twice; a lease left by a crashed process expires.
 */
export async function flushOutbox(
  deps: FlushDeps,
  at: Date,
  opts: {
    ids?: number[];
    /** Rows this caller already holds claimed (written claimed with a `Lease`): sent without claiming. */
    claimed?: OutboxRow[];
    limit?: number;
    bodies?: ReadonlyMap<number, MessageBody>;
  } = {},
): Promise<FlushReport> {
  const report: FlushReport = { sent: 0, retried: 0, dead: 0 };
  /** This flush's sent marks, written together when no update's batch carried them. */
  let ended = () => {};
  const flush: FlushGroup = { sending: new Promise<void>((resolve) => (ended = resolve)), sent: () => ended() };
  try {
    return await sendRows(deps, at, opts, report, flush);
  } finally {
    flush.sent();
  }
}

interface FlushGroup {
  /** Settles when the flush has sent its last row (its marks can then all be written together). */
  sending: Promise<void>;
  sent(): void;
}

async function sendRows(
  deps: FlushDeps,
  at: Date,
  opts: Parameters<typeof flushOutbox>[2] & object,
  report: FlushReport,
  flush: FlushGroup,
): Promise<FlushReport> {
  const waitingForMarks: Array<Promise<void>> = [];
  const channels = Object.keys(deps.senders) as Channel[];
  if (channels.length === 0) return report;
  const lease = { status: 'sending', nextAttemptAt: new Date(at.getTime() + LEASE_MS) } as const;
  let rows: OutboxRow[];
  if (opts.claimed) {
    rows = opts.claimed.filter((r) => deps.senders[r.channel as Channel]);
  } else if (opts.ids) {
    // Right after an update: its few rows are claimed together, in one conditional update (the same
    // lease as below, so a tick running at once skips them), and sent at once.
    if (opts.ids.length === 0) return report;
    const mine = and(dueOn(channels, at), inArray(outbox.id, opts.ids));
    rows = await writeStatement(deps.db, (db) => db.update(outbox).set(lease).where(mine).returning());
    rows.sort((a, b) => a.id - b.id);
  } else {
    rows = await deps.db.select().from(outbox).where(dueOn(channels, at)).orderBy(outbox.id).limit(opts.limit ?? 200);
  }
  for (const row of rows) {
    if (!opts.ids && !opts.claimed) {
      // Each row is claimed just before it is sent, so a long batch never outlives its lease. Writes
      // wait their turn behind open update transactions (one writer on a local file): unqueued, they
      // fail with SQLITE_BUSY, and a failed write after a send would send the message twice.
      const claimed = await writeStatement(deps.db, (db) =>
        db
          .update(outbox)
          .set(lease)
          .where(and(eq(outbox.id, row.id), eq(outbox.status, row.status), eq(outbox.nextAttemptAt, row.nextAttemptAt)))
          .returning({ id: outbox.id }),
      );
      if (claimed.length === 0) continue;
    }
    const sender = deps.senders[row.channel as Channel];
    if (!sender) continue;
    let result: SendResult;
    try {
      const body = opts.bodies?.get(row.id) ?? (JSON.parse(await deps.sealer.open(row.bodyEnc)) as MessageBody);
      result = await sender.send(row.recipient, body, { id: row.id, kind: row.kind });
    } catch (err) {
      result = { ok: false, reason: err instanceof Error ? err.message : String(err) };
    }
    const attempts = row.attempts + 1;
    if (result.ok) {
      const marked = markSent(deps.db, row.id, attempts, at, flush);
      // A remote database's marks wait for an update's batch: the next row is sent meanwhile.
      if (isRemote(deps.db)) waitingForMarks.push(marked);
      else await marked;
      report.sent++;
    } else if (result.permanent || attempts >= MAX_ATTEMPTS) {
      await writeStatement(deps.db, (db) =>
        db.update(outbox).set({ status: 'dead', attempts, lastError: result.reason.slice(0, 500) }).where(eq(outbox.id, row.id)),
      );
      report.dead++;
      await deps.onUndeliverable?.(row, result.reason, at);
    } else {
      const wait = Math.max(result.retryAfterMs ?? 0, backoffMs(attempts));
      await writeStatement(deps.db, (db) =>
        db
          .update(outbox)
          .set({ status: 'pending', attempts, nextAttemptAt: new Date(at.getTime() + wait), lastError: result.reason.slice(0, 500) })
          .where(eq(outbox.id, row.id)),
      );
      report.retried++;
      if ((result.retryAfterMs ?? 0) >= LONG_DEFERRAL_MS) await deps.onUndeliverable?.(row, result.reason, at);
    }
  }
  flush.sent();
  await Promise.all(waitingForMarks);
  return report;
}

export type OutboxRow = typeof outbox.$inferSelect;

interface SentMark {
  id: number;
  attempts: number;
  at: number;
  resolve(): void;
  reject(err: unknown): void;
}
const sentMarks = new WeakMap<Db, SentMark[]>();

/**
 * Records a message as sent; resolves once that is committed. Every send finishing at about the same
 * time is recorded by one statement in one write (each send would otherwise be a write of its own).
 * On a remote database a mark first waits up to SENT_MARK_WAIT_MS for the next update's write batch
 * to carry it (`takeSentMarks`): it then costs no round trip of its own. Otherwise it is written with
 * the other marks of its flush, once the flush has sent its last row (waiting at most as long again),
 * in one write. Until it is written the row stays claimed (its lease), so nothing else sends it. (Each mark settles in the request that made
 * it: Workers forbid settling a promise from another request's context.)
 */
function markSent(db: Db, id: number, attempts: number, at: Date, flush: FlushGroup): Promise<void> {
  if (isRemote(db)) return markSentRemote(db, { id, attempts, at: at.getTime(), written: false, flush });
  return new Promise<void>((resolve, reject) => {
    const queue = marksOf(db);
    queue.push({ id, attempts, at: at.getTime(), resolve, reject });
    if (queue.length > 1) return; // the write already booked takes this one too
    let batch: SentMark[] | undefined;
    writeStatement(db, async (w) => {
      batch ??= queue.splice(0); // taken when the write runs (kept if it is retried)
      await MARK_SENT.run(w, [marksJson(batch)]);
    }).then(
      () => batch?.forEach((m) => m.resolve()),
      (err: unknown) => (batch ?? queue.splice(0)).forEach((m) => m.reject(err)),
    );
  });
}

/** How long a remote database's sent mark waits for an update's batch before it is written alone. */
export const SENT_MARK_WAIT_MS = 500;

interface WaitingMark {
  id: number;
  attempts: number;
  at: number;
  /** Set when an update's batch that carried it committed. */
  written: boolean;
  /** The write of its flush's marks that carries it, once another mark's wait started one. */
  writing?: Promise<void>;
  /** The flush that sent it (one request's work: its marks are written together). */
  flush: FlushGroup;
}
const waitingMarks = new WeakMap<Db, WaitingMark[]>();

async function markSentRemote(db: Db, mark: WaitingMark): Promise<void> {
  let waiting = waitingMarks.get(db);
  if (!waiting) waitingMarks.set(db, (waiting = []));
  waiting.push(mark);
  await new Promise((resolve) => setTimeout(resolve, SENT_MARK_WAIT_MS));
  if (mark.written) return;
  // The flush may still be sending its other rows (a slow platform API): their marks go in the same
  // write if they follow within another wait, instead of one write each.
  await Promise.race([mark.flush.sending, new Promise((resolve) => setTimeout(resolve, SENT_MARK_WAIT_MS))]);
  if (mark.written) return;
  if (mark.writing) return mark.writing; // a write of its flush's marks already carries it
  // Written alone, with the other marks of its flush still waiting (the same request's).
  const left = waitingMarks.get(db) ?? [];
  const mine = left.filter((m) => m.flush === mark.flush && !m.written && !m.writing);
  if (!mine.includes(mark)) mine.push(mark);
  for (const m of mine) if (left.includes(m)) left.splice(left.indexOf(m), 1);
  const write = writeStatement(db, (w) => MARK_SENT.run(w, [marksJson(mine)])).then(() => {
    for (const m of mine) m.written = true;
  });
  for (const m of mine) m.writing = write;
  await write;
}

const marksJson = (marks: Array<{ id: number; attempts: number; at: number }>) => JSON.stringify(marks.map((m) => [m.id, m.attempts, m.at]));

function marksOf(db: Db): SentMark[] {
  let queue = sentMarks.get(db);
  if (!queue) sentMarks.set(db, (queue = []));
  return queue;
}

/**
 * The sent marks waiting on a remote `db`, as one statement for an update's write batch
 * (core/batched.ts): call `committed` once the batch has committed. A mark whose batch failed is
 * written alone when its wait ends.
 */
export function takeSentMarks(db: Db): { sql: string; args: SqlArg[]; committed(): void } | null {
  const waiting = waitingMarks.get(db);
  if (!waiting?.length) return null;
  const batch = waiting.splice(0);
  return {
    sql: MARK_SENT.text,
    args: [marksJson(batch)],
    committed: () => batch.forEach((m) => (m.written = true)),
  };
}

const MARK_SENT = prepared(`
  update outbox set status = 'sent', attempts = j.value ->> 1, sent_at = j.value ->> 2, last_error = null
  from json_each(?) as j where outbox.id = j.value ->> 0`);

/** Rows on `channels` waiting to be sent, or whose lease has run out, at `at`. */
function dueOn(channels: Channel[], at: Date) {
  return and(inArray(outbox.channel, channels), or(eq(outbox.status, 'pending'), eq(outbox.status, 'sending')), lte(outbox.nextAttemptAt, at));
}

/** Puts a dead-lettered message back in the queue (admin "retry" button). */
export async function requeue(db: Db, id: number, at: Date): Promise<boolean> {
  const rows = await db
    .update(outbox)
    .set({ status: 'pending', attempts: 0, nextAttemptAt: at })
    // A failed message, or one still waiting (its retry is brought forward); a held one keeps its hold.
    .where(and(eq(outbox.id, id), inArray(outbox.status, ['dead', 'pending'])))
    .returning({ id: outbox.id });
  return rows.length > 0;
}

export async function outboxCounts(db: Db): Promise<Record<string, number>> {
  const rows = await db
    .select({ status: outbox.status, n: sql<number>`count(*)` })
    .from(outbox)
    .groupBy(outbox.status);
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}
