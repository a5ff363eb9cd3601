// The topic classifier: trained at build time from the guides' own lines, blended with the search
// score to rank the guides, and a second reading that lets a weak but agreed match answer.
import { describe, expect, it } from 'vitest';
import { trainFromContent } from '../../scripts/content/topic-model';
import { blend, createAsker } from '../../src/knowledge/answer';
import type { Ranked, Searcher } from '../../src/knowledge/search';
import { createTopicModel, type TopicModel } from '../../src/knowledge/topic-model';
import { topicModel } from '../../src/knowledge/topic-model.generated';
import { trainTopicModel } from '../../src/knowledge/topic-train';
import type { Detector } from '../../src/triage/detect';

const ranked = (slug: string, score: number, coverage = 1): Ranked => ({
  slug,
  score,
  coverage,
  firmCoverage: coverage,
  phrases: 1,
  foreign: 0,
});

const noEmergency: Detector = {
  detect: () => ({ emergency: false, kind: null, outcome: { triage: 'question', kind: null, voice: 'adult', lang: 'vi' } }),
  classify: () => ({ triage: 'question', kind: null, voice: 'adult', lang: 'vi' }),
  explain: () => ({ outcome: { triage: 'question', kind: null, voice: 'adult', lang: 'vi' }, why: '' }),
  voice: () => ({ voice: 'adult', child: [], adult: [] }),
  topicsFor: () => [],
};

/** A searcher that always finds the same guides. */
function searcherFinding(found: Ranked[]): Searcher {
  return { loadMs: 0, search: () => ({ query: { words: ['x'], terms: [{ term: 'x', boost: 1, covers: [0], fuzzy: true }] }, ranked: found, known: 1 }) };
}

/** A classifier that always reads the question the same way. */
function classifierSaying(p: Record<string, number>): TopicModel {
  return { classes: Object.keys(p), classify: () => ({ probabilities: new Map(Object.entries(p)), known: 1 }) };
}

describe('the topic classifier', () => {
  it('is trained from the guides alone, and the same content gives the same model (the generated file is up to date)', () => {
    expect(trainFromContent().model).toEqual(topicModel());
  }, 60_000);

  it('learns which words tell two guides apart', () => {
    const x = (features: string[], label: string) => ({ features, label, weight: 1 });
    const model = createTopicModel(
      trainTopicModel(
        [
          x(['con', 'bat_nat', 'truong'], 'school'),
          x(['con', 'bat_nat', 'lop'], 'school'),
          x(['con', 'bi_danh', 'truong'], 'school'),
          x(['con', 'duoi_nuoc', 'song'], 'water'),
          x(['con', 'duoi_nuoc', 'ho'], 'water'),
          x(['con', 'hoc_boi', 'ho'], 'water'),
        ],
        { minCount: 1, scale: 1 / 16 },
      ),
    );
    const { probabilities } = model.classify(['con', 'truong']);
    expect(probabilities.get('school')).toBeGreaterThan(0.7);
    // "con" is in every line: alone it says nothing.
    const neutral = model.classify(['con']).probabilities;
    expect(Math.abs(neutral.get('school')! - neutral.get('water')!)).toBeLessThan(0.2);
  });
});

describe('blending the classifier with the search', () => {
  it('two guides the search scores closely are ordered by what the classifier reads', () => {
    const found = [ranked('an-toan-tren-mang', 100), ranked('bao-luc-hoc-duong', 95)];
    const order = blend(found, new Map([['an-toan-tren-mang', 0.1], ['bao-luc-hoc-duong', 0.8]]));
    expect(order.map((r) => r.slug)).toEqual(['bao-luc-hoc-duong', 'an-toan-tren-mang']);
  });

  it('a clear search winner stays first whatever the classifier says', () => {
    const found = [ranked('an-toan-tren-mang', 100), ranked('bao-luc-hoc-duong', 40)];
    const order = blend(found, new Map([['an-toan-tren-mang', 0], ['bao-luc-hoc-duong', 1]]));
    expect(order[0]!.slug).toBe('an-toan-tren-mang');
  });

  it('never brings in a guide the search did not find', () => {
    const order = blend([ranked('an-toan-tren-mang', 100)], new Map([['bao-luc-hoc-duong', 1]]));
    expect(order.map((r) => r.slug)).toEqual(['an-toan-tren-mang']);
  });
});

describe('a weak match with the classifier', () => {
  // Coverage 0.3 with a strong score: confidence about 0.3, under the answer threshold (0.4).
  const weak = [ranked('mua-ban-bat-coc-tre-em', 2000, 0.3), ranked('tre-o-nha-mot-minh', 300, 0.3)];

  it('is answered when the classifier, on its own, picks the same guide', () => {
    const asker = createAsker(searcherFinding(weak), noEmergency, { phrases: {} }, {}, classifierSaying({ 'mua-ban-bat-coc-tre-em': 0.7, 'tre-o-nha-mot-minh': 0.3 }));
    expect(asker.ask('?')).toMatchObject({ kind: 'answer', topic: 'mua-ban-bat-coc-tre-em' });
  });

  it('stays "not sure" when the classifier reads another guide, or without a classifier', () => {
    const other = createAsker(searcherFinding(weak), noEmergency, { phrases: {} }, {}, classifierSaying({ 'mua-ban-bat-coc-tre-em': 0.2, 'tre-o-nha-mot-minh': 0.1, 'quyen-tre-em': 0.7 }));
    expect(other.ask('?').kind).toBe('unsure');
    expect(createAsker(searcherFinding(weak), noEmergency, { phrases: {} }).ask('?').kind).toBe('unsure');
  });
});

describe('a match of stray words', () => {
  // Coverage 0.45 with a strong score: confidence about 0.45, just over the answer threshold.
  const stray = [ranked('tro-giup-phap-ly', 2000, 0.45), ranked('an-toan-giao-thong', 900, 0.3)];
  const flat = Object.fromEntries(['tro-giup-phap-ly', 'an-toan-giao-thong', 'lao-dong-tre-em', 'quyen-tre-em', 'giao-duc-gioi-tinh', 'ky-luat-tich-cuc', 'ho-tro-tam-ly', 'duong-day-nong'].map((s) => [s, 0.125]));

  it('is not answered when the classifier reads no guide in the question: "not sure", with suggestions', () => {
    const asker = createAsker(searcherFinding(stray), noEmergency, { phrases: {} }, {}, classifierSaying(flat));
    expect(asker.ask('?')).toMatchObject({ kind: 'unsure', topic: null, suggestions: ['tro-giup-phap-ly', 'an-toan-giao-thong'] });
  });

  it('is answered when the classifier reads a guide, even another one', () => {
    const asker = createAsker(searcherFinding(stray), noEmergency, { phrases: {} }, {}, classifierSaying({ ...flat, 'quyen-tre-em': 0.3 }));
    expect(asker.ask('?')).toMatchObject({ kind: 'answer', topic: 'tro-giup-phap-ly' });
  });
});
