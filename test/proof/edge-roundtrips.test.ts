// On the edge (the Worker's code path, a libSQL server over HTTP), every database request is a
// network round trip. A citizen files a whole report through the Telegram webhook, and a counting
// proxy in front of the project's Hrana test server counts the requests each update makes: at most
// 2 for an ordinary update and 3 for the address and the confirmation. A retried or concurrent copy
// of an update changes nothing twice, and the "sent" marks of one update's sends cost one request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '@libsql/client';
import { startEdgeWorld, type EdgeWorld } from '../../scripts/bench/edge-world';
import { LOOPBACK_OFFICERS } from '../../scripts/bench/server-process';
import { reportScript, textUpdate } from '../../scripts/bench/updates';
import { casesOfChat } from './support';

let world: EdgeWorld;
let updateId = 50_000;
const nextId = () => ++updateId;
const now = () => Math.floor(Date.now() / 1000);

beforeAll(async () => {
  world = await startEdgeWorld();
}, 60_000);
afterAll(() => world?.close());

/**
 * The database requests one update made before its answer, not counting "sent" marks written on
 * their own (a send's mark waits for the next update's batch, and is written alone only when none
 * comes soon: timing, which the bench reports); and in all, once its sends are done.
 */
async function roundTrips(update: unknown): Promise<{ status: number; answer: number; all: number }> {
  const [before, marksBefore] = [await world.proxy.requests(), await world.proxy.sentMarks()];
  const res = await world.post(update);
  const answer = (await world.proxy.requests()) - before - ((await world.proxy.sentMarks()) - marksBefore);
  await world.rt.idle();
  return { status: res.status, answer, all: (await world.proxy.requests()) - before };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

describe('a citizen files a report through the webhook on a database across the network', () => {
  it('costs at most 2 database requests per update, 3 for the address and the confirmation', async () => {
    const officer = LOOPBACK_OFFICERS[1]!;
    const script = reportScript(770_001, officer.addresses[0]!, nextId, now(), 1);
    const counts = [];
    for (const update of script.updates) counts.push(await roundTrips(update));
    expect(counts.map((c) => c.status)).toEqual(script.updates.map(() => 200));
    const answers = counts.map((c) => c.answer);
    expect(median(answers), JSON.stringify(counts)).toBeLessThanOrEqual(2);
    expect(Math.max(...answers), JSON.stringify(counts)).toBeLessThanOrEqual(3);

    // The report was filed and the officer told, once.
    const confirmation = world.sent.filter((s) => s.chatId === '770001').at(-1)?.text ?? '';
    const ref = /BV-[0-9A-Z]{6}/.exec(confirmation)?.[0];
    expect(ref, confirmation).toBeDefined();
    expect(world.sent.filter((s) => s.chatId === officer.chatId && s.text.includes(ref!))).toHaveLength(1);
  });

  it('answers a retried update without doing it again, and two copies at once do it once', async () => {
    const chat = 770_002;
    const start = textUpdate(nextId(), chat, '/start', now());
    await roundTrips(start);
    const retried = await roundTrips(start);
    expect(retried.status).toBe(200);
    expect(retried.answer).toBe(1); // read, saw it done, wrote nothing

    const menu = textUpdate(nextId(), chat, '/baotin', now());
    const both = await Promise.all([world.post(menu), world.post(menu)]);
    await world.rt.idle();
    expect(both.map((r) => r.status)).toEqual([200, 200]);
    const toChat = world.sent.filter((s) => s.chatId === String(chat));
    expect(toChat).toHaveLength(2); // the welcome, and the first report question once
  });

  it('files one case when the same confirmation arrives twice at once', async () => {
    const officer = LOOPBACK_OFFICERS[2]!;
    const chat = 770_003;
    const script = reportScript(chat, officer.addresses[0]!, nextId, now(), 2);
    const confirm = script.updates.at(-1)!;
    for (const update of script.updates.slice(0, -1)) await roundTrips(update);
    const answers = await Promise.all([world.post(confirm), world.post(confirm)]);
    await world.rt.idle();
    expect(answers.map((r) => r.status)).toEqual([200, 200]);
    const db = createClient({ url: world.proxy.url });
    const cases = await casesOfChat(db, chat, 'ref');
    db.close();
    expect(cases).toHaveLength(1);
    expect(world.sent.filter((s) => s.chatId === officer.chatId && s.text.includes(String(cases[0]!.ref)))).toHaveLength(1);
  });

  it.each([0, 600])("writes the sent marks of one update's sends in one request (Bot API taking %i ms a send)", async (delayMs) => {
    // The confirmation sends two messages (the reporter's, the officer's). Nothing follows it, so no
    // update's batch carries their marks: they are written alone, and in one request, whether the
    // sends end together or the second ends after the first mark's wait for a batch (500 ms).
    const officer = LOOPBACK_OFFICERS[0]!;
    const script = reportScript(770_004 + delayMs, officer.addresses[0]!, nextId, now(), 3);
    for (const update of script.updates.slice(0, -1)) await roundTrips(update);
    world.sendDelayMs = delayMs;
    try {
      const marksBefore = await world.proxy.sentMarks();
      const sentBefore = world.sent.length;
      const confirmation = await roundTrips(script.updates.at(-1)!);
      expect(confirmation.status).toBe(200);
      expect(world.sent.length - sentBefore).toBeGreaterThanOrEqual(2);
      expect((await world.proxy.sentMarks()) - marksBefore).toBe(1);
    } finally {
      world.sendDelayMs = 0;
    }
  }, 30_000);
});
