// Knowledge build: validates content/guides/*.md and the vocabulary files with zod, builds the
// MiniSearch index and writes everything (index serialised) to src/knowledge/compiled.generated.ts.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import {
  GUIDE_SLUGS,
  frontmatterSchema,
  hotlinesSchema,
  offtopicSchema,
  synonymsSchema,
  triageExamplesSchema,
  triageSchema,
  type Guide,
  type Hotlines,
  type Offtopic,
  type Synonyms,
  type TriageRules,
} from '../../src/knowledge/schema';
import { buildIndex, serializeIndex, type PackedIndex } from '../../src/knowledge/search-index';
import { createTriage } from '../../src/triage/classify';
import { DANGER_KINDS } from '../../src/triage/outcome';
import { expandShorthand } from '../../src/knowledge/text';
import { contentOnce, onceImport } from '../content-literal';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OUT = join(ROOT, 'src/knowledge/compiled.generated.ts');
const BODY_SOFT_LIMIT = 2500;

export interface CompiledKnowledge {
  guides: Guide[];
  searchIndex: PackedIndex;
  synonyms: Synonyms;
  triage: TriageRules;
  hotlines: Hotlines;
  offtopic: Offtopic;
  warnings: string[];
}

/** Thrown when content is invalid; the message names every bad file and field. */
export class ContentError extends Error {}

function describe(file: string, error: z.ZodError): string[] {
  return error.issues.map((i) => `${file}: field "${i.path.join('.') || '(root)'}": ${i.message}`);
}

function parseWith<T>(schema: z.ZodType<T>, value: unknown, file: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new ContentError(describe(file, result.error).join('\n'));
  return result.data;
}

function readYaml(path: string): unknown {
  return parseYaml(readFileSync(path, 'utf8'));
}

/** Splits "---\nfrontmatter\n---\nbody". */
function splitFrontmatter(source: string, file: string): { data: unknown; body: string } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source.replace(/^\uFEFF/, ''));
  if (!m) throw new ContentError(`${file}: field "(frontmatter)": missing "---" frontmatter block`);
  try {
    return { data: parseYaml(m[1]!), body: m[2]!.trim() };
  } catch (err) {
    throw new ContentError(`${file}: field "(frontmatter)": invalid YAML: ${(err as Error).message}`);
  }
}

/** Reads and validates every guide in `dir`; collects all problems before failing. */
export function loadGuides(dir: string): { guides: Guide[]; warnings: string[] } {
  const files = readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
  const errors: string[] = [];
  const warnings: string[] = [];
  const guides: Guide[] = [];
  for (const name of files) {
    const file = join(basename(dir), name);
    try {
      const { data, body } = splitFrontmatter(readFileSync(join(dir, name), 'utf8'), file);
      const fm = parseWith(frontmatterSchema, data, file);
      if (fm.slug !== name.replace(/\.md$/, '')) {
        errors.push(`${file}: field "slug": "${fm.slug}" does not match the file name`);
      }
      if (!body) errors.push(`${file}: field "body": empty`);
      else if (!/^##\s*Cần làm gì/imu.test(body)) {
        errors.push(`${file}: field "body": must end with a "## Cần làm gì / gọi ai" section`);
      }
      if (body.length > BODY_SOFT_LIMIT * 1.2) warnings.push(`${file}: body is ${body.length} characters`);
      guides.push({ ...fm, body });
    } catch (err) {
      if (err instanceof ContentError) errors.push(err.message);
      else throw err;
    }
  }
  const known = new Set<string>(GUIDE_SLUGS);
  const present = new Set(guides.map((g) => g.slug));
  for (const g of guides) {
    if (!known.has(g.slug)) errors.push(`${join(basename(dir), g.slug)}.md: field "slug": not one of the 26 topic ids`);
    g.related.forEach((r, i) => {
      if (!known.has(r)) errors.push(`${join(basename(dir), g.slug)}.md: field "related.${i}": unknown slug "${r}"`);
      else if (!present.has(r)) warnings.push(`${g.slug}: related "${r}" is not written yet`);
    });
  }
  const missing = GUIDE_SLUGS.filter((s) => !present.has(s));
  if (missing.length > 0) warnings.push(`missing guides: ${missing.join(', ')}`);
  if (errors.length > 0) throw new ContentError(errors.join('\n'));
  return { guides, warnings };
}

/** Triage kinds must be the contract's (src/triage/outcome.ts) and point to known guides. */
function checkTriage(triage: TriageRules): void {
  const errors: string[] = [];
  const slugs = GUIDE_SLUGS as readonly string[];
  const checkTopics = (field: string, topics: readonly string[]) =>
    topics.forEach((t, i) => {
      if (!slugs.includes(t)) errors.push(`triage.yaml: field "${field}.topics.${i}": unknown slug "${t}"`);
    });
  for (const [kind, k] of Object.entries(triage.danger)) {
    if (!(DANGER_KINDS as readonly string[]).includes(kind)) {
      errors.push(`triage.yaml: field "danger.${kind}": not a danger kind of src/triage/outcome.ts`);
    }
    checkTopics(`danger.${kind}`, k.topics);
  }
  for (const kind of DANGER_KINDS) {
    if (kind !== 'unspecified' && !triage.danger[kind]) errors.push(`triage.yaml: field "danger.${kind}": missing`);
  }
  for (const [kind, k] of Object.entries(triage.disclosure)) checkTopics(`disclosure.${kind}`, k.topics);
  for (const kind of Object.keys(triage.distress)) {
    if (!(DANGER_KINDS as readonly string[]).includes(kind)) {
      errors.push(`triage.yaml: field "distress.${kind}": not a danger kind`);
    }
  }
  if (errors.length > 0) throw new ContentError(errors.join('\n'));
}

