// resolveCommune: a free-text Vietnamese address (new or pre-2025, with or without diacritics,
// abbreviated, with house numbers and hamlets) → the one current commune it names, or candidates.
//
// How: every span of the text that spells a known unit name is a "mention". Each reading picks a
// commune-level mention (current or old commune) or an old district, plus at most one district and
// one province mention that agree with it geographically, and gets a score from the evidence (unit
// words such as "xã"/"huyện" that fit, diacritics that agree, names not inside a street/hamlet part).
// The best-scoring readings are kept; a commune is returned only when they all lead to one commune
// and nothing written contradicts it. Otherwise their communes are the candidates.
import { type AddressToken, tokenizeAddress } from './address-text';
import { COMMUNE_TYPES, DISTRICT_TYPES, PROVINCE_TYPES, type UnitType } from './address-words';
import type { MapIndex, NameEntry } from './map-index';
import type { CommuneRef, LocateResult } from './types';

export type ResolveResult = LocateResult & { via: 'current' | 'old' | 'none' };

const MAX_CANDIDATES = 8;
/** Words of an address read at most (the rest is ignored). */
export const MAX_TOKENS = 80;
const TRAILING_COUNTRY = new Set(['viet nam', 'vietnam', 'vn']);

// Evidence weights. A reading with a commune always beats one with only a district; a unit word that
// fits, diacritics that agree and an agreeing district/province each add; noise and mismatches subtract.
const W = {
  commune: 10,
  district: 5,
  province: 5,
  perToken: 1,
  typeExact: 3,
  typeNear: 1,
  diacriticsAgree: 1,
  diacriticsDisagree: -3,
  noisy: -6,
  partialName: -2,
  shadowed: -2,
  outOfOrder: -2,
  provinceAsDistrict: -2,
  currentName: 1,
} as const;

type Role = 'commune' | 'district' | 'province';

interface Mention {
  start: number;
  end: number;
  entries: NameEntry[];
  unitType: UnitType | null; // the unit word written right before it
  noisy: boolean; // inside a house/street/hamlet part
  marked: boolean;
  sig: string;
  strong: boolean; // a province/district the writer clearly meant (unit word, or last in the text)
  oldOnlyProvince: boolean; // a province name that exists only in the pre-2025 map
  shadowed: boolean; // part of a longer name written here ("Đồng Tiến" of "Đông Tiền Hải")
  provinceName: boolean; // could be read as a province
}

interface Reading {
  score: number;
  targets: string[];
  via: 'current' | 'old';
  contradicted: boolean;
}

interface Analysis {
  tokens: AddressToken[];
  mentions: Mention[];
}

