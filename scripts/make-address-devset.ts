// Generates the address dev set test/fixtures/addresses.jsonl from the map data (seeded, reproducible):
// current addresses, pre-2025 addresses (old commune + district + province), split communes,
// names shared by several provinces, and current communes written with their old province.
// Labels come from the data alone (the map and the old→new links), never from the resolver.
// Run: npx tsx scripts/make-address-devset.ts [--seed N] [--out FILE]
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseMapFiles, readMapFiles, type CommuneRecord, type OldCommuneRecord } from '../src/routing/map-records';

const args = process.argv.slice(2);
const arg = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const seed = Number(arg('--seed') ?? 20250701);
const out = arg('--out') ?? fileURLToPath(new URL('../test/fixtures/addresses.jsonl', import.meta.url));
const mapDir = fileURLToPath(new URL('../content/map/', import.meta.url));

// mulberry32: small, seeded, good enough for sampling.
let state = seed >>> 0;
function random(): number {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const chance = (p: number): boolean => random() < p;
function pick<T>(items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from empty list');
  return item;
}

const { records } = parseMapFiles(readMapFiles(mapDir));
const provinceByCode = new Map(records.provinces.map((p) => [p.code, p]));
const oldProvinceByCode = new Map(records.oldProvinces.map((p) => [p.code, p]));
const oldDistrictByCode = new Map(records.oldDistricts.map((d) => [d.code, d]));
const targetsOf = new Map<string, string[]>();
for (const m of [...records.mappings].sort((a, b) => a.rank - b.rank)) {
  if (m.oldLevel !== 'commune') continue;
  targetsOf.set(m.oldCode, [...(targetsOf.get(m.oldCode) ?? []), m.newCode]);
}
const communeByCode = new Map(records.communes.map((c) => [c.code, c]));

const group = <T>(items: T[], key: (t: T) => string): Map<string, T[]> => {
  const map = new Map<string, T[]>();
  for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
  return map;
};
const currentByName = group(records.communes, (c) => c.foldedName);
const currentByProvinceName = group(records.communes, (c) => `${c.provinceCode}|${c.foldedName}`);
const oldByProvinceName = group(records.oldCommunes, (c) => `${c.provinceCode}|${c.foldedName}`);
const oldByDistrictName = group(records.oldCommunes, (c) => `${c.districtCode}|${c.foldedName}`);
const oldByDistrictAndName = group(records.oldCommunes, (c) => `${oldDistrictByCode.get(c.districtCode)?.foldedName}|${c.foldedName}`);
const currentProvinceByFolded = new Map(records.provinces.map((p) => [p.foldedName, p.code]));
// Which old provinces fed each current commune.
const fedBy = new Map<string, Set<string>>();
for (const m of records.mappings) {
  fedBy.set(m.newCode, (fedBy.get(m.newCode) ?? new Set()).add(m.oldProvinceCode));
}

// ---- how people write things ----------------------------------------------------------------

const STREETS = [
  'Lê Lợi', 'Trần Hưng Đạo', 'Nguyễn Huệ', 'Hai Bà Trưng', 'Quang Trung', 'Lý Thường Kiệt', 'Hùng Vương',
  'Nguyễn Trãi', 'Lê Duẩn', 'Điện Biên Phủ', 'Phan Đình Phùng', 'Trần Phú', 'Nguyễn Văn Cừ', 'Võ Thị Sáu',
  'Lạc Long Quân', 'Nguyễn Thị Minh Khai', 'Cách Mạng Tháng Tám', 'Trường Chinh', 'Ngô Quyền', 'Bà Triệu',
];

function stripDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
}

function hamletName(): string {
  return pick(records.oldCommunes).name;
}

function noise(): string {
  const n = 1 + Math.floor(random() * 200);
  const k = 1 + Math.floor(random() * 12);
  return pick([
    () => `Số ${n} đường ${pick(STREETS)}`,
    () => `${n} ${pick(STREETS)}`,
    () => `số nhà ${n}, ngõ ${k}`,
    () => `Hẻm ${n}/${k} ${pick(STREETS)}`,
    () => `Thôn ${k}`,
    () => `thôn ${hamletName()}`,
    () => `Ấp ${hamletName()}`,
    () => `Tổ ${k}`,
    () => `Tổ dân phố ${k}`,
    () => `Khu phố ${k}`,
    () => `KP${k}`,
    () => `Xóm ${hamletName()}`,
    () => `Bản ${hamletName()}`,
    () => `đường ${pick(STREETS)}`,
  ])();
}

