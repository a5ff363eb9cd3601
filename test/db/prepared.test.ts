// The hand-written hot statements run directly on the transaction's connection on a local file, and
// through drizzle everywhere else; both paths give the same rows and write the same thing.
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/libsql/web';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb } from '../../src/db/node-client';
import { migrateDb } from '../../src/db/migrate';
import { isDirect, prepared } from '../../src/db/prepared';
import { meta } from '../../src/db/schema';
import { withTransaction } from '../../src/db/tx';
import { createTestDb, type TestDb } from '../support/db';

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(() => t.cleanup());

const PUT = prepared<[key: string, value: string]>('insert into meta (key, value, updated_at) values (?, ?, ?) returning key, value');
// ?1 twice: numbered parameters may repeat.
const PUT_TWICE = prepared<[key: string, value: string]>("insert into meta (key, value, updated_at) values (?1, ?1 || '/' || ?2, ?2) returning key, value");
const ALL = prepared<[key: string]>('select key from meta order by key');
const BUMP = prepared("update meta set value = value || '+' where key = ?");

describe('prepared statements', () => {
  it('run directly inside a transaction on a local file, and the rows are plain arrays', async () => {
    const out = await withTransaction(t.db, async (tx) => {
      expect(isDirect(tx)).toBe(true);
      const one = await PUT.row(tx, ['a', 'x', 1]);
      const twice = await PUT_TWICE.rows(tx, ['b', '7']);
      await BUMP.run(tx, ['a']);
      return { one, twice, all: await ALL.rows(tx, []) };
    });
    expect(out.one).toEqual(['a', 'x']);
    expect(out.twice).toEqual([['b', 'b/7']]);
    expect(out.all).toEqual([['a'], ['b']]);
    expect(Array.isArray(out.all[0])).toBe(true);
    expect((await t.db.select().from(meta).where(eq(meta.key, 'a')))[0]!.value).toBe('x+');
  });

  it('go through drizzle outside a transaction, and give the same rows', async () => {
    expect(isDirect(t.db)).toBe(false);
    expect(await PUT.row(t.db, ['c', 'y', 1])).toEqual(['c', 'y']);
    expect(await PUT_TWICE.rows(t.db, ['d', '3'])).toEqual([['d', 'd/3']]);
    expect(await ALL.rows(t.db, [])).toEqual([['c'], ['d']]);
    expect(Array.isArray((await ALL.rows(t.db, []))[0])).toBe(true);
    expect(await BUMP.run(t.db, ['c'])).toBeUndefined();
    expect((await t.db.select().from(meta).where(eq(meta.key, 'c')))[0]!.value).toBe('y+');
  });

  it('go through drizzle on a client that cannot say which connection holds the transaction (in memory)', async () => {
    const mem = openDb('file::memory:');
    try {
      await migrateDb(mem.db, mem.client);
      const row = await withTransaction(mem.db, async (tx) => {
        expect(isDirect(tx)).toBe(false);
        return PUT.row(tx, ['m', 'v', 1]);
      });
      expect(row).toEqual(['m', 'v']);
    } finally {
      mem.close();
    }
  });

  it('are no longer direct once the transaction is over (a kept handle cannot write into another one)', async () => {
    let kept: TestDb['db'] | undefined;
    await withTransaction(t.db, async (tx) => {
      kept = tx;
    });
    expect(isDirect(kept!)).toBe(false);
  });

  it('roll back with their transaction when a unit fails', async () => {
    await expect(
      withTransaction(t.db, async (tx) => {
        await PUT.row(tx, ['gone', 'v', 1]);
        throw new Error('fails after writing');
      }),
    ).rejects.toThrow('fails after writing');
    expect(await ALL.rows(t.db, [])).toEqual([]);
  });

  it('write() tells the rows changed and the new rowid, on both paths, and no rowid when nothing was inserted', async () => {
    const INSERT = prepared("insert into audit_log (at, actor, action) values (?, 'system', ?)");
    const INSERT_META = prepared('insert into meta (key, value, updated_at) values (?, ?, 1) on conflict (key) do nothing');
    const direct = await withTransaction(t.db, async (tx) => [await INSERT.write(tx, [1, 'a']), await INSERT_META.write(tx, ['k', 'v']), await INSERT_META.write(tx, ['k', 'v'])]);
    const drizzle = [await INSERT.write(t.db, [2, 'b']), await INSERT_META.write(t.db, ['k', 'v'])];
    expect(direct).toEqual([
      { changes: 1, lastRowid: 1 },
      { changes: 1, lastRowid: expect.any(Number) },
      { changes: 0, lastRowid: undefined },
    ]);
    expect(drizzle).toEqual([
      { changes: 1, lastRowid: 2 },
      { changes: 0, lastRowid: undefined },
    ]);
  });

  it('name the statement exactly as drizzle sends it (a read sent ahead is matched by its text and values)', async () => {
    const sent: unknown[] = [];
    const client = {
      protocol: 'http',
      execute: async (stmt: unknown) => {
        sent.push(stmt);
        return { columns: [], columnTypes: [], rows: [], rowsAffected: 0, lastInsertRowid: undefined, toJSON: () => ({}) };
      },
    };
    const db = drizzle(client as never) as unknown as TestDb['db'];
    await PUT_TWICE.rows(db, ['b', '7']);
    await PUT.rows(db, ['a', 'x', 1]);
    expect(sent).toEqual([PUT_TWICE.statement(['b', '7']), PUT.statement(['a', 'x', 1])]);
    expect(PUT_TWICE.statement(['b', '7'])).toEqual({ sql: "insert into meta (key, value, updated_at) values (?, ? || '/' || ?, ?) returning key, value", args: ['b', 'b', '7', '7'] });
  });

  it('say so when the values do not match the parameters', async () => {
    await expect(PUT.row(t.db, ['only one'])).rejects.toThrow(/takes 3 values, got 1/);
    expect(() => prepared('select ?, ?1')).toThrow(/mixes/);
  });
});
