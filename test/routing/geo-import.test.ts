// Seeding loads every ward boundary once; a second seed changes nothing, and lookups read only candidate polygons.
import { readFileSync } from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meta } from '../../src/db/schema/core';
import { wardShapes } from '../../src/db/schema/geo';
import { createPointLocator, dbShapeStore, type WardShapeStore } from '../../src/routing/geo/index';
import { communeNamesFromUnits, findUnitsFile, importWardShapes, WARD_SHAPES_FILE } from '../../src/routing/geo/node';
import { createTestDb, type TestDb } from '../support/db';

let t: TestDb;
const unitsFile = findUnitsFile();
const names = communeNamesFromUnits(JSON.parse(readFileSync(unitsFile, 'utf8')));

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t?.cleanup());

describe('importing the ward boundaries at seed time', () => {
  it('loads all 3,321 wards with their province from the current map, reporting progress', async () => {
    const lines: string[] = [];
    const result = await importWardShapes(t.db, WARD_SHAPES_FILE, (l) => lines.push(l), { unitsFile });
    expect(result).toEqual({ wards: 3321, skipped: false });
    expect(lines.some((l) => l.includes('3321/3321'))).toBe(true);

    // 00004's first two digits are not a province code: the province comes from vn-units-2026.json.
    const [baDinh] = await t.db.select().from(wardShapes).where(eq(wardShapes.code, '00004'));
    expect(baDinh).toMatchObject({ name: 'Phường Ba Đình', provinceCode: '01' });
    expect(baDinh!.minLon).toBeLessThan(105.8342);
    expect(baDinh!.maxLat).toBeGreaterThan(21.0368);
    expect(JSON.parse(baDinh!.polygons)[0][0].length).toBeGreaterThan(3);
  });

  it('a second run sees the same files, skips, and changes nothing', async () => {
    const snapshot = async () => ({
      rows: await t.db.select({ n: sql<number>`count(*)`, total: sql<number>`sum(length(polygons))` }).from(wardShapes),
      meta: await t.db.select().from(meta).where(eq(meta.key, 'geo.ward_shapes.sha256')),
    });
    const before = await snapshot();
    const lines: string[] = [];
    const result = await importWardShapes(t.db, WARD_SHAPES_FILE, (l) => lines.push(l), { unitsFile });
    expect(result).toEqual({ wards: 3321, skipped: true });
    expect(lines.join('\n')).toMatch(/up to date/);
    expect(await snapshot()).toEqual(before);
  });
});

describe('looking a point up in the database', () => {
  it('finds Phường Ba Đình while loading only the few candidate polygons, never all of them', async () => {
    const store = dbShapeStore(t.db);
    const asked: string[] = [];
    const watched: WardShapeStore = {
      bboxes: () => store.bboxes(),
      polygons: (codes) => {
        asked.push(...codes);
        return store.polygons(codes);
      },
    };
    const locate = createPointLocator(watched, names, { borderMeters: 100 }); // the fixture is labelled with a 100 m border band
    const r = await locate({ lat: 21.0368, lon: 105.8342 });
    expect(r.commune?.code).toBe('00004');
    expect(asked).toContain('00004');
    expect(asked.length).toBeLessThan(20);

    // The same neighbourhood again comes from the locator's polygon cache.
    asked.length = 0;
    expect((await locate({ lat: 21.0369, lon: 105.8343 })).commune?.code).toBe('00004');
    expect(asked).toEqual([]);
  });

  it('answers a border point from the database just as from the file', async () => {
    const locate = createPointLocator(dbShapeStore(t.db), names, { borderMeters: 100 }); // the fixture is labelled with a 100 m border band
    const r = await locate({ lat: 21.0368, lon: 105.8436 });
    expect(r.commune).toBeNull();
    expect(r.candidates.map((c) => c.code)).toEqual(['00004', '00070']);
  });

  it('before the shapes are imported, a lookup finds nothing instead of failing', async () => {
    const empty = await createTestDb();
    try {
      const locate = createPointLocator(dbShapeStore(empty.db), names, { borderMeters: 100 }); // the fixture is labelled with a 100 m border band
      expect(await locate({ lat: 21.0368, lon: 105.8342 })).toEqual({ commune: null, candidates: [], nearBorder: false });
    } finally {
      empty.cleanup();
    }
  });
});
