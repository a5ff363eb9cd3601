// Runs a unit of work as one write transaction: all of it is committed, or none of it.
// On Node the local file has one writer, so writes are serialised in-process; a busy or
// locked database is retried (p-retry) and then surfaces as DbBusyError (HTTP 503).
// Units that arrive while another commit is running share the next commit ("group commit").
import pRetry, { AbortError } from 'p-retry';
import type { Db } from './db';
import { bindTransaction, unbindTransaction } from './prepared';

export class DbBusyError extends Error {
  constructor(cause: unknown) {
    super('database busy', { cause });
    this.name = 'DbBusyError';
  }
}

let tail: Promise<unknown> = Promise.resolve();

/** Serialises async work in this process (one writer at a time on a local libSQL file). */
export function serialised<T>(fn: () => Promise<T>): Promise<T> {
  const run = tail.then(fn, fn);
  tail = run.catch(() => undefined);
  return run;
}

export function isBusyError(err: unknown): boolean {
  const text = err instanceof Error ? `${err.message} ${(err as { code?: string }).code ?? ''} ${String((err as { cause?: unknown }).cause ?? '')}` : String(err);
  return /SQLITE_BUSY|SQLITE_LOCKED|database is locked|database table is locked/i.test(text);
}

// The retries after a first busy try. A connection may wait out busy_timeout (5 s) on each try: the
// budget (first try, then retries for at most 3 s more) keeps the whole thing well inside a webhook's
// 20 s, so a held lock ends in a clean 503, not a timeout 500.
const RETRY = { retries: 3, minTimeout: 25, maxTimeout: 400, randomize: true, maxRetryTime: 3_000 } as const;

/** At most this many units share one commit, so one commit never holds the writer for long. */
export const MAX_GROUP = 32;

/** A unit of work: run inside a write transaction, possibly more than once (busy retry, group rerun). */
interface Unit {
  fn: (tx: Db) => Promise<unknown>;
  resolve(value: unknown): void;
  reject(err: unknown): void;
}

const waiting = new WeakMap<Db, Unit[]>();

/**
 * Runs `fn` in a write transaction and resolves once it is committed.
 *
 * On a local file, units queued while a commit is in progress are run together in the next
 * transaction: a unit that throws is rejected and leaves nothing behind, the others commit. `fn` may
 * run more than once (after a busy database, or when another unit of its group failed), so it must
 * not act outside the transaction. Every unit still resolves only after its commit, so a reply is
 * never sent for an update that is not yet durable. Commits cost more than the statements of a
 * typical update; under load this is what lets one writer keep up. A remote database (Turso,
 * Workers) runs units one by one.
 */
export function withTransaction<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  if (!isLocalFile(db)) return runAlone(db, fn);
  return new Promise<T>((resolve, reject) => {
    let queue = waiting.get(db);
    if (!queue) waiting.set(db, (queue = []));
    queue.push({ fn, resolve: resolve as (v: unknown) => void, reject });
    // The first unit in an empty queue books the next turn; later ones ride along with it.
    // A turn of the event loop first: statements on a local file never wait, so without it a unit would
    // commit before the requests already received could queue theirs, and no group would ever form.
    if (queue.length === 1) setImmediate(() => void serialised(() => runGroup(db, queue)));
  });
}

async function runGroup(db: Db, queue: Unit[]): Promise<void> {
  let units = queue.splice(0, MAX_GROUP);
  if (queue.length > 0) void serialised(() => runGroup(db, queue));
  // Optimistic: the units run one after another in one transaction, without savepoints (two more
  // statements per unit). A unit that throws rolls the whole group back: it is rejected, and the others
  // run again without it, as they would after a busy retry (a unit is re-runnable by contract).
  while (units.length > 0) {
    let failed: { index: number; error: unknown } | undefined;
    let values: unknown[];
    try {
      values = await attempt(db, async (tx) => {
        const out: unknown[] = [];
        for (const [index, unit] of units.entries()) {
          try {
            out.push(await unit.fn(tx));
          } catch (error) {
            if (!isBusyError(error)) failed = { index, error };
            throw error;
          }
        }
        return out;
      });
    } catch (err) {
      if (failed) {
        const { index, error } = failed;
        units[index]!.reject(error);
        units = units.filter((_, i) => i !== index);
        continue;
      }
      for (const unit of units) unit.reject(err);
      return;
    }
    values.forEach((value, i) => units[i]!.resolve(value));
    return;
  }
}

/** One transaction, retried while the database is busy. Not queued: callers hold the writer's turn. */
async function attempt<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  // The first try runs bare: setting up p-retry costs more than most transactions, and is only needed
  // when the database is busy.
  try {
    return await db.transaction(inTransaction(db, fn));
  } catch (err) {
    if (!isBusyError(err)) throw err;
    dropPoisonedConnections(db);
  }
  try {
    return await pRetry(
      () =>
        db.transaction(inTransaction(db, fn)).catch((err: unknown) => {
          if (isBusyError(err)) {
            dropPoisonedConnections(db);
            throw err;
          }
          throw new AbortError(err instanceof Error ? err : new Error(String(err)));
        }),
      RETRY,
    );
  } catch (err) {
    if (isBusyError(err)) throw new DbBusyError(err);
    throw err;
  }
}

/** Runs `fn` with the transaction's handle, on which db/prepared.ts statements may run directly. */
function inTransaction<T>(db: Db, fn: (tx: Db) => Promise<T>): (tx: unknown) => Promise<T> {
  return async (handle) => {
    const tx = handle as Db;
    bindTransaction(tx, db);
    try {
      return await fn(tx);
    } finally {
      unbindTransaction(tx);
    }
  };
}

/** A remote database takes one unit per transaction, each retried on its own. */
function runAlone<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  return serialised(() => attempt(db, fn));
}

function clientOf(db: Db): { protocol?: string; reconnect?: () => Promise<void> } | undefined {
  return (db as unknown as { $client?: { protocol?: string; reconnect?: () => Promise<void> } }).$client;
}

function isLocalFile(db: Db): boolean {
  return clientOf(db)?.protocol === 'file';
}

/**
 * libsql-js leaves a statement that failed with SQLITE_BUSY "in progress", and every later COMMIT on
 * that connection then fails although the lock is free (tursodatabase/libsql-client-ts#352): one
 * locked moment would turn every later write into a 503. Closing the local client's connections clears
 * it; this runs inside `serialised`, when no other write transaction holds a connection.
 */
function dropPoisonedConnections(db: Db): void {
  const client = clientOf(db);
  if (client?.protocol === 'file' && typeof client.reconnect === 'function') void client.reconnect().catch(() => undefined);
}

/**
 * One write statement outside any transaction. On a local file it joins the next group commit (so it
 * waits behind, and never collides with, open write transactions); a remote database runs it at
 * once as its own implicit transaction (one round trip, not three).
 */
export function writeStatement<T>(db: Db, fn: (db: Db) => Promise<T>): Promise<T> {
  return isLocalFile(db) ? withTransaction(db, fn) : serialised(() => fn(db));
}
