// Who writes and in which language: the reply speaks to a child as to a child, and in English when
// the message is English.
import { describe, expect, it } from 'vitest';
import { classifyTriage } from '../../src/triage';

describe('the writer', () => {
  it('a child writing in the first person ("em bị…", "tui", "bố em") is a child', () => {
    expect(classifyTriage('em bị bố đánh chảy máu mũi, bố em vẫn đang la')).toMatchObject({ voice: 'child' });
    expect(classifyTriage('tui muốn chết quá, ko ai hiểu tui')).toMatchObject({ triage: 'danger', kind: 'suicide', voice: 'child' });
    expect(classifyTriage('my stepdad hits me every night')).toMatchObject({ voice: 'child', lang: 'en' });
  });

  it('a parent writing about "con tôi", "bé nhà em", "my son" is an adult', () => {
    expect(classifyTriage('con tôi bị bỏng nước sôi ở tay')).toMatchObject({ voice: 'adult' });
    expect(classifyTriage('bé nhà em nuốt đồng xu rồi, ko thở dc')).toMatchObject({ voice: 'adult' });
    expect(classifyTriage('my son is missing since this morning')).toMatchObject({ voice: 'adult', lang: 'en' });
  });

  it('Vietnamese without diacritics is still Vietnamese', () => {
    expect(classifyTriage('con toi bi bat coc roi')).toMatchObject({ lang: 'vi', triage: 'danger' });
  });
});
