// The in-memory commune map the resolver searches: every current and old unit by folded name, and
// the links between them (which old districts and provinces fed each current commune).
// Built from the database (loadMapIndex, cache it) or straight from content/map/ (mapIndexFromFiles).
import type { Db } from '../db/db';
import { mapCommunes, mapOldCommunes, mapOldDistricts, mapOldProvinces, mapOldToNew, mapProvinces } from '../db/schema/routing';
import { tokenizeAddress } from './address-text';
import { defaultAddressWords, UNIT_TYPES, type AddressWords, type UnitType } from './address-words';
import type { MapRecords } from './map-records';
import type { CommuneRef } from './types';
import { lazyRegExp } from '../ground/regexp';

export type UnitKind = 'commune' | 'oldCommune' | 'oldDistrict' | 'province' | 'oldProvince';

/** One way of writing one unit's name. */
export interface NameEntry {
  kind: UnitKind;
  code: string;
  sig: string; // tone signature of this spelling
  numeric: boolean; // a bare number ("Phường 12"): only read after a unit word
  partial: boolean; // only the first part of a hyphenated name ("Lâm Viên" of "Lâm Viên - Đà Lạt")
}

export interface CommuneInfo {
  ref: CommuneRef;
  type: UnitType;
  fedByDistricts: Set<string>; // old district codes whose communes became part of it
  fedByOldProvinces: Set<string>;
}
export interface OldCommuneInfo {
  code: string;
  fullName: string;
  type: UnitType;
  districtCode: string | null;
  provinceCode: string; // old province
  targets: string[]; // current commune codes, in source order
  targetProvinces: Set<string>;
}
export interface OldDistrictInfo {
  code: string;
  fullName: string;
  type: UnitType;
  provinceCode: string;
  targets: string[]; // current communes it fed, the most-fed first
  targetProvinces: Set<string>;
}
export interface ProvinceInfo {
  code: string;
  fullName: string;
  type: UnitType;
}
export interface OldProvinceInfo extends ProvinceInfo {
  newProvinceCode: string | null;
}

export interface MapIndex {
  communes: Map<string, CommuneInfo>;
  oldCommunes: Map<string, OldCommuneInfo>;
  oldDistricts: Map<string, OldDistrictInfo>;
  provinces: Map<string, ProvinceInfo>;
  oldProvinces: Map<string, OldProvinceInfo>;
  names: Map<string, NameEntry[]>; // folded name → units
  maxNameTokens: number;
  words: AddressWords;
  /** Holds the whole map (not just the units one lookup named). */
  complete: boolean;
  /**
   * On a partial index (a lookup from the database), the wards of the provinces and old districts the
   * text names, read in the same statement: fuzzy matching searches these instead of the whole map.
   */
  fuzzyPools?: FuzzyPools;
  /** On a partial index, for each name the text holds, the words that continue it into longer names. */
  nextWords?: Map<string, Set<string>>;
}

/** A ward fuzzy matching may answer with: a current commune, or an old one and what it became. */
export interface PoolUnit {
  kind: Extract<UnitKind, 'commune' | 'oldCommune'>;
  code: string;
  keys: string[]; // folded names without spaces
  targets: string[]; // the current communes it names (itself, for a current commune)
}

/** The wards fuzzy matching searches, by the scope written, and the current communes they lead to. */
export interface FuzzyPools {
  byProvince: Map<string, PoolUnit[]>; // current province → its communes, and old communes now in it
  byDistrict: Map<string, PoolUnit[]>; // old district → its old communes, and the communes it fed
  /** The current communes the pools name (members, old members' targets, a district's targets). */
  refs: Map<string, CommuneRef>;
}

const KNOWN_TYPES: ReadonlySet<string> = new Set(UNIT_TYPES);
function asType(type: string, fallback: UnitType): UnitType {
  return KNOWN_TYPES.has(type) ? (type as UnitType) : fallback;
}

/** An index with no units yet: filled from all the records, or (on Workers) from the rows one address needs. */
export function emptyMapIndex(words: AddressWords = defaultAddressWords()): MapIndex {
  return {
    communes: new Map(),
    oldCommunes: new Map(),
    oldDistricts: new Map(),
    provinces: new Map(),
    oldProvinces: new Map(),
    names: new Map(),
    maxNameTokens: 1,
    words,
    complete: false,
  };
}

