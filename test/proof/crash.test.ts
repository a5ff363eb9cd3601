// A server process killed (SIGKILL) in the middle of a burst of report confirmations: after a restart
// every case is whole or absent, nobody's report is lost or doubled, and everyone can carry on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type DbHandle } from '../../src/db/node-client';
import { startFakeBotApi, type FakeBotApiServer } from '../../scripts/bench/fake-bot-api';
import { LOOPBACK_OFFICERS, prepareDatabase, startServer, tempDatabaseUrl, WEBHOOK_SECRET, type ServerProcess } from '../../scripts/bench/server-process';
import { callbackUpdate, reportScript, textUpdate, type TelegramUpdate } from '../../scripts/bench/updates';
import { caseProblems, casesOfChat, count } from './support';

const CITIZENS = 30;
const HALF_WAY = 4; // citizens who had only given their address when the process died
const ROUNDS = 2;

let fake: FakeBotApiServer;
let databaseUrl: string;
let server: ServerProcess | undefined;
let db: DbHandle;

beforeAll(async () => {
  fake = await startFakeBotApi();
  databaseUrl = tempDatabaseUrl('baove-crash-');
  await prepareDatabase(databaseUrl);
  db = openDb(databaseUrl);
}, 120_000);

afterAll(async () => {
  await server?.kill9();
  db?.close();
  await fake?.close();
});

function post(base: string, update: TelegramUpdate): Promise<Response> {
  return fetch(`${base}/telegram`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': WEBHOOK_SECRET },
    body: JSON.stringify(update),
  });
}

async function postOk(base: string, update: TelegramUpdate): Promise<void> {
  const res = await post(base, update);
  if (res.status !== 200) throw new Error(`update ${update.update_id}: HTTP ${res.status}`);
}

async function stepOf(chatId: number): Promise<string | null> {
  const r = await db.client.execute({
    sql: `select s.step from conversation_state s join users u on u.id = s.user_id where u.channel = 'telegram' and u.channel_user_id = ?`,
    args: [String(chatId)],
  });
  return (r.rows[0]?.step as string | null | undefined) ?? null;
}

async function casesOf(chatId: number): Promise<number> {
  return Number((await casesOfChat(db.client, chatId))[0]?.n ?? 0);
}

describe('the server is killed while citizens confirm their reports', () => {
  it('keeps every case whole or absent, and every citizen can finish after the restart', async () => {
    let updateId = 1;
    const nextId = () => updateId++;
    const date = Math.floor(Date.now() / 1000);

    for (let round = 0; round < ROUNDS; round++) {
      server = await startServer({ databaseUrl, apiRoot: fake.apiRoot });
      const base = server.base;
      const firstChat = 100_000 + round * 1000;
      const chats = Array.from({ length: CITIZENS }, (_, i) => firstChat + i);
      const scripts = chats.map((chat, i) => reportScript(chat, LOOPBACK_OFFICERS[i % LOOPBACK_OFFICERS.length]!.addresses[0]!, nextId, date, i));
      const halfWay = Array.from({ length: HALF_WAY }, (_, i) => firstChat + 500 + i);

      // Everyone reaches the confirmation step (a few stop after the address).
      await Promise.all(
        scripts.map(async (s) => {
          for (const u of s.updates.slice(0, -1)) await postOk(base, u);
        }),
      );
      for (const chat of halfWay) {
        const s = reportScript(chat, LOOPBACK_OFFICERS[0]!.addresses[0]!, nextId, date, chat);
        for (const u of s.updates.slice(0, 3)) await postOk(base, u);
      }
      for (const chat of chats) expect(await stepOf(chat)).toBe('report.confirm');

      // A burst of confirmations. The Bot API answers the first few sends and then stops answering, and
      // the process dies right then: some confirmations are committed and answered, some committed and
      // waiting on their sends, some not yet committed. (Without the hold, a fast server can answer the
      // whole burst before the kill lands.)
      const confirms = scripts.map((s) => s.updates.at(-1)!);
      const answered = new Set<number>();
      const sendsBefore = fake.sendCount();
      fake.holdAfter = sendsBefore + 6;
      for (const [i, u] of confirms.entries()) {
        post(base, u)
          .then((res) => {
            if (res.status === 200) answered.add(chats[i]!);
          })
          .catch(() => undefined); // the connection died with the process
      }
      await fake.whenAccepted(sendsBefore + 6);
      await server.kill9();
      fake.holdAfter = undefined;
      expect(answered.size).toBeLessThan(CITIZENS); // the kill really landed mid-burst

      // Straight after the crash: whole or absent, never half.
      expect(await caseProblems(db.client)).toEqual([]);
      for (const chat of chats) {
        const n = await casesOf(chat);
        expect(n).toBeLessThanOrEqual(1);
        if (answered.has(chat)) expect(n).toBe(1); // an answered confirmation was committed
        if (n === 0) expect(await stepOf(chat)).toBe('report.confirm'); // the draft is still there
        else expect(await stepOf(chat)).toBeNull();
      }

      // Restart. Telegram redelivers every unanswered update (we resend them all: answered ones are no-ops).
      server = await startServer({ databaseUrl, apiRoot: fake.apiRoot });
      for (const u of confirms) await postOk(server.base, u);
      for (const chat of chats) expect(await casesOf(chat)).toBe(1);
      expect(await count(db.client, `select count(*) as n from cases where channel = 'telegram'`)).toBe((round + 1) * CITIZENS + round * HALF_WAY);
      expect(await caseProblems(db.client)).toEqual([]);

      // Those who stopped half-way resume where they were and finish with a fresh confirmation.
      for (const chat of halfWay) {
        expect(await stepOf(chat)).toBe('report.child_age');
        await postOk(server.base, textUpdate(nextId(), chat, '/baotin', date));
        expect(await stepOf(chat)).toBe('report.child_age');
        await postOk(server.base, callbackUpdate(nextId(), chat, 'report:age:6-10', date));
        await postOk(server.base, callbackUpdate(nextId(), chat, 'report:danger:no', date));
        await postOk(server.base, callbackUpdate(nextId(), chat, 'report:anonymous', date));
        await postOk(server.base, callbackUpdate(nextId(), chat, 'report:confirm', date));
        expect(await casesOf(chat)).toBe(1);
      }
      // A citizen whose report was filed can start another one cleanly.
      await postOk(server.base, textUpdate(nextId(), chats[0]!, '/baotin', date));
      expect(await stepOf(chats[0]!)).toBe('report.description');
      expect(await caseProblems(db.client)).toEqual([]);
      await server.kill9();
    }
    // Every case, across both crashes, has exactly one notice queued for its officer.
    expect(await count(db.client, `select count(*) as n from cases c where c.source_key not like 'demo:%' and (select count(*) from outbox o where o.case_id = c.id and o.kind = 'case') <> 1`)).toBe(0);
  }, 180_000);
});
