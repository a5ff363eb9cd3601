// The current map as the officer directory needs it: does a code exist, and which province is it in.
import { eq } from 'drizzle-orm';
import type { Db } from '../db/db';
import { mapCommunes, mapProvinces } from '../db/schema';

/** Where a commune or province code belongs: its province, or null when the map does not know it. */
export interface UnitLookup {
  /** False when no map is loaded: codes are then checked by shape only. */
  loaded: boolean;
  commune(code: string): { provinceCode: string; name: string } | null;
  province(code: string): { name: string } | null;
}

/** The current map from the database (map_communes / map_provinces, loaded by the routing seed). */
export async function unitLookupFromDb(db: Db): Promise<UnitLookup> {
  const communes = new Map(
    (await db.select({ code: mapCommunes.code, provinceCode: mapCommunes.provinceCode, name: mapCommunes.fullName }).from(mapCommunes)).map(
      (c) => [c.code, c],
    ),
  );
  const provinces = new Map((await db.select({ code: mapProvinces.code, name: mapProvinces.fullName }).from(mapProvinces)).map((p) => [p.code, p]));
  return {
    loaded: communes.size > 0,
    commune: (code) => communes.get(code) ?? null,
    province: (code) => provinces.get(code) ?? null,
  };
}

/** One unit's display name and province from the map tables (null when the map is not loaded). */
export async function unitInfo(db: Db, code: string): Promise<{ name: string; provinceCode: string } | null> {
  if (code.length === 2) {
    const [p] = await db.select({ name: mapProvinces.fullName }).from(mapProvinces).where(eq(mapProvinces.code, code)).limit(1);
    return p ? { name: p.name, provinceCode: code } : null;
  }
  const [c] = await db
    .select({ name: mapCommunes.fullName, provinceCode: mapCommunes.provinceCode, provinceName: mapProvinces.fullName })
    .from(mapCommunes)
    .leftJoin(mapProvinces, eq(mapProvinces.code, mapCommunes.provinceCode))
    .where(eq(mapCommunes.code, code))
    .limit(1);
  return c ? { name: c.provinceName ? `${c.name}, ${c.provinceName}` : c.name, provinceCode: c.provinceCode } : null;
}
