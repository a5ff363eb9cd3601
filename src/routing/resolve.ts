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
import { distance, fuzzyWard } from './fuzzy';
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
/** How far apart two readings are when only the diacritics tell them apart. */
const DIACRITICS_GAP = W.diacriticsAgree - W.diacriticsDisagree;
/** How much a ward name written alone must beat a reading elsewhere by. */
const NAME_ONLY_MARGIN = 2;

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
  /** The mention naming the commune (or the old district) this reading rests on. */
  anchor: Mention;
  role: 'commune' | 'district';
  /** Whether a district or province written backs this reading. */
  backed: boolean;
  /** Whether the diacritics written agree with this unit's name (null: written without any). */
  sigAgrees: boolean | null;
}

interface Analysis {
  tokens: AddressToken[];
  mentions: Mention[];
  /** Where a ward's name should start: right after each commune-level unit word ("xã", "P.", "F"). */
  wardSlots: number[];
  unitWordStarts: Set<number>;
  noiseStarts: Set<number>;
  noisy: boolean[];
  /** Tokens a unit word, a street/hamlet word, or the number or name after one accounts for. */
  accounted: boolean[];
  /** For a name, the words that continue it into longer names ("láng" → "hạ", "thượng"). */
  nextWords: Map<string, Set<string>> | null;
}

const nextWordsCache = new WeakMap<Map<string, unknown>, Map<string, Set<string>>>();
/** Every name's first words → the words that follow them in longer names (built once per index). */
function nextWordsOf(index: MapIndex): Map<string, Set<string>> {
  const cached = nextWordsCache.get(index.names);
  if (cached) return cached;
  const out = new Map<string, Set<string>>();
  for (const key of index.names.keys()) {
    const words = key.split(' ');
    for (let i = 1; i < words.length; i++) {
      const head = words.slice(0, i).join(' ');
      const set = out.get(head) ?? new Set<string>();
      set.add(words[i]!);
      out.set(head, set);
    }
  }
  nextWordsCache.set(index.names, out);
  return out;
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
  const wardSlots: number[] = [];
  const accounted = new Array<boolean>(n).fill(false);
  const account = (from: number, length: number) => {
    for (let j = from; j < from + length; j++) accounted[j] = true;
  };
  for (let i = 0; i < n; ) {
    // A unit word typed without its marks at the start of a part ("xa Bắc Mê") is still the unit word,
    // unless a name starts there ("Xa Dung").
    const partStart = i === 0 || tokens[i - 1]!.segment !== tokens[i]!.segment;
    const exact =
      unitTypes.matchAt(tokens, i, writesDiacritics) ??
      (writesDiacritics && partStart && !tokens[i]!.marked && !spans.some((sp) => sp.start === i) ? unitTypes.matchAt(tokens, i, false) : null);
    const english = exact ? null : englishUnitTypes.matchAt(tokens, i);
    if (english) englishTypeStartingAt.set(i, english.value);
    // A misspelt unit word counts unless the word is part of a name written here ("Sập Xa").
    const unit = exact ?? english ?? (coveredFromLeft[i] ? null : unitTypes.matchTypo(tokens, i));
    // A road named after a unit ("Tỉnh lộ 10", "Đường huyện 5") is a street, not "tỉnh"/"huyện".
    const road = unit && !coveredFromLeft[i] ? noiseMarkers.matchAt(tokens, i, writesDiacritics) : null;
    if (road && unit && road.length > unit.length) {
      account(i, road.length);
      noiseStarts.push(i);
      i += road.length;
      continue;
    }
    if (unit) {
      const next = tokens[i + unit.length];
      if (!english && COMMUNE_TYPES.has(unit.value) && next && next.segment === tokens[i]!.segment) wardSlots.push(i + unit.length);
      account(i, unit.length);
      unitWordStarts.add(i);
      unitTypeEndingAt.set(i + unit.length, unit.value);
      i += unit.length;
      continue;
    }
    // Right after a unit word a marker word is the name itself ("Xã Bản Bo", "Huyện Buôn Đôn"), and
    // inside a name it is part of it ("Tam Đường").
    const marker = unitTypeEndingAt.has(i) || coveredFromLeft[i] ? null : noiseMarkers.matchAt(tokens, i, writesDiacritics);
    if (marker) {
      account(i, marker.length);
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
  for (let j = 0; j < n; j++) if (noisy[j]) accounted[j] = true;
  return { tokens, mentions, wardSlots, unitWordStarts, noiseStarts: new Set(noiseStarts), noisy, accounted, nextWords: index.complete ? nextWordsOf(index) : (index.nextWords ?? null) };
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
        anchor: m,
        role: role === 'commune' ? 'commune' : 'district',
        sigAgrees: m.marked ? m.sig === e.sig : null,
        backed: used.length > 1,
      });
    }
  }
  return out;
}

