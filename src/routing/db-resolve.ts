// Address resolution straight from the database, for Workers: the whole map index takes ~0.7 s of CPU
// to build, far over a free-plan request, so each lookup loads only the units its words can name
// (the map_names rows for its word runs, then those units and their target communes) into a partial
// MapIndex and runs the same resolveCommune on it. The tables are filled at import (resolverRows).
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/db';
import { prepared } from '../db/prepared';
import { meta } from '../db/schema/core';
import { mapNames, mapResolverUnits } from '../db/schema/routing';
import { tokenizeAddress } from './address-text';
import { emptyMapIndex, type CommuneInfo, type MapIndex, type NameEntry, type OldCommuneInfo, type OldDistrictInfo, type OldProvinceInfo, type ProvinceInfo, type UnitKind } from './map-index';
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
  return { names, units, maxNameTokens: index.maxNameTokens };
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

/** What one lookup cost: rows read from the database and statements run. */
export interface LookupCost {
  rows: number;
  queries: number;
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
 * old units now belong to, and the longest name's length (?2, meta). Rows: part 0 a name, 1 a unit, 2
 * the meta value.
 */
const LOOKUP = `
  with n as (select key, ord, kind, code, sig, numeric, partial from map_names where key in (select value from json_each(?1))),
  u as (select unit, info from map_resolver_units where unit in (select kind || ':' || code from n)),
  t as (
    select unit, info from map_resolver_units
    where unit in (select 'commune:' || j.value from u, json_each(u.info, '$.targets') as j) and unit not in (select unit from u))
  select 0 as part, key, ord, kind, code, sig, numeric, partial, null as info from n
  union all select 1, unit, null, null, null, null, null, null, info from u
  union all select 1, unit, null, null, null, null, null, null, info from t
  union all select 2, value, null, null, null, null, null, null, null from meta where key = ?2`;

const LOOKUP_STMT = prepared<[part: number, key: string, ord: number | null, kind: string | null, code: string | null, sig: string | null, numeric: number | null, partial: number | null, info: string | null]>(LOOKUP);

/**
 * `resolveCommune` over the database: the same answers as the in-memory index, reading only the
 * units the text can name (a few dozen to a few hundred rows) instead of the whole map, in one
 * statement. Until the longest name's length is known (the first lookup reads it), every word run
 * the resolver would consider is asked for: a run longer than the longest name matches nothing, so
 * the answer is the same.
 */
export function createDbAddressResolver(db: Db, opts: DbResolverOptions = {}): (text: string) => Promise<ResolveResult> {
  let longest: number | undefined;
  return async function resolveAddress(text) {
    const cost: LookupCost = { rows: 0, queries: 0 };
    try {
      if (typeof text !== 'string' || text.trim() === '') return { commune: null, candidates: [], via: 'none' };
      const keys = wordRuns(text, longest ?? MAX_TOKENS);
      const rows = await LOOKUP_STMT.rows(db, [JSON.stringify(keys), MAP_NAME_MAX_TOKENS_KEY]);
      cost.queries++;
      cost.rows += rows.length;
      const index: MapIndex = emptyMapIndex();
      const names: Array<[key: string, ord: number, entry: NameEntry]> = [];
      let maxTokens: number | undefined;
      for (const [part, key, ord, kind, code, sig, numeric, partial, info] of rows) {
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
        } else {
          maxTokens = Number(key);
        }
      }
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
}

/** Current communes by code, one row each (the `commune` service and GPS answers on Workers). */
export async function communeRefs(db: Db, codes: string[]): Promise<Map<string, CommuneRef>> {
  const ids = [...new Set(codes)].map((c) => unitId('commune', c));
  const units = await loadUnits(db, ids, { rows: 0, queries: 0 });
  const out = new Map<string, CommuneRef>();
  for (const [id, info] of units) out.set(id.slice('commune:'.length), (info as CommuneInfo).ref);
  return out;
}
