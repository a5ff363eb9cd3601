// Vietnamese-aware text processing shared by the index build, search and triage.
// Vietnamese words are runs of one-syllable tokens ("xâm hại", "đuối nước"), and people often
// type without diacritics, so every syllable is known in two forms: as written and folded.
import { combiningMarks, lazyRegExp } from '../ground/regexp';

/** NFC + lower case, so "Ă" typed as A + breve matches the precomposed form. */
export function normalize(text: string): string {
  return text.normalize('NFC').toLowerCase();
}

// \p{…} patterns are made on first use (ground/regexp.ts says why).
const LETTERS_DIGITS = lazyRegExp(String.raw`[\p{L}\p{N}]+`, 'gu');

/** Removes Vietnamese diacritics: marks dropped, đ → d ("đuối nước" → "duoi nuoc"). */
export function fold(text: string): string {
  return normalize(text)
    .normalize('NFD')
    .replace(combiningMarks(), '')
    .replace(/\u0111/g, 'd') // đ
    .normalize('NFC');
}

// Syllables repeat endlessly, so their folded+stemmed form is remembered (bounded, for long runs).
const foldedSyllables = new Map<string, string>();
function foldSyllable(raw: string): string {
  let folded = foldedSyllables.get(raw);
  if (folded === undefined) {
    folded = stemEnglish(fold(raw));
    if (foldedSyllables.size > 50_000) foldedSyllables.clear();
    foldedSyllables.set(raw, folded);
  }
  return folded;
}

// The same for plain folding (no stemming), which the language test runs on every word of every question.
const foldedWords = new Map<string, string>();
function foldWord(raw: string): string {
  let folded = foldedWords.get(raw);
  if (folded === undefined) {
    folded = fold(raw);
    if (foldedWords.size > 50_000) foldedWords.clear();
    foldedWords.set(raw, folded);
  }
  return folded;
}

/** Splits text into lower-case NFC syllables (letters and digits only). */
export function syllables(text: string): string[] {
  return normalize(text).match(LETTERS_DIGITS()) ?? [];
}

/**
 * A light English suffix stripper, so "bullying"/"bullied", "drowning"/"drowns" and
 * "rape"/"raped" meet. Safe on Vietnamese typed without marks: no Vietnamese syllable ends in
 * -s, -ed or -ing, and the final -e is only dropped after letters no Vietnamese syllable puts
 * before it ("nghe", "khoe", "thue" are left alone; "tre", "xe" are too short).
 */
export function stemEnglish(word: string): string {
  if (word.length < 4 || !/^[a-z]+$/.test(word)) return word;
  let w = word;
  if (w.endsWith('ies') || (w.endsWith('ied') && w.length > 4)) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('ing') && w.length > 5) w = undouble(w.slice(0, -3));
  else if (w.endsWith('ed') && w.length > 4) w = undouble(w.slice(0, -2));
  else if (/(sh|ch|x|ss)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length >= 4 && /[^aeiouhy]e$/.test(w)) w = w.slice(0, -1);
  return w;
}

function undouble(stem: string): string {
  return /([bdgkmnprt])\1$/.test(stem) ? stem.slice(0, -1) : stem;
}

/** One syllable in both forms: as written (NFC, lower case) and folded + stemmed. */
export interface Syllable {
  raw: string;
  folded: string;
}

export function analyse(text: string): Syllable[] {
  return syllables(text).map((raw) => ({ raw, folded: foldSyllable(raw) }));
}

/** True when a syllable carries Vietnamese marks (so its written form says more than its folded one). */
export function hasMarks(s: Syllable): boolean {
  return s.raw !== s.folded && !/^[a-z0-9]+$/.test(s.raw);
}

/**
 * Does a query syllable match a data syllable (written with diacritics)? A syllable typed
 * without marks matches on its folded form; one typed with marks must match as written, so
 * "đăng ảnh" never matches the cue "đang".
 */
export function sameSyllable(query: Syllable, data: Syllable): boolean {
  if (query.folded !== data.folded) return false;
  return !hasMarks(query) || !hasMarks(data) || query.raw === data.raw;
}

/**
 * Stop-word test under the same rule: the list is written with diacritics. English stop words
 * that are also Vietnamese syllables typed without marks ("so" = số/sợ, "me" = mẹ, "be" = bé,
 * "an" = an/ăn, "he" = hè) are kept apart: they are stop words only in English text.
 */
export interface StopList {
  folded: ReadonlySet<string>;
  raw: ReadonlySet<string>;
  /** Folded English stop words that could also be an unmarked Vietnamese syllable. */
  englishOnly: ReadonlySet<string>;
}

export function makeStopList(words: readonly string[], english: readonly string[] = []): StopList {
  const syl = [...words, ...english].flatMap((w) => analyse(w));
  const always = new Set(words.flatMap((w) => analyse(w)).map((s) => s.folded));
  const englishOnly = new Set(
    english.flatMap((w) => analyse(w)).map((s) => s.folded).filter((f) => !always.has(f) && couldBeVietnamese(f)),
  );
  return { folded: new Set(syl.map((s) => s.folded)), raw: new Set(syl.map((s) => s.raw)), englishOnly };
}

