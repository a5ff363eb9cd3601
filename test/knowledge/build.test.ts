// The content build: bad frontmatter fails loudly (file + field); good content compiles to a packed
// index that loads with MiniSearch.loadJS and answers without re-indexing.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ContentError, compileKnowledge, loadGuides, renderModule } from '../../scripts/content/knowledge';
import type { AsPlainObject } from 'minisearch';
import { createKnowledge } from '../../src/knowledge/knowledge';
import { buildIndex, indexOptions, loadIndex, serializeIndex, stopListOf, type PackedIndex } from '../../src/knowledge/search-index';
import { fold } from '../../src/knowledge/text';
import { unpackedOnce, parsedOnce } from '../../src/ground/once';
import { COMPRESS_FROM_CHARS } from '../../scripts/content-literal';

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

  it('compiles valid guides into a packed index that answers once loaded', () => {
    const compiled = compileKnowledge(content, `${fixtures}guides`);
    expect(compiled.guides.map((g) => g.slug)).toEqual(['duong-day-nong', 'phong-chong-duoi-nuoc', 'bao-luc-hoc-duong']);
    const knowledge = createKnowledge(compiled);
    expect(knowledge.ask('con bi ban bat nat o truong')).toMatchObject({ kind: 'answer', topic: 'bao-luc-hoc-duong' });
    expect(knowledge.ask('cho con hoc boi o dau cho an toan')).toMatchObject({ kind: 'answer', topic: 'phong-chong-duoi-nuoc' });
  });

  it('packs the index losslessly: loaded, it is exactly the index that was built', () => {
    const compiled = compileKnowledge(content, `${fixtures}guides`);
    const index = buildIndex(compiled.guides, compiled.synonyms);
    const plain = (js: AsPlainObject) => ({ ...js, index: new Map(js.index) });
    const reloaded = (packed: PackedIndex) => loadIndex(packed, compiled.synonyms).index.toJSON();
    expect(plain(reloaded(compiled.searchIndex))).toEqual(plain(index.toJSON()));
    // Terms that share a long prefix, tf > 1 and document gaps over 9 survive the round trip too.
    const many = Array.from({ length: 40 }, (_, i) => ({ ...compiled.guides[0]!, slug: `g${i}`, body: i % 12 === 0 ? 'chuyen chuyen chuyen nghiep' : `chuyen tu ${i}` }));
    const big = buildIndex(many, compiled.synonyms);
    const packed = serializeIndex(big);
    expect(packed.postings).toMatch(/:[2-9a-z]/); // a term frequency over 1
    expect(packed.postings).toMatch(/,[a-z]/); // a gap of 10 or more between documents
    expect(plain(reloaded(packed))).toEqual(plain(big.toJSON()));
  });

  it('loads the packed terms into the same radix tree MiniSearch builds itself, edge for edge', () => {
    // loadIndex builds the tree in one pass from the packed order; a search walks its edges, so the
    // shape (not only the entries toJSON lists) must be MiniSearch's own.
    const compiled = compileKnowledge(content);
    const built = buildIndex(compiled.guides, compiled.synonyms);
    type Node = Map<string, unknown>;
    const treeOf = (m: unknown) => (m as { _index: { _tree: Node } })._index._tree;
    // A term's data is read as a Map (loadIndex's postings are decoded on first use): field → docs.
    const data = (v: unknown) => new Map([...(v as Map<number, Map<number, number>>)].map(([field, docs]) => [field, new Map(docs)]));
    const shape = (node: Node): unknown =>
      Object.fromEntries([...node.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, k === '' ? data(v) : shape(v as Node)]));
    const loaded = loadIndex(serializeIndex(built), compiled.synonyms).index;
    expect(shape(treeOf(loaded))).toEqual(shape(treeOf(built)));
  });

  it('writes a module that carries the content as JSON text, compressed when large, parsed only when first read', () => {
    const compiled = compileKnowledge(content, `${fixtures}guides`);
    const source = renderModule(compiled);
    const runtimeGuides = compiled.guides.map((g) => ({ ...g, questions: [], tags: [] }));
    const expected: Record<string, unknown> = { ...compiled, guides: runtimeGuides };
    const parts = [...source.matchAll(/^export const (\w+) = (parsedOnce|unpackedOnce)<[^>]+>\((.*)\);$/gm)];
    expect(parts.map((p) => p[1])).toEqual(['guides', 'synonyms', 'triage', 'hotlines', 'offtopic', 'searchIndex']);
    for (const [, name, reader, literal] of parts) {
      // Compressed exactly when its JSON text is long; either way the text is the content itself.
      expect(reader, name).toBe(JSON.stringify(expected[name!]).length >= COMPRESS_FROM_CHARS ? 'unpackedOnce' : 'parsedOnce');
      const read = reader === 'parsedOnce' ? parsedOnce(JSON.parse(literal!) as string) : unpackedOnce(/^'([A-Za-z0-9+/=]+)'$/.exec(literal!)![1]!);
      expect(read(), name).toEqual(expected[name!]);
    }
    expect(parts.map((p) => p[2])).toContain('unpackedOnce');
    expect(source).toContain('export const hotlines = parsedOnce<Hotlines>("{');
  });

  it('indexes an English sample question by its words only, a Vietnamese one with its two-syllable terms', () => {
    const { synonyms } = compileKnowledge(content, `${fixtures}guides`);
    const tokenize = indexOptions(stopListOf(synonyms)).tokenize!;
    const terms = tokenize('is it ok to smack a toddler . con bi ban bat nat o truong', 'questions');
    expect(terms).toEqual(expect.arrayContaining(['smack', 'toddler', 'bat_nat', 'nat_o']));
    expect(terms.filter((t) => /^(is|it|ok|to|smack|a|toddler)_/.test(t))).toEqual([]);
    // Other fields are unchanged: a title keeps its bigrams, the English title and summary have none.
    expect(tokenize('Bạo lực học đường', 'title')).toContain('hoc_duong');
    expect(tokenize('School violence and bullying', 'english').some((t) => t.includes('_'))).toBe(false);
  });

  it('keeps the evaluation sets out of the index: no guide sample question is a line of any test/fixtures/**/*.jsonl', () => {
    // Compared ignoring case, spacing, punctuation and diacritics (search folds all of them), so a
    // labelled question copied into a guide, even retyped without marks, is caught. Only the
    // guide's own line is printed, never the set's.
    const key = (text: string) => fold(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    const jsonl = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? jsonl(join(dir, e.name)) : e.name.endsWith('.jsonl') ? [join(dir, e.name)] : [],
      );
    const files = jsonl(fixtures);
    expect(files.length).toBeGreaterThan(5);
    const evalLines = new Map<string, string>();
    for (const file of files) {
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        if (!line.trim()) continue;
        const q = (JSON.parse(line) as { q?: unknown }).q;
        if (typeof q === 'string') evalLines.set(key(q), file.slice(fixtures.length));
      }
    }
    expect(evalLines.size).toBeGreaterThan(500);
    const { guides } = loadGuides(`${content}guides`);
    const leaks = guides.flatMap((g) =>
      g.questions.filter((q) => evalLines.has(key(q))).map((q) => `${g.slug}: "${q}" (in ${evalLines.get(key(q))})`),
    );
    expect(leaks).toEqual([]);
  });
});
