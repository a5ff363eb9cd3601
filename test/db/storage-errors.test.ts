// A database that cannot take writes (read-only, disk full): webhooks answer 503 so the platform retries,
// /healthz turns red, and the start-up message names the cause without a failed query's parameters.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startFailureText, storageProblem } from '../../src/db/storage-errors';
import { createTelegramTestApp, fakeBotApi, textUpdate } from '../support/telegram';

/** What drizzle throws when libSQL refuses a write: its own message with the parameters, libSQL's as cause. */
function failedQuery(code: string, message: string): Error {
  const cause = Object.assign(new Error(`${code}: ${message}`), { code, name: 'LibsqlError' });
  return new Error('Failed query: insert into officers (name, phone) values (?, ?)\nparams: Nguyễn Thị Hoa,0912345678', { cause });
}

describe('the start-up message', () => {
  it('names a read-only database and what to check, and never prints the query parameters', () => {
    const text = startFailureText(failedQuery('SQLITE_READONLY', 'attempt to write a readonly database'));
    expect(text).toContain('SQLITE_READONLY: attempt to write a readonly database');
    expect(text).toContain('cannot be written');
    expect(text).not.toContain('Nguyễn Thị Hoa');
    expect(text).not.toContain('0912345678');
  });

  it('tells a full disk from a read-only file', () => {
    expect(storageProblem(failedQuery('SQLITE_FULL', 'database or disk is full'))).toBe('full');
    expect(storageProblem(failedQuery('SQLITE_READONLY', 'attempt to write a readonly database'))).toBe('readonly');
    expect(storageProblem(new Error('no such table: cases'))).toBeNull();
  });
});

describe('a webhook and /healthz when the disk is full', () => {
  const api = fakeBotApi();
  beforeAll(() => api.server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => api.server.close());
  let t: Awaited<ReturnType<typeof createTelegramTestApp>>;
  beforeEach(async () => {
    t = await createTelegramTestApp();
  });
  afterEach(() => t.cleanup());

  it('the webhook answers 503 with Retry-After (Telegram will deliver it again), not 500', async () => {
    t.rt.engine.handle = async () => {
      throw failedQuery('SQLITE_FULL', 'database or disk is full');
    };
    const res = await t.post(textUpdate(t.nextUpdateId(), 4201, '/start'));
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('30');
    expect(JSON.stringify(await res.json())).not.toContain('0912345678');
  });

  it('/healthz writes to check, and turns 503 when writes fail though reads still work', async () => {
    expect((await t.app.request('/healthz')).status).toBe(200);
    // Writes to the database now fail as on a full disk (SQLite's own message); reads still work.
    await t.db.db.run(sql`create trigger full_disk before update on meta begin select raise(abort, 'database or disk is full'); end`);
    await t.db.db.run(sql`create trigger full_disk_insert before insert on meta begin select raise(abort, 'database or disk is full'); end`);
    await t.db.db.run(sql`select 1`);
    const res = await t.app.request('/healthz');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ ok: false, problem: 'full' });
  });
});
