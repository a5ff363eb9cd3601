// Address resolution straight from the database, for Workers: the whole map index takes ~0.7 s of CPU
// to build, far over a free-plan request, so each lookup loads only the units its words can name
// (the map_names rows for its word runs, then those units and their target communes) into a partial
// MapIndex and runs the same resolveCommune on it, with the wards of the provinces and districts the
// text names for fuzzy matching. The tables are filled at import (resolverRows).
import type { InStatement } from '@libsql/client';
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/db';
import { prepared } from '../db/prepared';
import { meta } from '../db/schema/core';
import { mapNames, mapResolverUnits } from '../db/schema/routing';
import { tokenizeAddress } from './address-text';
import { fuzzyPools } from './fuzzy';
import { emptyMapIndex, type FuzzyPools, type PoolUnit, type CommuneInfo, type MapIndex, type NameEntry, type OldCommuneInfo, type OldDistrictInfo, type OldProvinceInfo, type ProvinceInfo, type UnitKind } from './map-index';
import { MAX_TOKENS, resolveCommune, type ResolveResult } from './resolve';
import type { CommuneRef } from './types';

/** meta key holding the longest name in words: the longest word run worth looking up. */
export const MAP_NAME_MAX_TOKENS_KEY = 'map_name_max_tokens';
// SQLite caps bound parameters per statement; stay well below.
const CHUNK = 400;

type UnitInfo = CommuneInfo | OldCommuneInfo | OldDistrictInfo | ProvinceInfo | OldProvinceInfo;
type NameRow = typeof mapNames.$inferInsert;
type UnitRow = typeof mapResolverUnits.$inferInsert;

const unitId = (kind: UnitKind, code: string): string => `${kind}:${code}`;

/** The rows that let a lookup rebuild exactly the part of `index` it needs (written at import). */
export function resolverRows(index: MapIndex): { names: NameRow[]; units: UnitRow[]; maxNameTokens: number } {
  const names: NameRow[] = [];
  for (const [key, entries] of index.names) {
    entries.forEach((e, ord) => names.push({ key, ord, kind: e.kind, code: e.code, sig: e.sig, numeric: e.numeric, partial: e.partial }));
  }
  const asJson = (info: UnitInfo): string => JSON.stringify(info, (_k, v: unknown) => (v instanceof Set ? [...(v as Set<unknown>)] : v));
  const units: UnitRow[] = [];
  const add = (kind: UnitKind, map: Map<string, UnitInfo>) => {
    for (const [code, info] of map) units.push({ unit: unitId(kind, code), info: asJson(info) });
  };
  add('commune', index.communes);
  add('oldCommune', index.oldCommunes);
  add('oldDistrict', index.oldDistricts);
  add('province', index.provinces);
  add('oldProvince', index.oldProvinces);
  const pools = fuzzyPools(index);
  for (const [code, members] of pools.byProvince) units.push({ unit: `${POOL_PROVINCE}${code}`, info: poolJson(members, [], index) });
  for (const [code, members] of pools.byDistrict) units.push({ unit: `${POOL_DISTRICT}${code}`, info: poolJson(members, index.oldDistricts.get(code)?.targets ?? [], index) });
  return { names, units, maxNameTokens: index.maxNameTokens };
}

// Fuzzy matching's wards of one current province or one old district, one row each, read with the
// names in the same statement when the text names that province or district.
const POOL_PROVINCE = 'pool:p:';
const POOL_DISTRICT = 'pool:d:';

/*
 * A pool row, compact (the largest province holds ~700 wards, read whenever its name is written):
 *   c  current communes, "code key|key;…"            (fuzzy matching takes the current ones first,
 *   o  old communes, "code key|key target,target;…"   then the old ones, as in the whole map)
 *   r  the current communes they name, "code|province code|name;…", with p the provinces' names.
 * Folded keys are letters and digits; codes digits; names hold neither "|" nor ";".
 */
interface PoolJson {
  c: string;
  o: string;
  r: string;
  p: Record<string, string>;
}

function poolJson(members: PoolUnit[], extraTargets: string[], index: MapIndex): string {
  const current: string[] = [];
  const old: string[] = [];
  const named = new Set<string>();
  for (const m of members) {
    if (m.kind === 'commune') {
      // Read back as all current communes, then all old ones: the order they are searched in.
      if (old.length > 0) throw new Error('fuzzy pool: a current commune after an old one');
      current.push(`${m.code} ${m.keys.join('|')}`);
    } else old.push(`${m.code} ${m.keys.join('|')} ${m.targets.join(',')}`);
    for (const t of m.targets) named.add(t);
  }
  for (const t of extraTargets) named.add(t);
  const refs: string[] = [];
  const provinces: Record<string, string> = {};
  for (const code of named) {
    const ref = index.communes.get(code)?.ref;
    if (!ref) continue;
    refs.push(`${code}|${ref.province_code}|${ref.name}`);
    provinces[ref.province_code] = ref.province_name;
  }
  const out: PoolJson = { c: current.join(';'), o: old.join(';'), r: refs.join(';'), p: provinces };
  return JSON.stringify(out);
}

