// On the edge (the Worker's code path, a libSQL server over HTTP), every database request is a
// network round trip. A citizen files a whole report through the Telegram webhook, and a counting
// proxy in front of the project's Hrana test server counts the requests each update makes: at most
// 2 before the answer (the address lookup and the case's reads ride in the first batch, sent ahead
// from the state this process wrote), and at most 3 in all with the request that marks the update's
// sends as sent. A read sent ahead from a state that changed elsewhere is not used. A retried or
// concurrent copy of an update changes nothing twice, and the "sent" marks of one update's sends cost
// one request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '@libsql/client';
import { createSealer } from '../../src/ground/crypto';
import { reportsMessages } from '../../src/reports/messages';
import { BENCH_DATA_KEY } from '../../scripts/bench/server-process';
import { startEdgeWorld, type EdgeWorld } from '../../scripts/bench/edge-world';
import { LOOPBACK_OFFICERS } from '../../scripts/bench/server-process';
import { callbackUpdate, reportScript, textUpdate } from '../../scripts/bench/updates';
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

/** The cases whose references were sent to a Telegram chat, read straight from the database. */
async function casesOf(chat: number): Promise<Array<{ ref: string; communeCode: string | null }>> {
  const refs = [...new Set(world.sent.filter((s) => s.chatId === String(chat)).flatMap((s) => s.text.match(/BV-[0-9A-Z]{6}/g) ?? []))];
  const db = createClient({ url: world.proxy.url });
  try {
    const rows = await db.execute({ sql: `select ref, commune_code from cases where ref in (select value from json_each(?))`, args: [JSON.stringify(refs)] });
    return rows.rows.map((r) => ({ ref: String(r[0]), communeCode: r[1] === null ? null : String(r[1]) }));
  } finally {
    db.close();
  }
}

async function caseCount(): Promise<number> {
  const db = createClient({ url: world.proxy.url });
  try {
    return Number((await db.execute('select count(*) from cases')).rows[0]![0]);
  } finally {
    db.close();
  }
}

