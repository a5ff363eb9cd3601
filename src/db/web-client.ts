// Opens the database on Workers: the libSQL web client (http/https/libsql URLs only, never file:).
import { createClient } from '@libsql/client/web';
import { drizzle } from 'drizzle-orm/libsql/web';
import * as schema from './schema';
import type { Db } from './db';

export function openWebDb(url: string, authToken?: string): Db {
  const client = createClient({ url, authToken });
  return drizzle(client, { schema }) as unknown as Db;
}
