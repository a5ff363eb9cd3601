// Loads the simplified ward boundaries into `ward_shapes` at seed time; a second run with the same files is a no-op.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/db';
import { meta } from '../../db/schema/core';
import { wardShapes } from '../../db/schema/geo';
import { parseWardShapes, polygonsExtent } from './shapes-file';
import type { Polygon } from './types';
import { communeNamesFromUnits } from './unit-names';

const META_KEY = 'geo.ward_shapes.sha256';
// Bump when the row layout changes, so an old import is redone even if the files did not change.
const IMPORT_FORMAT = 'ward_shapes/1';
const BATCH_SIZE = 100;

export interface ImportWardShapesOptions {
  /** vn-units-2026.json, the source of each ward's province; default: beside the shapes file. */
  unitsFile?: string;
}

export async function importWardShapes(
  db: Db,
  file: string,
  log: (l: string) => void,
  options: ImportWardShapesOptions = {},
): Promise<{ wards: number; skipped: boolean }> {
  const unitsFile = options.unitsFile ?? join(dirname(file), 'vn-units-2026.json');
  const [shapesText, unitsText] = await Promise.all([readFile(file, 'utf8'), readFile(unitsFile, 'utf8')]);
  const hash = createHash('sha256').update(IMPORT_FORMAT).update('\0').update(shapesText).update('\0').update(unitsText).digest('hex');

  const [stored] = await db.select({ value: meta.value }).from(meta).where(eq(meta.key, META_KEY));
  if (stored?.value === hash) {
    const [row] = await db.select({ n: sql<number>`count(*)` }).from(wardShapes);
    const wards = Number(row?.n ?? 0);
    if (wards > 0) {
      log(`ward shapes: up to date (${wards} wards), nothing to import`);
      return { wards, skipped: true };
    }
  }

  const shapes = parseWardShapes(shapesText);
  const names = communeNamesFromUnits(JSON.parse(unitsText));
  const rows: Array<typeof wardShapes.$inferInsert> = [];
  for (const [code, ward] of Object.entries(shapes.wards)) {
    const unit = names(code);
    if (!unit) {
      log(`ward shapes: ${code} (${ward.name}) is not in the current map; skipped`);
      continue;
    }
    const polygons = ward.polygons as Polygon[];
    const [minLon, minLat, maxLon, maxLat] = polygonsExtent(polygons);
    rows.push({ code, name: ward.name, provinceCode: unit.province_code, minLon, minLat, maxLon, maxLat, polygons: JSON.stringify(polygons) });
  }
  log(`ward shapes: importing ${rows.length} wards`);

  await db.transaction(async (tx) => {
    await tx.delete(wardShapes);
    for (let i = 0; i < rows.length; i += BATCH_SIZE) {
      await tx.insert(wardShapes).values(rows.slice(i, i + BATCH_SIZE));
      const done = Math.min(i + BATCH_SIZE, rows.length);
      if (done % 1000 < BATCH_SIZE || done === rows.length) log(`ward shapes: ${done}/${rows.length}`);
    }
    await tx
      .insert(meta)
      .values({ key: META_KEY, value: hash, updatedAt: new Date() })
      .onConflictDoUpdate({ target: meta.key, set: { value: hash, updatedAt: new Date() } });
  });
  return { wards: rows.length, skipped: false };
}