describe('a citizen files a report through the webhook on a database across the network', () => {
  it('costs at most 2 database requests before each answer, and at most 3 in all with the sent marks', async () => {
    const officer = LOOPBACK_OFFICERS[1]!;
    const script = reportScript(770_001, officer.addresses[0]!, nextId, now(), 1);
    const counts = [];
    // Each update's sends are marked on their own here (the next update comes only once they are
    // done): the worst case, where no later batch carries the marks.
    for (const update of script.updates) counts.push(await roundTrips(update));
    expect(counts.map((c) => c.status)).toEqual(script.updates.map(() => 200));
    const answers = counts.map((c) => c.answer);
    expect(median(answers), JSON.stringify(counts)).toBeLessThanOrEqual(2);
    expect(Math.max(...answers), JSON.stringify(counts)).toBeLessThanOrEqual(2);
    expect(Math.max(...counts.map((c) => c.all)), JSON.stringify(counts)).toBeLessThanOrEqual(3);

    // The report was filed and the officer told, once.
    const confirmation = world.sent.filter((s) => s.chatId === '770001').at(-1)?.text ?? '';
    const ref = /BV-[0-9A-Z]{6}/.exec(confirmation)?.[0];
    expect(ref, confirmation).toBeDefined();
    expect(world.sent.filter((s) => s.chatId === officer.chatId && s.text.includes(ref!))).toHaveLength(1);
  });

  it("an officer's acknowledgement takes 2 requests before its answer and 3 in all, the reporter told in it, and a second press changes nothing", async () => {
    const officer = LOOPBACK_OFFICERS[1]!;
    const chat = 770_020;
    const script = reportScript(chat, officer.addresses[0]!, nextId, now(), 6);
    for (const update of script.updates) await roundTrips(update);
    const [filed] = await casesOf(chat);
    const officerChat = Number(officer.chatId);
    const ack = await roundTrips(callbackUpdate(nextId(), officerChat, `case:ack:${filed!.ref}`, now()));
    expect(ack.status).toBe(200);
    // The officer's rows, the case and the reporter's row (this process filed the case, so it knows
    // who filed it) ride in the first batch, named by the button; then one write batch; then the marks.
    expect(ack.answer, JSON.stringify(ack)).toBe(2);
    expect(ack.all, JSON.stringify(ack)).toBeLessThanOrEqual(3);
    expect(world.sent.filter((s) => s.chatId === String(chat)).at(-1)?.text).toContain(filed!.ref);
    const again = await roundTrips(callbackUpdate(nextId(), officerChat, `case:ack:${filed!.ref}`, now()));
    expect(again.answer, JSON.stringify(again)).toBeLessThanOrEqual(2);
    const db = createClient({ url: world.proxy.url });
    const acks = await db.execute({ sql: `select count(*) from audit_log a join cases c on c.id = a.case_id where c.ref = ? and a.action = 'case.ack'`, args: [filed!.ref] });
    db.close();
    expect(Number(acks.rows[0]![0])).toBe(1);
  });

  it('two officers acknowledging the same case at once: one acknowledgement, the reporter told once', async () => {
    const officer = LOOPBACK_OFFICERS[1]!;
    const chat = 770_021;
    const script = reportScript(chat, officer.addresses[0]!, nextId, now(), 7);
    for (const update of script.updates) await roundTrips(update);
    const [filed] = await casesOf(chat);
    const toReporter = world.sent.filter((s) => s.chatId === String(chat)).length;
    // The same officer's two presses stand for two holders of the case pressing together: the second
    // batch finds the case changed since its read, runs again, and sees it acknowledged.
    const presses = [nextId(), nextId()].map((id) => callbackUpdate(id, Number(officer.chatId), `case:ack:${filed!.ref}`, now()));
    const answers = await Promise.all(presses.map((p) => world.post(p)));
    await world.rt.idle();
    expect(answers.map((r) => r.status)).toEqual([200, 200]);
    const db = createClient({ url: world.proxy.url });
    const acks = await db.execute({ sql: `select count(*) from audit_log a join cases c on c.id = a.case_id where c.ref = ? and a.action = 'case.ack'`, args: [filed!.ref] });
    db.close();
    expect(Number(acks.rows[0]![0])).toBe(1);
    expect(world.sent.filter((s) => s.chatId === String(chat)).length - toReporter).toBe(1);
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

  it('files the case where the draft now says when another process changed it: a read sent ahead for the old draft is not used', async () => {
    // Two citizens at the summary, one for each officer's commune. Then the first one's draft is
    // changed behind this process's back (as another isolate would, the reporter moving the place to
    // the second commune): this process still remembers the old draft and sends the old commune's
    // reads ahead, but the state read back is not the one it wrote.
    const [first, second] = [LOOPBACK_OFFICERS[0]!, LOOPBACK_OFFICERS[2]!];
    const chat = 770_010;
    const script = reportScript(chat, first.addresses[0]!, nextId, now(), 4);
    const other = reportScript(770_011, second.addresses[0]!, nextId, now(), 4);
    for (const update of script.updates.slice(0, -1)) await roundTrips(update);
    for (const update of other.updates.slice(0, -1)) await roundTrips(update);

    const sealer = await createSealer(BENCH_DATA_KEY);
    const db = createClient({ url: world.proxy.url });
    const draftOf = async (c: number) => {
      const rs = await db.execute({ sql: `select s.user_id, s.step, s.data_enc from conversation_state s join users u on u.id = s.user_id where u.channel = 'telegram' and u.channel_user_id = ?`, args: [String(c)] });
      const row = rs.rows[0]!;
      return { userId: Number(row[0]), step: String(row[1]), draft: JSON.parse(await sealer.open(String(row[2]))) as Record<string, unknown> };
    };
    const mine = await draftOf(chat);
    const theirs = await draftOf(770_011);
    expect(mine.step).toBe('report.confirm');
    const moved = { ...mine.draft, commune: theirs.draft.commune, address: theirs.draft.address };
    await db.execute({ sql: 'update conversation_state set data_enc = ? where user_id = ?', args: [await sealer.seal(JSON.stringify(moved)), mine.userId] });
    db.close();

    const confirmation = await roundTrips(script.updates.at(-1)!);
    expect(confirmation.status).toBe(200);
    // The case's own read went to the database (the one sent ahead was for the old draft).
    expect(confirmation.answer).toBe(3);
    const filed = await casesOf(chat);
    expect(filed).toEqual([{ ref: expect.stringMatching(/^BV-/), communeCode: second.communeCode }]);
    expect(world.sent.filter((s) => s.chatId === second.chatId && s.text.includes(filed[0]!.ref))).toHaveLength(1);
    expect(world.sent.filter((s) => s.chatId === first.chatId && s.text.includes(filed[0]!.ref))).toHaveLength(0);
  });

  it('looks the typed address up in the first batch even when another process wrote the state (nothing remembered here)', async () => {
    const officer = LOOPBACK_OFFICERS[0]!;
    const chat = 770_013;
    const script = reportScript(chat, officer.addresses[0]!, nextId, now(), 8);
    // /baotin and the description: the reporter is now at the address question.
    for (const update of script.updates.slice(0, 2)) await roundTrips(update);
    // Another isolate writes the same draft again (a fresh seal): this process's memory of it is stale.
    const sealer = await createSealer(BENCH_DATA_KEY);
    const db = createClient({ url: world.proxy.url });
    const rs = await db.execute({ sql: `select s.user_id, s.step, s.data_enc from conversation_state s join users u on u.id = s.user_id where u.channel = 'telegram' and u.channel_user_id = ?`, args: [String(chat)] });
    const row = rs.rows[0]!;
    const [userId, step, dataEnc] = [row[0], row[1], row[2]];
    expect(step).toBe('report.location');
    await db.execute({ sql: 'update conversation_state set data_enc = ? where user_id = ?', args: [await sealer.seal(await sealer.open(String(dataEnc))), userId!] });
    db.close();
    const address = await roundTrips(script.updates[2]!);
    expect(address.status).toBe(200);
    expect(address.answer).toBe(2);
    // Found: the next question (the child's age) is asked.
    expect(world.sent.filter((s) => s.chatId === String(chat)).at(-1)?.text).toContain(reportsMessages.vi.askAge.slice(0, 24));
  });

  it('answers a confirmation delivered again, after it was done, with one request and no second case', async () => {
    const officer = LOOPBACK_OFFICERS[1]!;
    const chat = 770_012;
    const script = reportScript(chat, officer.addresses[0]!, nextId, now(), 5);
    for (const update of script.updates) await roundTrips(update);
    const before = await caseCount();
    const again = await roundTrips(script.updates.at(-1)!);
    expect(again.status).toBe(200);
    expect(again.all).toBe(1); // read, saw it done, wrote nothing
    expect(await caseCount()).toBe(before);
    const filed = await casesOf(chat);
    expect(filed).toHaveLength(1);
    expect(world.sent.filter((s) => s.chatId === officer.chatId && s.text.includes(filed[0]!.ref))).toHaveLength(1);
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
