// Re-seals every sealed column under the current DATA_KEY, in batches, each batch one write
// transaction. A value already under the current key is left as it is, so a re-run changes nothing;
// a value that no key opens is reported (table, row id, column — never the content) and left alone.
import { and, asc, eq, getTableColumns, gt, is, sql } from 'drizzle-orm';
import { getTableConfig, SQLiteTable, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Db } from '../db/db';
import * as schema from '../db/schema';
import { withTransaction } from '../db/tx';
import type { Sealer } from '../ground/crypto';
import { cases } from '../db/schema';
import { reporterIdOf, reporterTag } from '../cases/reporter-link';

/** A table with sealed columns: by convention every column whose name ends in `_enc` holds a sealed value. */
export interface SealedTable {
  name: string;
  table: SQLiteTable;
  id: { key: string; column: SQLiteColumn };
  columns: Array<{ key: string; column: SQLiteColumn }>;
}

/** Each key on its own: `current` is DATA_KEY, `previous` the keys of DATA_KEY_PREVIOUS. */
export interface RotationKeys {
  current: Sealer;
  previous: readonly Sealer[];
}

export interface UnreadableValue {
  table: string;
  id: string | number;
  column: string;
}

export interface TableProgress {
  table: string;
  /** Rows looked at so far, and rows in the table when it started. */
  done: number;
  total: number;
  /** Values re-sealed under the current key so far. */
  resealed: number;
}

export interface TableSummary {
  table: string;
  rows: number;
  /** Non-null sealed values looked at. */
  values: number;
  resealed: number;
  alreadyCurrent: number;
  unreadable: number;
  /** Values that changed under us between reading and writing (another writer); a re-run picks them up. */
  changedMeanwhile: number;
}

export interface RotationSummary {
  tables: TableSummary[];
  unreadable: UnreadableValue[];
}

export interface RotationOptions {
  /** Rows per write transaction. */
  batchSize?: number;
  onProgress?: (p: TableProgress) => void;
  onUnreadable?: (u: UnreadableValue) => void;
}

export const DEFAULT_BATCH_SIZE = 200;

/** Every table of the schema with `_enc` columns, found from the schema itself so a new one is not forgotten. */
export function sealedTables(): SealedTable[] {
  const found: SealedTable[] = [];
  for (const value of Object.values(schema)) {
    if (!is(value, SQLiteTable)) continue;
    const columns = Object.entries(getTableColumns(value)).map(([key, column]) => ({ key, column: column as SQLiteColumn }));
    const sealed = columns.filter((c) => c.column.name.endsWith('_enc'));
    if (!sealed.length) continue;
    const name = getTableConfig(value).name;
    const ids = columns.filter((c) => c.column.primary);
    if (ids.length !== 1) throw new Error(`${name}: a table with sealed columns needs a one-column primary key to be re-sealed`);
    found.push({ name, table: value, id: ids[0]!, columns: sealed });
  }
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

/** Re-seals every sealed value of every sealed table under `keys.current`. */
export async function rotateSealedData(db: Db, keys: RotationKeys, opts: RotationOptions = {}): Promise<RotationSummary> {
  const batchSize = opts.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error('batch size must be a positive integer');
  const summary: RotationSummary = { tables: [], unreadable: [] };
  for (const t of sealedTables()) {
    const [{ total } = { total: 0 }] = await db.select({ total: sql<number>`count(*)` }).from(t.table);
    const s: TableSummary = { table: t.name, rows: 0, values: 0, resealed: 0, alreadyCurrent: 0, unreadable: 0, changedMeanwhile: 0 };
    let after: string | number | undefined;
    for (;;) {
      // The batch is read inside its own transaction: `fn` may run again (busy retry), so it only
      // returns what it did, and the counting happens once it is committed.
      const batch = await withTransaction(db, (tx) => rotateBatch(tx, t, keys, after, batchSize));
      s.rows += batch.rows;
      s.values += batch.values;
      s.resealed += batch.resealed;
      s.alreadyCurrent += batch.alreadyCurrent;
      s.changedMeanwhile += batch.changedMeanwhile;
      s.unreadable += batch.unreadable.length;
      for (const u of batch.unreadable) {
        summary.unreadable.push(u);
        opts.onUnreadable?.(u);
      }
      if (batch.rows > 0 || s.rows === 0) opts.onProgress?.({ table: t.name, done: s.rows, total: Math.max(total, s.rows), resealed: s.resealed });
      if (batch.rows < batchSize || batch.lastId === undefined) break;
      after = batch.lastId;
    }
    summary.tables.push(s);
  }
  return summary;
}

interface BatchResult {
  rows: number;
  lastId: string | number | undefined;
  values: number;
  resealed: number;
  alreadyCurrent: number;
  changedMeanwhile: number;
  unreadable: UnreadableValue[];
}

async function rotateBatch(tx: Db, t: SealedTable, keys: RotationKeys, after: string | number | undefined, limit: number): Promise<BatchResult> {
  const fields: Record<string, SQLiteColumn> = { [t.id.key]: t.id.column };
  for (const c of t.columns) fields[c.key] = c.column;
  const rows = (await tx
    .select(fields)
    .from(t.table)
    .where(after === undefined ? undefined : gt(t.id.column, after))
    .orderBy(asc(t.id.column))
    .limit(limit)) as Array<Record<string, string | number | null>>;
  const r: BatchResult = { rows: rows.length, lastId: undefined, values: 0, resealed: 0, alreadyCurrent: 0, changedMeanwhile: 0, unreadable: [] };
  for (const row of rows) {
    const id = row[t.id.key] as string | number;
    r.lastId = id;
    const changes: Record<string, string> = {};
    const unchangedSince = [eq(t.id.column, id)];
    for (const c of t.columns) {
      const sealed = row[c.key];
      if (typeof sealed !== 'string') continue;
      r.values++;
      const found = await openWithAnyKey(keys, sealed);
      if (found === 'current') r.alreadyCurrent++;
      else if (found === null) r.unreadable.push({ table: t.name, id, column: c.column.name });
      else {
        changes[c.key] = await keys.current.seal(found.plain);
        unchangedSince.push(eq(c.column, sealed));
      }
    }
    const count = Object.keys(changes).length;
    if (!count) continue;
    // A case's reporter tag is keyed too: re-computed under the current key with its sealed id.
    const reporter = t.table === cases && typeof changes.reporterEnc === 'string' ? await reporterIdOf(keys.current, { reporterEnc: changes.reporterEnc }) : null;
    if (reporter !== null) changes.reporterTag = await reporterTag(keys.current, reporter);
    // Compare-and-swap: a value another writer replaced meanwhile is not overwritten with stale data.
    const result = await tx.update(t.table).set(changes as never).where(and(...unchangedSince));
    if (result.rowsAffected === 1) r.resealed += count;
    else r.changedMeanwhile += count;
  }
  return r;
}

/** 'current' when the current key opens it (nothing to do), the plaintext when an older key does, else null. */
async function openWithAnyKey(keys: RotationKeys, sealed: string): Promise<'current' | { plain: string } | null> {
  try {
    await keys.current.open(sealed);
    return 'current';
  } catch {
    // an older key, or none
  }
  for (const old of keys.previous) {
    try {
      return { plain: await old.open(sealed) };
    } catch {
      // the next one
    }
  }
  return null;
}