/** A current commune's reference: from the map, or (a partial map) from the fuzzy pools read with it. */
function communeRef(code: string, index: MapIndex): CommuneRef | undefined {
  return index.communes.get(code)?.ref ?? index.fuzzyPools?.refs.get(code);
}

function refs(codes: Iterable<string>, index: MapIndex): CommuneRef[] {
  const list: CommuneRef[] = [];
  for (const code of codes) {
    const c = communeRef(code, index);
    if (c) list.push(c);
    if (list.length >= MAX_CANDIDATES) break;
  }
  return list;
}

/** Adds the readings' communes to `into`, current-name readings first, keeping order. */
function collect(into: Set<string>, tier: Reading[]): void {
  const ordered = [...tier.filter((r) => r.via === 'current'), ...tier.filter((r) => r.via === 'old')];
  for (const r of ordered) for (const code of r.targets) into.add(code);
}

const HIGHER_KINDS: ReadonlySet<string> = new Set(['oldDistrict', 'province', 'oldProvince']);
/** The name also names a district or a province ("Thủ Đức", "Buôn Ma Thuột", "Bình Phước"). */
const namesHigherUnit = (m: Mention): boolean => m.entries.some((e) => HIGHER_KINDS.has(e.kind));
const hasDigit = (t: AddressToken): boolean => /\d/u.test(t.fold);

/** Where a part of the address ends: a comma, a unit word, a street/hamlet word, a number. */
function endsPart(a: Analysis, j: number, segment: number): boolean {
  const t = a.tokens[j];
  return !t || t.segment !== segment || hasDigit(t) || a.unitWordStarts.has(j) || a.noiseStarts.has(j);
}

/** The words from `pos` that may spell a ward's name, up to the end of its part or a district/province name. */
function wardWords(a: Analysis, pos: number): AddressToken[] {
  const words: AddressToken[] = [];
  const segment = a.tokens[pos]?.segment ?? -1;
  for (let j = pos; !endsPart(a, j, segment); j++) {
    if (j > pos && a.mentions.some((m) => m.start === j && namesHigherUnit(m))) break;
    words.push(a.tokens[j]!);
  }
  return words;
}

/**
 * Does the ward word written after a unit word ("P. …", "Xã …") support this reading? It does when
 * the reading's name starts there and takes all its words ("P. Láng Hạa" is not "Phường Láng"), and
 * when the unit word was followed by a province or district instead ("TT. Huế").
 */
function slotExplained(a: Analysis, pos: number, anchor: Mention): boolean {
  const here = a.mentions.filter((m) => m.start === pos);
  if (here.length > 0 && here.every((m) => m.entries.every((e) => roleOf(e) !== 'commune'))) return true;
  if (anchor.start !== pos) return false;
  const segment = a.tokens[pos]!.segment;
  if (endsPart(a, anchor.end, segment) || a.mentions.some((m) => m.start === anchor.end)) return true;
  // A word left over that could be the misspelt rest of a longer name ("P. Láng Hạa": "Láng Hạ").
  const key = a.tokens
    .slice(anchor.start, anchor.end)
    .map((t) => t.fold)
    .join(' ');
  const leftover = a.tokens[anchor.end]!.fold;
  if (leftover.length <= 2) return true; // an abbreviation ("BH" for Biên Hòa), not a misspelt word
  // Without the longer names (a partial map that did not bring them) stay unsure.
  if (!a.nextWords) return false;
  for (const next of a.nextWords.get(key) ?? []) if (distance(leftover, next) <= 1 || next.startsWith(leftover)) return false;
  return true;
}

