// A shared location is sensitive: looking it up never writes the coordinates to any log, even when the store fails.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPointLocator, parseGeoLine, type WardShapeStore } from '../../src/routing/geo/index';
import { communeNamesFromUnits, fileShapeStore, findUnitsFile, WARD_SHAPES_FILE } from '../../src/routing/geo/node';

const names = communeNamesFromUnits(JSON.parse(readFileSync(findUnitsFile(), 'utf8')));
const points = [
  { lat: 21.036812, lon: 105.834217 }, // inside Phường Ba Đình
  { lat: 21.036807, lon: 105.843611 }, // on the Ba Đình / Hoàn Kiếm border
  { lat: 16.000123, lon: 110.000456 }, // at sea
];
/** Every way a coordinate could show up in text: as given, and rounded the usual ways. */
const traces = points.flatMap(({ lat, lon }) =>
  [lat, lon].flatMap((v) => [String(v), v.toFixed(5), v.toFixed(4), v.toFixed(3)]),
);

let captured: string[];
beforeEach(() => {
  captured = [];
  const keep = (...args: unknown[]) => {
    captured.push(args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
  };
  for (const level of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) vi.spyOn(console, level).mockImplementation(keep);
  for (const stream of [process.stdout, process.stderr]) {
    vi.spyOn(stream, 'write').mockImplementation(((chunk: unknown) => {
      captured.push(String(chunk));
      return true;
    }) as typeof stream.write);
  }
});
afterEach(() => vi.restoreAllMocks());

const leaked = () => traces.filter((t) => captured.some((line) => line.includes(t)));

describe('coordinates never reach the logs', () => {
  it('not while locating a ward, a border or the sea, nor while reading geo: lines', async () => {
    const locate = createPointLocator(fileShapeStore(WARD_SHAPES_FILE), names);
    for (const p of points) {
      await locate(p);
      parseGeoLine(`geo:${p.lat},${p.lon}`);
    }
    await locate({ lat: Number.NaN, lon: 105.834217 });
    expect(leaked()).toEqual([]);
  });

  it('not even when the shape store fails: the error carries no coordinates either', async () => {
    const broken: WardShapeStore = {
      bboxes: () => fileShapeStore(WARD_SHAPES_FILE).bboxes(),
      polygons: () => Promise.reject(new Error('database unavailable')),
    };
    const locate = createPointLocator(broken, names);
    const error: unknown = await locate(points[0]!).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    const text = `${(error as Error).message} ${(error as Error).stack}`;
    expect(traces.filter((t) => text.includes(t))).toEqual([]);
    expect(leaked()).toEqual([]);
  });
});
