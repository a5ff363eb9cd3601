import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { withTransaction } from '../../src/db/tx';
import { createTelegramTestApp, fakeBotApi, textUpdate } from '../support/telegram';
import { tableCounts } from './support';
const api = fakeBotApi();
beforeAll(() => api.server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => api.server.close());
it('dbg', async () => {
  const t = await createTelegramTestApp();
  await t.post(textUpdate(t.nextUpdateId(), 31, '/baotin'));
  if (process.env.COUNTS) await tableCounts(t.db.client);
  const script = `const Database = require('libsql'); const db = new Database(process.argv[1]); db.exec('BEGIN IMMEDIATE'); console.log('locked'); process.stdin.once('data', () => { db.exec('ROLLBACK'); console.log('released'); });`;
  const child = spawn(process.execPath, ['-e', script, t.db.url.slice(5)], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  console.log((await lines.next()).value);
  if (process.env.POST) console.log('post', (await t.post(textUpdate(t.nextUpdateId(), 31, 'hello there friend'))).status);
  else await withTransaction(t.db.db, (tx) => tx.run(sql`insert into meta (key, value, updated_at) values ('a','b',0)`)).catch((e) => console.log('first', e.name));
  child.stdin!.write('go\n');
  console.log((await lines.next()).value);
  for (let i = 0; i < 2; i++) {
    await withTransaction(t.db.db, (tx) => tx.run(sql`insert into meta (key, value, updated_at) values (${'k' + i},'b',0)`)).then(() => console.log('ok', i)).catch((e) => console.log('again', i, e.name, String(e.cause?.message ?? e.message).slice(0, 300)));
  }
  child.kill();
}, 60000);