/**
 * Words before the anchor that no name, unit word or street word accounts for (a ward written
 * unrecognisably), from the nearest part that has any. A part opening with a house number is a street.
 */
function unexplainedBefore(a: Analysis, anchor: Mention): AddressToken[] {
  const bySegment = new Map<number, AddressToken[]>();
  const opensWithNumber = new Set<number>();
  for (let j = 0; j < anchor.start; j++) {
    const t = a.tokens[j]!;
    if (!bySegment.has(t.segment)) {
      bySegment.set(t.segment, []);
      if (hasDigit(t)) opensWithNumber.add(t.segment);
    }
    if (opensWithNumber.has(t.segment) || hasDigit(t) || a.accounted[j]) continue;
    if (a.mentions.some((m) => m.start <= j && j < m.end)) continue;
    bySegment.get(t.segment)!.push(t);
  }
  const parts = [...bySegment.values()].filter((words) => words.length > 0);
  return parts[parts.length - 1] ?? [];
}

/** Is one reading backed by the text, with no ward word left unrecognised beside it? */
function supported(a: Analysis, r: Reading): boolean {
  if (r.role === 'district') return a.wardSlots.length === 0;
  if (!a.wardSlots.every((pos) => slotExplained(a, pos, r.anchor))) return false;
  // A bare name that is also an old district's or a province's, after words that name nothing: the
  // writer most likely gave the ward in those words, and the district or city here.
  if (r.anchor.unitType === null && namesHigherUnit(r.anchor) && unexplainedBefore(a, r.anchor).length > 0) return false;
  return true;
}

/** The provinces (current codes) and old districts written clearly in the text. */
function writtenScope(a: Analysis, index: MapIndex): { provinces: string[]; districts: string[] } {
  const provinces = new Set<string>();
  for (const m of a.mentions) {
    if (m.noisy || !m.strong) continue;
    // "Thái Bình" alone, or "P. Hòa Bình", names a ward or a district as much as a province.
    const typedProvince = m.unitType !== null && PROVINCE_TYPES.has(m.unitType);
    const afterOtherWords = m.unitType === null && a.tokens.slice(0, m.start).some((_t, j) => !a.accounted[j]);
    if (!typedProvince && !afterOtherWords) continue;
    for (const e of m.entries) {
      if (e.kind === 'province') provinces.add(e.code);
      const moved = e.kind === 'oldProvince' ? index.oldProvinces.get(e.code)?.newProvinceCode : null;
      if (moved) provinces.add(moved);
    }
  }
  const districts = new Set<string>();
  for (const m of a.mentions) {
    if (m.noisy || (m.unitType !== null && !DISTRICT_TYPES.has(m.unitType))) continue;
    for (const e of m.entries) {
      if (e.kind !== 'oldDistrict') continue;
      const d = index.oldDistricts.get(e.code);
      if (!d) continue;
      if (provinces.size > 0 && ![...d.targetProvinces].some((p) => provinces.has(p))) continue;
      if (provinces.size === 0 && !m.strong && m.unitType === null) continue;
      districts.add(e.code);
    }
  }
  return { provinces: [...provinces], districts: [...districts] };
}

/** The ward words to match fuzzily: after a unit word the readings could not place, else before the name used. */
function unplacedWardWords(a: Analysis, anchors: Mention[]): AddressToken[] {
  for (const pos of a.wardSlots) {
    if (anchors.some((m) => slotExplained(a, pos, m))) continue;
    const words = wardWords(a, pos);
    if (words.length > 0) return words;
  }
  for (const m of anchors) {
    if (m.unitType !== null || !namesHigherUnit(m)) continue;
    const words = unexplainedBefore(a, m);
    if (words.length > 0) return words;
  }
  return [];
}

