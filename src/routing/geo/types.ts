// Shapes for turning a shared GPS point into a current ward: polygons, the shape store, the answer.
import type { LocateResult } from '../types';

/** [longitude, latitude], GeoJSON order. */
export type Position = [number, number];
/** A closed ring of positions. */
export type Ring = Position[];
/** The first ring is the outer boundary, any further rings are holes. */
export type Polygon = Ring[];
/** [minLon, minLat, maxLon, maxLat]. */
export type BBox = [number, number, number, number];

/** Where ward boundaries come from: the database on a server or Worker, the JSON file in eval/tests. */
export interface WardShapeStore {
  bboxes(): Promise<Array<{ code: string; bbox: BBox }>>;
  /** Only the polygons asked for; a Worker must never load all of them. */
  polygons(codes: string[]): Promise<Map<string, Polygon[]>>;
}

/** A point's ward, or the wards it is on the border of, or nothing (sea, abroad, bad input). */
export type PointLocation = LocateResult & { nearBorder: boolean };