export function analyse(text: string, index: MapIndex): Analysis {
  let tokens = tokenizeAddress(text).slice(0, MAX_TOKENS);
  // "…, Việt Nam" at the end says nothing about the commune.
  while (tokens.length > 0) {
    const last = tokens[tokens.length - 1]!;
    const lastTwo = tokens.slice(-2).map((t) => t.fold).join(' ');
    if (TRAILING_COUNTRY.has(lastTwo) && tokens.length >= 2) tokens = tokens.slice(0, -2);
    else if (TRAILING_COUNTRY.has(last.fold)) tokens = tokens.slice(0, -1);
    else break;
  }
  const n = tokens.length;
  const { unitTypes, englishUnitTypes, noiseMarkers } = index.words;
  // A writer who uses diacritics anywhere means an unmarked syllable as written ("con" is not "Côn",
  // "Sập Xa" has no "xã" in it).
  const writesDiacritics = tokens.some((t) => t.marked);

  // Every span that spells a known name (flags filled in below).
  const spans: { start: number; end: number; entries: NameEntry[]; sig: string; marked: boolean }[] = [];
  const coveredFromLeft = new Array<boolean>(n).fill(false); // inside a name that starts earlier
  for (let start = 0; start < n; start++) {
    const first = tokens[start]!;
    let key = '';
    let sig = '';
    let marked = false;
    for (let end = start + 1; end <= Math.min(n, start + index.maxNameTokens); end++) {
      const token = tokens[end - 1]!;
      if (token.segment !== first.segment) break;
      key = key ? `${key} ${token.fold}` : token.fold;
      sig = sig ? `${sig} ${token.sig}` : token.sig;
      marked ||= token.marked;
      const entries = index.names.get(key);
      if (!entries) continue;
      spans.push({ start, end, entries, sig, marked });
      for (let j = start + 1; j < end; j++) coveredFromLeft[j] = true;
    }
  }

  // Unit words and noise markers, left to right; a unit word wins over a marker at the same place.
  const unitTypeEndingAt = new Map<number, UnitType>();
  const unitWordStarts = new Set<number>();
  const englishTypeStartingAt = new Map<number, UnitType>(); // "Ba Dinh Ward": the word after the name
  const noiseStarts: number[] = [];
  for (let i = 0; i < n; ) {
    const exact = unitTypes.matchAt(tokens, i, writesDiacritics);
    const english = exact ? null : englishUnitTypes.matchAt(tokens, i);
    if (english) englishTypeStartingAt.set(i, english.value);
    // A misspelt unit word counts unless the word is part of a name written here ("Sập Xa").
    const unit = exact ?? english ?? (coveredFromLeft[i] ? null : unitTypes.matchTypo(tokens, i));
    if (unit) {
      unitWordStarts.add(i);
      unitTypeEndingAt.set(i + unit.length, unit.value);
      i += unit.length;
      continue;
    }
    // Right after a unit word a marker word is the name itself ("Xã Bản Bo", "Huyện Buôn Đôn"), and
    // inside a name it is part of it ("Tam Đường").
    const marker = unitTypeEndingAt.has(i) || coveredFromLeft[i] ? null : noiseMarkers.matchAt(tokens, i, writesDiacritics);
    if (marker) {
      noiseStarts.push(i);
      i += marker.length;
      continue;
    }
    i++;
  }
  const noisy = new Array<boolean>(n).fill(false);
  for (const markerStart of noiseStarts) {
    const segment = tokens[markerStart]!.segment;
    const from = markerStart + (noiseMarkers.matchAt(tokens, markerStart, writesDiacritics)?.length ?? 1);
    const first = tokens[from];
    if (!first || first.segment !== segment) continue;
    if (/\d/u.test(first.fold)) {
      // "thôn 3", "số 12/4", "tổ 5": the part ends with its number.
      for (let j = from; j < n && /\d/u.test(tokens[j]!.fold) && tokens[j]!.segment === segment; j++) noisy[j] = true;
      continue;
    }
    // "đường Lê Lợi", "ấp Tân Thành": up to the next comma or unit word.
    for (let j = from; j < n && tokens[j]!.segment === segment && !unitWordStarts.has(j); j++) noisy[j] = true;
  }

  const lastIndex = n - 1;
  const mentions: Mention[] = spans.map(({ start, end, entries, sig, marked }) => {
    const unitType = unitTypeEndingAt.get(start) ?? englishTypeStartingAt.get(end) ?? null;
    const isProvince = entries.some((e) => e.kind === 'province' || e.kind === 'oldProvince');
    const isDistrict = entries.some((e) => e.kind === 'oldDistrict');
    const typedHigh = unitType !== null && (DISTRICT_TYPES.has(unitType) || unitType === 'tinh');
    // The last words of an address name its largest unit: a district written there is meant too.
    const strong = !noisy[start] && ((typedHigh && (isProvince || isDistrict)) || ((isProvince || isDistrict) && end - 1 === lastIndex));
    return {
      start,
      end,
      entries,
      unitType,
      noisy: noisy[start] ?? false,
      marked: marked || writesDiacritics,
      sig,
      strong,
      oldOnlyProvince: isProvince && !entries.some((e) => e.kind === 'province'),
      shadowed: spans.some((o) => o.start <= start && o.end >= end && o.end - o.start > end - start),
      provinceName: isProvince,
    };
  });
  return { tokens, mentions };
}

function roleOf(entry: NameEntry): Role {
  if (entry.kind === 'commune' || entry.kind === 'oldCommune') return 'commune';
  if (entry.kind === 'oldDistrict') return 'district';
  return 'province';
}

function entityType(entry: NameEntry, index: MapIndex): UnitType | undefined {
  switch (entry.kind) {
    case 'commune':
      return index.communes.get(entry.code)?.type;
    case 'oldCommune':
      return index.oldCommunes.get(entry.code)?.type;
    case 'oldDistrict':
      return index.oldDistricts.get(entry.code)?.type;
    case 'province':
      return index.provinces.get(entry.code)?.type;
    case 'oldProvince':
      return index.oldProvinces.get(entry.code)?.type;
  }
}

