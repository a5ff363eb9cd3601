// Measures GPS → ward lookup on seeded points: interior, held-out-like (anywhere inside), near-border, sea/abroad.
// Ground truth is independent of the locator: turf's point-in-polygon and true point-to-polygon distances.
// Usage: npm run eval:geo [-- --n 2000 --seed 7 --border-m 100 --misses --fixture test/fixtures/geo-points.jsonl]
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import Flatbush from 'flatbush';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { pointToPolygonDistance } from '@turf/point-to-polygon-distance';
import { createPointLocator, type PointLocation, type Polygon, type Position } from '../src/routing/geo/index';
import { communeNamesFromUnits, fileShapeStore, findUnitsFile, WARD_SHAPES_FILE } from '../src/routing/geo/node';
import { readWardShapesFile } from '../src/routing/geo/shapes-file';

const BORDER_M = 100;
const INTERIOR_CLEARANCE_M = 150; // "interior" = at least this far from any other ward
const M_PER_DEG = 111_320;

interface Ward { code: string; polygons: Polygon[]; bbox: [number, number, number, number] }
type Kind = 'interior' | 'anywhere' | 'border' | 'sea';
interface Sample { kind: Kind; lat: number; lon: number; ward?: string; neighbours?: string[] }

export async function evalGeo(opts: { n: number; seed: number; borderMeters?: number; fixture?: string; showMisses?: boolean; print: (l: string) => void }) {
  const { wards: raw } = await readWardShapesFile(WARD_SHAPES_FILE);
  const wards: Ward[] = Object.entries(raw).map(([code, w]) => ({ code, polygons: w.polygons as Polygon[], bbox: w.bbox as Ward['bbox'] }));
  const tree = new Flatbush(wards.length);
  for (const w of wards) tree.add(...w.bbox);
  tree.finish();
  const rand = mulberry32(opts.seed);
  const geom = (w: Ward) => ({ type: 'MultiPolygon' as const, coordinates: w.polygons });
  const inside = (w: Ward, p: Position) => booleanPointInPolygon(p, geom(w));
  const distance = (w: Ward, p: Position) => pointToPolygonDistance(p, geom(w), { units: 'meters', method: 'planar' });
  /** Other wards within `meters` of p (true distance), nearest first. */
  const wardsWithin = (p: Position, meters: number, except?: string) => {
    const dLat = meters / M_PER_DEG, dLon = meters / (M_PER_DEG * Math.cos((p[1] * Math.PI) / 180));
    return tree
      .search(p[0] - dLon, p[1] - dLat, p[0] + dLon, p[1] + dLat)
      .map((i) => wards[i] as Ward)
      .filter((w) => w.code !== except)
      .map((w) => ({ code: w.code, d: distance(w, p) }))
      .filter((x) => x.d <= meters)
      .sort((a, b) => a.d - b.d);
  };
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)] as T;
  const randomInside = (w: Ward): Position | null => {
    for (let t = 0; t < 200; t++) {
      const p: Position = [w.bbox[0] + rand() * (w.bbox[2] - w.bbox[0]), w.bbox[1] + rand() * (w.bbox[3] - w.bbox[1])];
      if (inside(w, p)) return p;
    }
    return null;
  };

  const nInterior = Math.round(opts.n * 0.6), nAnywhere = Math.round(opts.n * 0.2), nBorder = Math.round(opts.n * 0.15);
  const nSea = opts.n - nInterior - nAnywhere - nBorder;
  const samples: Sample[] = [];

  while (samples.filter((s) => s.kind === 'interior').length < nInterior) {
    const w = pick(wards);
    const p = randomInside(w);
    if (!p || wardsWithin(p, INTERIOR_CLEARANCE_M, w.code).length > 0) continue;
    samples.push({ kind: 'interior', lon: p[0], lat: p[1], ward: w.code });
  }
  // Like the held-out set: anywhere inside a ward, edges included.
  while (samples.filter((s) => s.kind === 'anywhere').length < nAnywhere) {
    const w = pick(wards);
    const p = randomInside(w);
    if (!p) continue;
    samples.push({ kind: 'anywhere', lon: p[0], lat: p[1], ward: w.code, neighbours: wardsWithin(p, BORDER_M, w.code).map((x) => x.code) });
  }
  // Inside a ward, 10–80 m from a boundary edge that it shares with another ward.
  while (samples.filter((s) => s.kind === 'border').length < nBorder) {
    const w = pick(wards);
    const ring = pick(w.polygons)[0];
    if (!ring || ring.length < 4) continue;
    const k = Math.floor(rand() * (ring.length - 1));
    const [a, b] = [ring[k] as Position, ring[k + 1] as Position];
    const cos = Math.cos((a[1] * Math.PI) / 180);
    const ex = (b[0] - a[0]) * cos, ey = b[1] - a[1], len = Math.hypot(ex, ey);
    if (len === 0) continue;
    const off = (10 + rand() * 70) / M_PER_DEG;
    const t = 0.2 + rand() * 0.6;
    const m: Position = [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
    const side = rand() < 0.5 ? 1 : -1;
    const p: Position = [m[0] + (side * -ey / len) * off / cos, m[1] + (side * ex / len) * off];
    if (!inside(w, p)) continue;
    const neighbours = wardsWithin(p, 90, w.code);
    if (neighbours.length === 0) continue; // a coastline, not a border
    samples.push({ kind: 'border', lon: p[0], lat: p[1], ward: w.code, neighbours: neighbours.map((x) => x.code) });
  }
  // Named places abroad, then random sea points at least 2 km from any ward.
  const abroad: Array<[number, number]> = [[16.0, 110.0], [17.9757, 102.6331], [11.5564, 104.9282], [13.7563, 100.5018], [22.817, 108.3665], [20.0, 113.0], [3.139, 101.6869], [-33.86, 151.21]];
  for (const [lat, lon] of abroad) samples.push({ kind: 'sea', lat, lon });
  while (samples.filter((s) => s.kind === 'sea').length < nSea) {
    const p: Position = [104 + rand() * 14, 5 + rand() * 17];
    if (wardsWithin(p, 2000).length > 0) continue;
    samples.push({ kind: 'sea', lon: p[0], lat: p[1] });
  }

  const names = communeNamesFromUnits(JSON.parse(readFileSync(findUnitsFile(), 'utf8')));
  const locate = createPointLocator(fileShapeStore(WARD_SHAPES_FILE), names, { borderMeters: opts.borderMeters ?? BORDER_M });
  const results: Array<{ s: Sample; r: PointLocation }> = [];
  for (const s of samples) results.push({ s, r: await locate({ lat: s.lat, lon: s.lon }) });

  const pct = (a: number, b: number) => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)}%`);
  const of = (kind: Kind) => results.filter((x) => x.s.kind === kind);
  const codes = (r: PointLocation) => r.candidates.map((c) => c.code);

  const interior = of('interior');
  const iExact = interior.filter(({ s, r }) => r.commune?.code === s.ward).length;
  const iFlagged = interior.filter(({ r }) => r.nearBorder).length;
  const iWrong = interior.filter(({ s, r }) => r.commune && r.commune.code !== s.ward).length;
  opts.print(`interior (≥${INTERIOR_CLEARANCE_M} m from other wards): ${interior.length} points`);
  opts.print(`  exact commune        ${pct(iExact, interior.length)}  (wrong ${iWrong}, near-border ${iFlagged}, none ${interior.filter(({ r }) => r.candidates.length === 0).length})`);

  const any = of('anywhere');
  const aExact = any.filter(({ s, r }) => r.commune?.code === s.ward).length;
  const aTop = any.filter(({ s, r }) => r.candidates[0]?.code === s.ward).length;
  const aIn = any.filter(({ s, r }) => codes(r).includes(s.ward as string)).length;
  const aWrong = any.filter(({ s, r }) => r.commune && r.commune.code !== s.ward).length;
  const aTrueNear = any.filter(({ s }) => (s.neighbours?.length ?? 0) > 0);
  const aFlagAgree = any.filter(({ s, r }) => r.nearBorder === (s.neighbours?.length ?? 0) > 0).length;
  opts.print(`anywhere inside a ward (edges included, like the held-out set): ${any.length} points`);
  opts.print(`  commune set & right  ${pct(aExact, any.length)}`);
  opts.print(`  first candidate right ${pct(aTop, any.length)}; right ward among candidates ${pct(aIn, any.length)}; confidently wrong ${aWrong}`);
  opts.print(`  truly within ${BORDER_M} m of another ward ${pct(aTrueNear.length, any.length)}; nearBorder flag agrees with true distance ${pct(aFlagAgree, any.length)}`);

  const border = of('border');
  const bFlag = border.filter(({ r }) => r.nearBorder && r.commune === null).length;
  const bFirst = border.filter(({ s, r }) => r.candidates[0]?.code === s.ward).length;
  const bBoth = border.filter(({ s, r }) => codes(r).includes(s.ward as string) && codes(r).includes(s.neighbours?.[0] as string)).length;
  const bAll = border.filter(({ s, r }) => [s.ward, ...(s.neighbours ?? [])].every((c) => codes(r).includes(c as string))).length;
  opts.print(`near-border (10–80 m inside, neighbour ≤90 m): ${border.length} points`);
  opts.print(`  commune null + nearBorder ${pct(bFlag, border.length)}; own ward first ${pct(bFirst, border.length)}; own + nearest neighbour offered ${pct(bBoth, border.length)}; every ward ≤90 m offered ${pct(bAll, border.length)}`);

  if (opts.showMisses) {
    // Synthetic eval points only: real users' coordinates are never printed anywhere.
    for (const { s, r } of [...border, ...any].filter(({ s, r }) => r.candidates[0]?.code !== s.ward)) {
      opts.print(`  miss ${s.kind} geo:${s.lat.toFixed(6)},${s.lon.toFixed(6)} truth ${s.ward} (+${(s.neighbours ?? []).join(',')}) got ${codes(r).join(',')}`);
    }
  }
  const sea = of('sea');
  const sOk = sea.filter(({ r }) => r.commune === null && r.candidates.length === 0).length;
  opts.print(`sea / abroad (≥2 km from any ward, plus ${abroad.length} named places): ${sea.length} points`);
  opts.print(`  null with no candidates ${pct(sOk, sea.length)}`);

  if (opts.fixture) {
    // A small labelled sample for tests and the `locate --jsonl` story; the expectation is the locator's contract.
    const lines: string[] = [];
    for (const kind of ['interior', 'border', 'sea'] as const) {
      for (const { s } of of(kind).slice(0, 10)) {
        const expect = kind === 'interior' ? { commune: s.ward } : kind === 'border' ? { commune: null, first: s.ward, includes: [s.ward, s.neighbours?.[0]] } : { commune: null, candidates: [] };
        lines.push(JSON.stringify({ kind, input: `geo:${s.lat.toFixed(6)},${s.lon.toFixed(6)}`, expect }));
      }
    }
    writeFileSync(opts.fixture, lines.join('\n') + '\n');
    opts.print(`wrote ${lines.length} labelled points to ${opts.fixture}`);
  }
  return { interiorExact: iExact / interior.length, anywhereExact: aExact / any.length, anywhereTop: aTop / any.length, borderFlagged: bFlag / border.length, seaOk: sOk / sea.length };
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { n: { type: 'string', default: '2000' }, seed: { type: 'string', default: '20260701' }, fixture: { type: 'string' }, 'border-m': { type: 'string' }, misses: { type: 'boolean' } } });
  const t0 = performance.now();
  await evalGeo({ n: Number(values.n), seed: Number(values.seed), borderMeters: values['border-m'] ? Number(values['border-m']) : undefined, fixture: values.fixture, showMisses: values.misses, print: (l) => console.log(l) });
  console.log(`(${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}
