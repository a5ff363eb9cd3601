// Benchmarks `ask` in-process (triage + search + decision) over the dev questions, and the cold-start
// index load (MiniSearch.loadJSON of the serialised index compiled into the module; no indexing).
import { readFileSync } from 'node:fs';
import * as compiled from '../../src/knowledge/compiled.generated';
import { createKnowledge } from '../../src/knowledge/knowledge';
import { loadIndex } from '../../src/knowledge/search-index';

const ROUNDS = 20;

function questions(): string[] {
  const path = new URL('../../test/fixtures/questions.jsonl', import.meta.url);
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { q: string }).q);
}

const ms = (x: number) => Math.round(x * 1000) / 1000;

export async function benchAsk(): Promise<{ ask_p50_ms: number; ask_p99_ms: number; index_load_ms: number }> {
  // The first load in this process is the cold start: nothing of MiniSearch has run (or been JIT-compiled) yet.
  const t0 = performance.now();
  loadIndex(compiled.indexJSON, compiled.synonyms);
  const coldLoad = performance.now() - t0;

  const knowledge = createKnowledge(compiled);
  const qs = questions();
  for (const q of qs) knowledge.ask(q); // warm-up
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const q of qs) {
      const t = performance.now();
      knowledge.ask(q);
      times.push(performance.now() - t);
    }
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => ms(times[Math.min(times.length - 1, Math.floor(p * times.length))]!);
  return { ask_p50_ms: at(0.5), ask_p99_ms: at(0.99), index_load_ms: ms(coldLoad) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchAsk()));
}
