// Reads the three map files of content/map/ into flat, validated records, collecting data errors
// (a mapping that points at a code missing from the current map) instead of failing on them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { foldText } from './address-text';
import { splitUnitName } from './address-words';
import { buildMapIndex, type MapIndex } from './map-index';

export const MAP_FILES = {
  current: 'vn-units-2026.json',
  old: 'vn-units-2025-before-reform.json',
  oldToNew: 'vn-units-old-to-new.json',
} as const;

const currentSchema = z.array(
  z.object({
    Code: z.string(),
    Name: z.string(),
    NameEn: z.string(),
    FullName: z.string(),
    Wards: z.array(
      z.object({ Code: z.string(), Name: z.string(), NameEn: z.string(), FullName: z.string(), ProvinceCode: z.string() }),
    ),
  }),
);

const oldSchema = z.array(
  z.object({
    Code: z.string(),
    FullName: z.string(),
    District: z
      .array(
        z.object({
          Code: z.string(),
          FullName: z.string(),
          Ward: z.array(z.object({ Code: z.string(), FullName: z.string() })).nullable(),
        }),
      )
      .nullable(),
  }),
);

const splitsSchema = z.array(z.object({ new_id: z.string(), name: z.string() }));
const oldToNewSchema = z.object({
  data: z.array(
    z.object({
      level1_id: z.string(),
      name: z.string(),
      splits: splitsSchema,
      level2s: z.array(z.object({ level2_id: z.string(), name: z.string(), splits: splitsSchema })).optional(),
      level3s: z.array(z.object({ level3_id: z.string(), name: z.string(), splits: splitsSchema })),
    }),
  ),
});

export interface ProvinceRecord {
  code: string;
  name: string;
  fullName: string;
  type: string;
  nameEn: string;
  foldedName: string;
}
export interface CommuneRecord extends ProvinceRecord {
  provinceCode: string;
}
export interface OldProvinceRecord {
  code: string;
  name: string;
  fullName: string;
  type: string;
  newProvinceCode: string | null;
  foldedName: string;
}
export interface OldDistrictRecord {
  code: string;
  name: string;
  fullName: string;
  type: string;
  provinceCode: string;
  foldedName: string;
}
export interface OldCommuneRecord extends OldDistrictRecord {
  districtCode: string;
}
export interface MappingRecord {
  oldCode: string;
  newCode: string;
  oldLevel: 'commune' | 'district';
  oldName: string;
  oldProvinceCode: string;
  rank: number;
}

export interface MapRecords {
  provinces: ProvinceRecord[];
  communes: CommuneRecord[];
  oldProvinces: OldProvinceRecord[];
  oldDistricts: OldDistrictRecord[];
  oldCommunes: OldCommuneRecord[];
  mappings: MappingRecord[];
}

export interface ParsedMap {
  records: MapRecords;
  errors: string[]; // data errors, reported at import
  notes: string[]; // oddities that need no action, logged
}

/** Full names are tidied: surplus spaces removed, a lower-case "xã" capitalised. */
function tidy(fullName: string): string {
  const clean = fullName.trim().replace(/\s+/gu, ' ');
  return clean.charAt(0).toUpperCase() + clean.slice(1);
}

function unit(fullName: string, fallbackType: string): { name: string; fullName: string; type: string; foldedName: string } {
  const full = tidy(fullName);
  const { type, name } = splitUnitName(full);
  return { name, fullName: full, type: type ?? fallbackType, foldedName: foldText(name) };
}