const items = (list: string): string[] => (list === '' ? [] : list.split(';'));

/** Reads one pool row into `pools` (its wards under its scope, its communes' references). */
function addPool(pools: FuzzyPools, unit: string, json: string): void {
  const raw = JSON.parse(json) as PoolJson;
  const members: PoolUnit[] = [];
  for (const item of items(raw.c)) {
    const [code = '', keys = ''] = item.split(' ');
    members.push({ kind: 'commune', code, keys: keys.split('|'), targets: [code] });
  }
  for (const item of items(raw.o)) {
    const [code = '', keys = '', targets = ''] = item.split(' ');
    members.push({ kind: 'oldCommune', code, keys: keys.split('|'), targets: targets.split(',') });
  }
  if (unit.startsWith(POOL_PROVINCE)) pools.byProvince.set(unit.slice(POOL_PROVINCE.length), members);
  else pools.byDistrict.set(unit.slice(POOL_DISTRICT.length), members);
  for (const item of items(raw.r)) {
    const [code = '', province = '', name = ''] = item.split('|');
    pools.refs.set(code, { code, name, province_code: province, province_name: raw.p[province] ?? '' });
  }
}

/** Reads one unit's JSON back, with its sets as sets. */
function parseUnit(kind: UnitKind, json: string): UnitInfo {
  const raw = JSON.parse(json) as Record<string, unknown>;
  const set = (v: unknown) => new Set((v as string[] | undefined) ?? []);
  if (kind === 'commune') return { ...(raw as unknown as CommuneInfo), fedByDistricts: set(raw.fedByDistricts), fedByOldProvinces: set(raw.fedByOldProvinces) };
  if (kind === 'oldCommune' || kind === 'oldDistrict') return { ...(raw as unknown as OldCommuneInfo), targetProvinces: set(raw.targetProvinces) };
  return raw as unknown as ProvinceInfo;
}

/** Every run of up to `max` words inside one comma-separated part: the keys a lookup may ask for. */
export function wordRuns(text: string, max: number): string[] {
  const tokens = tokenizeAddress(text).slice(0, MAX_TOKENS);
  const keys = new Set<string>();
  for (let start = 0; start < tokens.length; start++) {
    let key = '';
    for (let end = start; end < Math.min(tokens.length, start + max); end++) {
      const token = tokens[end]!;
      if (token.segment !== tokens[start]!.segment) break;
      key = key ? `${key} ${token.fold}` : token.fold;
      keys.add(key);
    }
  }
  return [...keys];
}

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** What one lookup cost: rows read from the database, statements run, and characters of unit and pool JSON read. */
export interface LookupCost {
  rows: number;
  queries: number;
  chars: number;
}

export interface DbResolverOptions {
  /** Called after each lookup with what it read (bench, logs). */
  onLookup?: (cost: LookupCost) => void;
}

/** Units by kind and code, as the partial index needs them. */
async function loadUnits(db: Db, ids: string[], cost: LookupCost): Promise<Map<string, UnitInfo>> {
  const out = new Map<string, UnitInfo>();
  for (const chunk of chunks(ids)) {
    const rows = await db.select().from(mapResolverUnits).where(inArray(mapResolverUnits.unit, chunk));
    cost.queries++;
    cost.rows += rows.length;
    for (const r of rows) {
      const kind = r.unit.slice(0, r.unit.indexOf(':')) as UnitKind;
      out.set(r.unit, parseUnit(kind, r.info));
    }
  }
  return out;
}

/**
 * Everything one lookup reads, in one statement (one round trip to a remote database): the map_names
 * rows of the text's word runs (?1, a JSON array), the units they name, the current communes those
 * old units now belong to, the fuzzy pools (wards) of the provinces and old districts among them, and
 * the longest name's length (?2, meta), and for each name found, the words that continue it into
 * longer names ("lang" → "ha thuong", so that "P. Láng Hạa" is not taken for Phường Láng). Rows: part 0
 * a name, 1 a unit, 2 the meta value, 3 a pool, 4 a name's next words.
 */
const LOOKUP = `
  with n as (select key, ord, kind, code, sig, numeric, partial from map_names where key in (select value from json_each(?1))),
  u as (select unit, info from map_resolver_units where unit in (select kind || ':' || code from n)),
  t as (
    select unit, info from map_resolver_units
    where unit in (select 'commune:' || j.value from u, json_each(u.info, '$.targets') as j) and unit not in (select unit from u)),
  p as (
    select unit, info from map_resolver_units
    where unit in (
      select '${POOL_PROVINCE}' || code from n where kind = 'province'
      union select '${POOL_PROVINCE}' || json_extract(info, '$.newProvinceCode') from u where unit like 'oldProvince:%'
      union select '${POOL_DISTRICT}' || code from n where kind = 'oldDistrict')),
  x as (
    select h.key as head, substr(m.key, length(h.key) + 2) as rest
    from (select distinct key from n) as h join map_names as m on m.key > h.key || ' ' and m.key < h.key || ' ~')
  select 0 as part, key, ord, kind, code, sig, numeric, partial, null as info from n
  union all select 1, unit, null, null, null, null, null, null, info from u
  union all select 1, unit, null, null, null, null, null, null, info from t
  union all select 2, value, null, null, null, null, null, null, null from meta where key = ?2
  union all select 3, unit, null, null, null, null, null, null, info from p
  union all select 4, head, null, null, null, null, null, null, group_concat(distinct case instr(rest, ' ') when 0 then rest else substr(rest, 1, instr(rest, ' ') - 1) end)
    from x group by head`;

