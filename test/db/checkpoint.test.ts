// The write-ahead log is folded back into the database file by the tick, not inside a user's commit.
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { walCheckpoint } from '../../src/db/checkpoint';
import { WAL_AUTOCHECKPOINT_PAGES } from '../../src/db/node-client';
import { meta } from '../../src/db/schema';
import { withTransaction } from '../../src/db/tx';
import { createTestDb, type TestDb } from '../support/db';

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(() => t.cleanup());

describe('WAL checkpoints', () => {
  it('leaves automatic checkpoints to a large backstop on every connection', async () => {
    const [row] = await t.db.all<{ wal_autocheckpoint: number }>(sql`pragma wal_autocheckpoint`);
    expect(Number(row!.wal_autocheckpoint)).toBe(WAL_AUTOCHECKPOINT_PAGES);
  });

  it('copies the whole log back when nothing else is reading', async () => {
    for (let i = 0; i < 20; i++) await withTransaction(t.db, (tx) => tx.insert(meta).values({ key: `k${i}`, value: 'x'.repeat(2000) }));
    const first = await walCheckpoint(t.db);
    expect(first.walPages).toBeGreaterThan(0);
    expect(first.checkpointed).toBe(first.walPages);
    // The data is all still there, read through a fresh connection.
    expect(await t.db.$count(meta)).toBe(20);
  });
});