export function buildMapIndex(records: MapRecords, words: AddressWords = defaultAddressWords()): MapIndex {
  const index = emptyMapIndex(words);

  const addName = (name: string, kind: UnitKind, code: string, partial = false): void => {
    const tokens = tokenizeAddress(name);
    if (tokens.length === 0) return;
    const key = tokens.map((t) => t.fold).join(' ');
    const sig = tokens.map((t) => t.sig).join(' ');
    const list = index.names.get(key) ?? [];
    if (list.some((e) => e.kind === kind && e.code === code && e.sig === sig)) return;
    list.push({ kind, code, sig, numeric: /^[\d ]+$/u.test(key), partial });
    index.names.set(key, list);
    index.maxNameTokens = Math.max(index.maxNameTokens, tokens.length);
  };
  // "Ea H'Leo" is also written "Ea H Leo"; "Lâm Viên - Đà Lạt" is often just "Lâm Viên", and
  // "Phan Rang-Tháp Chàm" just "Phan Rang"; "Phường IV" and "Tam Xuân II" are written "Phường 4", "Tam Xuân 2".
  const addVariants = (name: string, kind: UnitKind, code: string): void => {
    addName(name, kind, code);
    if (/['’]/u.test(name)) addName(name.replace(/['’]/gu, ' '), kind, code);
    const dash = name.split(/\s+[-–]\s+/u);
    if (dash.length > 1 && dash[0]) addName(dash[0], kind, code, true);
    const hyphen = name.split(/(?<=\S)[-–](?=\S)/u); // a one-word first part would be too loose a match
    if (dash.length === 1 && hyphen.length > 1 && hyphen[0]?.includes(' ')) addName(hyphen[0], kind, code, true);
    const arabic = withArabicNumerals(name);
    if (arabic !== name) addName(arabic, kind, code);
  };

  for (const p of records.provinces) {
    index.provinces.set(p.code, { code: p.code, fullName: p.fullName, type: asType(p.type, 'tinh') });
    addVariants(p.name, 'province', p.code);
    if (p.nameEn) addName(p.nameEn.replace(/\s+(city|province)$/iu, ''), 'province', p.code);
  }
  for (const [code, aliases] of Object.entries(words.provinceAliases)) {
    if (index.provinces.has(code)) for (const alias of aliases) addName(alias, 'province', code);
  }
  for (const c of records.communes) {
    const province = index.provinces.get(c.provinceCode);
    index.communes.set(c.code, {
      ref: { code: c.code, name: c.fullName, province_code: c.provinceCode, province_name: province?.fullName ?? '' },
      type: asType(c.type, 'xa'),
      fedByDistricts: new Set(),
      fedByOldProvinces: new Set(),
    });
    addVariants(c.name, 'commune', c.code);
  }
  for (const p of records.oldProvinces) {
    index.oldProvinces.set(p.code, { code: p.code, fullName: p.fullName, type: asType(p.type, 'tinh'), newProvinceCode: p.newProvinceCode });
    addVariants(p.name, 'oldProvince', p.code);
  }
  for (const [code, aliases] of Object.entries(words.oldProvinceAliases)) {
    if (index.oldProvinces.has(code)) for (const alias of aliases) addName(alias, 'oldProvince', code);
  }
  for (const d of records.oldDistricts) {
    index.oldDistricts.set(d.code, {
      code: d.code,
      fullName: d.fullName,
      type: asType(d.type, 'huyen'),
      provinceCode: d.provinceCode,
      targets: [],
      targetProvinces: new Set(),
    });
    addVariants(d.name, 'oldDistrict', d.code);
  }
  for (const [code, aliases] of Object.entries(words.oldDistrictAliases)) {
    if (index.oldDistricts.has(code)) for (const alias of aliases) addName(alias, 'oldDistrict', code);
  }
  // In Hồ Chí Minh City people write the old districts by their initials: "P5, BT" (Bình Thạnh), "GV"
  // (Gò Vấp), "PN" (Phú Nhuận). Taken from the names themselves; never one that reads as a unit word
  // or a street/hamlet word ("TP", "CC"). Two districts with the same initials both keep them ("BT":
  // Bình Thạnh and Bình Tân): the ward written next to it decides.
  for (const d of records.oldDistricts) {
    if (d.provinceCode !== INITIALS_PROVINCE) continue;
    const initials = districtInitials(d.name);
    if (!initials) continue;
    const asTokens = tokenizeAddress(initials);
    if (words.unitTypes.matchAt(asTokens, 0) || words.noiseMarkers.matchAt(asTokens, 0)) continue;
    addName(initials, 'oldDistrict', d.code);
  }
  for (const c of records.oldCommunes) {
    index.oldCommunes.set(c.code, {
      code: c.code,
      fullName: c.fullName,
      type: asType(c.type, 'xa'),
      districtCode: c.districtCode,
      provinceCode: c.provinceCode,
      targets: [],
      targetProvinces: new Set(),
    });
    addVariants(c.name, 'oldCommune', c.code);
  }

  // Links, in source order, so a split's first target stays first.
  const districtFeeds = new Map<string, Map<string, number>>();
  const mappings = [...records.mappings].sort((a, b) => a.rank - b.rank);
  for (const m of mappings) {
    const target = index.communes.get(m.newCode);
    if (!target) continue;
    if (m.oldLevel === 'district') {
      const district = index.oldDistricts.get(m.oldCode);
      if (!district) continue;
      if (!district.targets.includes(m.newCode)) district.targets.push(m.newCode);
      district.targetProvinces.add(target.ref.province_code);
      target.fedByDistricts.add(district.code);
      target.fedByOldProvinces.add(district.provinceCode);
      continue;
    }
    let old = index.oldCommunes.get(m.oldCode);
    if (!old) {
      // A few mapped communes are missing from the pre-2025 map: keep them, with their province only.
      const { name, type } = splitName(m.oldName);
      old = { code: m.oldCode, fullName: m.oldName, type, districtCode: null, provinceCode: m.oldProvinceCode, targets: [], targetProvinces: new Set() };
      index.oldCommunes.set(m.oldCode, old);
      addVariants(name, 'oldCommune', m.oldCode);
    }
    if (!old.targets.includes(m.newCode)) old.targets.push(m.newCode);
    old.targetProvinces.add(target.ref.province_code);
    target.fedByOldProvinces.add(old.provinceCode);
    if (old.districtCode) {
      target.fedByDistricts.add(old.districtCode);
      const feeds = districtFeeds.get(old.districtCode) ?? new Map<string, number>();
      feeds.set(m.newCode, (feeds.get(m.newCode) ?? 0) + 1);
      districtFeeds.set(old.districtCode, feeds);
    }
  }
  for (const [code, feeds] of districtFeeds) {
    const district = index.oldDistricts.get(code);
    if (!district) continue;
    const ordered = [...feeds.entries()].sort((a, b) => b[1] - a[1]).map(([c]) => c);
    for (const c of ordered) {
      if (!district.targets.includes(c)) district.targets.push(c);
      const province = index.communes.get(c)?.ref.province_code;
      if (province) district.targetProvinces.add(province);
    }
  }
  index.complete = true;
  return index;
}

