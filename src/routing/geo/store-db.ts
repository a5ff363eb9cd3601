// Ward shapes from the database: all bounding boxes (small), polygons only for the codes asked for.
import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/db';
import { wardShapes } from '../../db/schema/geo';
import type { Polygon, WardShapeStore } from './types';

// SQLite caps bound parameters per statement; candidate lists are short, but stay safe.
const MAX_CODES_PER_QUERY = 500;

export function dbShapeStore(db: Db): WardShapeStore {
  return {
    async bboxes() {
      const rows = await db
        .select({
          code: wardShapes.code,
          minLon: wardShapes.minLon,
          minLat: wardShapes.minLat,
          maxLon: wardShapes.maxLon,
          maxLat: wardShapes.maxLat,
        })
        .from(wardShapes);
      return rows.map((r) => ({ code: r.code, bbox: [r.minLon, r.minLat, r.maxLon, r.maxLat] }));
    },
    async polygons(codes) {
      const out = new Map<string, Polygon[]>();
      const unique = [...new Set(codes)];
      for (let i = 0; i < unique.length; i += MAX_CODES_PER_QUERY) {
        const chunk = unique.slice(i, i + MAX_CODES_PER_QUERY);
        const rows = await db
          .select({ code: wardShapes.code, polygons: wardShapes.polygons })
          .from(wardShapes)
          .where(inArray(wardShapes.code, chunk));
        for (const r of rows) out.set(r.code, JSON.parse(r.polygons) as Polygon[]);
      }
      return out;
    },
  };
}
