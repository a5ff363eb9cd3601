// On Workers a webhook's sends start once its answer is on its way (`answerFirst`), so a fresh isolate
// answers before it compiles the sender and the Bot API client; on Node they start at once, as before.
import { afterEach, describe, expect, it } from 'vitest';
import { createConfig } from '../../src/config';
import { silentLogger } from '../../src/ground/log';
import { createSealer } from '../../src/ground/crypto';
import { createRuntime } from '../../src/platform/runtime';
import type { MessageBody } from '../../src/outbox/outbox';
import { createTestDb, type TestDb } from '../support/db';
import { TEST_DATA_KEY } from '../support/runtime';

let db: TestDb | undefined;
afterEach(() => db?.cleanup());

async function runtime(answerFirst: boolean) {
  db = await createTestDb();
  const sent: Array<{ to: string; body: MessageBody }> = [];
  const rt = createRuntime({
    db: db.db,
    config: createConfig({ DATABASE_URL: db.url, DATA_KEY: TEST_DATA_KEY }),
    sealer: await createSealer(TEST_DATA_KEY),
    log: silentLogger,
    senders: { telegram: { send: async (to, body) => (sent.push({ to, body }), { ok: true }) } },
    answerFirst,
  });
  return { rt, sent };
}

const start = { channel: 'telegram' as const, userId: '42', at: new Date('2026-11-25T03:00:00Z'), dedupeKey: 'telegram:1', text: '/start' };

describe('a webhook update committed, then its reply', () => {
  it('on Workers: the send starts after the answer, and still goes out', async () => {
    const { rt, sent } = await runtime(true);
    await rt.receive(start);
    expect(sent).toEqual([]); // the answer (receive resolving) came first
    await rt.idle();
    expect(sent.map((s) => s.to)).toEqual(['42']);
  });

  it('on Node: the send has started when the update is committed', async () => {
    const { rt, sent } = await runtime(false);
    await rt.receive(start);
    expect(sent.map((s) => s.to)).toEqual(['42']);
    await rt.idle();
    expect(sent).toHaveLength(1);
  });
});
