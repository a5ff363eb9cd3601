// Write units that arrive together share one commit, and each is still all-or-nothing on its own.
import { count, eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { meta } from '../../src/db/schema';
import { withTransaction, writeStatement } from '../../src/db/tx';
import { createTestDb, type TestDb } from '../support/db';

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(() => t.cleanup());

const put = (key: string) => (tx: TestDb['db']) => tx.insert(meta).values({ key, value: 'v' }).then(() => key);

async function keys(): Promise<string[]> {
  return (await t.db.select({ key: meta.key }).from(meta)).map((r) => r.key).sort();
}

describe('group commit on a local file', () => {
  it('commits units that arrive at once, and each caller gets its own result', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => withTransaction(t.db, put(`k${i}`))));
    expect(results).toEqual(Array.from({ length: 10 }, (_, i) => `k${i}`));
    expect(await keys()).toHaveLength(10);
  });

  it('rolls back only the unit that failed; the others in its group commit', async () => {
    const outcomes = await Promise.allSettled([
      withTransaction(t.db, put('first')),
      withTransaction(t.db, async (tx) => {
        await put('half-written')(tx);
        throw new Error('the unit fails after its first write');
      }),
      withTransaction(t.db, put('third')),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason.message).toBe('the unit fails after its first write');
    expect(await keys()).toEqual(['first', 'third']);
  });

  it('lets a later unit in the same group see what an earlier one wrote (one writer, in order)', async () => {
    const seen = await Promise.all([
      withTransaction(t.db, put('a')),
      withTransaction(t.db, async (tx) => (await tx.select({ n: count() }).from(meta).where(eq(meta.key, 'a')))[0]!.n),
    ]);
    expect(seen).toEqual(['a', 1]);
  });

  it('resolves a unit only once its group is committed: another connection already sees the write', async () => {
    const other = (await import('../../src/db/node-client')).openDb(t.url);
    try {
      await Promise.all(
        Array.from({ length: 5 }, (_, i) =>
          withTransaction(t.db, put(`c${i}`)).then(async (key) => {
            const rows = await other.db.select().from(meta).where(eq(meta.key, key));
            expect(rows).toHaveLength(1);
          }),
        ),
      );
    } finally {
      other.close();
    }
  });

  it('runs single statements (writeStatement) in the same queue, after the transactions before them', async () => {
    const order: string[] = [];
    await Promise.all([
      withTransaction(t.db, async (tx) => {
        await put('x')(tx);
        order.push('unit');
      }),
      writeStatement(t.db, async (db) => {
        await db.run(sql`update meta set value = 'w' where key = 'x'`);
        order.push('statement');
      }),
    ]);
    expect(order).toEqual(['unit', 'statement']);
    expect((await t.db.select().from(meta).where(eq(meta.key, 'x')))[0]!.value).toBe('w');
  });
});
