// Folds the write-ahead log back into the database file from the Node tick, off the request path.
import { sql } from 'drizzle-orm';
import type { Db } from './db';

/**
 * A PASSIVE checkpoint: copies what it can without waiting for (or blocking) readers and writers.
 * Connections to a local file check-point automatically only every WAL_AUTOCHECKPOINT_PAGES (see
 * node-client.ts): the checkpoint, and the fsync it ends with, then happen here once a minute instead
 * of inside a user's commit every few hundred updates. A remote database manages its own log.
 */
export async function walCheckpoint(db: Db): Promise<Record<string, number>> {
  const client = (db as unknown as { $client?: { protocol?: string } }).$client;
  if (client?.protocol !== 'file') return {};
  const [row] = await db.all<{ busy: number; log: number; checkpointed: number }>(sql`pragma wal_checkpoint(passive)`);
  return { walPages: Number(row?.log ?? 0), checkpointed: Number(row?.checkpointed ?? 0) };
}
