// Opens the database on Node: a local libSQL file by default, or a libSQL/Turso URL.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { createClient, type Client } from '@libsql/client';
import { ConnectionPool, Sqlite3Client } from '@libsql/client/sqlite3';
import { expandConfig } from '@libsql/core/config';
import { drizzle } from 'drizzle-orm/libsql';
import * as schema from './schema';
import { registerWriterLookup, type RawConnection } from './prepared';
import type { Db } from './db';

export interface DbHandle {
  db: Db;
  client: Client;
  close(): void;
}

/** How long a connection waits for another writer (another process, the CLI) before SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5000;

/**
 * Set on every connection, because SQLite keeps them per connection and the client opens several
 * (a transaction holds one while reads borrow another; a reconnect after SQLITE_BUSY opens new ones).
 * synchronous=NORMAL in WAL mode: a commit is not fsynced, the WAL is at checkpoint. A process crash
 * (kill -9, OOM) loses nothing committed; a power cut or OS crash may lose the last commits, never
 * half of one (each case is still complete or absent). See SECURITY.md, "Durability".
 * wal_autocheckpoint: SQLite's default (1,000 pages) check-points inside whichever commit crosses it,
 * about every hundred updates here, and that commit waits for the copy and its fsync (the slowest 1%
 * of updates, ~10 ms). The Node tick check-points every minute instead (db/checkpoint.ts); this limit
 * (~40 MB of log) is only the backstop for a burst, or a process that runs no tick.
 */
export const WAL_AUTOCHECKPOINT_PAGES = 10_000;
const CONNECTION_PRAGMAS = [
  'PRAGMA synchronous = NORMAL',
  `PRAGMA wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`,
  'PRAGMA cache_size = -32000',
  'PRAGMA mmap_size = 268435456',
];

type Connection = ReturnType<ConnectionPool['acquireSync']>;
type Statement = ReturnType<Connection['prepare']>;

/** Distinct SQL texts kept prepared per connection; past this the cache starts again. */
const STATEMENT_CACHE_SIZE = 256;

/**
 * Opens each new connection with CONNECTION_PRAGMAS (the stock pool opens them bare), and keeps its
 * prepared statements: the client prepares every statement afresh, which costs more than running it
 * (~0.1 ms each here, a dozen per update). A statement that threw is dropped, never reused, so one
 * left "in progress" by SQLITE_BUSY cannot poison later calls; a reconnect drops them all.
 */
class LocalPool extends ConnectionPool {
  readonly #ready = new WeakSet<object>();
  /** The connections held by an open transaction (the stock pool keeps its own set private). */
  readonly #transactions = new Set<Connection>();

  override acquireSync(forTransaction = false): Connection {
    const conn = super.acquireSync(forTransaction);
    if (!this.#ready.has(conn)) {
      for (const pragma of CONNECTION_PRAGMAS) conn.prepare(pragma).run();
      cachePreparedStatements(conn);
      this.#ready.add(conn);
    }
    if (forTransaction) this.#transactions.add(conn);
    return conn;
  }

  override async acquire(forTransaction = false): Promise<Connection> {
    const conn = await super.acquire(forTransaction); // a connection handed over by a release skips acquireSync
    if (forTransaction) this.#transactions.add(conn);
    return conn;
  }

  override release(conn: Connection): void {
    this.#transactions.delete(conn);
    super.release(conn);
  }

  override close(): void {
    this.#transactions.clear(); // reconnect() closes every connection, those of open transactions too
    super.close();
  }