export function resolveCommune(text: string, index: MapIndex): ResolveResult {
  const none: ResolveResult = { commune: null, candidates: [], via: 'none' };
  if (typeof text !== 'string' || text.trim() === '') return none;
  const analysis = analyse(text, index);
  const all = readings(analysis, index);

  const clean = all.filter((r) => !r.contradicted);
  const bestClean = clean.reduce((best, r) => Math.max(best, r.score), Number.NEGATIVE_INFINITY);
  const bestContradicted = all.filter((r) => r.contradicted).reduce((best, r) => Math.max(best, r.score), Number.NEGATIVE_INFINITY);

  const codes = new Set<string>();
  const tier = clean.filter((r) => r.score === bestClean);
  collect(codes, tier);
  let via: ResolveResult['via'] = tier[0]?.via ?? all[0]?.via ?? 'none';

  // One commune, nothing written that points elsewhere more strongly, and every ward word written
  // accounted for: that is the answer.
  // Diacritics alone do not settle it: "Hải Lạng" may be a slip for "Hải Lăng" elsewhere, and a typo
  // in a tone mark must not send a report to another province. Such rivals make the answer a question.
  const rivals = clean.filter(
    (r) =>
      r.score < bestClean &&
      r.score >= bestClean - DIACRITICS_GAP &&
      r.sigAgrees === false &&
      r.targets.some((c) => !codes.has(c)) &&
      tier.some((t) => t.sigAgrees === true && t.anchor.start === r.anchor.start && t.anchor.end === r.anchor.end),
  );
  // A ward name with no district or province written to back it must win clearly: "xã Long Định" is
  // today's Xã Long Định (Đồng Tháp) by one point only, over the old Xã Long Định of other provinces
  // that people still write. Close runners-up make it a question, and are offered.
  const unbacked = !tier.some((r) => r.backed);
  const closeRunnersUp = unbacked ? clean.filter((r) => r.score < bestClean && r.score > bestClean - NAME_ONLY_MARGIN && r.targets.some((c) => !codes.has(c))) : [];
  if (codes.size === 1 && closeRunnersUp.length === 0 && rivals.length === 0 && bestClean >= bestContradicted && tier.some((r) => supported(analysis, r))) {
    const only = refs(codes, index);
    return { commune: only[0] ?? null, candidates: only, via };
  }

  // A ward word the names did not place ("P.Tân Lợii", "Đằng Gian"): match it by edit distance within
  // the district or province written (the whole map, or the wards of the scopes a database lookup read).
  const scope = writtenScope(analysis, index);
  const fuzzyCodes: string[] = [];
  const words = unplacedWardWords(
    analysis,
    tier.map((r) => r.anchor),
  );
  if ((index.complete || index.fuzzyPools) && (scope.districts.length > 0 || scope.provinces.length > 0)) {
    if (words.length > 0) {
      const folded = words.map((t) => t.fold);
      let match = scope.districts.length > 0 ? fuzzyWard(folded, { districts: scope.districts, provinces: [] }, index) : null;
      if (!match && scope.provinces.length > 0) match = fuzzyWard(folded, { districts: [], provinces: scope.provinces }, index);
      const inScope = (code: string) => scope.provinces.length === 0 || scope.provinces.includes(communeRef(code, index)?.province_code ?? '');
      if (match?.sure && inScope(match.sure)) {
        const only = refs([match.sure], index);
        return { commune: only[0] ?? null, candidates: only, via: match.via };
      }
      if (match) {
        fuzzyCodes.push(...match.candidates);
        if (codes.size === 0) via = match.via;
      }
    }
  }

  // Otherwise never guess: offer the close spellings, then the best readings, within the province
  // written. Readings that disagree with a province or district written in the text are not offered:
  // a pick list of communes elsewhere would mislead.
  // With a ward word left unplaced, the communes of the district written are offered too: "P. Lểu Gjai,
  // Ba Đình" may be any ward of old Ba Đình, not only the one named after it.
  const districtCodes = words.length > 0 ? scope.districts.flatMap((d) => index.oldDistricts.get(d)?.targets ?? []) : [];
  const rivalCodes = [...rivals, ...closeRunnersUp].flatMap((r) => r.targets);
  const offered = [...new Set([...fuzzyCodes, ...codes, ...rivalCodes, ...districtCodes])].filter(
    (code) => scope.provinces.length === 0 || scope.provinces.includes(communeRef(code, index)?.province_code ?? ''),
  );
  const candidates = refs(offered, index);
  return { commune: null, candidates, via: candidates.length > 0 ? via : 'none' };
}