/** `english`: the text may be English, so English stop words that look Vietnamese count too. */
export function isStopword(s: Syllable, stop: StopList, english = true): boolean {
  if (hasMarks(s)) return stop.raw.has(s.raw);
  if (!stop.folded.has(s.folded)) return false;
  return english || !stop.englishOnly.has(s.folded);
}

/**
 * Expands chat shorthand ("ko" → "không", "dc" → "được", "ck" → "chồng", "14t" → "14 tuổi") word
 * by word, so search and triage see the words the phrase lists are written in. Not applied to
 * English text, where "k" or "r" mean nothing of the sort.
 */
export function expandShorthand(text: string, shorthand: Readonly<Record<string, string>>): string {
  if (looksEnglish(text)) return text;
  return normalize(text).replace(LETTERS_DIGITS(), (w, at: number, all: string) => {
    // The tail of an English contraction ("don't", "it's") is not shorthand ("t" → "tôi").
    if (at > 0 && /['\u2019]/u.test(all[at - 1]!) /* ' or ’ */) return w;
    return shorthand[w] ?? ageOf(w) ?? w;
  });
}

/** "14t", "14tuoi" → "14 tuổi". */
function ageOf(w: string): string | undefined {
  const age = /^(\d{1,2})(t|tuoi)$/.exec(w);
  return age ? `${age[1]} tuổi` : undefined;
}

/**
 * What a question is read as: shorthand spelled out (expandShorthand), then chat spellings put
 * back into standard ones (respellChat), word by word. Whether the text is English is decided with
 * the chat words counted as Vietnamese: "fải lm sao đây mn ơiiii" has four words no syllable is
 * spelled like, yet none of them is English. Only the question path reads chat spellings; the
 * classifiers' training lines are in standard spelling, so their models do not change with it.
 */
export function readChat(text: string, shorthand: Readonly<Record<string, string>>): string {
  const words = syllables(text);
  let foreign = 0;
  for (const w of words) if (!couldBeVietnamese(foldWord(w)) && shorthand[w] === undefined && respellChat(w) === w) foreign++;
  if (words.length === 0 || foreign / words.length >= 0.4) return text;
  return normalize(text).replace(LETTERS_DIGITS(), (w, at: number, all: string) => {
    if (at > 0 && /['\u2019]/u.test(all[at - 1]!)) return w;
    const full = shorthand[w] ?? ageOf(w);
    if (full !== undefined) return full;
    const respelled = respellChat(w);
    return respelled === w ? w : (shorthand[respelled] ?? respelled);
  });
}

/**
 * Chat spellings of a Vietnamese syllable that no Vietnamese syllable is spelled like, put back
 * into the standard spelling by rules of the orthography rather than a word list, so that words
 * no list has seen are read too: a letter held for emphasis ("điiii", "quáaaa" → đi, quá; no
 * Vietnamese syllable has a letter three times, or a vowel twice with and without its mark),
 * "f" for "ph" ("fải" → phải), "w" for "qu" ("wên" → quên), "j" for "gi" ("jờ" → giờ) and a
 * final "j" for "i" ("vuj" → vui), and "k" before a, o, u, where Vietnamese writes "c"
 * ("kon" → con). A word is only changed when it is not a syllable as typed and the respelling is one;
 * anything else (loan words, names, "game", "zalo") is left as it is.
 */
// Made on first use: a regex literal with \p{…} costs every Worker start-up (src/ground/regexp.ts).
const ONE_WORD = lazyRegExp(String.raw`^\p{L}+$`, 'u');
const HELD_LETTER = lazyRegExp(String.raw`(\p{L})\1{2,}`, 'gu');

export function respellChat(word: string): string {
  let respelled = respelledWords.get(word);
  if (respelled === undefined) {
    respelled = respell(word);
    if (respelledWords.size > 50_000) respelledWords.clear();
    respelledWords.set(word, respelled);
  }
  return respelled;
}

// Words repeat from question to question, so each one's reading is remembered (bounded).
const respelledWords = new Map<string, string>();

function respell(word: string): string {
  if (!ONE_WORD().test(word)) return word;
  // Most words are syllables with no letter twice: nothing to do.
  if (!/(.)\1/.test(foldWord(word)) && isSpelledRight(word)) return word;
  const held = unholdLetters(word);
  if (held === word && isSpelledRight(word)) return word;
  if (isSpelledRight(held)) return held;
  for (const [from, to] of RESPELLINGS) {
    const respelled = held.replace(from, to);
    if (respelled !== held && isSpelledRight(respelled)) return respelled;
  }
  return word;
}

/** A syllable as Vietnamese spells it: couldBeVietnamese, and "k" only before e, ê, i, y. */
function isSpelledRight(word: string): boolean {
  const folded = foldWord(word);
  return couldBeVietnamese(folded) && !/^k[aou]/.test(folded);
}

/** Chat letters for standard ones, tried in order; only a respelling that gives a syllable is kept. */
const RESPELLINGS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^f/u, 'ph'],
  [/^w/u, 'qu'],
  [/^j/u, 'gi'],
  [/j$/u, 'i'],
  // k before a, ă, â, o, ô, ơ, u, ư with any tone mark (written as \u escapes: the Worker's bundle stays ASCII)
  [/^k(?=[a\u0103\u00e2o\u00f4\u01a1u\u01b0\u00e1\u00e0\u1ea3\u00e3\u1ea1\u1eaf\u1eb1\u1eb3\u1eb5\u1eb7\u1ea5\u1ea7\u1ea9\u1eab\u1ead\u00f3\u00f2\u1ecf\u00f5\u1ecd\u1ed1\u1ed3\u1ed5\u1ed7\u1ed9\u1edb\u1edd\u1edf\u1ee1\u1ee3\u00fa\u00f9\u1ee7\u0169\u1ee5\u1ee9\u1eeb\u1eed\u1eef\u1ef1])/u, 'c'],
];

/**
 * A letter typed more than once for emphasis, down to one. Vietnamese never writes a letter three
 * times, nor a marked vowel then its bare letter other than ư then u ("cứu"): "điiii", "quáaaa" →
 * đi, quá. A letter typed twice ("mangg") is put back to one only when the word is no syllable
 * as typed, and never "uu" or "oo" ("cuu" for cứu, "xoong"); "teen" stays.
 */
function unholdLetters(word: string): string {
  let out = '';
  let prev = '';
  for (const ch of word.replace(HELD_LETTER(), '$1')) {
    const bare = foldWord(ch);
    if (prev && ch === bare && prev !== ch && foldWord(prev) === bare && !(ch === 'u' && /[\u01b0\u1ee9\u1eeb\u1eed\u1eef\u1ef1]/u.test(prev)) /* ư with any tone mark */) continue;
    out += ch;
    prev = ch;
  }
  return isSpelledRight(out) ? out : out.replace(/([^ou])\1/gu, '$1');
}

/** Joins two syllables into one bigram term; "_" never occurs inside a syllable. */
export function bigram(a: string, b: string): string {
  return `${a}_${b}`;
}

/**
 * Index terms for a field: each syllable folded; with `bigrams`, also folded bigrams of
 * neighbouring syllables ("xam_hai"). Stop words are dropped as unigrams but kept in bigrams
 * ("bị đánh" says a lot, "bị" alone does not). Forms as written (with diacritics) are left out:
 * on both labelled question sets they never changed a decision, yet they were a fifth of the
 * terms and a third of the postings — cold-start load and per-question work.
 */
export function indexTerms(text: string, stop: StopList, bigrams = true): string[] {
  return phrasesOf(text).flatMap((chunk) => chunkTerms(analyse(chunk), stop, bigrams));
}

/** Splits at punctuation, so no bigram spans two phrases ("mùa hè. Bơi" has no "hè bơi"). */
export function phrasesOf(text: string): string[] {
  return text.split(/[.,;:!?()[\]{}"\u201c\u201d\n/|\u2013\u2014]+/u) /* also “ ” – — */.filter((c) => c.trim().length > 0);
}

function chunkTerms(syl: Syllable[], stop: StopList, bigrams: boolean): string[] {
  const terms: string[] = [];
  for (let i = 0; i < syl.length; i++) {
    const s = syl[i]!;
    const sStop = isStopword(s, stop);
    if (!sStop) terms.push(s.folded);
    const next = syl[i + 1];
    // Bigrams even of two stop words: folded, "bảo vệ" and "tự tử" are made of them ("bao", "ve", "tu").
    if (bigrams && next) terms.push(bigram(s.folded, next.folded));
  }
  return terms;
}

/** Start positions where `phrase` occurs in `text` (both already analysed). */
export function findPhrase(text: readonly Syllable[], phrase: readonly Syllable[]): number[] {
  const hits: number[] = [];
  if (phrase.length === 0 || phrase.length > text.length) return hits;
  outer: for (let i = 0; i + phrase.length <= text.length; i++) {
    for (let j = 0; j < phrase.length; j++) {
      if (!sameSyllable(text[i + j]!, phrase[j]!)) continue outer;
    }
    hits.push(i);
  }
  return hits;
}

/** Could this folded word be a Vietnamese syllable (onset + vowels + allowed final consonant)? */
const VIETNAMESE_SYLLABLE = /^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(ch|ng|nh|[cmnpt])?$/;

export function couldBeVietnamese(foldedWord: string): boolean {
  return /^\d+$/.test(foldedWord) || VIETNAMESE_SYLLABLE.test(foldedWord);
}

/** Mostly words no Vietnamese syllable could spell ("husband", "kids"): the question is in English. */
export function looksEnglish(text: string): boolean {
  const words = syllables(text);
  if (words.length === 0) return false;
  let foreign = 0;
  for (const w of words) if (!couldBeVietnamese(foldWord(w))) foreign++;
  return foreign / words.length >= 0.4;
}
