// Address resolution straight from the database, for Workers: the whole map index takes ~0.7 s of CPU
// to build, far over a free-plan request, so each lookup loads only the units its words can name
// (the map_names rows for its word runs, then those units and their target communes) into a partial
// MapIndex and runs the same resolveCommune on it. The tables are filled at import (resolverRows).
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/db';
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
 * `resolveCommune` over the database: the same answers as the in-memory index, reading only the
 * units the text can name (a few dozen to a few hundred rows) instead of the whole map.
 */
export function createDbAddressResolver(db: Db, opts: DbResolverOptions = {}): (text: string) => Promise<ResolveResult> {
  let maxTokens: Promise<number> | undefined;
  const longestName = (cost: LookupCost): Promise<number> => {
    maxTokens ??= db
      .select({ value: meta.value })
      .from(meta)
      .where(eq(meta.key, MAP_NAME_MAX_TOKENS_KEY))
      .then(([row]) => {
        cost.queries++;
        cost.rows += row ? 1 : 0;
        const n = Number(row?.value);
        if (!Number.isInteger(n) || n < 1) throw new Error('map_names is empty: import the commune map first (npm run baove -- locate --jsonl < /dev/null)');
        return n;
      })
      .catch((err: unknown) => {
        maxTokens = undefined; // not imported yet: ask again next time
        throw err;
      });
    return maxTokens;
  };

  return async function resolveAddress(text) {
    const cost: LookupCost = { rows: 0, queries: 0 };
    try {
      if (typeof text !== 'string' || text.trim() === '') return { commune: null, candidates: [], via: 'none' };
      const keys = wordRuns(text, await longestName(cost));
      const index: MapIndex = emptyMapIndex();
      const wanted = new Set<string>();
      for (const chunk of chunks(keys)) {
        const rows = await db.select().from(mapNames).where(inArray(mapNames.key, chunk));
        cost.queries++;
        cost.rows += rows.length;
        rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.ord - b.ord));
        for (const r of rows) {
          const entry: NameEntry = { kind: r.kind as UnitKind, code: r.code, sig: r.sig, numeric: r.numeric, partial: r.partial };
          const list = index.names.get(r.key) ?? [];
          list.push(entry);
          index.names.set(r.key, list);
          index.maxNameTokens = Math.max(index.maxNameTokens, r.key.split(' ').length);
          wanted.add(unitId(entry.kind, entry.code));
        }
      }
      if (wanted.size === 0) return resolveCommune(text, index);

      const units = await loadUnits(db, [...wanted], cost);
      // Old units name their current communes by code: those communes are offered, so load them too.
      const targets = new Set<string>();
      for (const info of units.values()) {
        if ('targets' in info) for (const code of info.targets) if (!units.has(unitId('commune', code))) targets.add(unitId('commune', code));
      }
      if (targets.size > 0) for (const [id, info] of await loadUnits(db, [...targets], cost)) units.set(id, info);

      for (const [id, info] of units) {
        const kind = id.slice(0, id.indexOf(':')) as UnitKind;
        const code = id.slice(id.indexOf(':') + 1);
        if (kind === 'commune') index.communes.set(code, info as CommuneInfo);
        else if (kind === 'oldCommune') index.oldCommunes.set(code, info as OldCommuneInfo);
        else if (kind === 'oldDistrict') index.oldDistricts.set(code, info as OldDistrictInfo);
        else if (kind === 'province') index.provinces.set(code, info as ProvinceInfo);
        else index.oldProvinces.set(code, info as OldProvinceInfo);
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
