// Global setup for the Worker tests (runs in Node): a migrated libSQL file with the real commune map and
// two Telegram officers, served over Hrana HTTP on 127.0.0.1, and a fake Bot API beside it. Their URLs
// reach the Worker as bindings (vitest.workers.config.ts) and the tests through inject().
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { migrateDb } from '../../src/db/migrate';
import { openDb } from '../../src/db/node-client';
import { officers } from '../../src/db/schema';
import { importCommuneMap } from '../../src/routing/import';
import { startHranaServer } from '../support/hrana-server';
import { BOT_TOKEN, OFFICER_BA_DINH, SUPERVISOR_HA_NOI } from './constants';
import { startFakeTelegram } from './fake-telegram';

const MAP_DIR = fileURLToPath(new URL('../../content/map/', import.meta.url));

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = mkdtempSync(join(tmpdir(), 'baove-worker-'));
  const file = join(dir, 'worker.db');
  // Migrations and seeding run from Node, as they do against Turso (never inside a Worker).
  const handle = openDb(`file:${file}`);
  await migrateDb(handle.db, handle.client);
  await importCommuneMap(handle.db, MAP_DIR, () => undefined);
  const createdAt = new Date('2026-11-01T00:00:00Z');
  await handle.db.insert(officers).values([
    { communeCode: '00004', provinceCode: '01', name: 'Cán bộ BVTE phường Ba Đình (thử)', role: 'officer', channel: 'telegram', channelUserId: String(OFFICER_BA_DINH), active: true, createdAt },
    { communeCode: '01', provinceCode: '01', name: 'Phụ trách BVTE Hà Nội (thử)', role: 'supervisor', channel: 'telegram', channelUserId: String(SUPERVISOR_HA_NOI), active: true, createdAt },
  ]);
  handle.close();

  const hrana = await startHranaServer(file);
  const telegram = await startFakeTelegram(BOT_TOKEN);
  project.provide('hranaUrl', hrana.url);
  project.provide('telegramUrl', telegram.url);
  return async () => {
    await telegram.close();
    await hrana.close();
    rmSync(dir, { recursive: true, force: true });
  };
}
