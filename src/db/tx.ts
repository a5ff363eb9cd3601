// Runs a unit of work as one write transaction: all of it is committed, or none of it.
// On Node the local file has one writer, so writes are serialised in-process; a busy or
// locked database is retried (p-retry) and then surfaces as DbBusyError (HTTP 503).
import pRetry, { AbortError } from 'p-retry';
import type { Db } from './db';

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

export async function withTransaction<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  try {
    return await pRetry(
      () =>
        serialised(() =>
          db.transaction(async (tx) => fn(tx as unknown as Db)).catch((err: unknown) => {
            if (isBusyError(err)) {
              dropPoisonedConnections(db);
              throw err;
            }
            throw new AbortError(err instanceof Error ? err : new Error(String(err)));
          }),
        ),
      // A connection may wait out busy_timeout (5 s) on each try: the budget keeps the whole retry
      // well inside a webhook's 20 s, so a held lock ends in a clean 503, not a timeout 500.
      { retries: 4, minTimeout: 25, maxTimeout: 400, randomize: true, maxRetryTime: 8_000 },
    );
  } catch (err) {
    if (isBusyError(err)) throw new DbBusyError(err);
    throw err;
  }
}

/**
 * libsql-js leaves a statement that failed with SQLITE_BUSY "in progress", and every later COMMIT on
 * that connection then fails although the lock is free (tursodatabase/libsql-client-ts#352): one
 * locked moment would turn every later write into a 503. Closing the local client's connections clears
 * it; this runs inside `serialised`, when no other write transaction holds a connection.
 */
function dropPoisonedConnections(db: Db): void {
  const client = (db as unknown as { $client?: { protocol?: string; reconnect?: () => Promise<void> } }).$client;
  if (client?.protocol === 'file' && typeof client.reconnect === 'function') void client.reconnect().catch(() => undefined);
}
