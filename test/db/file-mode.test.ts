// A copy of the database is a copy of every report's routing and every officer's chat id: on Node the
// files are created readable by their owner only.
import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../../src/db/node-client';
import { migrateDb } from '../../src/db/migrate';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const mode = (path: string) => statSync(path).mode & 0o777;

describe.skipIf(process.platform === 'win32')('database files on Node', () => {
  it('a new database, its WAL and shared-memory files are created 0600 whatever the umask', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bv-mode-'));
    dirs.push(dir);
    const old = process.umask(0o022);
    try {
      const path = join(dir, 'data', 'baove.db');
      const h = openDb(`file:${path}`);
      await migrateDb(h.db, h.client);
      expect(mode(path)).toBe(0o600);
      expect(mode(`${path}-wal`)).toBe(0o600);
      expect(mode(`${path}-shm`)).toBe(0o600);
      h.close();
    } finally {
      process.umask(old);
    }
  });

  it('an existing world-readable database file is tightened to 0600 when opened', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bv-mode-'));
    dirs.push(dir);
    const path = join(dir, 'old.db');
    writeFileSync(path, '');
    chmodSync(path, 0o644);
    openDb(`file:${path}`).close();
    expect(mode(path)).toBe(0o600);
  });
});
