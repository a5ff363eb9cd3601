// A fresh, migrated database in a temporary file for each test that asks for one.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type DbHandle } from '../../src/db/node-client';
import { migrateDb } from '../../src/db/migrate';

export interface TestDb extends DbHandle {
  url: string;
  dir: string;
  cleanup(): void;
}

export async function createTestDb(): Promise<TestDb> {
  const dir = mkdtempSync(join(tmpdir(), 'baove-test-'));
  const url = `file:${join(dir, 'test.db')}`;
  const handle = openDb(url);
  await migrateDb(handle.db, handle.client);
  return {
    ...handle,
    url,
    dir,
    cleanup() {
      handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
