// Benchmarks one GPS → ward lookup in-process with a warm store (bbox index built, candidate polygons cached).
import { readFileSync } from 'node:fs';
import { createPointLocator, type PointLocation } from '../../src/routing/geo/index';
import { communeNamesFromUnits, fileShapeStore, findUnitsFile, WARD_SHAPES_FILE } from '../../src/routing/geo/node';

const LOOKUPS = 5000;

type Locate = (p: { lat: number; lon: number }) => Promise<PointLocation>;

async function setup() {
  const store = fileShapeStore(WARD_SHAPES_FILE);
  const names = communeNamesFromUnits(JSON.parse(readFileSync(findUnitsFile(), 'utf8')));
  // A cache as large as the map, so "warm" means every ward touched once is at hand.
  const locate = createPointLocator(store, names, { polygonCacheSize: 4000 });
  const boxes = await store.bboxes();
  // Seeded points spread over the country: a random ward, then a random spot in its bounding box.
  let seed = 0x9e3779b9;
  const rand = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 4294967296;
  const points = Array.from({ length: LOOKUPS }, () => {
    const { bbox } = boxes[Math.floor(rand() * boxes.length)] as (typeof boxes)[number];
    return { lon: bbox[0] + rand() * (bbox[2] - bbox[0]), lat: bbox[1] + rand() * (bbox[3] - bbox[1]) };
  });
  await locate(points[0] as { lat: number; lon: number }); // builds the flatbush index
  return { locate, points };
}

async function time(locate: Locate, points: Array<{ lat: number; lon: number }>) {
  const times: number[] = [];
  for (const p of points) {
    const t0 = performance.now();
    await locate(p);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => Math.round((times[Math.min(times.length - 1, Math.floor(q * times.length))] as number) * 1000) / 1000;
  return { p50: at(0.5), p99: at(0.99) };
}

export async function benchGeo(): Promise<{ geo_p99_ms: number; geo_p50_ms: number }> {
  const { locate, points } = await setup();
  await time(locate, points); // first pass loads and compiles each ward's polygons once
  const warm = await time(locate, points);
  return { geo_p99_ms: warm.p99, geo_p50_ms: warm.p50 };
}

/** The first lookup in a neighbourhood also parses its polygons (from the database on a server). */
export async function benchGeoColdWards(): Promise<{ p50_ms: number; p99_ms: number }> {
  const { locate, points } = await setup();
  const cold = await time(locate, points);
  return { p50_ms: cold.p50, p99_ms: cold.p99 };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify({ ...(await benchGeo()), first_visit: await benchGeoColdWards() }));
}
