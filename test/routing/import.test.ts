// The commune map goes into the database once; repeating the import changes nothing, and data errors
// in the source files are reported instead of crashing the seed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meta } from '../../src/db/schema/core';
import { mapCommunes, mapOldToNew, mapProvinces } from '../../src/db/schema/routing';
import { importCommuneMap, MAP_IMPORT_HASH_KEY } from '../../src/routing/import';
import { loadMapIndex } from '../../src/routing/map-index';
import { resolveCommune } from '../../src/routing/resolve';
import { createTestDb, type TestDb } from '../support/db';

const MAP_DIR = fileURLToPath(new URL('../../content/map/', import.meta.url));

describe('importing the commune map', () => {
  let t: TestDb;
  const lines: string[] = [];
  let first: Awaited<ReturnType<typeof importCommuneMap>>;

  beforeAll(async () => {
    t = await createTestDb();
    first = await importCommuneMap(t.db, MAP_DIR, (line) => lines.push(line));
  });
  afterAll(() => t.cleanup());

  it('loads the 34 provinces, 3,321 communes, the pre-2025 map and the old→new links', async () => {
    expect(first.provinces).toBe(34);
    expect(first.communes).toBe(3321);
    expect(first.oldCommunes).toBe(10035);
    expect(first.mappings).toBeGreaterThan(10047);
    const [communes] = await t.db.select({ n: count() }).from(mapCommunes);
    expect(communes?.n).toBe(3321);
    expect(lines.some((l) => l.includes('imported 34 provinces, 3321 communes'))).toBe(true);
  });

  it('reports the known data errors (Ba Chẽ and Ia Mơ codes that differ between sources)', () => {
    expect(first.errors.some((e) => e.includes('06970') && e.includes('06978'))).toBe(true);
    expect(first.errors.some((e) => e.includes('23737') && e.includes('23938'))).toBe(true);
    expect(lines.filter((l) => l.includes('data error:')).length).toBe(first.errors.length);
  });

  it('changes nothing when run again, and says so', async () => {
    const [hashBefore] = await t.db.select().from(meta).where(eq(meta.key, MAP_IMPORT_HASH_KEY));
    const again: string[] = [];
    const second = await importCommuneMap(t.db, MAP_DIR, (line) => again.push(line));
    const [hashAfter] = await t.db.select().from(meta).where(eq(meta.key, MAP_IMPORT_HASH_KEY));
    expect(second).toEqual(first);
    expect(hashAfter).toEqual(hashBefore);
    expect(again.some((l) => l.includes('already imported'))).toBe(true);
    expect(again.some((l) => l.includes('old→new links'))).toBe(false);
  });

  it('imports again when the tables were emptied behind its back', async () => {
    await t.db.delete(mapOldToNew);
    const third = await importCommuneMap(t.db, MAP_DIR, () => undefined);
    const [links] = await t.db.select({ n: count() }).from(mapOldToNew);
    expect(links?.n).toBe(third.mappings);
  });

  it('serves the same answers from the database as from the files', async () => {
    const index = await loadMapIndex(t.db);
    const old = resolveCommune('Xã Nà Tăm, huyện Tam Đường, tỉnh Lai Châu', index);
    expect(old.commune?.code).toBe('03424');
    expect(old.commune?.province_name).toBe('Tỉnh Lai Châu');
    const [province] = await t.db.select().from(mapProvinces).where(eq(mapProvinces.code, '56'));
    expect(province?.foldedName).toBe('khanh hoa');
  });
});

describe('a broken map', () => {
  it('reports a mapping to a commune missing from the current map, without crashing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baove-map-'));
    const t = await createTestDb();
    try {
      writeFileSync(
        join(dir, 'vn-units-2026.json'),
        JSON.stringify([
          {
            Code: '12',
            Name: 'Lai Châu',
            NameEn: 'Lai Chau',
            FullName: 'Tỉnh Lai Châu',
            Wards: [{ Code: '03424', Name: 'Bản Bo', NameEn: 'Ban Bo', FullName: 'Xã Bản Bo', ProvinceCode: '12' }],
          },
        ]),
      );
      writeFileSync(
        join(dir, 'vn-units-2025-before-reform.json'),
        JSON.stringify([
          {
            Code: '12',
            FullName: 'Tỉnh Lai Châu',
            District: [
              {
                Code: '106',
                FullName: 'Huyện Tam Đường',
                Ward: [
                  { Code: '03427', FullName: 'Xã Nà Tăm' },
                  { Code: '03390', FullName: 'Thị trấn Tam Đường' },
                ],
              },
            ],
          },
        ]),
      );
      writeFileSync(
        join(dir, 'vn-units-old-to-new.json'),
        JSON.stringify({
          data: [
            {
              level1_id: '12',
              name: 'Tỉnh Lai Châu',
              splits: [{ new_id: '12', name: 'Tỉnh Lai Châu' }],
              level3s: [
                { level3_id: '03427', name: 'Xã Nà Tăm', splits: [{ new_id: '03424', name: 'Xã Bản Bo' }] },
                { level3_id: '03390', name: 'Thị trấn Tam Đường', splits: [{ new_id: '99999', name: 'Xã Không Có' }] },
              ],
            },
          ],
        }),
      );
      const result = await importCommuneMap(t.db, dir, () => undefined);
      expect(result).toMatchObject({ provinces: 1, communes: 1, oldCommunes: 2, mappings: 1 });
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0]).toContain('99999');
      expect(result.errors[0]).toContain('link skipped');
    } finally {
      t.cleanup();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports a missing map folder as an error', async () => {
    const t = await createTestDb();
    try {
      const result = await importCommuneMap(t.db, join(tmpdir(), 'no-such-map-folder'), () => undefined);
      expect(result.communes).toBe(0);
      expect(result.errors[0]).toContain('cannot read the map files');
    } finally {
      t.cleanup();
    }
  });
});
