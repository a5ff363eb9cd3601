// Turns a GPS point into the current ward: flatbush bbox prefilter, point-in-polygon test, border probes.
// Coordinates are sensitive: nothing here logs, and errors never carry them.
import Flatbush from 'flatbush';
import pointInPolygon from 'point-in-polygon';
import type { CommuneRef } from '../types';
import { setRecent } from '../../ground/recent';
import { isValidPoint } from './parse-geo-line';
import type { BBox, Polygon, PointLocation, Position, WardShapeStore } from './types';

/**
 * Within this distance of another ward both are offered instead of one. The boundaries are simplified
 * to about 55 m, so closer than that the data cannot tell; 60 m keeps most in-ward points exact.
 */
export const BORDER_METERS = 60;

export interface PointLocatorOptions {
  /** A point this close to another ward is "near the border": both are offered, none is assumed. */
  borderMeters?: number;
  /** How many wards' polygons stay in memory between lookups. */
  polygonCacheSize?: number;
}

interface BoxIndex {
  tree: Flatbush | null; // null when the store holds no wards yet
  codes: string[];
  boxes: BBox[];
}

const METERS_PER_DEGREE_LAT = 111_320;
// Probe rings around the point: a neighbour that reaches inside the circle covers at least one probe
// unless it is a sliver narrower than the probe spacing (≈39 m on the outer ring).
const PROBE_RINGS: Array<{ fraction: number; count: number }> = [
  { fraction: 0.5, count: 8 },
  { fraction: 1, count: 16 },
];

/** A ward's polygons as flat [lon, lat, lon, lat, …] rings: few heap objects, fast to scan. */
type CompiledWard = Array<{ outer: Float64Array; holes: Float64Array[] }>;

const NOWHERE: PointLocation = { commune: null, candidates: [], nearBorder: false };

export function createPointLocator(
  store: WardShapeStore,
  names: (code: string) => CommuneRef | undefined,
  options: PointLocatorOptions = {},
): (p: { lat: number; lon: number }) => Promise<PointLocation> {
  const borderMeters = options.borderMeters ?? BORDER_METERS;
  const cacheSize = Math.max(16, options.polygonCacheSize ?? 512);
  let indexPromise: Promise<BoxIndex> | undefined;
  const cache = new Map<string, CompiledWard>(); // insertion order = recency (least recent first)

  function boxIndex(): Promise<BoxIndex> {
    indexPromise ??= buildBoxIndex(store).catch((err: unknown) => {
      indexPromise = undefined; // a failed load is retried on the next lookup
      throw err;
    });
    return indexPromise;
  }

  async function polygonsFor(codes: string[]): Promise<Map<string, CompiledWard>> {
    const found = new Map<string, CompiledWard>();
    const missing: string[] = [];
    for (const code of codes) {
      const hit = cache.get(code);
      if (hit) {
        setRecent(cache, code, hit, cacheSize);
        found.set(code, hit);
      } else missing.push(code);
    }
    if (missing.length > 0) {
      const loaded = await store.polygons(missing);
      for (const [code, polys] of loaded) {
        const compiled = compileWard(polys);
        found.set(code, compiled);
        setRecent(cache, code, compiled, cacheSize);
      }
    }
    return found;
  }

  return async function locatePoint(p) {
    if (!isValidPoint(p)) return { ...NOWHERE, candidates: [] };
    const { lat, lon } = p;
    const dLat = borderMeters / METERS_PER_DEGREE_LAT;
    const dLon = borderMeters / (METERS_PER_DEGREE_LAT * Math.max(Math.cos((lat * Math.PI) / 180), 1e-6));

    const index = await boxIndex();
    if (!index.tree) {
      indexPromise = undefined; // shapes not imported yet: look again next time
      return { ...NOWHERE, candidates: [] };
    }
    const ids = index.tree.search(lon - dLon, lat - dLat, lon + dLon, lat + dLat);
    if (ids.length === 0) return { ...NOWHERE, candidates: [] };

    const codes = ids.map((i) => index.codes[i] as string);
    const boxes = new Map(ids.map((i) => [index.codes[i] as string, index.boxes[i] as BBox]));
    const shapes = await polygonsFor(codes);

    const here: Position = [lon, lat];
    const containing = codes.filter((c) => inBox(boxes.get(c), here) && inWard(shapes.get(c), here));

    // Every ward that owns ground within the border distance, scored by the probes it covers.
    const probes = probePoints(lon, lat, dLon, dLat);
    const scored = codes.map((code) => {
      const box = boxes.get(code);
      const polys = shapes.get(code);
      let ring = Infinity;
      let hits = 0;
      for (const probe of probes) {
        if (inBox(box, probe.at) && inWard(polys, probe.at)) {
          hits++;
          ring = Math.min(ring, probe.ring);
        }
      }
      return { code, ring, hits };
    });
    // Simplified neighbours can overlap a little: when two contain the point, the deeper one comes first.
    const containingFirst = scored.filter((s) => containing.includes(s.code)).sort((a, b) => b.hits - a.hits);
    const nearby = scored.filter((s) => !containing.includes(s.code) && s.hits > 0).sort((a, b) => a.ring - b.ring || b.hits - a.hits);

    const refs = [...containingFirst, ...nearby]
      .map((n) => names(n.code))
      .filter((r): r is CommuneRef => r !== undefined);
    const first = refs[0];
    if (containing.length === 1 && nearby.length === 0 && first) {
      return { commune: first, candidates: [first], nearBorder: false };
    }
    if (refs.length === 0) return { ...NOWHERE, candidates: [] };
    return { commune: null, candidates: refs, nearBorder: true };
  };
}

async function buildBoxIndex(store: WardShapeStore): Promise<BoxIndex> {
  const rows = await store.bboxes();
  if (rows.length === 0) return { tree: null, codes: [], boxes: [] };
  const tree = new Flatbush(rows.length);
  for (const r of rows) tree.add(r.bbox[0], r.bbox[1], r.bbox[2], r.bbox[3]);
  tree.finish();
  return { tree, codes: rows.map((r) => r.code), boxes: rows.map((r) => r.bbox) };
}

function probePoints(lon: number, lat: number, dLon: number, dLat: number) {
  const out: Array<{ at: Position; ring: number }> = [];
  PROBE_RINGS.forEach(({ fraction, count }, ring) => {
    for (let k = 0; k < count; k++) {
      const angle = (2 * Math.PI * k) / count;
      out.push({ at: [lon + dLon * fraction * Math.sin(angle), lat + dLat * fraction * Math.cos(angle)], ring });
    }
  });
  return out;
}

function inBox(box: BBox | undefined, [x, y]: Position): boolean {
  return box !== undefined && x >= box[0] && x <= box[2] && y >= box[1] && y <= box[3];
}

function compileWard(polygons: Polygon[]): CompiledWard {
  const flat = (ring: Position[]) => Float64Array.from(ring.flat());
  return polygons
    .filter((p) => p[0] !== undefined)
    .map(([outer, ...holes]) => ({ outer: flat(outer as Position[]), holes: holes.map(flat) }));
}

// point-in-polygon reads flat rings by index, which a Float64Array serves; its types only name number[].
const inRing = (at: Position, ring: Float64Array) => pointInPolygon(at, ring as unknown as number[]);

/** Inside some polygon's outer ring and none of its holes (point-in-polygon does the ring test). */
function inWard(ward: CompiledWard | undefined, at: Position): boolean {
  if (!ward) return false;
  return ward.some(({ outer, holes }) => inRing(at, outer) && !holes.some((h) => inRing(at, h)));
}
