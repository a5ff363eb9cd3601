// `npm run bench`: every performance number in one run, ending with one JSON object on stdout.
// Each piece lives in scripts/bench/*.ts; what each number means is in the README ("Benchmarks").
import { benchAsk } from './bench/ask';
import { benchBundle } from './bench/bundle';
import { benchEdge } from './bench/edge';
import { benchWorkerCold } from './bench/worker-cold';
import { benchGeo } from './bench/geo';
import { benchHandle } from './bench/handle';
import { benchLocate } from './bench/locate';
import { benchTick } from './bench/tick';
import { benchWebhookVsEcho } from './bench/webhook';

const round = (n: number) => Math.round(n * 1000) / 1000;
const log = (line: string) => process.stderr.write(line + '\n');

async function step<T extends object>(name: string, fn: () => Promise<T>): Promise<T> {
  log(`bench: ${name}…`);
  const started = performance.now();
  const result = await fn();
  log(`bench: ${name} done in ${Math.round(performance.now() - started)} ms: ${JSON.stringify(result)}`);
  return result;
}

const ask = await step('ask', benchAsk);
const geo = await step('geo', benchGeo);
const locate = await step('locate', benchLocate);
const handle = await step('handle', benchHandle);
const tick = await step('tick (whole country)', benchTick);
const webhook = await step('webhook and the echo baseline', async () => {
  const { rounds: _rounds, ...r } = await benchWebhookVsEcho(log);
  return r;
});
const bundle = await step('bundle', benchBundle);
const edge = await step('edge (libSQL over HTTP, counted and delayed)', () => benchEdge(log));
const worker = await step('worker (workerd: cold and warm)', () => benchWorkerCold(log));

const result = {
  ask_p50_ms: round(ask.ask_p50_ms),
  ask_p99_ms: round(ask.ask_p99_ms),
  index_load_ms: round(ask.index_load_ms),
  handle_p99_ms: round(handle.handle_p99_ms),
  webhook_rps: Math.round(webhook.webhook_rps),
  baseline_echo_rps: Math.round(webhook.baseline_echo_rps),
  bundle_gzip_kib: round(bundle.bundle_gzip_kib),
  tick_ms_full_country: Math.round(tick.tick_ms_full_country),
  geo_p99_ms: round(geo.geo_p99_ms),
  locate_p99_ms: round(locate.locate_p99_ms),
  edge_roundtrips_p50: edge.edge_roundtrips_p50,
  edge_roundtrips_max: edge.edge_roundtrips_max,
  edge_answer_roundtrips_p50: edge.edge_answer_roundtrips_p50,
  edge_answer_roundtrips_max: edge.edge_answer_roundtrips_max,
  edge_officer_roundtrips_max: edge.edge_officer_roundtrips_max,
  edge_officer_answer_roundtrips_max: edge.edge_officer_answer_roundtrips_max,
  edge_update_ms_p50: Math.round(edge.edge_update_ms_p50),
  // CPU per update on the Worker's code path, estimated in Node's V8 (see scripts/bench/edge.ts).
  worker_cpu_ms_p50: round(edge.edge_cpu_ms_p50),
  worker_startup_ms: Math.round(worker.worker_startup_ms),
  worker_startup_cpu_ms: Math.round(worker.worker_startup_cpu_ms),
  worker_cold_start_ms: Math.round(worker.worker_cold_start_ms),
  worker_warm_ms: Math.round(worker.worker_warm_ms),
  // The same two for a Worker that only answers 200 (miniflare's and workerd's own first-request cost).
  worker_cold_floor_ms: Math.round(worker.worker_cold_floor_ms),
  worker_warm_floor_ms: Math.round(worker.worker_warm_floor_ms),
};
// The targets (#8), and goals of our own beyond them, reported apart.
const targets = {
  handle_p99_ms: result.handle_p99_ms < 10,
  ask_p99_ms: result.ask_p99_ms < 2,
  webhook_rps: result.webhook_rps >= 0.5 * result.baseline_echo_rps,
  bundle_gzip_kib: result.bundle_gzip_kib <= 400,
  tick_ms_full_country: result.tick_ms_full_country < 1000,
};
const ownGoals = {
  index_load_ms: result.index_load_ms < 20,
  geo_p99_ms: result.geo_p99_ms < 2,
  locate_p99_ms: result.locate_p99_ms < 2,
};
// The edge targets (#17).
const edgeTargets = {
  edge_roundtrips_p50: result.edge_roundtrips_p50 <= 2,
  edge_roundtrips_max: result.edge_roundtrips_max <= 3,
  edge_update_ms_p50: result.edge_update_ms_p50 <= 120,
  worker_startup_ms: result.worker_startup_ms < 50,
  worker_cold_vs_warm: result.worker_cold_start_ms <= 2 * result.worker_warm_ms,
};
const verdict = (o: Record<string, boolean>) => (Object.values(o).every(Boolean) ? 'all met' : `NOT met: ${Object.keys(o).filter((k) => !o[k]).join(', ')}`);
log(`bench: targets ${verdict(targets)}; edge targets ${verdict(edgeTargets)}; own goals ${verdict(ownGoals)}`);
process.stdout.write(JSON.stringify({ ...result, targets_met: targets, edge_targets_met: edgeTargets, own_goals_met: ownGoals }) + '\n');
