// Vietnamese text processing: parents type with or without diacritics, in any Unicode form.
import { describe, expect, it } from 'vitest';
import { analyse, expandShorthand, fold, indexTerms, isStopword, makeStopList, normalize, stemEnglish } from '../../src/knowledge/text';

const stop = makeStopList(['bị', 'ở', 'có', 'the', 'my']);

describe('Vietnamese-aware text processing', () => {
  it('folds diacritics and đ, so "đuối nước" and "duoi nuoc" meet', () => {
    expect(fold('Đuối Nước')).toBe('duoi nuoc');
    expect(fold('xâm hại tình dục')).toBe('xam hai tinh duc');
  });

  it('treats decomposed Unicode (as some phone keyboards send) like the composed form', () => {
    const decomposed = 'bắt nạt'.normalize('NFD');
    expect(normalize(decomposed)).toBe('bắt nạt');
    expect(analyse(decomposed).map((s) => s.raw)).toEqual(['bắt', 'nạt']);
  });

  it('indexes each syllable folded, plus folded syllable bigrams (never the marked form)', () => {
    const terms = indexTerms('Con bị xâm hại', stop);
    expect(terms).toEqual(expect.arrayContaining(['xam', 'hai', 'xam_hai', 'bi_xam', 'con_bi']));
    expect(terms).not.toContain('xâm');
    // a stop word alone says nothing, but it stays inside bigrams
    expect(terms).not.toContain('bi');
    expect(terms).not.toContain('bị');
  });

  it('never builds a bigram across punctuation', () => {
    expect(indexTerms('mùa hè. Bơi', stop)).not.toContain('he_boi');
  });

  it('meets English word forms without touching Vietnamese typed without marks', () => {
    expect(stemEnglish('bullying')).toBe(stemEnglish('bully'));
    expect(stemEnglish('raped')).toBe(stemEnglish('rape'));
    expect(stemEnglish('drowning')).toBe('drown');
    for (const vi of ['nghe', 'khoe', 'thue', 'truong', 'nguoi', 'khong']) expect(stemEnglish(vi)).toBe(vi);
  });

  it('keeps a real double l when it strips -ing or -ed ("calling" meets "call", "falling" meets "fall")', () => {
    expect(stemEnglish('calling')).toBe(stemEnglish('call'));
    expect(stemEnglish('falling')).toBe(stemEnglish('falls'));
    expect(stemEnglish('yelled')).toBe(stemEnglish('yell'));
    // A doubled consonant added by -ing/-ed is still undone.
    expect(stemEnglish('hitting')).toBe('hit');
    expect(stemEnglish('grabbed')).toBe('grab');
  });

  it('treats English stop words that are also unmarked Vietnamese ("so" = số, "me" = mẹ) as stop words only in English', () => {
    const both = makeStopList(['bị'], ['so', 'me', 'the']);
    const [so] = analyse('so');
    expect(isStopword(so!, both, true)).toBe(true);
    expect(isStopword(so!, both, false)).toBe(false);
  });

  it('spells out chat shorthand word by word, and ages like "14t", but leaves English alone', () => {
    const shorthand = { ko: 'không', dc: 'được' };
    expect(expandShorthand('con 14t di lam dc ko', shorthand)).toBe('con 14 tuổi di lam được không');
    expect(expandShorthand('is it ok to go', shorthand)).toBe('is it ok to go');
  });

  it('leaves the tail of an English contraction alone even where the message is not taken for English', () => {
    // Many short English words could be Vietnamese, so this one is read as Vietnamese; "t" is still not "tôi".
    expect(expandShorthand("my parents hit me when i was young, i don't want to do that to my kids", { t: 'tôi' })).toBe(
      "my parents hit me when i was young, i don't want to do that to my kids",
    );
    expect(expandShorthand('t ko bit', { t: 'tôi', ko: 'không' })).toBe('tôi không bit');
  });
});
