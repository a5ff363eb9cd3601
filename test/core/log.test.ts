// Logs hold no personal data: a failed query's parameters never reach a log line.
import { createClient } from '@libsql/client';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/libsql';
import { describe, expect, it } from 'vitest';
import { errorFields } from '../../src/ground/log';

describe('errorFields', () => {
  it("keeps a failed query's statement and drops its parameters", async () => {
    const client = createClient({ url: ':memory:' });
    const db = drizzle(client);
    await db.run(sql`create table officers_test (phone text primary key, name text)`);
    await db.run(sql`insert into officers_test values (${'0912345678'}, ${'Nguyễn Thị Lan'})`);
    const failure = await db.run(sql`insert into officers_test values (${'0912345678'}, ${'Nguyễn Thị Lan'})`).then(
      () => undefined,
      (err: unknown) => err,
    );
    client.close();
    expect(failure).toBeInstanceOf(Error);
    expect(String((failure as Error).message)).toContain('0912345678'); // what drizzle puts in the message
    const fields = errorFields(failure);
    expect(fields.message).toContain('Failed query: insert into officers_test');
    expect(fields.message).toContain('params: (not logged)');
    expect(JSON.stringify(fields)).not.toMatch(/0912345678|Lan/);
  });

  it('leaves other messages as they are, cut to 200 characters', () => {
    expect(errorFields(new TypeError('x is not a function'))).toEqual({ error: 'TypeError', message: 'x is not a function' });
    expect(String(errorFields('a'.repeat(500)).error)).toHaveLength(200);
  });
});

describe('a field named like the line’s own keys', () => {
  it('never overwrites the event name, the level or the time', async () => {
    const { createLogger } = await import('../../src/ground/log');
    const lines: string[] = [];
    createLogger((l) => lines.push(l)).info('zalo.event.processed', { event: 'user_send_text', level: 'x', t: 'y', n: 1 });
    const line = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(line.event).toBe('zalo.event.processed');
    expect(line.level).toBe('info');
    expect(line.t).not.toBe('y');
    expect(line).toMatchObject({ field_event: 'user_send_text', field_level: 'x', field_t: 'y', n: 1 });
  });
});
