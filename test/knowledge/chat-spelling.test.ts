// A teenager or a parent typing the way people chat: letters held for emphasis ("ơiiii"), "f" for
// "ph", "w" for "qu", "j" for "gi", "k" for "c". The question is read in standard spelling by rules
// of the orthography (src/knowledge/text.ts readChat), not from a list of words.
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileKnowledge } from '../../scripts/content/knowledge';
import { createKnowledge, type Knowledge } from '../../src/knowledge/knowledge';
import { readChat, respellChat } from '../../src/knowledge/text';

const content = fileURLToPath(new URL('../../content/', import.meta.url));
let k: Knowledge;
const shorthand = { lm: 'làm', mn: 'mọi người', ko: 'không', trog: 'trong', e: 'em' };

beforeAll(() => {
  k = createKnowledge(compileKnowledge(content));
});

describe('a question typed in chat spelling', () => {
  it('a child writing "kon e bị bắt nạtttt ở trườnggg" gets the school-violence guide, not "not sure"', () => {
    expect(readChat('kon e bị bắt nạtttt ở trườnggg', shorthand)).toBe('con em bị bắt nạt ở trường');
    expect(k.ask('kon e bị bắt nạtttt ở trườnggg')).toMatchObject({ kind: 'answer', topic: 'bao-luc-hoc-duong' });
  });

  it('"fải lm sao đây mn ơiiii" reads as "phải làm sao đây mọi người ơi"', () => {
    expect(readChat('fải lm sao đây mn ơiiii', shorthand)).toBe('phải làm sao đây mọi người ơi');
  });

  it('each chat letter is put back only where it gives a Vietnamese syllable', () => {
    expect(['fát', 'wên', 'jờ', 'vuj', 'kon', 'kái', 'quáaaa', 'điiii', 'mangg'].map(respellChat)).toEqual([
      'phát', 'quên', 'giờ', 'vui', 'con', 'cái', 'quá', 'đi', 'mang',
    ]);
  });

  it('real syllables, loan words and names are left as typed: "cuu" (cứu), "xoong", "teen", "game", "zalo", "wifi"', () => {
    expect(['cuu', 'cứu', 'luu', 'xoong', 'teen', 'game', 'zalo', 'wifi', 'facebook', 'ok'].map(respellChat)).toEqual([
      'cuu', 'cứu', 'luu', 'xoong', 'teen', 'game', 'zalo', 'wifi', 'facebook', 'ok',
    ]);
    expect(readChat('so cuu tre duoi nuoc the nao', shorthand)).toBe('so cuu tre duoi nuoc the nao');
  });

  it('chat abbreviations of one meaning each are spelled out from content/synonyms.yaml ("hqua", "thg", "bthg")', () => {
    expect(readChat('hqua thg ban o truong danh con, bthg ko', { hqua: 'hôm qua', thg: 'thằng', bthg: 'bình thường', ko: 'không' })).toBe(
      'hôm qua thằng ban o truong danh con, bình thường không',
    );
    expect(k.ask('hqua con e bi may thg cung truong bat nat')).toMatchObject({ kind: 'answer', topic: 'bao-luc-hoc-duong' });
  });

  it('English is left alone: "kiss" and "jeep" are not chat spellings there', () => {
    expect(readChat('is it ok for grandpa to kiss my kid', shorthand)).toBe('is it ok for grandpa to kiss my kid');
  });
});