/** Every example in content/triage-examples.yaml must triage as labelled; the message says why not. */
function checkTriageExamples(
  rules: TriageRules,
  examples: ReadonlyArray<{ text: string; triage: string; kind?: string }>,
  shorthand: Readonly<Record<string, string>>,
): void {
  const triage = createTriage(rules);
  const errors: string[] = [];
  examples.forEach((x, i) => {
    const { outcome, why } = triage.explain(expandShorthand(x.text, shorthand));
    if (outcome.triage !== x.triage || (x.kind !== undefined && outcome.kind !== x.kind)) {
      errors.push(
        `triage-examples.yaml: field "examples.${i}": "${x.text}" is ${outcome.triage} ${outcome.kind ?? ''}, ` +
          `not ${x.triage} ${x.kind ?? ''} (${why})`,
      );
    }
  });
  if (errors.length > 0) throw new ContentError(errors.join('\n'));
}

/** Validates all of content/ and builds the index; pure apart from reading files. */
export function compileKnowledge(contentDir: string, guidesDir = join(contentDir, 'guides')): CompiledKnowledge {
  const { guides, warnings } = loadGuides(guidesDir);
  const synonyms = parseWith(synonymsSchema, readYaml(join(contentDir, 'synonyms.yaml')), 'synonyms.yaml');
  const triage = parseWith(triageSchema, readYaml(join(contentDir, 'triage.yaml')), 'triage.yaml');
  const hotlines = parseWith(hotlinesSchema, readYaml(join(contentDir, 'hotlines.yaml')), 'hotlines.yaml');
  const offtopic = parseWith(offtopicSchema, readYaml(join(contentDir, 'offtopic.yaml')), 'offtopic.yaml');
  const numbers = new Set(hotlines.national.map((h) => h.number));
  hotlines.emergency_order.forEach((n, i) => {
    if (!numbers.has(n)) throw new ContentError(`hotlines.yaml: field "emergency_order.${i}": ${n} is not a national line`);
  });
  checkTriage(triage);
  const examples = parseWith(triageExamplesSchema, readYaml(join(contentDir, 'triage-examples.yaml')), 'triage-examples.yaml');
  checkTriageExamples(triage, examples.examples, synonyms.shorthand);
  // Topic menus follow the fixed order of the 26 ids, not the file names.
  const order = (slug: string) => (GUIDE_SLUGS as readonly string[]).indexOf(slug);
  guides.sort((a, b) => order(a.slug) - order(b.slug));
  const searchIndex = serializeIndex(buildIndex(guides, synonyms));
  return { guides, searchIndex, synonyms, triage, hotlines, offtopic, warnings };
}

export function renderModule(c: CompiledKnowledge): string {
  // Each part is JSON text in a string literal (compressed when large), parsed on first use: cheaper for
  // V8 to compile at a Worker's start than the same data as object literals, and nothing is parsed until
  // read (scripts/content-literal.ts).
  // A guide's sample questions and tags only feed the search index, which is built here.
  const runtimeGuides = c.guides.map((g) => ({ ...g, questions: [], tags: [] }));
  const body = `/** The guides as read at run time: \`questions\` and \`tags\` are left empty (they live in the index). */
export const guides = ${contentOnce('Guide[]', runtimeGuides)};
export const synonyms = ${contentOnce('Synonyms', c.synonyms)};
export const triage = ${contentOnce('TriageRules', c.triage)};
export const hotlines = ${contentOnce('Hotlines', c.hotlines)};
export const offtopic = ${contentOnce('Offtopic', c.offtopic)};
/** The guide index, packed (see PackedIndex); unpacked and loaded with MiniSearch.loadJS on first use. */
export const searchIndex = ${contentOnce('PackedIndex', c.searchIndex)};
`;
  return `// GENERATED by scripts/content/knowledge.ts from content/ — do not edit; run \`npm run build:content\`.
${onceImport(body)}import type { Guide, Hotlines, Offtopic, Synonyms, TriageRules } from './schema';
import type { PackedIndex } from './search-index';

${body}`;
}

export async function build(): Promise<string> {
  const compiled = compileKnowledge(join(ROOT, 'content'));
  writeFileSync(OUT, renderModule(compiled));
  const kb = Math.round((compiled.searchIndex.terms.length + compiled.searchIndex.postings.length) / 1024);
  const notes = compiled.warnings.length > 0 ? `; warnings:\n  ${compiled.warnings.join('\n  ')}` : '';
  return `${compiled.guides.length} guides, index ${kb} KB → src/knowledge/compiled.generated.ts${notes}`;
}
