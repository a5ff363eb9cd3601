// The outbox: queued once per key, sent once even by two flushes at once, retried with backoff,
// dead-lettered when hopeless, and an urgent notice can take another channel when one is stuck.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createSealer } from '../../src/ground/crypto';
import { enqueue, enqueueWithBodies, flushOutbox, LEASE_MS, MAX_ATTEMPTS, requeue, type Sender, type SendResult } from '../../src/outbox/outbox';
import { createTestDb, type TestDb } from '../support/db';
import { TEST_DATA_KEY } from '../support/runtime';

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(() => t.cleanup());

const at = new Date('2026-11-25T03:00:00Z');
const msg = (key: string, kind: 'reply' | 'case' = 'reply') => ({ dedupeKey: key, to: { channel: 'zalo' as const, userId: 'u1' }, text: 'Xin chào', buttons: [], state: null, kind });

function scripted(results: SendResult[]): Sender & { calls: number } {
  const s = {
    calls: 0,
    async send() {
      s.calls++;
      return results.shift() ?? { ok: true as const };
    },
  };
  return s;
}

async function rows() {
  return t.db.all<{ status: string; attempts: number; next: number; body: string }>(sql`select status, attempts, next_attempt_at as next, body_enc as body from outbox`);
}

describe('the outbox', () => {
  it('queues a key once and stores the body encrypted', async () => {
    const sealer = await createSealer(TEST_DATA_KEY);
    expect(await enqueue(t.db, sealer, [msg('k1'), msg('k1')], at)).toHaveLength(1);
    expect(await enqueue(t.db, sealer, [msg('k1')], at)).toHaveLength(0);
    const [row] = await rows();
    expect(row!.body).not.toContain('Xin chào');
  });

  it('two flushes racing send a message once', async () => {
    const sealer = await createSealer(TEST_DATA_KEY);
    await enqueue(t.db, sealer, [msg('k1'), msg('k2')], at);
    const sender = scripted([]);
    await Promise.all([flushOutbox({ db: t.db, sealer, senders: { zalo: sender } }, at), flushOutbox({ db: t.db, sealer, senders: { zalo: sender } }, at)]);
    expect(sender.calls).toBe(2);
  });

  it('retries with backoff, honours retry-after, and dead-letters after the last attempt', async () => {
    const sealer = await createSealer(TEST_DATA_KEY);
    await enqueue(t.db, sealer, [msg('k1')], at);
    const failures: SendResult[] = Array.from({ length: MAX_ATTEMPTS }, () => ({ ok: false as const, reason: 'down' }));
    failures[0] = { ok: false, reason: '429', retryAfterMs: 90_000 };
    const sender = scripted(failures);
    let now = at.getTime();
    await flushOutbox({ db: t.db, sealer, senders: { zalo: sender } }, new Date(now));
    const [first] = await rows();
    expect(first!.next - now).toBe(90_000);
    await flushOutbox({ db: t.db, sealer, senders: { zalo: sender } }, new Date(now + 60_000));
    expect(sender.calls).toBe(1); // not due yet
    const dead: string[] = [];
    for (let i = 0; i < 40 && (await rows())[0]!.status !== 'dead'; i++) {
      now = Math.max(now, (await rows())[0]!.next) + 1;
      await flushOutbox({ db: t.db, sealer, senders: { zalo: sender }, onUndeliverable: async (_r, reason) => void dead.push(reason) }, new Date(now));
    }
    expect((await rows())[0]).toMatchObject({ status: 'dead', attempts: MAX_ATTEMPTS });
    expect(dead).toEqual(['down']);
    expect(await requeue(t.db, 1, new Date(now))).toBe(true);
    await flushOutbox({ db: t.db, sealer, senders: { zalo: sender } }, new Date(now));
    expect((await rows())[0]!.status).toBe('sent');
  });

  it('a case notice deferred for hours (Zalo night window) is handed to the fallback hook at once', async () => {
    const sealer = await createSealer(TEST_DATA_KEY);
    await enqueue(t.db, sealer, [msg('case-1', 'case')], at);
    const sender = scripted([{ ok: false, reason: 'zalo -234: night', retryAfterMs: 8 * 3_600_000 }]);
    const handed: string[] = [];
    await flushOutbox({ db: t.db, sealer, senders: { zalo: sender }, onUndeliverable: async (row) => void handed.push(row.dedupeKey) }, at);
    expect(handed).toEqual(['case-1']);
    expect((await rows())[0]!.status).toBe('pending');
  });
});

describe('after a crash (kill -9) in the middle of a send', () => {
  // What SECURITY.md promises: every message is delivered at least once; a message whose send was in
  // flight when the process died is sent again once its lease ends, so it may arrive twice. Rows that
  // had not reached their send are never doubled.
  it('a message claimed by the dead process waits for its lease, then is sent once more; the others once', async () => {
    const sealer = await createSealer(TEST_DATA_KEY);
    const enqueueLease = { until: new Date(at.getTime() + LEASE_MS), channels: ['zalo'] };
    // The dead process had written 'inflight' claimed (its send was under way); 'queued' was only queued.
    await enqueueWithBodies(t.db, sealer, [msg('inflight')], at, enqueueLease);
    await enqueue(t.db, sealer, [msg('queued')], at);
    const sender = scripted([]);
    // A tick just after the restart sends only what nobody holds.
    expect(await flushOutbox({ db: t.db, sealer, senders: { zalo: sender } }, new Date(at.getTime() + 1000))).toMatchObject({ sent: 1 });
    expect(sender.calls).toBe(1);
    // Once the lease is over, the in-flight one is sent again (at least once), exactly one more time.
    const later = new Date(at.getTime() + LEASE_MS + 1000);
    expect(await flushOutbox({ db: t.db, sealer, senders: { zalo: sender } }, later)).toMatchObject({ sent: 1 });
    expect(await flushOutbox({ db: t.db, sealer, senders: { zalo: sender } }, new Date(later.getTime() + LEASE_MS))).toMatchObject({ sent: 0 });
    expect(sender.calls).toBe(2);
    expect((await rows()).map((r) => r.status)).toEqual(['sent', 'sent']);
  });
});
