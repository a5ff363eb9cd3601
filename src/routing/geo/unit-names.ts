// A small ward-code → CommuneRef adapter over vn-units-2026.json, for the import, eval and tests.
// The real commune map index (src/routing) can replace it wherever a `names` function is asked for.
import * as z from 'zod';
import type { CommuneRef } from '../types';

const unitsSchema = z.array(
  z.object({
    Code: z.string(),
    FullName: z.string(),
    Wards: z.array(z.object({ Code: z.string(), FullName: z.string(), ProvinceCode: z.string() })),
  }),
);

/** Builds the lookup from the parsed JSON of vn-units-2026.json. */
export function communeNamesFromUnits(units: unknown): (code: string) => CommuneRef | undefined {
  const provinces = unitsSchema.parse(units);
  const provinceName = new Map(provinces.map((p) => [p.Code, p.FullName]));
  const byCode = new Map<string, CommuneRef>();
  for (const p of provinces) {
    for (const w of p.Wards) {
      byCode.set(w.Code, {
        code: w.Code,
        name: w.FullName,
        province_code: w.ProvinceCode,
        province_name: provinceName.get(w.ProvinceCode) ?? p.FullName,
      });
    }
  }
  return (code) => byCode.get(code);
}
