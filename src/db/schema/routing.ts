// Tables owned by the routing capability: the current commune map, the pre-2025 map and old→new links.
// Loaded from content/map/ by src/routing/import.ts; read into memory by loadMapIndex().
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** The 34 provinces/cities since 1 July 2025. */
export const mapProvinces = sqliteTable('map_provinces', {
  code: text('code').primaryKey(), // "01"
  name: text('name').notNull(), // "Hà Nội"
  fullName: text('full_name').notNull(), // "Thành phố Hà Nội"
  type: text('type').notNull(), // tinh | thanh_pho
  nameEn: text('name_en').notNull(),
  foldedName: text('folded_name').notNull(), // "ha noi", for diacritic-free lookups
});

/** The 3,321 current communes, wards and special zones. */
export const mapCommunes = sqliteTable(
  'map_communes',
  {
    code: text('code').primaryKey(), // "00004"
    name: text('name').notNull(), // "Ba Đình"
    fullName: text('full_name').notNull(), // "Phường Ba Đình"
    type: text('type').notNull(), // xa | phuong | dac_khu
    provinceCode: text('province_code').notNull(),
    nameEn: text('name_en').notNull(),
    foldedName: text('folded_name').notNull(),
  },
  (t) => [index('map_communes_province').on(t.provinceCode), index('map_communes_folded').on(t.foldedName)],
);

/** The 63 provinces before the 2025 reform. */
export const mapOldProvinces = sqliteTable('map_old_provinces', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  fullName: text('full_name').notNull(),
  type: text('type').notNull(), // tinh | thanh_pho
  newProvinceCode: text('new_province_code'), // the current province it became part of
  foldedName: text('folded_name').notNull(),
});

/** The 696 districts abolished in 2025 (huyện, quận, thị xã, thành phố thuộc tỉnh). */
export const mapOldDistricts = sqliteTable(
  'map_old_districts',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    fullName: text('full_name').notNull(),
    type: text('type').notNull(), // huyen | quan | thi_xa | thanh_pho
    provinceCode: text('province_code').notNull(), // old province code
    foldedName: text('folded_name').notNull(),
  },
  (t) => [index('map_old_districts_province').on(t.provinceCode)],
);

/** The 10,035 communes before the reform. */
export const mapOldCommunes = sqliteTable(
  'map_old_communes',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    fullName: text('full_name').notNull(),
    type: text('type').notNull(), // xa | phuong | thi_tran
    districtCode: text('district_code').notNull(),
    provinceCode: text('province_code').notNull(), // old province code
    foldedName: text('folded_name').notNull(),
  },
  (t) => [index('map_old_communes_district').on(t.districtCode), index('map_old_communes_folded').on(t.foldedName)],
);

/**
 * Old unit → current commune. A split old commune has one row per new commune (rank = order in
 * the source). `oldLevel` is "district" for the island districts that had no communes and became
 * special zones. Old name and province are kept because a few mapped codes are absent from the old map.
 */
export const mapOldToNew = sqliteTable(
  'map_old_to_new',
  {
    oldCode: text('old_code').notNull(),
    newCode: text('new_code').notNull(),
    oldLevel: text('old_level').notNull(), // commune | district
    oldName: text('old_name').notNull(), // full name, e.g. "Phường Phúc Xá"
    oldProvinceCode: text('old_province_code').notNull(),
    rank: integer('rank').notNull(),
  },
  (t) => [primaryKey({ columns: [t.oldLevel, t.oldCode, t.newCode] }), index('map_old_to_new_new').on(t.newCode)],
);

/**
 * Every spelling of every unit name, by folded key, in the in-memory index's order (`ord`): a Worker
 * looks up only the word runs an address contains instead of loading the whole map
 * (src/routing/db-resolve.ts). Filled with the map at import.
 */
export const mapNames = sqliteTable(
  'map_names',
  {
    key: text('key').notNull(), // folded name, e.g. "ba dinh"
    ord: integer('ord').notNull(),
    kind: text('kind').notNull(), // commune | oldCommune | oldDistrict | province | oldProvince
    code: text('code').notNull(),
    sig: text('sig').notNull(), // tone signature of this spelling
    numeric: integer('numeric', { mode: 'boolean' }).notNull(),
    partial: integer('partial', { mode: 'boolean' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.ord] })],
);

/** Each unit as the resolver sees it, links included (JSON), keyed "kind:code"; filled at import. */
export const mapResolverUnits = sqliteTable('map_resolver_units', {
  unit: text('unit').primaryKey(), // e.g. "commune:00004"
  info: text('info').notNull(),
});
