// Reads and validates content/map/vn-wards-2026-simplified.json (Node only: eval, tests, import).
import { readFile } from 'node:fs/promises';
import * as z from 'zod';
import type { BBox, Polygon } from './types';

const position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
const ring = z.array(position).min(4);

export const wardShapesFileSchema = z.object({
  source: z.string().optional(),
  tolerance_deg: z.number().optional(),
  wards: z.record(
    z.string().regex(/^\d{5}$/),
    z.object({
      name: z.string().min(1),
      bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
      polygons: z.array(z.array(ring).min(1)).min(1),
    }),
  ),
});

export type WardShapesFile = z.infer<typeof wardShapesFileSchema>;

export function parseWardShapes(text: string): WardShapesFile {
  return wardShapesFileSchema.parse(JSON.parse(text));
}

export async function readWardShapesFile(file: string): Promise<WardShapesFile> {
  return parseWardShapes(await readFile(file, 'utf8'));
}

/**
 * The bounding box of the simplified outer rings themselves. The file's `bbox` is the original
 * boundary's, and a simplified ring can poke ~1 m past it; the prefilter must never miss a ward.
 */
export function polygonsExtent(polygons: Polygon[]): BBox {
  let minLon = Infinity, minLat = Infinity, maxLon = -Infinity, maxLat = -Infinity;
  for (const polygon of polygons) {
    for (const [lon, lat] of polygon[0] ?? []) {
      if (lon < minLon) minLon = lon;
      if (lon > maxLon) maxLon = lon;
      if (lat < minLat) minLat = lat;
      if (lat > maxLat) maxLat = lat;
    }
  }
  return [minLon, minLat, maxLon, maxLat];
}
