// On Node a missing DATA_KEY is generated once into the data folder (with a warning), so a local
// trial works out of the box; production sets DATA_KEY explicitly. Workers require it.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generateDataKey } from '../ground/crypto';
import type { Logger } from '../ground/log';

export function resolveDataKey(configured: string | undefined, databaseUrl: string, log: Logger): string {
  if (configured) return configured;
  const dbPath = databaseUrl.startsWith('file:') ? databaseUrl.slice(5) : './data/baove.db';
  const file = join(dirname(dbPath || './data/baove.db'), 'data.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, generateDataKey() + '\n', { mode: 0o600 });
  log.warn('data_key.generated', { file, note: 'set DATA_KEY in production; losing this file loses encrypted report details' });
  return readFileSync(file, 'utf8').trim();
}
