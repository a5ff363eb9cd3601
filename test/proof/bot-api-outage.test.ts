// The Telegram Bot API is down for ten minutes (Bad Gateway, then dropped connections) while citizens
// file reports: nothing is lost during the outage, and once it is back every message — each citizen's
// replies and each officer's case notice — is delivered exactly once.
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { createBot } from '../../src/channels/telegram/bot';
import { createTelegramSender } from '../../src/channels/telegram/sender';
import { silentLogger } from '../../src/ground/log';
import { officers } from '../../src/db/schema';
import { tickSteps } from '../../src/platform/wiring';
import { runTick } from '../../src/tick';
import { realServices } from '../reports/support';
import { createTestRuntime, type TestRuntime } from '../support/runtime';
import { API_ROOT, BOT_INFO, BOT_TOKEN, WEBHOOK_SECRET } from '../support/telegram';
import { LOOPBACK_OFFICERS } from '../../scripts/bench/server-process';
import { reportScript } from '../../scripts/bench/updates';
import { caseProblems } from './support';

type Mode = 'up' | 'bad-gateway' | 'connection-dropped';
let mode: Mode = 'up';
const accepted: Array<{ chatId: string; text: string }> = [];
let refused = 0;
const api = setupServer(
  http.post(`${API_ROOT}/bot${BOT_TOKEN}/:method`, async ({ request, params }) => {
    const body = (await request.json().catch(() => ({}))) as Record<string, unknown>;
    if (mode === 'connection-dropped') {
      refused++;
      return HttpResponse.error();
    }
    if (mode === 'bad-gateway') {
      refused++;
      return HttpResponse.json({ ok: false, error_code: 502, description: 'Bad Gateway' }, { status: 502 });
    }
    if (params.method === 'sendMessage') accepted.push({ chatId: String(body.chat_id), text: String(body.text) });
    return HttpResponse.json({ ok: true, result: { message_id: accepted.length, date: 0, chat: { id: Number(body.chat_id), type: 'private' }, text: body.text } });
  }),
);
beforeAll(() => api.listen({ onUnhandledRequest: 'error' }));
afterAll(() => api.close());

const START = Date.parse('2026-11-25T03:00:00Z');
let now = START;
let t: TestRuntime;
let app: ReturnType<typeof createApp>;
/** Outbox row ids the Bot API accepted, one entry per accepted send. */
let deliveredIds: number[];

beforeEach(async () => {
  mode = 'up';
  accepted.length = 0;
  refused = 0;
  now = START;
  deliveredIds = [];
  let bot: ReturnType<typeof createBot> | undefined;
  t = await createTestRuntime({
    env: { TELEGRAM_BOT_TOKEN: BOT_TOKEN, TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET, TELEGRAM_API_ROOT: API_ROOT },
    services: realServices(),
    now: () => new Date(now),
    senders: {
      telegram: {
        async send(to, body, meta) {
          const result = await createTelegramSender(bot!.api, silentLogger).send(to, body, meta);
          if (result.ok) deliveredIds.push(meta.id);
          return result;
        },
      },
    },
  });
  for (const o of LOOPBACK_OFFICERS) {
    await t.db.db.insert(officers).values({ communeCode: o.communeCode, provinceCode: o.provinceCode, name: o.name, role: 'officer', channel: 'telegram', channelUserId: o.chatId, active: true, createdAt: new Date(START) });
  }
  bot = createBot({ token: BOT_TOKEN, apiRoot: API_ROOT, botInfo: BOT_INFO }, t.rt);
  app = createApp({ rt: t.rt, telegram: { bot, secret: WEBHOOK_SECRET } });
});
afterEach(() => t.cleanup());

/** One webhook call, then the sends that follow its answer (they fail while the API is down). */
async function post(update: unknown): Promise<Response> {
  const res = await app.request('/telegram', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': WEBHOOK_SECRET },
    body: JSON.stringify(update),
  });
  await t.rt.idle();
  return res;
}

async function tickAt(ms: number) {
  now = ms;
  await runTick(t.rt, new Date(ms), { steps: tickSteps() });
}

async function outboxByStatus(): Promise<Record<string, number>> {
  const r = await t.db.client.execute(`select status, count(*) as n from outbox where channel = 'telegram' group by status`);
  return Object.fromEntries(r.rows.map((x) => [String(x.status), Number(x.n)]));
}

describe('the Bot API is down for ten minutes while citizens report abuse', () => {
  it('loses nothing during the outage and delivers every message exactly once when it returns', async () => {
    const MINUTE = 60_000;
    mode = 'bad-gateway';
    let updateId = 1;
    // Three citizens file whole reports during the outage; every webhook is still answered 200.
    for (let i = 0; i < 3; i++) {
      const address = LOOPBACK_OFFICERS[i]!.addresses[0]!;
      for (const u of reportScript(7000 + i, address, () => updateId++, Math.floor(now / 1000), i).updates) {
        expect((await post(u)).status).toBe(200);
        now += 10_000;
      }
    }
    expect(await caseProblems(t.db.client)).toEqual([]);
    const [{ n: caseCount }] = (await t.db.client.execute(`select count(*) as n from cases`)).rows as unknown as [{ n: number }];
    expect(Number(caseCount)).toBe(3);

    // A tick every minute through the outage: first Bad Gateway, then dropped connections.
    for (let minute = 1; minute <= 10; minute++) {
      if (minute === 5) mode = 'connection-dropped';
      await tickAt(START + minute * MINUTE);
      const status = await outboxByStatus();
      expect(status.sent ?? 0).toBe(0);
      expect(status.dead ?? 0).toBe(0); // nothing given up on
    }
    expect(refused).toBeGreaterThan(0);
    expect(accepted).toHaveLength(0);

    // The Bot API is back: ticks carry on until the queue is empty.
    mode = 'up';
    for (let minute = 11; minute <= 90; minute++) {
      await tickAt(START + minute * MINUTE);
      const status = await outboxByStatus();
      if (Object.keys(status).every((s) => s === 'sent')) break;
    }
    const status = await outboxByStatus();
    expect(Object.keys(status)).toEqual(['sent']);
    const rows = (await t.db.client.execute(`select id, dedupe_key, kind from outbox where channel = 'telegram'`)).rows;
    expect(rows.length).toBe(3 * 7 + 3); // seven replies per citizen, one notice per officer

    // Exactly once: one accepted send per outbox row (per dedupe key), and the Bot API saw no more.
    const sendsPerKey = new Map<string, number>();
    const keyOf = new Map(rows.map((r) => [Number(r.id), String(r.dedupe_key)]));
    for (const id of deliveredIds) sendsPerKey.set(keyOf.get(id)!, (sendsPerKey.get(keyOf.get(id)!) ?? 0) + 1);
    expect(sendsPerKey.size).toBe(rows.length);
    expect([...sendsPerKey.values()].every((n) => n === 1)).toBe(true);
    expect(accepted).toHaveLength(rows.length);

    // Each officer got their case once, with its reference.
    const cases = (await t.db.client.execute(`select ref, commune_code from cases`)).rows;
    for (const c of cases) {
      const officer = LOOPBACK_OFFICERS.find((o) => o.communeCode === c.commune_code)!;
      expect(accepted.filter((s) => s.chatId === officer.chatId && s.text.includes(String(c.ref)))).toHaveLength(1);
    }
  }, 60_000);
});