/** The old province whose districts are written by their initials (Hồ Chí Minh City). */
const INITIALS_PROVINCE = '79';

/** "Bình Thạnh" → "bt", "Gò Vấp" → "gv"; null for one-word or numbered names. */
export function districtInitials(name: string): string | null {
  const words = tokenizeAddress(name);
  if (words.length < 2 || words.some((w) => w.numeric)) return null;
  return words.map((w) => w.fold[0]).join('');
}

const ROMAN: Record<string, number> = { i: 1, v: 5, x: 10 };
// Made on first use (ground/regexp.ts says why).
const ROMAN_WORD = lazyRegExp(String.raw`(?<![\p{L}\p{N}])[IVX]+(?![\p{L}\p{N}])`, 'gu');
/** "IV" → "4" for a whole word written in Roman numerals (I–XXXIX); other words unchanged. */
function withArabicNumerals(name: string): string {
  return name.replace(ROMAN_WORD(), (word) => {
    if (!/^X{0,3}(IX|IV|V?I{0,3})$/u.test(word)) return word;
    const digits = [...word.toLowerCase()].map((ch) => ROMAN[ch] ?? 0);
    const value = digits.reduce((sum, d, i) => sum + (d < (digits[i + 1] ?? 0) ? -d : d), 0);
    return String(value);
  });
}

function splitName(fullName: string): { name: string; type: UnitType } {
  const match = /^(xã|phường|thị trấn)\s+(.*)$/iu.exec(fullName.trim());
  if (!match || !match[1] || !match[2]) return { name: fullName, type: 'xa' };
  const kind = match[1].toLowerCase();
  return { name: match[2], type: kind === 'phường' ? 'phuong' : kind === 'thị trấn' ? 'thi_tran' : 'xa' };
}

/** The map index from the imported tables. Building takes a few hundred milliseconds: cache it. */
export async function loadMapIndex(db: Db): Promise<MapIndex> {
  const [provinces, communes, oldProvinces, oldDistricts, oldCommunes, mappings] = await Promise.all([
    db.select().from(mapProvinces),
    db.select().from(mapCommunes),
    db.select().from(mapOldProvinces),
    db.select().from(mapOldDistricts),
    db.select().from(mapOldCommunes),
    db.select().from(mapOldToNew),
  ]);
  return buildMapIndex({
    provinces,
    communes,
    oldProvinces,
    oldDistricts,
    oldCommunes,
    mappings: mappings.map((m) => ({ ...m, oldLevel: m.oldLevel === 'district' ? 'district' : 'commune' })),
  });
}
