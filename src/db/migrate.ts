// Applies the drizzle-kit migrations in ./drizzle (Node and CI only; never inside a Worker).
import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/libsql/migrator';
import type { Client } from '@libsql/client';
import type { Db } from './db';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));

export async function migrateDb(db: Db, client?: Client): Promise<void> {
  if (client) {
    // WAL lets the tick and the web server read while a report is being written.
    await client.execute('PRAGMA journal_mode = WAL').catch(() => undefined);
    await client.execute('PRAGMA busy_timeout = 5000').catch(() => undefined);
  }
  await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
}