const COMMUNE_WORD: Record<string, string[]> = {
  xa: ['Xã', 'xã', 'X.', 'X. '],
  phuong: ['Phường', 'phường', 'P.', 'P. '],
  thi_tran: ['Thị trấn', 'thị trấn', 'TT.', 'TT '],
  dac_khu: ['Đặc khu', 'đặc khu'],
};
const DISTRICT_WORD: Record<string, string[]> = {
  huyen: ['Huyện', 'huyện', 'H.', 'H. '],
  quan: ['Quận', 'quận', 'Q.', 'Q. '],
  thi_xa: ['Thị xã', 'thị xã', 'TX.', 'TX '],
  thanh_pho: ['Thành phố', 'thành phố', 'TP.', 'TP '],
};
const PROVINCE_WORD: Record<string, string[]> = {
  tinh: ['Tỉnh', 'tỉnh'],
  thanh_pho: ['Thành phố', 'TP.', 'TP', 'thành phố'],
};

function join(word: string, name: string): string {
  return word.endsWith('.') && chance(0.5) ? `${word}${name}` : `${word.trimEnd()} ${name}`;
}

/** "Xã Tân An", "X. Tân An", "Tân An" (bare only when allowed). */
function communeText(type: string, name: string, allowBare: boolean): string {
  // A numbered ward is never written bare ("Phường 7", not "7").
  if (allowBare && !/^\d+$/u.test(name) && chance(0.25)) return name;
  return join(pick(COMMUNE_WORD[type] ?? ['Xã']), name);
}
function districtText(type: string, name: string, allowBare = true): string {
  // A numbered district needs its word ("Quận 1"); a named one is often written bare.
  if (allowBare && !/^\d+$/u.test(name) && chance(0.2)) return name;
  return join(pick(DISTRICT_WORD[type] ?? ['Huyện']), name);
}
function provinceText(type: string, name: string): string {
  if (chance(0.5)) return name;
  return join(pick(PROVINCE_WORD[type] ?? ['Tỉnh']), name);
}

function assemble(parts: string[], dropDiacritics: boolean): string {
  const separator = chance(0.8) ? ', ' : chance(0.5) ? ' ' : ' - ';
  let text = parts.join(separator);
  if (dropDiacritics) text = stripDiacritics(text);
  if (chance(0.1)) text = text.toLowerCase();
  else if (chance(0.05)) text = text.toUpperCase();
  return text;
}

interface Sample {
  input: string;
  kind: 'current' | 'old' | 'split' | 'ambiguous' | 'mixed';
  no_diacritics: boolean;
  expect: { commune: string | null; candidates: string[] };
}

const samples: Sample[] = [];
const seen = new Set<string>();
function add(sample: Sample): void {
  if (seen.has(sample.input)) return;
  seen.add(sample.input);
  samples.push(sample);
}

// ---- current addresses ------------------------------------------------------------------------

function uniqueInProvince(c: CommuneRecord): boolean {
  return (currentByProvinceName.get(`${c.provinceCode}|${c.foldedName}`) ?? []).length === 1;
}

for (let made = 0; made < 400; ) {
  const c = pick(records.communes);
  if (!uniqueInProvince(c)) continue;
  const p = provinceByCode.get(c.provinceCode)!;
  const nationallyUnique = (currentByName.get(c.foldedName) ?? []).length === 1;
  const withProvince = !nationallyUnique || chance(0.9);
  const parts = [communeText(c.type, c.name, true)];
  if (withProvince) parts.push(provinceText(p.type, p.name));
  if (chance(0.45)) parts.unshift(noise());
  const noDiacritics = chance(0.35);
  add({ input: assemble(parts, noDiacritics), kind: 'current', no_diacritics: noDiacritics, expect: { commune: c.code, candidates: [c.code] } });
  made++;
}

// ---- pre-2025 addresses -------------------------------------------------------------------------

/** Text without the district is also a valid current address, or names several old communes: keep the district. */
function needsDistrict(o: OldCommuneRecord): boolean {
  if ((oldByProvinceName.get(`${o.provinceCode}|${o.foldedName}`) ?? []).length > 1) return true;
  const oldProvince = oldProvinceByCode.get(o.provinceCode)!;
  const sameNamedCurrentProvince = currentProvinceByFolded.get(oldProvince.foldedName);
  return sameNamedCurrentProvince !== undefined && (currentByProvinceName.get(`${sameNamedCurrentProvince}|${o.foldedName}`) ?? []).length > 0;
}

function oldAddress(o: OldCommuneRecord): { parts: string[] } {
  const d = oldDistrictByCode.get(o.districtCode)!;
  const p = oldProvinceByCode.get(o.provinceCode)!;
  const withDistrict = needsDistrict(o) || chance(0.85);
  // Without a province, the district must single the commune out nationally.
  const withProvince = !withDistrict || chance(0.85) || (oldByDistrictAndName.get(`${d.foldedName}|${o.foldedName}`) ?? []).length > 1;
  const parts = [communeText(o.type, o.name, withDistrict)];
  // Without a province, a bare district name could be read as a province ("…, Quảng Ngãi"): keep its word.
  if (withDistrict) parts.push(districtText(d.type, d.name, withProvince));
  if (withProvince || !withDistrict) parts.push(provinceText(p.type, p.name));
  if (chance(0.4)) parts.unshift(noise());
  return { parts };
}