const LOOKUP_STMT = prepared<[part: number, key: string, ord: number | null, kind: string | null, code: string | null, sig: string | null, numeric: number | null, partial: number | null, info: string | null]>(LOOKUP);

export interface DbAddressResolver {
  /** Resolves `text`, reading through `via` when given (an update's own Db, with its reads sent ahead), else the resolver's Db. */
  (text: string, via?: Db): Promise<ResolveResult>;
  /** The one statement a lookup of `text` reads (for sending it ahead, core/prefetch.ts); [] when it reads nothing. */
  reads(text: string): InStatement[];
}

/**
 * `resolveCommune` over the database: the same answers as the in-memory index, reading only the
 * units the text can name (a few dozen to a few hundred rows) instead of the whole map, in one
 * statement. Until the longest name's length is known (the first lookup reads it), every word run
 * the resolver would consider is asked for: a run longer than the longest name matches nothing, so
 * the answer is the same.
 */
export function createDbAddressResolver(db: Db, opts: DbResolverOptions = {}): DbAddressResolver {
  let longest: number | undefined;
  const lookupArgs = (text: string) => [JSON.stringify(wordRuns(text, longest ?? MAX_TOKENS)), MAP_NAME_MAX_TOKENS_KEY];
  const blank = (text: unknown) => typeof text !== 'string' || text.trim() === '';
  const resolveAddress = async (text: string, via?: Db): Promise<ResolveResult> => {
    const cost: LookupCost = { rows: 0, queries: 0, chars: 0 };
    try {
      if (blank(text)) return { commune: null, candidates: [], via: 'none' };
      const rows = await LOOKUP_STMT.rows(via ?? db, lookupArgs(text));
      cost.queries++;
      cost.rows += rows.length;
      const index: MapIndex = emptyMapIndex();
      const names: Array<[key: string, ord: number, entry: NameEntry]> = [];
      let maxTokens: number | undefined;
      const pools: FuzzyPools = { byProvince: new Map(), byDistrict: new Map(), refs: new Map() };
      const nextWords = new Map<string, Set<string>>();
      for (const [part, key, ord, kind, code, sig, numeric, partial, info] of rows) {
        cost.chars += info?.length ?? 0;
        if (part === 0) {
          names.push([key, Number(ord), { kind: kind as UnitKind, code: code!, sig: sig!, numeric: Boolean(numeric), partial: Boolean(partial) }]);
        } else if (part === 1) {
          const k = key.slice(0, key.indexOf(':')) as UnitKind;
          const c = key.slice(key.indexOf(':') + 1);
          const unit = parseUnit(k, info!);
          if (k === 'commune') index.communes.set(c, unit as CommuneInfo);
          else if (k === 'oldCommune') index.oldCommunes.set(c, unit as OldCommuneInfo);
          else if (k === 'oldDistrict') index.oldDistricts.set(c, unit as OldDistrictInfo);
          else if (k === 'province') index.provinces.set(c, unit as ProvinceInfo);
          else index.oldProvinces.set(c, unit as OldProvinceInfo);
        } else if (part === 2) {
          maxTokens = Number(key);
        } else if (part === 3) {
          addPool(pools, key, info!);
        } else {
          nextWords.set(key, new Set(info!.split(',')));
        }
      }
      index.fuzzyPools = pools;
      index.nextWords = nextWords;
      if (!Number.isInteger(maxTokens) || maxTokens! < 1) throw new Error('map_names is empty: import the commune map first (npm run baove -- locate --jsonl < /dev/null)');
      longest = maxTokens;
      names.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
      for (const [key, , entry] of names) {
        const list = index.names.get(key) ?? [];
        list.push(entry);
        index.names.set(key, list);
        index.maxNameTokens = Math.max(index.maxNameTokens, key.split(' ').length);
      }
      return resolveCommune(text, index);
    } finally {
      opts.onLookup?.(cost);
    }
  };
  return Object.assign(resolveAddress, { reads: (text: string): InStatement[] => (blank(text) ? [] : [LOOKUP_STMT.statement(lookupArgs(text))]) });
}

/** Current communes by code, one row each (the `commune` service and GPS answers on Workers). */
export async function communeRefs(db: Db, codes: string[]): Promise<Map<string, CommuneRef>> {
  const ids = [...new Set(codes)].map((c) => unitId('commune', c));
  const units = await loadUnits(db, ids, { rows: 0, queries: 0, chars: 0 });
  const out = new Map<string, CommuneRef>();
  for (const [id, info] of units) out.set(id.slice('commune:'.length), (info as CommuneInfo).ref);
  return out;
}
