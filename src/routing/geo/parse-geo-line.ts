// Parses a `geo:LAT,LON` line (RFC 5870 geo URI; altitude and ;parameters are accepted and ignored).
import type { GeoPoint } from '../../core/types';

const GEO_LINE = /^\s*geo:\s*([+-]?\d+(?:\.\d+)?)\s*,\s*([+-]?\d+(?:\.\d+)?)(?:\s*,\s*[+-]?\d+(?:\.\d+)?)?(?:;[^\s]*)?\s*$/i;

export function parseGeoLine(line: string): GeoPoint | null {
  const m = GEO_LINE.exec(line);
  if (!m) return null;
  const lat = Number(m[1]);
  const lon = Number(m[2]);
  return isValidPoint({ lat, lon }) ? { lat, lon } : null;
}

export function isValidPoint(p: unknown): p is GeoPoint {
  if (typeof p !== 'object' || p === null) return false;
  const { lat, lon } = p as Record<string, unknown>;
  return (
    typeof lat === 'number' && typeof lon === 'number' &&
    Number.isFinite(lat) && Number.isFinite(lon) &&
    lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180
  );
}