/** How well one spelling fits one unit in its role; null when the written unit word rules it out. */
function entryScore(m: Mention, e: NameEntry, index: MapIndex): number | null {
  const role = roleOf(e);
  const type = entityType(e, index);
  let score = role === 'commune' ? W.commune : role === 'district' ? W.district : W.province;
  score += (m.end - m.start) * W.perToken;
  if (m.unitType === null) {
    if (e.numeric) return null; // a bare number is a house number, not "Phường 12"
  } else if (role === 'commune') {
    if (!COMMUNE_TYPES.has(m.unitType)) return null;
    score += m.unitType === type ? W.typeExact : W.typeNear;
  } else if (role === 'district') {
    if (!DISTRICT_TYPES.has(m.unitType)) return null;
    score += m.unitType === type ? W.typeExact : W.typeNear;
  } else {
    if (!PROVINCE_TYPES.has(m.unitType)) return null;
    score += m.unitType === type ? W.typeExact : 0;
  }
  if (m.marked) score += m.sig === e.sig ? W.diacriticsAgree : W.diacriticsDisagree;
  if (m.noisy) score += W.noisy;
  if (e.partial) score += W.partialName;
  if (m.shadowed) score += W.shadowed;
  // A bare name that is also a province's ("…, Hà Tĩnh") is read as the province first.
  if (role === 'district' && m.unitType === null && m.provinceName) score += W.provinceAsDistrict;
  return score;
}

type Target = { kind: 'commune' | 'oldCommune' | 'oldDistrict'; code: string };

/** Bonus when a province mention agrees with the target; null when it does not. */
function provinceFit(e: NameEntry, m: Mention, t: Target, index: MapIndex): number | null {
  if (t.kind === 'commune') {
    const c = index.communes.get(t.code);
    if (!c) return null;
    if (e.kind === 'province') return e.code === c.ref.province_code ? 1 : null;
    if (c.fedByOldProvinces.has(e.code)) return 0;
    // A current commune written with the old province of its new province: plausible, not exact.
    return index.oldProvinces.get(e.code)?.newProvinceCode === c.ref.province_code ? -1 : null;
  }
  const old = t.kind === 'oldCommune' ? index.oldCommunes.get(t.code) : index.oldDistricts.get(t.code);
  if (!old) return null;
  if (e.kind === 'oldProvince') return e.code === old.provinceCode ? 1 + (m.oldOnlyProvince ? 1 : 0) : null;
  return old.targetProvinces.has(e.code) ? 0 : null;
}

/** Bonus when a district mention agrees with the target; null when it does not. */
function districtFit(e: NameEntry, t: Target, index: MapIndex): number | null {
  if (t.kind === 'commune') return index.communes.get(t.code)?.fedByDistricts.has(e.code) ? 0 : null;
  if (t.kind === 'oldCommune') return index.oldCommunes.get(t.code)?.districtCode === e.code ? 3 : null;
  return null;
}

function overlaps(a: Mention, b: Mention): boolean {
  return a.start < b.end && b.start < a.end;
}

/** A spelling that can play a supporting role, with its score computed once per lookup. */
interface Support {
  mention: Mention;
  entry: NameEntry;
  base: number;
}

/** The best agreeing mention in a role, not overlapping those already used. */
function bestSupport(
  role: 'district' | 'province',
  target: Target,
  used: Mention[],
  supports: Support[],
  index: MapIndex,
): { score: number; mention: Mention } | null {
  let best: { score: number; mention: Mention } | null = null;
  const anchor = used[0];
  for (const { mention: m, entry: e, base } of supports) {
    if (used.some((u) => overlaps(u, m))) continue;
    const fit = role === 'district' ? districtFit(e, target, index) : provinceFit(e, m, target, index);
    if (fit === null) continue;
    // Vietnamese addresses run from small to large: a district or province before the commune is odd.
    const score = base + fit + (anchor && m.end <= anchor.start ? W.outOfOrder : 0);
    if (score > 0 && (!best || score > best.score)) best = { score, mention: m };
  }
  return best;
}

/** A clearly written province or district that the reading leaves out and that disagrees with it. */
function isContradicted(target: Target, used: Mention[], mentions: Mention[], index: MapIndex): boolean {
  for (const m of mentions) {
    if (!m.strong || used.some((u) => u.start <= m.start && m.end <= u.end)) continue;
    const agrees = m.entries.some((e) => {
      const role = roleOf(e);
      if (role === 'province') return provinceFit(e, m, target, index) !== null;
      if (role === 'district') return districtFit(e, target, index) !== null || (target.kind === 'oldDistrict' && e.code === target.code);
      return false;
    });
    if (!agrees) return true;
  }
  return false;
}

