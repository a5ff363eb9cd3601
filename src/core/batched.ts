// One update on a remote database (libSQL over HTTP, as on Workers) in two round trips:
//   1. one batch that reads what the update needs: its inbox row, the sender with their state and
//      rate counter (and creates the sender on first contact);
//   2. one atomic batch with every write: the inbox claim, the sender's last-seen time, the rate
//      counter, the features' writes (db/deferred.ts), the state and the outbox rows.
// The second batch is guarded, so a retried or concurrent update changes nothing twice: the inbox
// row is inserted strictly (a second copy fails on its key: the update is a duplicate), the state is
// written (or checked) against the row that was read, compare-and-swap style (a concurrent change
// fails the batch and the update runs again from its reads), the counter is incremented in SQL, and
// the outbox keeps its dedupe keys. A failed batch leaves nothing behind.
// A feature that needs a real transaction (db/deferred.ts) gets one: the update runs again through
// the interactive path, which is correct everywhere and slower on a remote database.
// Reads a feature names in advance for the user's state ride in the first batch (core/prefetch.ts),
// so the features' own reads cost no round trip when the state is the one this process last wrote.
import type { InStatement, ResultSet } from '@libsql/client';
import { clientOf, deferring, NeedsTransaction, statementKey } from '../db/deferred';
import { enqueueStatement, takeSentMarks } from '../outbox/outbox';
import type { ConversationState, CoreDeps, Feature } from './context';
import {
  asLang,
  collect,
  dispatch,
  dispatchedText,
  DUPLICATE,
  handled,
  LAST_SEEN_PRECISION_MS,
  loadState,
  toTheHour,
  makeContext,
  stateWrite,
  type HandleOptions,
  type HandleResult,
  type StateRow,
} from './engine';
import { emergencyLine } from './menu';
import { fill } from './messages';
import type { PrefetchHints } from './prefetch';
import { RATE_WINDOW_MS } from './rate-limit';
import type { Incoming } from './types';

/** Attempts before giving up when concurrent updates keep changing what this one read. */
const ATTEMPTS = 3;

export async function handleBatched(
  deps: CoreDeps,
  features: Feature[],
  hints: PrefetchHints,
  inc: Incoming,
  opts: HandleOptions,
  baseKey: string,
  inTransaction: () => Promise<HandleResult>,
): Promise<HandleResult> {
  for (let attempt = 1; ; attempt++) {
    const outcome = await attemptBatched(deps, features, hints, inc, opts, baseKey);
    if (outcome === 'transaction' || outcome === 'conflict') hints.forget(inc.channel, inc.userId);
    if (outcome === 'transaction') return inTransaction();
    if (outcome !== 'conflict') return outcome;
    if (attempt >= ATTEMPTS) throw new Error('update kept conflicting with concurrent updates');
    deps.log.info('update.retry', { attempt });
  }
}

// The sender, created on first contact (a new sender's first update writes it here, once).
const USER_ENSURE = `insert into users (channel, channel_user_id, role, lang, created_at, last_seen_at) values (?, ?, 'citizen', 'vi', ?, ?)
  on conflict (channel, channel_user_id) do nothing`;
// ?1 the inbox key (or ''), ?2 channel, ?3 channel user id, ?4 the web chat address's counter key (or '').
const READ_UPDATE = `
  select (select status from inbox where key = ?1), u.id, u.role, u.lang, u.last_seen_at, s.user_id, s.step, s.data_enc,
    r.window_start, r.count, r.warned, a.window_start, a.count
  from users u
  left join conversation_state s on s.user_id = u.id
  left join rate_limits r on r.key = 'user:' || u.id
  left join rate_limits a on a.key = ?4
  where u.channel = ?2 and u.channel_user_id = ?3`;

// A statement that fails the batch unless its condition holds. SQLite has no RAISE outside triggers;
// json() of a non-JSON text is an error, and the batch stops there and rolls back.
const guard = (condition: string, args: Array<string | number | null> = []): InStatement => ({
  sql: `select json(case when ${condition} then '1' else 'stale' end)`,
  args,
});
const CHANGED = guard('changes() > 0');

