// Migrations carry data forward: a database made by an older version is migrated to the current
// schema without losing what it held. Here: the Zalo token pair stored in clear before 0002.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { afterEach, describe, expect, it } from 'vitest';
import { seedZaloTokens, readZaloTokens } from '../../src/channels/zalo/tokens';
import { createConfig } from '../../src/config';
import { migrateDb, MIGRATIONS_FOLDER } from '../../src/db/migrate';
import { openDb, type DbHandle } from '../../src/db/node-client';
import { createSealer } from '../../src/ground/crypto';

const DATA_KEY = Buffer.from('0123456789abcdef0123456789abcdef').toString('base64');
const dirs: string[] = [];
const handles: DbHandle[] = [];
afterEach(() => {
  handles.splice(0).forEach((h) => h.close());
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

/** The migrations folder as it was when `tag` was the newest migration. */
function migrationsUpTo(tag: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'baove-migrations-'));
  dirs.push(dir);
  cpSync(MIGRATIONS_FOLDER, dir, { recursive: true });
  const journalPath = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: Array<{ tag: string }> };
  const upTo = journal.entries.findIndex((e) => e.tag === tag);
  expect(upTo).toBeGreaterThanOrEqual(0);
  journal.entries = journal.entries.slice(0, upTo + 1);
  writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}

function freshDb(): DbHandle {
  const dir = mkdtempSync(join(tmpdir(), 'baove-migrate-'));
  dirs.push(dir);
  const handle = openDb(`file:${join(dir, 'baove.db')}`);
  handles.push(handle);
  return handle;
}

describe('migration 0002 (the Zalo pair sealed)', () => {
  it('keeps a pair stored in clear by an older version, and the next start seals it', async () => {
    const { db, client } = freshDb();
    await migrate(db, { migrationsFolder: migrationsUpTo('0001_inbox_pending_index') });
    await client.execute({
      sql: 'insert into zalo_tokens (id, access_token, refresh_token, expires_at, updated_at) values (1, ?, ?, ?, ?)',
      args: ['old-access-token-in-clear', 'old-refresh-token-in-clear', Date.parse('2026-11-26T00:00:00Z'), Date.parse('2026-11-25T00:00:00Z')],
    });

    await migrateDb(db, client);
    const sealer = await createSealer(DATA_KEY);
    expect(await readZaloTokens(db, sealer)).toMatchObject({ accessToken: 'old-access-token-in-clear', refreshToken: 'old-refresh-token-in-clear' });

    await seedZaloTokens(db, sealer, createConfig({ DATA_KEY }), new Date());
    const raw = (await client.execute('select * from zalo_tokens')).rows[0]!;
    expect(JSON.stringify(raw)).not.toContain('in-clear');
    expect(String(raw.refresh_token_enc)).toMatch(/^v1\./);
    expect(await readZaloTokens(db, sealer)).toMatchObject({
      accessToken: 'old-access-token-in-clear',
      refreshToken: 'old-refresh-token-in-clear',
      expiresAt: new Date('2026-11-26T00:00:00Z'),
    });
  });
});
