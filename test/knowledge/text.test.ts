// Vietnamese text processing: parents type with or without diacritics, in any Unicode form.
import { describe, expect, it } from 'vitest';
import { analyse, fold, indexTerms, makeStopList, normalize, stemEnglish } from '../../src/knowledge/text';

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

  it('indexes each syllable folded and as written, plus folded syllable bigrams', () => {
    const terms = indexTerms('Con bị xâm hại', stop);
    expect(terms).toEqual(expect.arrayContaining(['xam', 'xâm', 'hai', 'hại', 'xam_hai', 'bi_xam', 'con_bi']));
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
});
