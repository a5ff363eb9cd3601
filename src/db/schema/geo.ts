// Tables owned by the geo (shared location) capability: simplified ward boundaries for point lookup.
import { index, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * One row per current ward/commune (3,321). The bounding box columns let a Worker prefilter
 * without loading the polygons; `polygons` is JSON `[[[ [lon, lat], … ] rings ] polygons]`.
 */
export const wardShapes = sqliteTable(
  'ward_shapes',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    provinceCode: text('province_code').notNull(), // from vn-units-2026.json, not the code's first digits
    minLon: real('min_lon').notNull(),
    minLat: real('min_lat').notNull(),
    maxLon: real('max_lon').notNull(),
    maxLat: real('max_lat').notNull(),
    polygons: text('polygons').notNull(),
  },
  (t) => [
    index('ward_shapes_bbox').on(t.minLon, t.minLat, t.maxLon, t.maxLat),
    index('ward_shapes_province').on(t.provinceCode),
  ],
);