export function readings(analysis: Analysis, index: MapIndex): Reading[] {
  const { mentions } = analysis;
  const out: Reading[] = [];
  const supports: Record<'district' | 'province', Support[]> = { district: [], province: [] };
  for (const m of mentions) {
    for (const e of m.entries) {
      const role = roleOf(e);
      if (role === 'commune') continue;
      const base = entryScore(m, e, index);
      if (base !== null) supports[role].push({ mention: m, entry: e, base });
    }
  }
  for (const m of mentions) {
    for (const e of m.entries) {
      const role = roleOf(e);
      if (role === 'province') continue;
      const base = entryScore(m, e, index);
      if (base === null) continue;
      const target: Target = { kind: e.kind as Target['kind'], code: e.code };
      // The district and province that support this reading best, together (one mention plays one role).
      let score = base + (e.kind === 'commune' ? W.currentName : 0);
      let used = [m];
      let bestExtra = 0;
      const orders: ('district' | 'province')[][] = role === 'commune' ? [['district', 'province'], ['province', 'district']] : [['province']];
      for (const order of orders) {
        let extra = 0;
        const taken = [m];
        for (const r of order) {
          const support = bestSupport(r, target, taken, supports[r], index);
          if (!support) continue;
          extra += support.score;
          taken.push(support.mention);
        }
        if (extra > bestExtra) {
          bestExtra = extra;
          used = taken;
        }
      }
      score += bestExtra;
      // One bare syllable amid other words, with nothing to back it up, is an ordinary word, not a place.
      if (m.end - m.start === 1 && m.unitType === null && used.length === 1 && analysis.tokens.length > 1) continue;
      const targets =
        e.kind === 'commune'
          ? [e.code]
          : e.kind === 'oldCommune'
            ? (index.oldCommunes.get(e.code)?.targets ?? [])
            : (index.oldDistricts.get(e.code)?.targets ?? []);
      if (targets.length === 0) continue;
      out.push({
        score,
        targets,
        via: e.kind === 'commune' ? 'current' : 'old',
        contradicted: isContradicted(target, used, mentions, index),
      });
    }
  }
  return out;
}

function refs(codes: Iterable<string>, index: MapIndex): CommuneRef[] {
  const list: CommuneRef[] = [];
  for (const code of codes) {
    const c = index.communes.get(code);
    if (c) list.push(c.ref);
    if (list.length >= MAX_CANDIDATES) break;
  }
  return list;
}

/** Adds the readings' communes to `into`, current-name readings first, keeping order. */
function collect(into: Set<string>, tier: Reading[]): void {
  const ordered = [...tier.filter((r) => r.via === 'current'), ...tier.filter((r) => r.via === 'old')];
  for (const r of ordered) for (const code of r.targets) into.add(code);
}

export function resolveCommune(text: string, index: MapIndex): ResolveResult {
  const none: ResolveResult = { commune: null, candidates: [], via: 'none' };
  if (typeof text !== 'string' || text.trim() === '') return none;
  const all = readings(analyse(text, index), index);
  if (all.length === 0) return none;

  const clean = all.filter((r) => !r.contradicted);
  const bestClean = clean.reduce((best, r) => Math.max(best, r.score), Number.NEGATIVE_INFINITY);
  const bestContradicted = all.filter((r) => r.contradicted).reduce((best, r) => Math.max(best, r.score), Number.NEGATIVE_INFINITY);

  const codes = new Set<string>();
  const tier = clean.filter((r) => r.score === bestClean);
  collect(codes, tier);
  const via = tier[0]?.via ?? all[0]?.via ?? 'none';

  // One commune, and nothing written that points elsewhere more strongly: that is the answer.
  if (codes.size === 1 && bestClean >= bestContradicted) {
    const only = refs(codes, index);
    return { commune: only[0] ?? null, candidates: only, via };
  }
  // Otherwise never guess: offer the best readings. Readings that disagree with a province or district
  // written in the text are not offered: a pick list of communes elsewhere would mislead.
  const candidates = refs(codes, index);
  return { commune: null, candidates, via: candidates.length > 0 ? via : 'none' };
}
