// Opens the database on Node: a local libSQL file by default, or a libSQL/Turso URL.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createClient, type Client } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import * as schema from './schema';
import type { Db } from './db';

export interface DbHandle {
  db: Db;
  client: Client;
  close(): void;
}

export function openDb(url: string, authToken?: string): DbHandle {
  if (url.startsWith('file:')) {
    const path = url.slice('file:'.length);
    if (path && path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  }
  const client = createClient({ url, authToken });
  const db = drizzle(client, { schema });
  return { db, client, close: () => client.close() };
}
