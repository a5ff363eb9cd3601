// Hand-written statements for the few that run on every update (inbox, user, rate limit, state,
// outbox), with positional `?` parameters and positional rows.
//
// Inside a write transaction on a local file they run straight on the connection that holds the
// transaction, as prepared statements: drizzle and @libsql/client together cost more per statement
// (building the query, converting every value, a result object per row) than SQLite takes to run it.
// Anywhere else (Turso, the Worker, an in-memory database, outside a transaction) they go through
// drizzle as any other statement. Both paths run the same SQL text with the same values.
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from './db';

/** A value bound to a `?`. Dates and booleans are converted by the caller (ms, 0/1), as SQLite stores them. */
export type SqlArg = string | number | null;

/** The part of a libsql (better-sqlite3 style) connection and statement this module uses. */
export interface RawStatement {
  raw(on?: boolean): unknown;
  safeIntegers(on?: boolean): unknown;
  all(args: SqlArg[]): unknown[];
  run(args: SqlArg[]): { changes: number; lastInsertRowid: number | bigint };
}
export interface RawConnection {
  prepare(text: string): RawStatement;
  readonly inTransaction: boolean;
}

/** How a platform finds the connection that holds the open write transaction of a client, if any. */
type WriterLookup = () => RawConnection | undefined;
const writerLookups = new WeakMap<object, WriterLookup>();
const connectionOf = new WeakMap<Db, RawConnection>();

/** Called by the Node local-file client (db/node-client.ts) for its client; nothing else registers. */
export function registerWriterLookup(client: object, lookup: WriterLookup): void {
  writerLookups.set(client, lookup);
}

/**
 * Called by db/tx.ts right after it begins a write transaction on `db`: binds that transaction's handle
 * to the connection holding it, when the client can say which one that is without doubt.
 */
export function bindTransaction(tx: Db, db: Db): void {
  const client = (db as unknown as { $client?: object }).$client;
  const conn = client ? writerLookups.get(client)?.() : undefined;
  if (conn?.inTransaction) connectionOf.set(tx, conn);
}

/** Called by db/tx.ts when that transaction's callback is done, before its commit or rollback. */
export function unbindTransaction(tx: Db): void {
  connectionOf.delete(tx);
}

export interface Prepared<Row extends readonly unknown[]> {
  readonly text: string;
  /** The rows (each an array of the selected or returned columns, in order). */
  rows(db: Db, args: SqlArg[]): Promise<Row[]>;
  /** The first row, or undefined: for a statement that returns at most one. */
  row(db: Db, args: SqlArg[]): Promise<Row | undefined>;
  /** Runs a statement that returns nothing. */
  run(db: Db, args: SqlArg[]): Promise<void>;
  /**
   * Runs an insert or update and says how many rows it changed, and the rowid of the last insert:
   * cheaper than RETURNING when that is all the caller needs.
   */
  write(db: Db, args: SqlArg[]): Promise<{ changes: number; lastRowid: number | undefined }>;
  /** The statement as `rows` sends it through drizzle (`?N` spelled out as `?`): to send a read ahead (core/prefetch.ts). */
  statement(args: SqlArg[]): { sql: string; args: SqlArg[] };
}

/**
 * A statement with `?` parameters, or numbered ones (`?1`, `?2` … a number may repeat). The text must
 * hold no `?` other than parameters.
 */
export function prepared<Row extends readonly unknown[] = unknown[]>(text: string): Prepared<Row> {
  const chunks = text.split(/\?(\d*)/);
  // split with a capture group: [text, number, text, number, …, text]
  const slots = chunks.filter((_, i) => i % 2 === 1);
  const numbered = slots.every((n) => n !== '');
  if (!numbered && slots.some((n) => n !== '')) throw new Error(`statement mixes ? and ?N parameters: ${text.slice(0, 60)}`);
  const params = numbered ? Math.max(0, ...slots.map(Number)) : slots.length;
  const check = (args: SqlArg[]) => {
    if (args.length !== params) throw new Error(`statement takes ${params} values, got ${args.length}: ${text.slice(0, 60)}`);
  };
  const viaDrizzle = (args: SqlArg[]): SQL =>
    sql.join(
      chunks.map((chunk, i) => {
        if (i % 2 === 0) return sql.raw(chunk);
        const slot = (i - 1) / 2;
        return sql`${args[numbered ? Number(chunk) - 1 : slot]}`;
      }),
    );
  return {
    text,
    statement(args) {
      check(args);
      return {
        sql: chunks.filter((_, i) => i % 2 === 0).join('?'),
        args: slots.map((n, slot) => args[numbered ? Number(n) - 1 : slot]!),
      };
    },
    async rows(db, args) {
      check(args);
      const conn = connectionOf.get(db);
      if (conn) {
        const stmt = conn.prepare(text);
        stmt.safeIntegers(false);
        stmt.raw(true);
        return stmt.all(args) as Row[];
      }
      // libsql's rows are array-like (indexed, with a length) but not arrays: make them arrays.
      const rows = (await db.values(viaDrizzle(args))) as unknown as Array<ArrayLike<unknown>>;
      return rows.map((row) => Array.from(row)) as unknown as Row[];
    },
    async row(db, args) {
      // Through all(), never libsql's get(): get() leaves the statement un-reset, and in the browser
      // test the next run of an INSERT … RETURNING through get() silently inserted nothing.
      const [first] = await this.rows(db, args);
      return first;
    },
    async run(db, args) {
      // Never reads the result: on a batched update (db/deferred.ts) the write is only recorded.
      check(args);
      const conn = connectionOf.get(db);
      if (conn) {
        conn.prepare(text).run(args);
        return;
      }
      await db.run(viaDrizzle(args));
    },
    async write(db, args) {
      check(args);
      const conn = connectionOf.get(db);
      if (conn) {
        const info = conn.prepare(text).run(args);
        return { changes: info.changes, lastRowid: info.changes > 0 ? Number(info.lastInsertRowid) : undefined };
      }
      const result = (await db.run(viaDrizzle(args))) as unknown as { rowsAffected: number; lastInsertRowid?: bigint | number };
      const changes = result.rowsAffected;
      return { changes, lastRowid: changes > 0 && result.lastInsertRowid !== undefined ? Number(result.lastInsertRowid) : undefined };
    },
  };
}

/** Whether statements on `db` take the direct path (for tests). */
export function isDirect(db: Db): boolean {
  return connectionOf.has(db);
}
