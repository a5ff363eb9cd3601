// The searcher keeps one set of MiniSearch options for its lifetime (they are the index's default
// search options) and switches between the exact and the typo pass per question: no question may
// leave that switch, or its terms, behind for the next one.
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileKnowledge, type CompiledKnowledge } from '../../scripts/content/knowledge';
import { createSearcher } from '../../src/knowledge/search';

const content = fileURLToPath(new URL('../../content/', import.meta.url));
let compiled: CompiledKnowledge;

beforeAll(() => {
  compiled = compileKnowledge(content);
});

const fresh = () => createSearcher(compiled.searchIndex, compiled.synonyms);

describe('searching the guides', () => {
  it('a misspelled word ("bat nac") still finds the school-violence guide through the typo pass', () => {
    const top = fresh().search('con bi ban bat nac o truong').ranked[0];
    expect(top?.slug).toBe('bao-luc-hoc-duong');
  });

  it('a question after a misspelled one is ranked exactly as by a searcher that never saw the typo', () => {
    const used = fresh();
    used.search('con bi ban bat nac o truong');
    const after = used.search('chau bi duoi nuoc phai lam gi').ranked;
    expect(after).toEqual(fresh().search('chau bi duoi nuoc phai lam gi').ranked);
  });

  it("an English question's filler words (making, things, really, don't) are not what it is about", () => {
    const { query } = fresh().search("she is really making things up, I don't think she's lying");
    expect(query.words).toEqual(['lying']);
    expect(fresh().search('a restaurant is making a 12 year old work long hours').query.words).not.toContain('mak');
  });

  it('an English question meets a guide through its English tags ("restraining order" is only in tags_en)', () => {
    const guide = compiled.guides.find((g) => g.slug === 'bao-luc-gia-dinh')!;
    expect(guide.tags_en.join(' ')).toContain('restraining order');
    expect(`${guide.title_en} ${guide.summary_en}`.toLowerCase()).not.toContain('restraining');
    expect(fresh().search('how do I get a restraining order against him').ranked[0]?.slug).toBe('bao-luc-gia-dinh');
  });

  it('asking the same question twice gives the same ranking', () => {
    const s = fresh();
    const first = s.search('my son is bullied at school').ranked;
    expect(s.search('my son is bullied at school').ranked).toEqual(first);
  });

  it('a question with no searchable words finds nothing and leaves the next question unaffected', () => {
    const s = fresh();
    expect(s.search('?!').ranked).toEqual([]);
    expect(s.search('con bi bat nat o truong').ranked[0]?.slug).toBe('bao-luc-hoc-duong');
  });
});
