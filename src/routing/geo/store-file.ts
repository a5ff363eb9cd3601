// Ward shapes straight from the JSON file, read once on first use (Node only: eval, tests, bench).
import { polygonsExtent, readWardShapesFile } from './shapes-file';
import type { BBox, Polygon, WardShapeStore } from './types';

interface Loaded {
  bboxes: Array<{ code: string; bbox: BBox }>;
  polygonsJson: Map<string, string>;
}

export function fileShapeStore(file: string): WardShapeStore {
  let loaded: Promise<Loaded> | undefined;
  // Like the database, keep each ward's polygons as text and parse on request: the whole map as
  // live arrays would be ~435,000 small heap objects that every garbage collection has to walk.
  const load = () =>
    (loaded ??= readWardShapesFile(file).then(({ wards }) => {
      const entries = Object.entries(wards);
      return {
        bboxes: entries.map(([code, w]) => ({ code, bbox: polygonsExtent(w.polygons as Polygon[]) })),
        polygonsJson: new Map(entries.map(([code, w]) => [code, JSON.stringify(w.polygons)])),
      };
    }));
  return {
    async bboxes() {
      return (await load()).bboxes;
    },
    async polygons(codes) {
      const { polygonsJson } = await load();
      const out = new Map<string, Polygon[]>();
      for (const code of codes) {
        const text = polygonsJson.get(code);
        if (text) out.set(code, JSON.parse(text) as Polygon[]);
      }
      return out;
    },
  };
}
