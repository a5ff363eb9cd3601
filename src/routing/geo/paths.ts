// Where the map files live in a checkout (Node only): the shapes we ship and the units list beside them.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = (rel: string) => fileURLToPath(new URL(rel, import.meta.url));

export const WARD_SHAPES_FILE = here('../../../content/map/vn-wards-2026-simplified.json');

/**
 * vn-units-2026.json: the project's copy in content/map when the commune map has been copied
 * there, else the shared data folder that sits beside the checkout (development and CI).
 */
export function findUnitsFile(): string {
  const candidates = [here('../../../content/map/vn-units-2026.json'), here('../../../../shared/data/vn-units-2026.json')];
  const found = candidates.find((f) => existsSync(f));
  if (!found) throw new Error(`vn-units-2026.json not found; looked in: ${candidates.join(', ')}`);
  return found;
}
