// Deferred writes: how an update touches a remote database (libSQL over HTTP) in two round trips.
//
// While an update is handled, its features see a Db whose reads go to the database at once and
// whose writes are only recorded. The engine then sends every recorded write, with its own guarded
// statements (inbox, state, rate counter, outbox), as one atomic batch: one round trip, all or
// nothing. A feature written this way therefore never needs a write's result while it runs:
// - read first, all you need, in one statement or one `readBatch` (one round trip);
// - then write without RETURNING; choose ids in advance where a later row must name one (read
//   `max(id) + 1` with the rest; a concurrent update that took it makes the batch fail, and the
//   engine runs the update again from its reads).
// Anything else — a write with RETURNING, a write's row count, a read after a write (which would not
// see the write), a nested transaction — throws NeedsTransaction, and the engine runs that update
// as an interactive transaction instead: slower on a remote database (a round trip per statement),
// never wrong. See docs/edge.md.
import type { Client, InArgs, InStatement, ResultSet } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql/web';
import type { Db } from './db';

/** Thrown while a batched update runs when what a feature does needs a real transaction. */
export class NeedsTransaction extends Error {
  constructor(why: string) {
    super(`needs a transaction: ${why.slice(0, 80)}`);
    this.name = 'NeedsTransaction';
  }
}

export interface Deferring {
  /** The Db the update's features use. */
  db: Db;
  /** The writes recorded so far, in order. */
  writes: InStatement[];
}

type Kind = 'read' | 'write' | 'other';

/** What a statement does, from its text: reads, plain writes, or something this layer cannot defer. */
export function statementKind(text: string): Kind {
  const t = text.replace(/^(\s|--[^\n]*\n|\/\*[\s\S]*?\*\/)+/u, '');
  const first = /^[a-z]+/iu.exec(t)?.[0]?.toLowerCase();
  const writes = /\b(insert|update|delete|replace)\b/iu.test(t);
  if (first === 'select' || (first === 'with' && !writes)) return 'read';
  if ((first === 'insert' || first === 'update' || first === 'delete' || first === 'replace' || first === 'with') && !/\breturning\b/iu.test(t)) return 'write';
  return 'other';
}

const deferredResult = (text: string): ResultSet => {
  const refuse = (): never => {
    throw new NeedsTransaction(`the result of a deferred write (${text})`);
  };
  return {
    columns: [],
    columnTypes: [],
    get rows() {
      return refuse();
    },
    get rowsAffected() {
      return refuse();
    },
    get lastInsertRowid() {
      return refuse();
    },
    toJSON: () => ({}),
  } as unknown as ResultSet;
};

function normalise(stmt: InStatement | string, args?: unknown): { sql: string; args: never } {
  if (typeof stmt === 'string') return { sql: stmt, args: (args ?? []) as never };
  return stmt as never;
}

/**
 * A Db over `real`'s client whose writes are recorded (see the top of this file). A read found in
 * `prefetched` (the same text, the same values: sent ahead with the update's first batch, core/prefetch.ts)
 * is answered from there, without a round trip.
 */
