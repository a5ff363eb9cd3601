// Changing DATA_KEY without losing a single report: old data stays readable with DATA_KEY_PREVIOUS,
// `keys rotate` re-seals it under the new key, and a value no key opens is named, never shown.
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordVisitorLine } from '../../src/channels/web/transcript';
import type { Db } from '../../src/db/db';
import { cases, inbox, outbox, users } from '../../src/db/schema';
import { reporterTag } from '../../src/cases/reporter-link';
import { createSealer, generateDataKey } from '../../src/ground/crypto';
import { createNodeSealer } from '../../src/ground/crypto-node';
import { openDetails } from '../../src/cases/details';
import { rotateSealedData, sealedTables } from '../../src/reports/key-rotation';
import { runCli } from '../support/cli';
import { TEST_DATA_KEY } from '../support/runtime';
import { createWorld, type World } from './support';

const OLD_KEY = TEST_DATA_KEY; // the test runtime seals everything with it
const NEW_KEY = generateDataKey();
const DESCRIPTION = 'Bé trai hàng xóm thường bị bỏ đói, tối qua cháu ngồi khóc ngoài cửa đến khuya.';
const PHONE = '0912345678';
const ADDRESS = '12 phố Quán Thánh, phường Quán Thánh, quận Ba Đình, Hà Nội';

let w: World;
beforeEach(async () => {
  w = await createWorld();
  const at = new Date('2026-11-25T03:00:00Z');
  // A filed case (description, contact, address), a half-written draft, a web chat line and a
  // deferred Zalo event: every kind of sealed value, all under the old key.
  await w.say('citizen-1', '/baotin');
  await w.say('citizen-1', DESCRIPTION);
  await w.say('citizen-1', ADDRESS);
  await w.say('citizen-1', { button: 'report:age:6-10' });
  await w.say('citizen-1', { button: 'report:danger:no' });
  await w.say('citizen-1', PHONE);
  await w.say('citizen-1', { button: 'report:confirm' });
  await w.say('citizen-2', '/baotin');
  await w.say('citizen-2', 'Con nhà bên bị đánh');
  const old = createNodeSealer(OLD_KEY);
  await recordVisitorLine(w.db.db, old, 'web-visitor-1', 'Tôi muốn báo tin', at);
  await w.db.db.insert(inbox).values({ key: 'zalo:msg-1', channel: 'zalo', receivedAt: at, status: 'pending', payloadEnc: await old.seal('{"event_name":"user_send_text"}') });
});
afterEach(() => w.cleanup());

interface StoredValue {
  table: string;
  id: string | number;
  column: string;
  value: string;
}

/** Every non-null sealed value in the database, as stored. */
async function sealedValues(db: Db): Promise<StoredValue[]> {
  const found: StoredValue[] = [];
  for (const t of sealedTables()) {
    const rows = (await db.select().from(t.table)) as Array<Record<string, string | number | null>>;
    for (const row of rows) {
      for (const c of t.columns) {
        const value = row[c.key];
        if (typeof value === 'string') found.push({ table: t.name, id: row[t.id.key]!, column: c.column.name, value });
      }
    }
  }
  return found;
}

async function opensWith(key: string, value: string): Promise<boolean> {
  return createNodeSealer(key)
    .open(value)
    .then(() => true, () => false);
}

async function theCase() {
  const [row] = await w.db.db.select().from(cases);
  if (!row) throw new Error('no case was filed');
  return row;
}

