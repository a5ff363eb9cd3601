// The address vocabulary from content/map/address-words.json (unit types, noise markers, province
// aliases), validated and compiled into phrase tables the resolver matches against tokens.
import * as z from 'zod/mini';
import { lazySchema } from '../ground/zod-mini';
import wordsJson from '../../content/map/address-words.json';
import { tokenizeAddress, type AddressToken } from './address-text';

export const UNIT_TYPES = ['xa', 'phuong', 'thi_tran', 'dac_khu', 'quan', 'huyen', 'thi_xa', 'thanh_pho', 'tinh'] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

function buildAddressWordsSchema() {
  const words = z.array(z.string().check(z.minLength(1)));
  const codeKeyed = z.record(z.string().check(z.regex(/^\d{2}$/u)), words);
  return z.object({
    about: z.optional(z.string()),
    unitTypes: z.record(z.enum(UNIT_TYPES), words),
    englishUnitTypes: z.record(z.enum(UNIT_TYPES), words),
    noiseMarkers: words,
    provinceAliases: codeKeyed,
    oldProvinceAliases: codeKeyed,
    oldDistrictAliases: z._default(z.record(z.string().check(z.regex(/^\d{3}$/u)), words), {}),
  });
}
/** Built on first use (see ground/zod-mini.ts). */
export const addressWordsSchema = lazySchema(buildAddressWordsSchema);
export type AddressWordsData = z.infer<ReturnType<typeof buildAddressWordsSchema>>;

interface Phrase<T> {
  value: T;
  sigs: Set<string>; // signatures of the forms written with diacritics
  tones: Set<string>; // their tone marks alone, e.g. "2" for "phường"
}

const toneOnly = (tokens: AddressToken[]): string => tokens.map((t) => (t.numeric ? t.fold : t.sig.slice(-1))).join(' ');

/** Phrases keyed by their folded tokens, so a match is one map lookup per span length. */
export class PhraseTable<T> {
  private readonly byKey = new Map<string, Phrase<T>>();
  maxTokens = 0;

  add(text: string, value: T): void {
    const tokens = tokenizeAddress(text);
    if (tokens.length === 0) return;
    const key = tokens.map((t) => t.fold).join(' ');
    const entry = this.byKey.get(key) ?? { value, sigs: new Set<string>(), tones: new Set<string>() };
    entry.sigs.add(tokens.map((t) => t.sig).join(' '));
    entry.tones.add(toneOnly(tokens));
    this.byKey.set(key, entry);
    this.maxTokens = Math.max(this.maxTokens, tokens.length);
  }

  /**
   * The longest phrase starting at `start` within one segment; written diacritics must agree. With
   * `strict` (the writer uses diacritics), unmarked words must be unmarked in the phrase too ("xa" ≠ "xã").
   */
  matchAt(tokens: AddressToken[], start: number, strict = false): { value: T; length: number } | null {
    const first = tokens[start];
    if (!first) return null;
    for (let length = Math.min(this.maxTokens, tokens.length - start); length >= 1; length--) {
      const span = tokens.slice(start, start + length);
      if (span.some((t) => t.segment !== first.segment)) continue;
      const entry = this.byKey.get(span.map((t) => t.fold).join(' '));
      if (!entry) continue;
      if ((strict || span.some((t) => t.marked)) && !entry.sigs.has(span.map((t) => t.sig).join(' '))) continue;
      return { value: entry.value, length };
    }
    return null;
  }

  /**
   * A phrase misspelt in its vowel marks only ("phuờng", "Phưòng" for "phường": same letters, same
   * tone), or any spelling of it right before a number ("Quân 5", "Phuong 12"): a number after it
   * leaves no other reading. Used only after `matchAt` found nothing.
   */
  matchTypo(tokens: AddressToken[], start: number): { value: T; length: number } | null {
    const first = tokens[start];
    if (!first) return null;
    for (let length = Math.min(this.maxTokens, tokens.length - start); length >= 1; length--) {
      const span = tokens.slice(start, start + length);
      if (span.some((t) => t.segment !== first.segment || t.numeric)) continue;
      const entry = this.byKey.get(span.map((t) => t.fold).join(' '));
      if (!entry) continue;
      const next = tokens[start + length];
      const numberNext = next !== undefined && next.numeric && next.segment === first.segment;
      if (numberNext || entry.tones.has(toneOnly(span))) return { value: entry.value, length };
    }
    return null;
  }
}

export interface AddressWords {
  unitTypes: PhraseTable<UnitType>;
  englishUnitTypes: PhraseTable<UnitType>; // before or after the name
  noiseMarkers: PhraseTable<true>;
  provinceAliases: Record<string, string[]>;
  oldProvinceAliases: Record<string, string[]>;
  oldDistrictAliases: Record<string, string[]>; // pre-2025 district code → other names ("BMT", "2" of Quận 2)
}

export function compileAddressWords(data: AddressWordsData): AddressWords {
  const unitTypes = new PhraseTable<UnitType>();
  for (const type of UNIT_TYPES) for (const word of data.unitTypes[type] ?? []) unitTypes.add(word, type);
  const englishUnitTypes = new PhraseTable<UnitType>();
  for (const type of UNIT_TYPES) for (const word of data.englishUnitTypes[type] ?? []) englishUnitTypes.add(word, type);
  const noiseMarkers = new PhraseTable<true>();
  for (const word of data.noiseMarkers) noiseMarkers.add(word, true);
  return {
    unitTypes,
    englishUnitTypes,
    noiseMarkers,
    provinceAliases: data.provinceAliases,
    oldProvinceAliases: data.oldProvinceAliases,
    oldDistrictAliases: data.oldDistrictAliases,
  };
}

let compiled: AddressWords | null = null;

/** The project's address vocabulary (validated once). */
export function defaultAddressWords(): AddressWords {
  compiled ??= compileAddressWords(addressWordsSchema().parse(wordsJson));
  return compiled;
}

export const COMMUNE_TYPES: ReadonlySet<UnitType> = new Set(['xa', 'phuong', 'thi_tran', 'dac_khu']);
export const DISTRICT_TYPES: ReadonlySet<UnitType> = new Set(['quan', 'huyen', 'thi_xa', 'thanh_pho']);
export const PROVINCE_TYPES: ReadonlySet<UnitType> = new Set(['tinh', 'thanh_pho']);

/** The unit type a full name starts with: "Thị trấn Tam Đường" → thi_tran, name "Tam Đường". */
export function splitUnitName(fullName: string): { type: UnitType | null; name: string } {
  const trimmed = fullName.trim().replace(/\s+/gu, ' ');
  const prefixes: [string, UnitType][] = [
    ['thành phố ', 'thanh_pho'],
    ['thị trấn ', 'thi_tran'],
    ['thị xã ', 'thi_xa'],
    ['đặc khu ', 'dac_khu'],
    ['phường ', 'phuong'],
    ['huyện ', 'huyen'],
    ['quận ', 'quan'],
    ['tỉnh ', 'tinh'],
    ['xã ', 'xa'],
  ];
  const lower = trimmed.normalize('NFC').toLowerCase();
  for (const [prefix, type] of prefixes) {
    if (lower.startsWith(prefix)) return { type, name: trimmed.slice(prefix.length).trim() };
  }
  return { type: null, name: trimmed };
}