export function deferring(real: Db, prefetched?: Prefetched): Deferring {
  const client = (real as unknown as { $client: Client }).$client;
  const writes: InStatement[] = [];
  const refuse = (why: string): never => {
    throw new NeedsTransaction(why);
  };
  const wrapper = {
    protocol: 'deferred',
    closed: false,
    async execute(stmtOrSql: InStatement | string, args?: unknown): Promise<ResultSet> {
      const stmt = normalise(stmtOrSql, args);
      const kind = statementKind(stmt.sql);
      if (kind === 'read') {
        // A read after a write of this update would not see it.
        if (writes.length > 0) refuse(`a read after a write (${stmt.sql})`);
        return prefetched?.get(statementKey(stmt)) ?? client.execute(stmt);
      }
      if (kind === 'write') {
        writes.push(stmt);
        return deferredResult(stmt.sql);
      }
      return refuse(stmt.sql);
    },
    async batch(stmts: Array<InStatement | [string, unknown?]>): Promise<ResultSet[]> {
      const list = stmts.map((s) => (Array.isArray(s) ? normalise(s[0], s[1]) : normalise(s)));
      if (list.some((s) => statementKind(s.sql) !== 'read') || writes.length > 0) return refuse('a batch with writes');
      const ahead = prefetched ? list.map((s) => prefetched.get(statementKey(s))) : [];
      if (ahead.length > 0 && ahead.every((r) => r !== undefined)) return ahead as ResultSet[];
      return client.batch(list, 'deferred');
    },
    /** Records a guard on the write just recorded (see `requireChanged`). */
    requireChanged() {
      if (writes.length === 0) refuse('a guard before any write');
      writes.push({ sql: `select json(case when changes() > 0 then '1' else 'stale' end)`, args: [] });
    },
    transaction: async () => refuse('a nested transaction'),
    executeMultiple: async () => refuse('executeMultiple'),
    migrate: async () => refuse('migrate'),
    sync: async () => refuse('sync'),
    close() {},
    reconnect: async () => undefined,
  };
  // No schema: it only serves drizzle's relational `db.query` API, which no feature uses, and its
  // table map would be built again for every update.
  return { db: drizzle(wrapper as unknown as Client) as unknown as Db, writes };
}

/**
 * After a compare-and-swap write (`update … where id = ? and updated_at = ?`): in a batched update,
 * the update's batch fails unless that write changed a row, and the engine runs the update again from
 * its reads (which then see what changed). Elsewhere — a transaction, where nothing read can change
 * before the write — it does nothing.
 */
export function requireChanged(db: Db): void {
  (db as unknown as { $client?: { requireChanged?: () => void } }).$client?.requireChanged?.();
}

/** A drizzle query as the statement it sends (for a read sent ahead, core/prefetch.ts). */
export function statementOf(query: { toSQL(): { sql: string; params: unknown[] } }): InStatement {
  const { sql, params } = query.toSQL();
  return { sql, args: params as InArgs };
}

/** The key a read sent ahead is matched by: its text and its values, exactly. */
export function statementKey(stmt: InStatement): string {
  if (typeof stmt === 'string') return `${stmt}\u0000[]`;
  return `${stmt.sql}\u0000${JSON.stringify(stmt.args ?? [], (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v))}`;
}

/** Results of reads sent ahead (core/prefetch.ts), by `statementKey`. */
export type Prefetched = ReadonlyMap<string, ResultSet>;

/** Whether `db` is the deferring Db of a batched update (its writes are sent together at the end). */
export function isDeferred(db: Db): boolean {
  return (db as unknown as { $client?: { protocol?: string } }).$client?.protocol === 'deferred';
}

/** Whether `db` talks to a remote libSQL server over HTTP (the Worker, or Node with a Turso URL). */
export function isRemote(db: Db): boolean {
  const protocol = (db as unknown as { $client?: { protocol?: string } }).$client?.protocol;
  return protocol === 'http' || protocol === 'https';
}

/** The libSQL client under a Db. */
export function clientOf(db: Db): Client {
  return (db as unknown as { $client: Client }).$client;
}

/**
 * Runs two reads in one round trip where the database allows it (a batch on a remote database or a
 * batched update), one after the other inside a local transaction (where a statement costs no trip).
 */
export async function readBatch<A, B>(db: Db, a: PromiseLike<A> & object, b: PromiseLike<B> & object): Promise<[A, B]> {
  const batch = (db as unknown as { batch?: (q: unknown[]) => Promise<unknown[]> }).batch;
  if (typeof batch === 'function' && !isLocalFileDb(db)) return (await batch.call(db, [a, b])) as [A, B];
  return [await a, await b];
}

function isLocalFileDb(db: Db): boolean {
  return (db as unknown as { $client?: { protocol?: string } }).$client?.protocol === 'file';
}
