// Another process holds the database's write lock (a backup, a CLI import) while a webhook arrives:
// the webhook is retried and succeeds if the lock is freed in time, or gets a clean 503 that writes
// nothing; Telegram's redelivery after the lock is gone is then processed exactly once.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { callbackUpdate, createTelegramTestApp, fakeBotApi, textUpdate } from '../support/telegram';
import { caseProblems, tableCounts } from './support';

const api = fakeBotApi();
beforeAll(() => api.server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => api.server.close());

let t: Awaited<ReturnType<typeof createTelegramTestApp>>;
let locker: ChildProcess | undefined;
beforeEach(async () => {
  api.calls.length = 0;
  t = await createTelegramTestApp();
});
afterEach(() => {
  locker?.kill('SIGKILL');
  locker = undefined;
  t.cleanup();
});

/** A second process that takes the write lock (BEGIN IMMEDIATE) and frees it after `holdMs`, or when told. */
async function holdWriteLock(dbPath: string, holdMs: number | null): Promise<{ release(): Promise<void> }> {
  const script = `
    const Database = require('libsql');
    const db = new Database(process.argv[1]);
    db.exec('BEGIN IMMEDIATE');
    db.prepare("insert into meta (key, value, updated_at) values ('lock-holder', 'x', 0)").run();
    console.log('locked');
    const release = () => { db.exec('ROLLBACK'); console.log('released'); };
    const hold = Number(process.argv[2]);
    if (hold >= 0) setTimeout(release, hold);
    process.stdin.once('data', release);
  `;
  const child = spawn(process.execPath, ['-e', script, dbPath, String(holdMs ?? -1)], { stdio: ['pipe', 'pipe', 'inherit'] });
  locker = child;
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  expect((await lines.next()).value).toBe('locked');
  return {
    async release() {
      child.stdin!.write('go\n');
      expect((await lines.next()).value).toBe('released');
    },
  };
}

const dbPath = () => t.db.url.slice('file:'.length);
const repliesTo = (chat: number) => api.sends().filter((s) => s.body.chat_id === String(chat));

describe('the database is locked by another process when a webhook arrives', () => {
  it('answers a clean 503 that writes nothing; the redelivery after the lock is freed is processed once', async () => {
    await t.post(textUpdate(t.nextUpdateId(), 31, '/baotin')); // a report in progress
    const before = await tableCounts(t.db.client);
    const lock = await holdWriteLock(dbPath(), null);

    const update = textUpdate(t.nextUpdateId(), 31, 'Cháu bé nhà bên bị đánh bằng roi mỗi tối, người đầy vết bầm.');
    const refused = await t.post(update);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBeTruthy();
    const body = await refused.text();
    expect(body).not.toMatch(/at .+\(|SQLITE|stack|node_modules/i);
    expect(await tableCounts(t.db.client)).toEqual(before); // no half write
    expect(repliesTo(31)).toHaveLength(1); // only the earlier /baotin reply

    await lock.release();
    expect((await t.post(update)).status).toBe(200); // Telegram redelivers the same update
    expect((await t.post(update)).status).toBe(200); // and once more, for good measure
    expect(repliesTo(31)).toHaveLength(2);
    const after = await tableCounts(t.db.client);
    expect(after.inbox).toBe(before.inbox! + 1);
    expect(after.outbox).toBe(before.outbox! + 1);
    expect(await caseProblems(t.db.client)).toEqual([]);
  }, 60_000);

  it('succeeds after a retry when the lock is freed within a moment', async () => {
    await holdWriteLock(dbPath(), 150);
    const res = await t.post(callbackUpdate(t.nextUpdateId(), 32, 'menu:hotlines'));
    expect(res.status).toBe(200);
    expect(repliesTo(32)).toHaveLength(1);
    expect((await tableCounts(t.db.client)).inbox).toBe(1);
  }, 60_000);
});
