// Ward shapes straight from the JSON file, read once on first use (Node only: eval, tests, bench).
import { polygonsExtent, readWardShapesFile, type WardShapesFile } from './shapes-file';
import type { Polygon, WardShapeStore } from './types';

export function fileShapeStore(file: string): WardShapeStore {
  let loaded: Promise<WardShapesFile> | undefined;
  const load = () => (loaded ??= readWardShapesFile(file));
  return {
    async bboxes() {
      const { wards } = await load();
      return Object.entries(wards).map(([code, w]) => ({ code, bbox: polygonsExtent(w.polygons as Polygon[]) }));
    },
    async polygons(codes) {
      const { wards } = await load();
      const out = new Map<string, Polygon[]>();
      for (const code of codes) {
        const w = wards[code];
        if (w) out.set(code, w.polygons as Polygon[]);
      }
      return out;
    },
  };
}