describe('changing DATA_KEY', () => {
  it('finds every sealed column in the schema: case details, drafts, queued messages, Zalo events and tokens, web chat lines', () => {
    const columns = sealedTables().flatMap((t) => t.columns.map((c) => `${t.name}.${c.column.name}`));
    expect(columns).toEqual(
      expect.arrayContaining([
        'cases.description_enc',
        'cases.contact_enc',
        'cases.address_enc',
        'cases.location_enc',
        'cases.photo_enc',
        'conversation_state.data_enc',
        'inbox.payload_enc',
        'outbox.body_enc',
        'web_chat_lines.body_enc',
        'zalo_tokens.access_token_enc',
        'zalo_tokens.refresh_token_enc',
      ]),
    );
  });

  it('keeps a report sealed under the old key readable when DATA_KEY is new and DATA_KEY_PREVIOUS is the old one, on Node and on Workers', async () => {
    const row = await theCase();
    await expect(openDetails(createNodeSealer(NEW_KEY), row)).rejects.toThrow();
    for (const sealer of [createNodeSealer(NEW_KEY, [OLD_KEY]), await createSealer(NEW_KEY, [OLD_KEY])]) {
      const details = await openDetails(sealer, row);
      expect(details.description).toBe(DESCRIPTION);
      expect(details.contact).toBe(PHONE);
      // New data is sealed with the new key only.
      expect(await opensWith(NEW_KEY, await sealer.seal('mới'))).toBe(true);
      expect(await opensWith(OLD_KEY, await sealer.seal('mới'))).toBe(false);
    }
  });

  it('after `keys rotate` every sealed value opens with the new key alone, and a second run changes nothing', async () => {
    const before = await sealedValues(w.db.db);
    expect(before.length).toBeGreaterThan(8);
    expect(new Set(before.map((v) => v.table))).toEqual(new Set(['cases', 'conversation_state', 'inbox', 'outbox', 'web_chat_lines']));
    const keys = { current: createNodeSealer(NEW_KEY), previous: [createNodeSealer(OLD_KEY)] };
    const progress: string[] = [];

    const first = await rotateSealedData(w.db.db, keys, { batchSize: 2, onProgress: (p) => progress.push(`${p.table}: ${p.done}/${p.total}`) });

    expect(first.unreadable).toEqual([]);
    expect(first.tables.reduce((n, t) => n + t.resealed, 0)).toBe(before.length);
    const after = await sealedValues(w.db.db);
    expect(after.map(({ table, id, column }) => ({ table, id, column }))).toEqual(before.map(({ table, id, column }) => ({ table, id, column })));
    for (const v of after) expect(await opensWith(NEW_KEY, v.value), `${v.table} ${v.id} ${v.column}`).toBe(true);
    expect((await openDetails(createNodeSealer(NEW_KEY), await theCase())).description).toBe(DESCRIPTION);
    // The reporter's tag is keyed too: re-computed under the new key, so the reporter finds their case
    // once DATA_KEY_PREVIOUS is gone.
    const [me] = await w.db.db.select({ id: users.id }).from(users).where(eq(users.channelUserId, 'citizen-1'));
    expect((await theCase()).reporterTag).toBe(await reporterTag(createNodeSealer(NEW_KEY), me!.id));
    const queued = (await w.db.db.select({ id: outbox.id }).from(outbox)).length;
    expect(progress).toContain(`outbox: ${queued}/${queued}`);
    expect(progress).toContain('outbox: 2/' + queued); // in batches of two

    const second = await rotateSealedData(w.db.db, keys, { batchSize: 2 });
    expect(second.unreadable).toEqual([]);
    expect(second.tables.reduce((n, t) => n + t.resealed, 0)).toBe(0);
    expect(await sealedValues(w.db.db)).toEqual(after);
  });

  it('names a value no key opens (table, row, column), leaves it as it is, and still rotates the rest', async () => {
    const row = await theCase();
    const corrupt = createNodeSealer(generateDataKey()); // a key nobody has any more
    const lost = await corrupt.seal(PHONE);
    await w.db.db.update(cases).set({ contactEnc: lost }).where(eq(cases.id, row.id));

    const result = await rotateSealedData(w.db.db, { current: createNodeSealer(NEW_KEY), previous: [createNodeSealer(OLD_KEY)] });

    expect(result.unreadable).toEqual([{ table: 'cases', id: row.id, column: 'contact_enc' }]);
    expect((await theCase()).contactEnc).toBe(lost);
    for (const v of await sealedValues(w.db.db)) {
      if (v.value !== lost) expect(await opensWith(NEW_KEY, v.value), `${v.table} ${v.id} ${v.column}`).toBe(true);
    }
  });
});

describe('`baove keys rotate` on the command line', () => {
  const env = () => ({ DATABASE_URL: w.db.url, DATA_KEY: NEW_KEY, DATA_KEY_PREVIOUS: OLD_KEY });

  it('re-seals everything and exits 0; with a damaged value it names where it is, never what it says, and exits non-zero', async () => {
    const ok = runCli(['keys', 'rotate', '--batch', '2'], '', env());
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/^cases: 1\/1 hàng, đã niêm phong lại 4 giá trị$/m); // description, contact, address, reporter
    expect(ok.stdout).toMatch(/^web_chat_lines: 1\/1 hàng/m);
    for (const v of await sealedValues(w.db.db)) expect(await opensWith(NEW_KEY, v.value)).toBe(true);

    const row = await theCase();
    const [v, iv, ct] = row.descriptionEnc.split('.');
    const flipped = Buffer.from(ct!, 'base64');
    flipped[0] = flipped[0]! ^ 1;
    const damaged = `${v}.${iv}.${flipped.toString('base64')}`;
    await w.db.db.update(cases).set({ descriptionEnc: damaged }).where(eq(cases.id, row.id));

    const bad = runCli(['keys', 'rotate'], '', env());
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(`bảng cases, hàng ${row.id}, cột description_enc`);
    expect(bad.stderr + bad.stdout).not.toContain('bỏ đói');
    expect(bad.stdout).toMatch(/niêm phong lại 0,/);
    expect((await theCase()).descriptionEnc).toBe(damaged);
  });

  it('refuses an unknown sub-command with a usage line', () => {
    const r = runCli(['keys', 'spin'], '', env());
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('keys rotate');
  });
});
