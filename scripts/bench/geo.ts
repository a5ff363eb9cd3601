// Benchmarks one GPS → ward lookup in-process with a warm store (bbox index built, polygons at hand).
import { readFileSync } from 'node:fs';
import { createPointLocator } from '../../src/routing/geo/index';
import { communeNamesFromUnits, fileShapeStore, findUnitsFile, WARD_SHAPES_FILE } from '../../src/routing/geo/node';

const LOOKUPS = 5000;
const WARMUP = 500;

export async function benchGeo(): Promise<{ geo_p99_ms: number; geo_p50_ms: number }> {
  const store = fileShapeStore(WARD_SHAPES_FILE);
  const names = communeNamesFromUnits(JSON.parse(readFileSync(findUnitsFile(), 'utf8')));
  // A polygon cache as large as the map: "warm" means no store round trip, so this times the lookup itself.
  const locate = createPointLocator(store, names, { polygonCacheSize: 4000 });
  const boxes = await store.bboxes();

  // Seeded points spread over the country: a random ward, then a random spot in its bounding box.
  let seed = 0x9e3779b9;
  const rand = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 4294967296);
  const points = Array.from({ length: LOOKUPS + WARMUP }, () => {
    const { bbox } = boxes[Math.floor(rand() * boxes.length)] as (typeof boxes)[number];
    return { lon: bbox[0] + rand() * (bbox[2] - bbox[0]), lat: bbox[1] + rand() * (bbox[3] - bbox[1]) };
  });

  for (const p of points.slice(0, WARMUP)) await locate(p);
  const times: number[] = [];
  for (const p of points.slice(WARMUP)) {
    const t0 = performance.now();
    await locate(p);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => round(times[Math.min(times.length - 1, Math.floor(q * times.length))] as number);
  return { geo_p99_ms: at(0.99), geo_p50_ms: at(0.5) };
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchGeo()));
}
