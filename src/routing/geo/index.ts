// Public face of GPS lookup: point → current ward, the shape stores, the seed import, `geo:` lines.
export { BORDER_METERS, createPointLocator, type PointLocatorOptions } from './locator';
export { dbShapeStore } from './store-db';
export { parseGeoLine, isValidPoint } from './parse-geo-line';
export type { BBox, Polygon, PointLocation, Position, Ring, WardShapeStore } from './types';