  /**
   * The connection of the one open transaction, for db/prepared.ts; none when there are several (then
   * which is whose cannot be told, and statements take the ordinary path).
   */
  soleTransaction(): Connection | undefined {
    if (this.#transactions.size !== 1) return undefined;
    const [conn] = this.#transactions;
    return conn;
  }
}

function cachePreparedStatements(conn: Connection): void {
  const prepare = conn.prepare.bind(conn);
  let cache = new Map<string, Statement>();
  const forget = (sql: string, stmt: Statement) => {
    if (cache.get(sql) === stmt) cache.delete(sql);
  };
  conn.prepare = ((sql: string): Statement => {
    const cached = cache.get(sql);
    if (cached) return cached;
    const stmt = prepare(sql);
    // Only the calls the client makes after a prepare are guarded; each drops the statement on error.
    for (const method of ['all', 'run', 'get', 'iterate'] as const) {
      const original = stmt[method].bind(stmt) as (...args: unknown[]) => unknown;
      (stmt as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
        try {
          return original(...args);
        } catch (err) {
          forget(sql, stmt);
          throw err;
        }
      };
    }
    memoiseShape(stmt);
    if (cache.size >= STATEMENT_CACHE_SIZE) cache = new Map();
    cache.set(sql, stmt);
    return stmt;
  }) as Connection['prepare'];
}

/**
 * The client asks a statement for its columns twice, turns on raw mode (which throws for a statement
 * that returns no rows) and sets safe integers on every execution: each is a native call, and the
 * answers never change for a prepared statement. They are asked once and remembered.
 */
function memoiseShape(stmt: Statement): void {
  const s = stmt as unknown as {
    columns(): unknown[];
    raw(on?: boolean): unknown;
    safeIntegers(on?: boolean): unknown;
  };
  const columns = s.columns.bind(s);
  const raw = s.raw.bind(s);
  const safeIntegers = s.safeIntegers.bind(s);
  let knownColumns: unknown[] | undefined;
  let rawState: { on: boolean | undefined; error?: unknown } | undefined;
  let safeState: boolean | undefined;
  s.columns = () => (knownColumns ??= columns());
  s.raw = (on?: boolean) => {
    if (rawState && rawState.on === on) {
      if (rawState.error !== undefined) throw rawState.error;
      return s;
    }
    try {
      raw(on);
      rawState = { on };
    } catch (error) {
      rawState = { on, error };
      throw error;
    }
    return s;
  };
  s.safeIntegers = (on?: boolean) => {
    if (safeState !== on) {
      safeIntegers(on);
      safeState = on;
    }
    return s;
  };
}

function openLocalFile(url: string): Client | undefined {
  const config = expandConfig({ url, timeout: BUSY_TIMEOUT_MS, intMode: 'number' }, true);
  // Only a plain local file: an in-memory database or an embedded replica keeps the stock client.
  if (config.scheme !== 'file' || config.syncUrl || !config.path || config.path.includes(':memory:')) return undefined;
  const pool = new LocalPool(config.path, { timeout: BUSY_TIMEOUT_MS }, Math.max(1, config.concurrency));
  const probe = pool.acquireSync();
  pool.release(probe);
  const client = new Sqlite3Client(pool, config.intMode);
  registerWriterLookup(client, () => pool.soleTransaction() as unknown as RawConnection | undefined);
  return client;
}

/**
 * The database file and its -wal/-shm files readable by their owner only (0600): a new file is created
 * so (SQLite gives the -wal and -shm files the database file's mode), an existing one is tightened.
 */
export function ownerOnly(path: string): void {
  if (process.platform === 'win32') return;
  if (!existsSync(path)) closeSync(openSync(path, 'a', 0o600));
  for (const file of [path, `${path}-wal`, `${path}-shm`, `${path}-journal`]) {
    if (existsSync(file) && (statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  }
}

export function openDb(url: string, authToken?: string): DbHandle {
  let client: Client | undefined;
  if (url.startsWith('file:')) {
    const path = url.slice('file:'.length);
    if (path && path !== ':memory:') {
      mkdirSync(dirname(path), { recursive: true });
      ownerOnly(path.split('?')[0]!);
    }
    client = openLocalFile(url);
  }
  client ??= createClient({ url, authToken, timeout: BUSY_TIMEOUT_MS });
  const db = drizzle(client, { schema });
  return { db, client, close: () => client.close() };
}
