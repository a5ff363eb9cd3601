// Fuzzy ward matching: a ward name written one or two letters off ("Tân Lợii", "Đằng Gian",
// "Hoa Phongg"), compared by edit distance on folded names (no diacritics, no spaces) against the
// wards of the district or province written next to it, never the whole country. A match is sure only
// when it is close enough for its length and clearly closer than the runner-up; otherwise the close
// ones are candidates for the reporter to pick from.
import type { FuzzyPools, MapIndex, PoolUnit } from './map-index';
import type { CommuneRef } from './types';

/** Edits allowed for a folded name of this many letters: none below 5, one up to 8, then two. */
export function allowedEdits(length: number): number {
  if (length < 5) return 0;
  if (length <= 8) return 1;
  return 2;
}

/** How much closer the best must be than the runner-up for a sure answer. */
export const FUZZY_MARGIN = 2;
const MAX_FUZZY_CANDIDATES = 8;

/**
 * Edit distance, plus one when the first letters differ: people mistype inside a word far more often
 * than its first letter, so "Linh Trungg" is nearer "Linh Trung" than "Bình Trưng".
 */
export function cost(written: string, name: string, max = Number.POSITIVE_INFINITY): number {
  const firstLetter = written[0] === name[0] ? 0 : 1;
  return distance(written, name, max - firstLetter) + firstLetter;
}

// Built once per index, on the first fuzzy lookup (a few milliseconds for the whole map).
const poolsCache = new WeakMap<MapIndex, FuzzyPools>();

/** The wards of every province and old district of a whole map (a partial one brings its own). */
export function fuzzyPools(index: MapIndex): FuzzyPools {
  if (index.fuzzyPools) return index.fuzzyPools;
  const cached = poolsCache.get(index);
  if (cached) return cached;
  const keysOf = new Map<string, string[]>();
  for (const [key, entries] of index.names) {
    if (/^[\d ]+$/u.test(key)) continue; // "Phường 12" is never matched fuzzily
    for (const e of entries) {
      if ((e.kind !== 'commune' && e.kind !== 'oldCommune') || e.partial) continue;
      const id = `${e.kind}:${e.code}`;
      const compact = key.replace(/ /gu, '');
      const list = keysOf.get(id) ?? [];
      if (!list.includes(compact)) list.push(compact);
      keysOf.set(id, list);
    }
  }
  const byProvince = new Map<string, PoolUnit[]>();
  const byDistrict = new Map<string, PoolUnit[]>();
  const push = (map: Map<string, PoolUnit[]>, key: string, unit: PoolUnit) => {
    const list = map.get(key) ?? [];
    list.push(unit);
    map.set(key, list);
  };
  for (const [code, c] of index.communes) {
    const keys = keysOf.get(`commune:${code}`);
    if (!keys) continue;
    const unit: PoolUnit = { kind: 'commune', code, keys, targets: [code] };
    push(byProvince, c.ref.province_code, unit);
    for (const d of c.fedByDistricts) push(byDistrict, d, unit);
  }
  for (const [code, o] of index.oldCommunes) {
    const keys = keysOf.get(`oldCommune:${code}`);
    if (!keys || o.targets.length === 0) continue;
    const unit: PoolUnit = { kind: 'oldCommune', code, keys, targets: o.targets };
    for (const p of o.targetProvinces) push(byProvince, p, unit);
    if (o.districtCode) push(byDistrict, o.districtCode, unit);
  }
  const refs = new Map<string, CommuneRef>();
  for (const [code, c] of index.communes) refs.set(code, c.ref);
  const built = { byProvince, byDistrict, refs };
  poolsCache.set(index, built);
  return built;
}

export interface FuzzyMatch {
  /** The one current commune the text names, when the match is sure. */
  sure: string | null;
  /** Close matches, closest first (current commune codes). */
  candidates: string[];
  via: 'current' | 'old';
}

/**
 * The wards within `districts` (old district codes) or else `provinces` (current province codes)
 * whose name is within the allowed edits of `written` (folded words).
 */
export function fuzzyWard(written: string[], scope: { districts: string[]; provinces: string[] }, index: MapIndex): FuzzyMatch | null {
  const query = written.join('');
  const allowed = allowedEdits(query.length);
  if (allowed === 0) return null;
  const { byProvince, byDistrict } = fuzzyPools(index);
  const units: PoolUnit[] = [];
  if (scope.districts.length > 0) for (const d of scope.districts) units.push(...(byDistrict.get(d) ?? []));
  else for (const p of scope.provinces) units.push(...(byProvince.get(p) ?? []));
  if (units.length === 0) return null;

  // Best distance per distinct answer (a current commune, or the set of communes an old one became).
  const groups = new Map<string, { d: number; targets: string[]; via: 'current' | 'old' }>();
  for (const unit of units) {
    let best = Number.POSITIVE_INFINITY;
    for (const key of unit.keys) {
      if (Math.abs(key.length - query.length) > allowed + 1) continue;
      best = Math.min(best, cost(query, key, allowed + 1));
    }
    if (best > allowed + 1) continue;
    const targets = unit.targets;
    if (targets.length === 0) continue;
    const id = targets.join(',');
    const via = unit.kind === 'commune' ? 'current' : 'old';
    const known = groups.get(id);
    if (!known || best < known.d) groups.set(id, { d: best, targets, via });
  }
  const ranked = [...groups.values()].sort((a, b) => a.d - b.d);
  const first = ranked[0];
  if (!first || first.d > allowed) return null;
  const runnerUp = ranked[1]?.d ?? Number.POSITIVE_INFINITY;
  const sure = first.targets.length === 1 && runnerUp - first.d >= FUZZY_MARGIN ? (first.targets[0] ?? null) : null;
  const candidates: string[] = [];
  for (const g of ranked) {
    if (g.d > allowed) break;
    for (const t of g.targets) if (!candidates.includes(t)) candidates.push(t);
    if (candidates.length >= MAX_FUZZY_CANDIDATES) break;
  }
  return { sure, candidates: candidates.slice(0, MAX_FUZZY_CANDIDATES), via: first.via };
}

// Edit distance with adjacent transpositions (optimal string alignment): "Lcộ" for "Lộc", "Gai" for
// "Gia" are one slip, not two. On UTF-16 code units (folded names are plain ASCII). A library would do,
// but every worktree and deploy would then need a new package for these 20 lines.
// Three reusable rows (no allocation per call: fuzzy matching runs hundreds of comparisons a lookup).
const rowStore: number[][] = [[], [], []];
/** The distance, or any number above `max` as soon as it must exceed `max` (the search needs no more). */
export function distance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before = rowStore[0]!;
  let prev = rowStore[1]!;
  let next = rowStore[2]!;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  let lastRowMin = 0;
  for (let i = 1; i <= a.length; i++) {
    next[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cb = b.charCodeAt(j - 1);
      let d = Math.min(prev[j]! + 1, next[j - 1]! + 1, prev[j - 1]! + (ca === cb ? 0 : 1));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) d = Math.min(d, before[j - 2]! + 1);
      next[j] = d;
      if (d < rowMin) rowMin = d;
    }
    const spare = before;
    before = prev;
    prev = next;
    next = spare;
    // A transposition reaches back two rows, so stop only when two rows in a row are over the bound.
    if (rowMin > max && lastRowMin > max) return max + 1;
    lastRowMin = rowMin;
  }
  return prev[b.length]!;
}
