// Opens the database on Workers: the libSQL web client (http/https/libsql URLs only, never file:).
import { createClient } from '@libsql/client/web';
import { drizzle } from 'drizzle-orm/libsql/web';
import type { Db } from './db';

export function openWebDb(url: string, authToken?: string): Db {
  const client = createClient({ url, authToken });
  // No schema: it only serves drizzle's relational `db.query` API, which nothing here uses, and
  // building its table map is part of every isolate's boot.
  return drizzle(client) as unknown as Db;
}