// Two communes of one district whose names differ only in diacritics ("Đông Thành", "Đồng Thành")
// cannot be told apart in text without diacritics: such samples would have no single right answer.
const distinctInDistrict = (o: OldCommuneRecord): boolean => (oldByDistrictName.get(`${o.districtCode}|${o.foldedName}`) ?? []).length === 1;
const unsplit = records.oldCommunes.filter((o) => (targetsOf.get(o.code) ?? []).length === 1 && distinctInDistrict(o));
const split = records.oldCommunes.filter((o) => (targetsOf.get(o.code) ?? []).length > 1 && distinctInDistrict(o));

for (let made = 0; made < 330; made++) {
  const o = pick(unsplit);
  const { parts } = oldAddress(o);
  const noDiacritics = chance(0.35);
  const target = targetsOf.get(o.code)![0]!;
  add({ input: assemble(parts, noDiacritics), kind: 'old', no_diacritics: noDiacritics, expect: { commune: target, candidates: [target] } });
}

for (let made = 0; made < 120; made++) {
  const o = pick(split);
  const d = oldDistrictByCode.get(o.districtCode)!;
  const p = oldProvinceByCode.get(o.provinceCode)!;
  const withProvince = chance(0.85);
  const parts = [communeText(o.type, o.name, false), districtText(d.type, d.name, withProvince)];
  if (withProvince) parts.push(provinceText(p.type, p.name));
  if (chance(0.3)) parts.unshift(noise());
  const noDiacritics = chance(0.35);
  add({ input: assemble(parts, noDiacritics), kind: 'split', no_diacritics: noDiacritics, expect: { commune: null, candidates: targetsOf.get(o.code)! } });
}

// ---- a name shared by several provinces, no province given -----------------------------------------

const shared = [...currentByName.values()].filter((list) => {
  const provinces = new Set(list.map((c) => c.provinceCode));
  return list.length >= 2 && list.length <= 8 && provinces.size >= 2;
});
for (let made = 0; made < 100; ) {
  const list = pick(shared);
  const c = pick(list);
  const noDiacritics = chance(0.35);
  // With diacritics, only the identically spelled ones are the same name.
  const same = noDiacritics ? list : list.filter((x) => x.name.normalize('NFC') === c.name.normalize('NFC'));
  if (new Set(same.map((x) => x.provinceCode)).size < 2) continue;
  const typed = chance(0.5) && (c.type === 'xa' || c.type === 'phuong');
  const text = typed ? join(pick(COMMUNE_WORD[c.type]!), c.name) : c.name;
  // A unit word narrows the set to that type; keep the sample only if it stays ambiguous.
  const expected = typed ? same.filter((x) => x.type === c.type) : same;
  if (new Set(expected.map((x) => x.provinceCode)).size < 2) continue;
  const input = noDiacritics ? stripDiacritics(text) : text;
  add({ input, kind: 'ambiguous', no_diacritics: noDiacritics, expect: { commune: null, candidates: expected.map((x) => x.code) } });
  made++;
}

// ---- a current commune written with the old province it came from ---------------------------------

for (let made = 0; made < 50; ) {
  const c = pick(records.communes);
  const oldProvinces = [...(fedBy.get(c.code) ?? [])].map((code) => oldProvinceByCode.get(code)!).filter(Boolean);
  const p = oldProvinces.length > 0 ? pick(oldProvinces) : null;
  if (!p || !uniqueInProvince(c)) continue;
  // Only when the old province's name is gone and no old commune there had this name.
  if (currentProvinceByFolded.has(p.foldedName)) continue;
  if ((oldByProvinceName.get(`${p.code}|${c.foldedName}`) ?? []).length > 0) continue;
  if (!communeByCode.has(c.code)) continue;
  const noDiacritics = chance(0.35);
  const parts = [communeText(c.type, c.name, false), provinceText(p.type, p.name)];
  if (chance(0.3)) parts.unshift(noise());
  add({ input: assemble(parts, noDiacritics), kind: 'mixed', no_diacritics: noDiacritics, expect: { commune: c.code, candidates: [c.code] } });
  made++;
}

writeFileSync(out, samples.map((s) => JSON.stringify(s)).join('\n') + '\n');
const counts = samples.reduce<Record<string, number>>((acc, s) => ({ ...acc, [s.kind]: (acc[s.kind] ?? 0) + 1 }), {});
process.stderr.write(`address dev set: ${samples.length} lines → ${out} ${JSON.stringify(counts)} (seed ${seed})\n`);