export function parseMapFiles(raw: { current: string; old: string; oldToNew: string }): ParsedMap {
  const current = currentSchema.parse(JSON.parse(raw.current));
  const old = oldSchema.parse(JSON.parse(raw.old));
  const oldToNew = oldToNewSchema.parse(JSON.parse(raw.oldToNew));
  const errors: string[] = [];
  const notes: string[] = [];

  const provinces: ProvinceRecord[] = current.map((p) => ({
    code: p.Code,
    ...unit(p.FullName, 'tinh'),
    name: p.Name.trim(),
    nameEn: p.NameEn.trim(),
    foldedName: foldText(p.Name.trim()),
  }));
  const communes: CommuneRecord[] = current.flatMap((p) =>
    p.Wards.map((w) => {
      if (w.FullName !== tidy(w.FullName)) notes.push(`current map: "${w.FullName}" (${w.Code}) tidied to "${tidy(w.FullName)}"`);
      return {
        code: w.Code,
        ...unit(w.FullName, 'xa'),
        name: w.Name.trim(),
        nameEn: w.NameEn.trim(),
        foldedName: foldText(w.Name.trim()),
        provinceCode: w.ProvinceCode,
      };
    }),
  );
  const communeByCode = new Map(communes.map((c) => [c.code, c]));

  const newProvinceOf = new Map(oldToNew.data.map((p) => [p.level1_id, p.splits[0]?.new_id ?? null]));
  const oldProvinces: OldProvinceRecord[] = old.map((p) => ({
    code: p.Code,
    ...unit(p.FullName, 'tinh'),
    newProvinceCode: newProvinceOf.get(p.Code) ?? null,
  }));
  const oldDistricts: OldDistrictRecord[] = old.flatMap((p) =>
    (p.District ?? []).map((d) => ({ code: d.Code, ...unit(d.FullName, 'huyen'), provinceCode: p.Code })),
  );
  const oldCommunes: OldCommuneRecord[] = old.flatMap((p) =>
    (p.District ?? []).flatMap((d) =>
      (d.Ward ?? []).map((w) => ({ code: w.Code, ...unit(w.FullName, 'xa'), provinceCode: p.Code, districtCode: d.Code })),
    ),
  );
  const oldCommuneCodes = new Set(oldCommunes.map((c) => c.code));

  // A mapped code missing from the current map is a data error. When the target province has exactly
  // one commune of the same name, the link is repaired to it, and the repair is reported too.
  const repairTarget = (newCode: string, newName: string, provinceCode: string | null): string | null => {
    if (communeByCode.has(newCode)) return newCode;
    const wanted = foldText(tidy(newName));
    const same = communes.filter((c) => foldText(c.fullName) === wanted && (!provinceCode || c.provinceCode === provinceCode));
    return same.length === 1 && same[0] ? same[0].code : null;
  };

  const mappings: MappingRecord[] = [];
  const seen = new Set<string>();
  for (const province of oldToNew.data) {
    const newProvince = newProvinceOf.get(province.level1_id) ?? null;
    const links = [
      ...province.level3s.map((c) => ({ level: 'commune' as const, code: c.level3_id, name: c.name, splits: c.splits })),
      ...(province.level2s ?? []).map((d) => ({ level: 'district' as const, code: d.level2_id, name: d.name, splits: d.splits })),
    ];
    for (const link of links) {
      if (link.level === 'commune' && !oldCommuneCodes.has(link.code)) {
        notes.push(`mapping: old commune ${link.code} (${tidy(link.name)}) is not in the pre-2025 map; kept with its province only`);
      }
      link.splits.forEach((split, rank) => {
        const target = repairTarget(split.new_id, split.name, newProvince);
        if (target !== split.new_id) {
          const where = `mapping: ${tidy(link.name)} (${link.code}) → ${split.new_id} (${tidy(split.name)})`;
          errors.push(
            target
              ? `${where}: code not in the current map; linked by name to ${target}`
              : `${where}: code not in the current map; link skipped`,
          );
        }
        if (!target) return;
        const key = `${link.level}:${link.code}:${target}`;
        if (seen.has(key)) return;
        seen.add(key);
        mappings.push({
          oldCode: link.code,
          newCode: target,
          oldLevel: link.level,
          oldName: tidy(link.name),
          oldProvinceCode: province.level1_id,
          rank,
        });
      });
    }
  }

  return { records: { provinces, communes, oldProvinces, oldDistricts, oldCommunes, mappings }, errors, notes };
}

/** The raw text of the three map files in `dir`. */
export function readMapFiles(dir: string): { current: string; old: string; oldToNew: string } {
  return {
    current: readFileSync(join(dir, MAP_FILES.current), 'utf8'),
    old: readFileSync(join(dir, MAP_FILES.old), 'utf8'),
    oldToNew: readFileSync(join(dir, MAP_FILES.oldToNew), 'utf8'),
  };
}

/**
 * The map index straight from the JSON files in `dir` (tests, evaluation, scripts). Here, beside the
 * file reader, so that the map index itself (which the Worker uses) imports nothing of node:fs.
 */
export function mapIndexFromFiles(dir: string): MapIndex {
  return buildMapIndex(parseMapFiles(readMapFiles(dir)).records);
}