async function attemptBatched(deps: CoreDeps, features: Feature[], hints: PrefetchHints, inc: Incoming, opts: HandleOptions, baseKey: string): Promise<HandleResult | 'conflict' | 'transaction'> {
  const client = clientOf(deps.db);
  const when = inc.at.getTime();
  // The web chat is limited per address too (a dropped cookie is a new user), as on the local path.
  const addressKey = inc.origin ? `addr:${inc.origin}` : null;

  // Round trip 1: what the update needs, and the reads its features will make from the state this
  // process last wrote for the user (used only if the state read here is still that one).
  const base: InStatement[] = [
    { sql: USER_ENSURE, args: [inc.channel, inc.userId, toTheHour(when), toTheHour(when)] },
    { sql: READ_UPDATE, args: [inc.dedupeKey ?? '', inc.channel, inc.userId, addressKey ?? ''] },
  ];
  const hint = hints.empty ? undefined : hints.get(inc.channel, inc.userId);
  const ahead = hints.empty ? [] : await hints.reads(hint, deps, { ...inc, text: dispatchedText(inc) });
  let results: ResultSet[];
  try {
    results = await client.batch([...base, ...ahead.map((a) => a.sent)], 'write');
  } catch (err) {
    if (!ahead.length) throw err;
    // A read sent ahead must never cost the update: without them, as before.
    deps.log.warn('prefetch.failed', { error: err instanceof Error ? err.message.slice(0, 120) : String(err) });
    results = await client.batch(base, 'write');
  }
  const read = results[1];
  const row = read!.rows[0];
  if (!row) throw new Error('the sender could not be stored');
  const inboxStatus = row[0] as string | null;
  if (inc.dedupeKey && inboxStatus !== null && inboxStatus !== 'pending') return DUPLICATE;
  const userId = Number(row[1]);
  const user = { id: userId, channel: inc.channel, channelUserId: inc.userId, role: String(row[2]), lang: asLang(String(row[3])) };
  const lastSeen = row[4] === null ? null : Number(row[4]);
  const stateRow: StateRow = row[5] !== null ? { step: row[6] as string | null, dataEnc: row[7] as string | null } : undefined;

  // Each read sent ahead stands or not by the state read with it (core/prefetch.ts).
  const prefetched = new Map<string, ResultSet>();
  const seen = { userId, step: stateRow?.step ?? null, dataEnc: stateRow?.dataEnc ?? null };
  if (results.length === base.length + ahead.length) {
    ahead.forEach((a, i) => {
      if (a.keep(seen)) prefetched.set(statementKey(a.read), results[base.length + i]!);
    });
  }
  const deferred = deferring(deps.db, prefetched);
  const updateDeps: CoreDeps = { ...deps, db: deferred.db };
  const stored = await loadState(updateDeps, stateRow);
  const ctx = makeContext(updateDeps, inc, user, stored.state);

  // The rate counters as the write below will leave them (they count in SQL, so concurrent hits all count).
  const hits = (start: unknown, counted: unknown) => {
    const windowStart = start === null ? null : Number(start);
    const fresh = windowStart === null || when - windowStart >= RATE_WINDOW_MS || when < windowStart;
    return { fresh, count: fresh ? 1 : Number(counted) + 1 };
  };
  const mine = hits(row[8], row[9]);
  const fresh = mine.fresh;
  const addressOver = addressKey !== null && hits(row[11], row[12]).count > deps.config.WEB_ADDRESS_MESSAGES_PER_MINUTE;
  const over = mine.count > deps.config.RATE_LIMIT_PER_MINUTE || addressOver;
  // Warned once per window, on the sender's own counter (as firstWarning on the local path).
  const warn = over && (fresh || !row[10]);
  try {
    if (over) {
      if (warn) ctx.reply(fill(ctx.t.rateLimited, { emergency: emergencyLine(ctx.lang) }));
    } else {
      await dispatch(ctx, features);
    }
  } catch (err) {
    const needs = needsTransaction(err);
    if (needs) {
      deps.log.info('update.needs_transaction', { reason: needs.message.slice(0, 120) });
      return 'transaction';
    }
    throw err;
  }

  // Round trip 2: every write, guarded, in one atomic batch.
  const writes: InStatement[] = [];
  let inboxStep = -1;
  if (inc.dedupeKey) {
    inboxStep = writes.length;
    if (inboxStatus === null) {
      writes.push({ sql: `insert into inbox (key, channel, received_at, status, processed_at) values (?, ?, ?, 'done', ?)`, args: [inc.dedupeKey, inc.channel, when, when] });
    } else {
      // Stored first and processed now (a Zalo event): claimed once.
      writes.push({ sql: `update inbox set status = 'done', processed_at = ? where key = ? and status = 'pending'`, args: [when, inc.dedupeKey] }, CHANGED);
    }
  }
  const inboxEnd = writes.length;
  if (lastSeen === null || Math.abs(when - lastSeen) >= LAST_SEEN_PRECISION_MS) {
    writes.push({ sql: 'update users set last_seen_at = ? where id = ?', args: [toTheHour(when), userId] });
  }
  writes.push({ sql: COUNT_HIT, args: [`user:${userId}`, when, RATE_WINDOW_MS] });
  if (addressKey) writes.push({ sql: COUNT_HIT, args: [addressKey, when, RATE_WINDOW_MS] });
  if (warn) writes.push({ sql: `update rate_limits set warned = 1 where key = ?`, args: [`user:${userId}`] });
  writes.push(...deferred.writes);
  const state = await stateStatements(updateDeps, userId, ctx.state, stored, inc.at);
  writes.push(...state.statements);
  const messages = collect(ctx, baseKey);
  const outbox = await enqueueStatement(deps.sealer, messages, inc.at, opts.lease);
  // Earlier sends of this process waiting for their "sent" mark ride along (outbox.takeSentMarks).
  const marks = takeSentMarks(deps.db);
  if (marks) writes.push({ sql: marks.sql, args: marks.args });
  if (outbox) writes.push({ sql: outbox.sql, args: outbox.args });

  let written: ResultSet[];
  try {
    written = await client.batch(writes, 'write');
    marks?.committed();
  } catch (err) {
    const step = (err as { statementIndex?: unknown }).statementIndex;
    if (typeof step !== 'number') throw err;
    // The inbox row exists after all: a concurrent copy of this update committed first.
    if (step >= inboxStep && step < inboxEnd && inboxStep >= 0) return DUPLICATE;
    // Something this update read changed meanwhile (the state, a chosen id): run it again.
    deps.log.info('update.conflict', { step, error: err instanceof Error ? err.message.slice(0, 120) : String(err) });
    return 'conflict';
  }
  hints.remember(state.row?.step ? { user, step: state.row.step, dataEnc: state.row.dataEnc, state: ctx.state } : undefined, inc.channel, inc.userId);
  const queued = outbox ? outbox.enqueued(written.at(-1)!.rows as unknown as ArrayLike<unknown>[]) : [];
  return handled(messages, queued);
}

