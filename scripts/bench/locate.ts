// Benchmark of address routing: how long the map index takes to build, and resolveCommune per lookup
// (p50/p99 over the dev set addresses, after a warm-up pass). Run alone: npx tsx scripts/bench/locate.ts
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { mapIndexFromFiles } from '../../src/routing/map-records';
import { resolveCommune } from '../../src/routing/resolve';

const MAP_DIR = fileURLToPath(new URL('../../content/map/', import.meta.url));
const DEV_SET = fileURLToPath(new URL('../../test/fixtures/addresses.jsonl', import.meta.url));
const ROUNDS = 3;

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

const round3 = (ms: number): number => Math.round(ms * 1000) / 1000;

export async function benchLocate(): Promise<{ locate_p50_ms: number; locate_p99_ms: number; map_index_build_ms: number }> {
  const inputs = readFileSync(DEV_SET, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => (JSON.parse(line) as { input: string }).input);

  const started = performance.now();
  const index = mapIndexFromFiles(MAP_DIR);
  const buildMs = performance.now() - started;

  for (const input of inputs) resolveCommune(input, index); // warm-up
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const input of inputs) {
      const t0 = performance.now();
      resolveCommune(input, index);
      times.push(performance.now() - t0);
    }
  }
  times.sort((a, b) => a - b);
  return { locate_p50_ms: round3(percentile(times, 0.5)), locate_p99_ms: round3(percentile(times, 0.99)), map_index_build_ms: Math.round(buildMs) };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify(await benchLocate()));
}
