// On Workers there is no time to load the whole map per request: the database-backed resolver reads
// only the units an address can name, and must answer exactly as the in-memory map index does.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communeRefs, createDbAddressResolver, type LookupCost } from '../../src/routing/db-resolve';
import { importCommuneMap } from '../../src/routing/import';
import { loadMapIndex, type MapIndex } from '../../src/routing/map-index';
import { resolveCommune } from '../../src/routing/resolve';
import { createTestDb, type TestDb } from '../support/db';

const MAP_DIR = fileURLToPath(new URL('../../content/map/', import.meta.url));
// The generated dev set, the hand-written held-out set (chat-style addresses), and the noisy dev sets
// (OCR-like and hastily typed text, where fuzzy ward matching answers; our own set without its aside part).
const FIXTURES = ['addresses.jsonl', 'addresses-holdout.jsonl', 'addresses-noisy-dev.jsonl', 'addresses-noisy-own.jsonl'];
const addresses = [
  ...FIXTURES.flatMap((name) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url)), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { input: string; part?: string })
    .filter((s) => s.part !== 'aside')
    .map((s) => s.input),
  ),
  // A leftover word after a ward name: read as noise unless it could continue a longer name.
  'P. Láng Xyzw, Đống Đa, Hà Nội',
  'P. Láng Xyzw',
  'P. Láng Hạa, Đống Đa',
  'Xã Tân Lập Xyz, Huyện Đan Phượng',
];

describe('resolving addresses from the database, unit by unit', () => {
  let t: TestDb;
  let index: MapIndex;
  const costs: LookupCost[] = [];
  let resolve: ReturnType<typeof createDbAddressResolver>;

  beforeAll(async () => {
    t = await createTestDb();
    await importCommuneMap(t.db, MAP_DIR, () => undefined);
    index = await loadMapIndex(t.db);
    resolve = createDbAddressResolver(t.db, { onLookup: (c) => costs.push(c) });
  }, 120_000);
  afterAll(() => t.cleanup());

  it(`gives the in-memory resolver's answer for every address in the clean and noisy fixtures (${addresses.length} lines)`, async () => {
    const differences: string[] = [];
    for (const input of addresses) {
      const expected = resolveCommune(input, index);
      const actual = await resolve(input);
      if (JSON.stringify(actual) !== JSON.stringify(expected)) differences.push(`${input}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`);
    }
    expect(differences).toEqual([]);
  });

  it('matches a misspelt ward within the province written, in the one statement a lookup runs', async () => {
    const before = costs.length;
    const answer = await resolve('X.Bình Lưư, Lai Châu');
    expect(answer.commune?.name).toBe('Xã Bình Lư');
    expect(answer).toEqual(resolveCommune('X.Bình Lưư, Lai Châu', index));
    expect(costs.slice(before)).toEqual([expect.objectContaining({ queries: 1 })]);
  });

  it('reads a few hundred rows at most per address, never the whole map', () => {
    const rows = costs.map((c) => c.rows).sort((a, b) => a - b);
    expect(rows.length).toBeGreaterThanOrEqual(addresses.length);
    expect(costs.every((c) => c.queries === 1)).toBe(true);
    // The map holds ~14,000 units and ~19,000 names; a lookup touches a small fraction of them
    // (measured on these fixtures: median 41 rows, at most 296).
    expect(rows[rows.length - 1]!).toBeLessThan(600);
    expect(rows[Math.floor(rows.length / 2)]!).toBeLessThan(100);
    // With the wards of the provinces and districts written, for fuzzy matching (measured: median
    // 15,000 characters of JSON, at most 45,000; the whole map's rows hold several megabytes).
    const chars = costs.map((c) => c.chars).sort((a, b) => a - b);
    expect(chars[chars.length - 1]!).toBeLessThan(100_000);
  });

  it('answers nothing for empty or placeless text, without guessing', async () => {
    expect(await resolve('')).toEqual({ commune: null, candidates: [], via: 'none' });
    expect(await resolve('xin chào, tôi cần giúp đỡ')).toEqual(resolveCommune('xin chào, tôi cần giúp đỡ', index));
  });

  it('finds a current commune by code with its province', async () => {
    const refs = await communeRefs(t.db, ['00004', '99999']);
    expect(refs.get('00004')).toEqual({ code: '00004', name: 'Phường Ba Đình', province_code: '01', province_name: 'Thành phố Hà Nội' });
    expect(refs.has('99999')).toBe(false);
  });
});