// rate-limit.ts's COUNT_HIT: ?1 the key, ?2 now, ?3 the window.
const COUNT_HIT = `
  insert into rate_limits (key, window_start, count, warned) values (?1, ?2, 1, 0)
  on conflict (key) do update set
    count = case when ?2 - window_start >= ?3 or ?2 < window_start then 1 else count + 1 end,
    warned = case when ?2 - window_start >= ?3 or ?2 < window_start then 0 else warned end,
    window_start = case when ?2 - window_start >= ?3 or ?2 < window_start then ?2 else window_start end`;

/**
 * The state write, compared against the row that was read; or, unchanged, a check that it still is.
 * With the row as it stands once the batch commits (undefined: none).
 */
async function stateStatements(
  deps: CoreDeps,
  userId: number,
  state: ConversationState,
  stored: Parameters<typeof stateWrite>[3],
  at: Date,
): Promise<{ statements: InStatement[]; row: { step: string | null; dataEnc: string | null } | undefined }> {
  const next = await stateWrite(deps, userId, state, stored, at);
  const was = stored.row;
  if (!next) {
    if (!was) return { statements: [guard('not exists (select 1 from conversation_state where user_id = ? and step is not null)', [userId])], row: undefined };
    return { statements: [guard('exists (select 1 from conversation_state where user_id = ? and step is ? and data_enc is ?)', [userId, was.step, was.dataEnc])], row: was };
  }
  const [, step, dataEnc, updatedAt] = next;
  const row = { step, dataEnc };
  if (!was) {
    // Strict: a row created meanwhile fails the batch on its key.
    return { statements: [{ sql: 'insert into conversation_state (user_id, step, data_enc, updated_at) values (?, ?, ?, ?)', args: [userId, step, dataEnc, updatedAt] }], row };
  }
  return {
    statements: [
      { sql: 'update conversation_state set step = ?, data_enc = ?, updated_at = ? where user_id = ? and step is ? and data_enc is ?', args: [step, dataEnc, updatedAt, userId, was.step, was.dataEnc] },
      CHANGED,
    ],
    row,
  };
}

/** The NeedsTransaction behind an error (drizzle wraps a failed query's error as its `cause`). */
function needsTransaction(err: unknown): NeedsTransaction | undefined {
  for (let e = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof NeedsTransaction) return e;
  }
  return undefined;
}
