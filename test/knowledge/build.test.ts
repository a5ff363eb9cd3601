// The content build: bad frontmatter fails loudly (file + field); good content compiles to an index
// that loads with MiniSearch.loadJSON and answers without re-indexing.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ContentError, compileKnowledge, loadGuides, renderModule } from '../../scripts/content/knowledge';
import { createKnowledge } from '../../src/knowledge/knowledge';

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));
const content = fileURLToPath(new URL('../../content/', import.meta.url));

describe('building the knowledge base', () => {
  it('fails on a guide with missing fields, naming the file and each field', () => {
    expect(() => loadGuides(`${fixtures}guides-bad`)).toThrow(ContentError);
    try {
      loadGuides(`${fixtures}guides-bad`);
    } catch (err) {
      const message = (err as Error).message;
      expect(message).toContain('guides-bad/phong-chong-duoi-nuoc.md');
      expect(message).toContain('field "title_en"');
      expect(message).toContain('field "summary_en"');
      expect(message).toContain('field "questions"');
    }
  });

  it('compiles valid guides into a serialised index that answers after loadJSON', () => {
    const compiled = compileKnowledge(content, `${fixtures}guides`);
    expect(compiled.guides.map((g) => g.slug)).toEqual(['duong-day-nong', 'phong-chong-duoi-nuoc', 'bao-luc-hoc-duong']);
    expect(() => JSON.parse(compiled.indexJSON)).not.toThrow();
    const knowledge = createKnowledge(compiled);
    expect(knowledge.ask('con bi ban bat nat o truong')).toMatchObject({ kind: 'answer', topic: 'bao-luc-hoc-duong' });
    expect(knowledge.ask('cho con hoc boi o dau cho an toan')).toMatchObject({ kind: 'answer', topic: 'phong-chong-duoi-nuoc' });
  });

  it('writes a module that carries the index as a string, not as code to run', () => {
    const source = renderModule(compileKnowledge(content, `${fixtures}guides`));
    expect(source).toContain('export const indexJSON: string = "');
    expect(source).toContain('export const guides: Guide[]');
    expect(source).toContain('export const hotlines: Hotlines');
  });
});
