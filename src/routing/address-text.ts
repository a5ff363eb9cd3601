// Vietnamese address text, reduced to comparable tokens: folded (no diacritics) for lookup, and a
// tone signature so "Hoà"/"Hòa" compare equal while "Tân"/"Tấn" do not.
import { combiningMarks, lazyRegExp } from '../ground/regexp';

/** Tone marks (grave, acute, tilde, hook, dot below) as combining characters after NFD. */
const TONES: Record<string, string> = { '\u0300': '2', '\u0301': '1', '\u0303': '4', '\u0309': '3', '\u0323': '5' };
const TONE_RE = /[\u0300\u0301\u0303\u0309\u0323]/gu;

/** Lower case, no diacritics, đ → d: "Thành phố Hồ Chí Minh" → "thanh pho ho chi minh". */
export function foldText(text: string): string {
  return text.normalize('NFC').toLowerCase().normalize('NFD').replace(combiningMarks(), '').replace(/\u0111/g, 'd'); // đ
}

/**
 * One syllable with its tone moved to the end: "hoà" and "hòa" both give "hoa2", "tấn" gives "tân1".
 * Vowel marks (ă â ê ô ơ ư) and đ stay, so the signature still tells "Tân" from "Tấn" and "Tan".
 */
export function syllableSignature(syllable: string): string {
  const nfd = syllable.normalize('NFC').toLowerCase().normalize('NFD');
  let tone = '0';
  const base = nfd.replace(TONE_RE, (mark) => {
    tone = TONES[mark] ?? '0';
    return '';
  });
  return base.normalize('NFC') + tone;
}

export interface AddressToken {
  raw: string; // lower case NFC, as written
  fold: string; // no diacritics; numbers without leading zeros
  sig: string; // syllableSignature(raw)
  marked: boolean; // written with diacritics
  numeric: boolean; // digits only, e.g. "12" of "Phường 12"
  segment: number; // index of the comma-separated part it came from
}

const SEGMENT_BREAK = /[,;:\n\r|()[\]{}]+/u;
// \p{…} patterns are made on first use (ground/regexp.ts says why).
const WORD = lazyRegExp(String.raw`[\p{L}\p{M}\p{N}/]+`, 'gu');
const APOSTROPHES = /['\u2019\u2018\u02bc`\u00b4]/gu; // ' ’ ‘ ʼ ` ´

/** Abbreviations and unit words people glue to a number: "Q1", "P12", "F7", "KP3", "TDP5", "Phường3". */
const GLUED_PREFIX = /^(p|f|q|x|h|tt|tx|tp|kp|tdp|sn|ph|phuong|quan|huyen|xa|ward|district)(\d+)$/u;

/**
 * Chat and OCR text glues words together; put the spaces back before anything else is read:
 * - a lower-case letter followed by a capital starts a new word: "XãBù" → "Xã Bù", "TỉnhThái Nguyên",
 *   "P.AnKhánh", "T.PhốBuôn Ma Thuột", "HồChíMinh";
 * - a unit abbreviation in capitals glued to a capitalised name: "XPhước Vĩnh Đông", "TPMỹ Tho";
 * - letters and digits glued together: "Phường3", "Đô3", "3Bình" (but not "12A", a house number).
 */
/** A digit inside a lower-case word is OCR noise: "Ph1ú" → "Phú" (but "QL1A" is a road). */
const STRAY_DIGIT = lazyRegExp(String.raw`(?<=\p{Ll})\d(?=\p{Ll})`, 'gu');
const LOWER_UPPER = lazyRegExp(String.raw`(\p{Ll})(\p{Lu})`, 'gu');
const UNIT_BEFORE_NAME = lazyRegExp(String.raw`(?<![\p{L}\p{N}])(X|P|F|TT|TX|TP)(?=\p{Lu}\p{Ll})`, 'gu');
const LETTERS_DIGIT = lazyRegExp(String.raw`(\p{L}{2,})(\d)`, 'gu');
const DIGITS_LETTERS = lazyRegExp(String.raw`(?<![\p{L}\p{N}/])(\d+)(\p{L}{2,})`, 'gu');

function ungluedWords(text: string): string {
  return text
    .normalize('NFC')
    .replace(STRAY_DIGIT(), '')
    .replace(LOWER_UPPER(), '$1 $2')
    .replace(UNIT_BEFORE_NAME(), '$1 ')
    .replace(LETTERS_DIGIT(), '$1 $2')
    .replace(DIGITS_LETTERS(), '$1 $2');
}


/** No Vietnamese syllable starts with "f": "fmễ" is "F" (phường) glued to "mễ". */
const F_GLUED = /^f(?=[^\d\s])/u;

type WordForms = Omit<AddressToken, 'segment'>;
// Syllables repeat endlessly across 13,000 place names and user input: fold each spelling once.
const wordCache = new Map<string, WordForms>();
const WORD_CACHE_LIMIT = 50_000;

function makeToken(word: string, segment: number): AddressToken {
  let forms = wordCache.get(word);
  if (!forms) {
    const numeric = /^\d+$/u.test(word);
    const fold = numeric ? String(Number.parseInt(word, 10)) : foldText(word);
    forms = { raw: word, fold, sig: numeric ? fold : syllableSignature(word), marked: fold !== word && !numeric, numeric };
    if (wordCache.size >= WORD_CACHE_LIMIT) wordCache.clear();
    wordCache.set(word, forms);
  }
  return { ...forms, segment };
}

/**
 * Splits an address into tokens, keeping which comma-separated part each came from. Apostrophes
 * inside names are dropped ("Ea H'Leo" → "ea hleo"), dots and hyphens separate words, and a
 * house number such as "12/3" or "45A" stays one token that can never be a place name.
 */
export function tokenizeAddress(text: string): AddressToken[] {
  const tokens: AddressToken[] = [];
  const segments = ungluedWords(text).replace(APOSTROPHES, '').toLowerCase().split(SEGMENT_BREAK);
  segments.forEach((segment, index) => {
    for (const word of segment.match(WORD()) ?? []) {
      if (F_GLUED.test(word) && word.length > 1 && !/\d/u.test(word)) {
        tokens.push(makeToken('f', index), makeToken(word.slice(1), index));
        continue;
      }
      if (word.includes('/')) {
        if (/\d/u.test(word)) tokens.push({ ...makeToken(word, index), numeric: false });
        else for (const part of word.split('/').filter(Boolean)) tokens.push(makeToken(part, index));
        continue;
      }
      const glued = GLUED_PREFIX.exec(foldText(word));
      if (glued && glued[1] && glued[2]) {
        tokens.push(makeToken(word.slice(0, word.length - glued[2].length), index), makeToken(glued[2], index));
      } else {
        tokens.push(makeToken(word, index));
      }
    }
  });
  return tokens;
}

/** The folded lookup key of a place name: "Phường 01" name "01" → "1", "Ea H'Leo" → "ea hleo". */
export function nameKey(name: string): string {
  return tokenizeAddress(name)
    .map((t) => t.fold)
    .join(' ');
}

/** The tone signature of a whole name, token by token. */
export function nameSignature(name: string): string {
  return tokenizeAddress(name)
    .map((t) => t.sig)
    .join(' ');
}
