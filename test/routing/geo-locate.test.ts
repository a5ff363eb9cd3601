// A shared GPS pin becomes the right current ward, a pin on a border offers both sides, the sea gets nothing.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPointLocator, parseGeoLine, type PointLocation } from '../../src/routing/geo/index';
import { communeNamesFromUnits, fileShapeStore, findUnitsFile, WARD_SHAPES_FILE } from '../../src/routing/geo/node';

type Locate = (p: { lat: number; lon: number }) => Promise<PointLocation>;
let locate: Locate;

beforeAll(() => {
  const names = communeNamesFromUnits(JSON.parse(readFileSync(findUnitsFile(), 'utf8')));
  locate = createPointLocator(fileShapeStore(WARD_SHAPES_FILE), names, { borderMeters: 100 }); // the fixture is labelled with a 100 m border band
});

describe('a reporter shares a location instead of typing an address', () => {
  it('a pin in central Hà Nội (near Ba Đình Square) resolves to Phường Ba Đình', async () => {
    const r = await locate({ lat: 21.0368, lon: 105.8342 });
    expect(r.nearBorder).toBe(false);
    expect(r.commune).toEqual({ code: '00004', name: 'Phường Ba Đình', province_code: '01', province_name: 'Thành phố Hà Nội' });
    expect(r.candidates).toEqual([r.commune]);
  });

  it('a pin a few dozen metres from the Ba Đình / Hoàn Kiếm border offers both wards, the containing one first', async () => {
    const r = await locate({ lat: 21.0368, lon: 105.8436 });
    expect(r.commune).toBeNull();
    expect(r.nearBorder).toBe(true);
    expect(r.candidates.map((c) => c.code)).toEqual(['00004', '00070']);
  });

  it('the same street a little further east is Phường Hoàn Kiếm for sure', async () => {
    const r = await locate({ lat: 21.0368, lon: 105.8470 });
    expect(r.commune?.code).toBe('00070');
    expect(r.nearBorder).toBe(false);
  });

  it('a pin in the open sea east of Đà Nẵng (16.0, 110.0; Hoàng Sa is over 100 km further east) finds no commune', async () => {
    expect(await locate({ lat: 16.0, lon: 110.0 })).toEqual({ commune: null, candidates: [], nearBorder: false });
  });

  it('a pin abroad (Vientiane) finds no commune', async () => {
    expect(await locate({ lat: 17.9757, lon: 102.6331 })).toEqual({ commune: null, candidates: [], nearBorder: false });
  });

  it('nonsense coordinates give no commune and do not throw', async () => {
    for (const p of [
      { lat: Number.NaN, lon: 105.8 },
      { lat: 21.0, lon: Number.POSITIVE_INFINITY },
      { lat: 95, lon: 105.8 },
      { lat: 21.0, lon: -200 },
      { lat: '21' as unknown as number, lon: 105.8 },
    ]) {
      await expect(locate(p)).resolves.toEqual({ commune: null, candidates: [], nearBorder: false });
    }
  });

  it('every labelled point in the fixture behaves as labelled', async () => {
    const lines = readFileSync(new URL('../fixtures/geo-points.jsonl', import.meta.url), 'utf8').trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(30);
    for (const line of lines) {
      const { kind, input, expect: want } = JSON.parse(line) as {
        kind: 'interior' | 'border' | 'sea';
        input: string;
        expect: { commune: string | null; first?: string; includes?: string[] };
      };
      const point = parseGeoLine(input);
      expect(point, input).not.toBeNull();
      const r = await locate(point!);
      const codes = r.candidates.map((c) => c.code);
      if (kind === 'interior') expect(r.commune?.code, input).toBe(want.commune);
      if (kind === 'border') {
        expect(r.commune, input).toBeNull();
        expect(codes[0], input).toBe(want.first);
        expect(codes, input).toEqual(expect.arrayContaining(want.includes ?? []));
      }
      if (kind === 'sea') expect(codes, input).toEqual([]);
    }
  });
});

describe('geo: lines, as `locate --jsonl` reads them', () => {
  it('reads latitude then longitude', () => {
    expect(parseGeoLine('geo:21.0368,105.8342')).toEqual({ lat: 21.0368, lon: 105.8342 });
    expect(parseGeoLine('  GEO: -33.86 , 151.21 ')).toEqual({ lat: -33.86, lon: 151.21 });
  });

  it('accepts an altitude and URI parameters and ignores them', () => {
    expect(parseGeoLine('geo:21.0368,105.8342,12.5;u=35')).toEqual({ lat: 21.0368, lon: 105.8342 });
  });

  it('rejects anything else', () => {
    for (const bad of ['21.0368,105.8342', 'geo:', 'geo:abc,def', 'geo:91,105', 'geo:21,181', 'geo:21;105', 'Phường Ba Đình']) {
      expect(parseGeoLine(bad), bad).toBeNull();
    }
  });
});
