// Scores resolveCommune on address sets: accuracy overall, on old addresses, without diacritics,
// and on split communes. By default both the generated dev set (test/fixtures/addresses.jsonl) and
// the hand-written held-out set (test/fixtures/addresses-holdout.jsonl).
// Run: npm run eval:locate [-- FILE.jsonl ...] [--failures]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { mapIndexFromFiles } from '../src/routing/map-index';
import { resolveCommune } from '../src/routing/resolve';

const sampleSchema = z.object({
  input: z.string(),
  kind: z.enum(['current', 'old', 'split', 'ambiguous', 'mixed']),
  no_diacritics: z.boolean(),
  expect: z.object({ commune: z.string().nullable(), candidates: z.array(z.string()) }),
});
type Sample = z.infer<typeof sampleSchema>;

const args = process.argv.slice(2);
const named = args.filter((a) => !a.startsWith('--'));
const files =
  named.length > 0
    ? named
    : ['addresses.jsonl', 'addresses-holdout.jsonl'].map((name) => fileURLToPath(new URL(`../test/fixtures/${name}`, import.meta.url)));
const showFailures = args.includes('--failures');

const built = performance.now();
const index = mapIndexFromFiles(fileURLToPath(new URL('../content/map/', import.meta.url)));
const buildMs = performance.now() - built;

/** Right when the one expected commune is returned, or, when none is expected, when every expected candidate is offered. */
function isRight(s: Sample, result: ReturnType<typeof resolveCommune>): boolean {
  if (s.expect.commune) return result.commune?.code === s.expect.commune;
  const offered = new Set(result.candidates.map((c) => c.code));
  return result.commune === null && s.expect.candidates.every((code) => offered.has(code));
}

/** Scores one file and prints its table (and failures when asked). */
function evaluate(file: string): void {
  const samples: Sample[] = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => sampleSchema.parse(JSON.parse(line)));
  const groups: Record<string, { right: number; total: number }> = {};
  const tally = (group: string, right: boolean): void => {
    const g = (groups[group] ??= { right: 0, total: 0 });
    g.total++;
    if (right) g.right++;
  };
  // One untimed pass first, so the timings below measure steady lookups, not the JIT warming up.
  for (const s of samples) resolveCommune(s.input, index);
  const times: number[] = [];
  const failures: string[] = [];
  for (const s of samples) {
    const started = performance.now();
    const result = resolveCommune(s.input, index);
    times.push(performance.now() - started);
    const right = isRight(s, result);
    tally('overall', right);
    tally(`kind:${s.kind}`, right);
    if (s.kind === 'old' || s.kind === 'split') tally('old addresses (old + split)', right);
    if (s.no_diacritics) tally('no diacritics', right);
    if (!right) {
      const got = result.commune ? result.commune.code : `null [${result.candidates.map((c) => c.code).join(',')}]`;
      failures.push(`${s.kind}\t${s.input}\texpected ${s.expect.commune ?? `null ⊇ [${s.expect.candidates.join(',')}]`}\tgot ${got} (${result.via})`);
    }
  }

  times.sort((a, b) => a - b);
  const pct = (q: number): number => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  const order = ['overall', 'old addresses (old + split)', 'no diacritics', 'kind:split', 'kind:current', 'kind:old', 'kind:ambiguous', 'kind:mixed'];
  console.log(`locate eval on ${file} (${samples.length} lines)`);
  for (const name of order) {
    const g = groups[name];
    if (!g) continue;
    console.log(`  ${name.padEnd(30)} ${((100 * g.right) / g.total).toFixed(1).padStart(5)}%  (${g.right}/${g.total})`);
  }
  console.log(`  lookup p50 ${pct(0.5).toFixed(3)} ms, p99 ${pct(0.99).toFixed(3)} ms`);
  if (showFailures) for (const line of failures) console.log(line);
}

console.log(`index build ${buildMs.toFixed(0)} ms`);
for (const file of files) evaluate(file);
