// Scores resolveCommune on address sets. Each answer is one of three outcomes:
//   right      the expected commune (or, when the text names a split commune, no single answer and
//              every expected candidate offered);
//   wrong      a single commune that is not the expected one: the report would go to the wrong
//              officer, with confidence. This is the safety number;
//   asked      no single commune: the reporter is asked to pick among candidates or to retype.
// Reported per file, and within a file per kind, per part (dev / aside) and per style, plus
// lookup timings. By default the generated dev set, the hand-written held-out set and our own
// noisy set (test/fixtures/addresses-noisy-own.jsonl, hand-written; its "aside" part is only for
// the final report).
// With --db, the addresses go through the database resolver that Workers use (createDbAddressResolver:
// a partial map per lookup, with the wards of the provinces and districts written for fuzzy matching)
// on a freshly imported temporary database.
// Run: npm run eval:locate [-- FILE.jsonl ... | DIR ...] [--failures] [--part dev|aside] [--db]
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { migrateDb } from '../src/db/migrate';
import { openDb } from '../src/db/node-client';
import { createDbAddressResolver } from '../src/routing/db-resolve';
import { importCommuneMap } from '../src/routing/import';
import { mapIndexFromFiles } from '../src/routing/map-records';
import { resolveCommune, type ResolveResult } from '../src/routing/resolve';

const sampleSchema = z.object({
  input: z.string(),
  kind: z.string(),
  no_diacritics: z.boolean().optional(),
  expect: z.object({ commune: z.string().nullable(), candidates: z.array(z.string()) }),
  part: z.string().optional(),
  style: z.string().optional(),
});
type Sample = z.infer<typeof sampleSchema>;
type Outcome = 'right' | 'wrong' | 'asked';

const args = process.argv.slice(2);
const valueOf = (flag: string): string | undefined => {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
};
const onlyPart = valueOf('--part');
const named = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--part');
const fixture = (name: string): string => fileURLToPath(new URL(`../test/fixtures/${name}`, import.meta.url));
const expand = (path: string): string[] =>
  statSync(path).isDirectory()
    ? readdirSync(path)
        .filter((f) => /^address.*\.jsonl$/u.test(f)) // a folder may hold other sets (questions, triage)
        .sort()
        .map((f) => join(path, f))
    : [path];
const files = (named.length > 0 ? named : ['addresses.jsonl', 'addresses-holdout.jsonl', 'addresses-noisy-own.jsonl'].map(fixture)).flatMap(expand);
const showFailures = args.includes('--failures');

const MAP_DIR = fileURLToPath(new URL('../content/map/', import.meta.url));
const useDb = args.includes('--db');
const built = performance.now();
const index = mapIndexFromFiles(MAP_DIR);
const buildMs = performance.now() - built;

type Resolver = (text: string) => ResolveResult | Promise<ResolveResult>;
let resolver: Resolver = (text) => resolveCommune(text, index);
let closeDb = (): void => undefined;
if (useDb) {
  const dir = mkdtempSync(join(tmpdir(), 'baove-eval-'));
  const handle = openDb(`file:${join(dir, 'eval.db')}`);
  await migrateDb(handle.db, handle.client);
  await importCommuneMap(handle.db, MAP_DIR, () => undefined);
  resolver = createDbAddressResolver(handle.db);
  closeDb = () => {
    handle.close();
    rmSync(dir, { recursive: true, force: true });
  };
}

function outcomeOf(s: Sample, result: ResolveResult): Outcome {
  if (s.expect.commune) {
    if (result.commune?.code === s.expect.commune) return 'right';
    return result.commune ? 'wrong' : 'asked';
  }
  if (result.commune) return 'wrong';
  const offered = new Set(result.candidates.map((c) => c.code));
  return s.expect.candidates.every((code) => offered.has(code)) ? 'right' : 'asked';
}

interface Tally {
  right: number;
  wrong: number;
  asked: number;
  total: number;
}

/** Scores one file and prints its table (and failures when asked). Returns the overall tally. */
async function evaluate(file: string): Promise<Tally> {
  const samples: Sample[] = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => sampleSchema.parse(JSON.parse(line)))
    .filter((s) => !onlyPart || (s.part ?? 'dev') === onlyPart);
  const groups = new Map<string, Tally>();
  const tally = (group: string, outcome: Outcome): void => {
    const g = groups.get(group) ?? { right: 0, wrong: 0, asked: 0, total: 0 };
    groups.set(group, g);
    g.total++;
    g[outcome]++;
  };
  // One untimed pass first, so the timings below measure steady lookups, not the JIT warming up.
  for (const s of samples) await resolver(s.input);
  const times: number[] = [];
  const failures: string[] = [];
  for (const s of samples) {
    const started = performance.now();
    const result = await resolver(s.input);
    times.push(performance.now() - started);
    const outcome = outcomeOf(s, result);
    tally('overall', outcome);
    if (s.part) tally(`part:${s.part}`, outcome);
    if (s.style) tally(`style:${s.style}`, outcome);
    tally(`kind:${s.kind}`, outcome);
    if (s.kind === 'old' || s.kind === 'split') tally('old addresses (old + split)', outcome);
    if (s.no_diacritics) tally('no diacritics', outcome);
    // The aside part is not for tuning: its failures are never printed.
    if (outcome !== 'right' && s.part !== 'aside') {
      const got = result.commune ? `${result.commune.code} ${result.commune.name}` : `null [${result.candidates.map((c) => c.code).join(',')}]`;
      failures.push(`${outcome.toUpperCase()}\t${s.kind}\t${s.input}\texpected ${s.expect.commune ?? `null ⊇ [${s.expect.candidates.join(',')}]`}\tgot ${got} (${result.via})`);
    }
  }

  times.sort((a, b) => a - b);
  const pct = (q: number): number => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  const first = ['overall', 'old addresses (old + split)', 'no diacritics'];
  const order = [...first, ...[...groups.keys()].filter((k) => !first.includes(k)).sort()];
  const p = (n: number, d: number): string => `${((100 * n) / d).toFixed(1).padStart(5)}%`;
  console.log(`locate eval on ${file} (${samples.length} lines${onlyPart ? `, part ${onlyPart}` : ''}${useDb ? ', database resolver' : ''})`);
  console.log(`  ${''.padEnd(30)}  right   wrong   asked`);
  for (const name of order) {
    const g = groups.get(name);
    if (!g) continue;
    console.log(`  ${name.padEnd(30)} ${p(g.right, g.total)}  ${p(g.wrong, g.total)}  ${p(g.asked, g.total)}  (${g.right}/${g.wrong}/${g.asked} of ${g.total})`);
  }
  console.log(`  lookup p50 ${pct(0.5).toFixed(3)} ms, p99 ${pct(0.99).toFixed(3)} ms`);
  if (showFailures) for (const line of failures) console.log(line);
  return groups.get('overall') ?? { right: 0, wrong: 0, asked: 0, total: 0 };
}

console.log(`index build ${buildMs.toFixed(0)} ms`);
for (const file of files) await evaluate(file);
closeDb();
