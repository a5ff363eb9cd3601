// Cold and warm Worker requests in workerd (miniflare, the runtime `wrangler dev` uses), on the bundle
// `wrangler deploy` would upload, against a libSQL server over HTTP and a fake Bot API on 127.0.0.1.
// - worker_startup_ms: loading the bundle's top level (parse, compile, module evaluation) in Node's V8,
//   median of fresh processes. workerd does not report it locally; Cloudflare's start-up limit counts
//   the same work. The probe imports a copy named worker.mjs: Workers load worker.js as an ES module,
//   but Node, for a .js file with no package.json saying "module", first compiles it as CommonJS to
//   detect its format (a second full parse of the 1.2 MB, ~20 ms, counted until 3 Dec). worker_startup_cpu_ms: the CPU time of that load (the process's, so V8's background
//   compile and GC threads count too): on a shared, loaded machine the wall time mostly measures the
//   wait for a core, and the start-up limit is one of CPU.
// - worker_cold_start_ms: a fresh isolate's first request (a Telegram /start through the webhook: boot,
//   database, reply), median over fresh workerd instances.
// - worker_warm_ms: the same request on a warm isolate, median.
// - worker_cold_floor_ms / worker_warm_floor_ms: the same two for a Worker that only answers 200, in
//   the same setup: what miniflare and workerd cost on a first request before any of our code runs
//   (context for the two above; no target).
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Miniflare } from 'miniflare';
import { startFakeTelegram } from '../../test/workers/fake-telegram';
import { startEdgeDatabase } from './edge-world';
import { BENCH_DATA_KEY, WEBHOOK_SECRET } from './server-process';
import { FAKE_BOT_INFO, FAKE_BOT_TOKEN } from './fake-bot-api';
import { textUpdate } from './updates';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);

export interface WorkerColdBench {
  worker_startup_ms: number;
  worker_startup_cpu_ms: number;
  worker_cold_start_ms: number;
  worker_warm_ms: number;
  worker_cold_floor_ms: number;
  worker_warm_floor_ms: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? 0;

export async function benchWorkerCold(log: (line: string) => void = () => undefined, rounds = 5): Promise<WorkerColdBench> {
  const outdir = await mkdtemp(join(tmpdir(), 'baove-worker-'));
  const db = await startEdgeDatabase();
  const telegram = await startFakeTelegram(FAKE_BOT_TOKEN);
  try {
    await run(join(ROOT, 'node_modules', '.bin', 'wrangler'), ['deploy', '--dry-run', '--outdir', outdir], {
      cwd: ROOT,
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: '1' },
      maxBuffer: 16 * 1024 * 1024,
    });
    const script = join(outdir, 'worker.js');
    const bindings = {
      DATABASE_URL: db.proxy.url,
      DATA_KEY: BENCH_DATA_KEY,
      TELEGRAM_BOT_TOKEN: FAKE_BOT_TOKEN,
      TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET,
      TELEGRAM_API_ROOT: telegram.url,
      TELEGRAM_BOT_INFO: JSON.stringify(FAKE_BOT_INFO),
      TZ_REGION: 'Asia/Ho_Chi_Minh',
    };
    const probed = await nodeProbeCopy(script, bindings);
    const startup: number[] = [];
    const startupCpu: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const { stdout } = await run(process.execPath, ['--input-type=module', '-e', startupProbe(probed)]);
      const [wall, cpu] = stdout.trim().split(' ').map(Number);
      startup.push(wall!);
      startupCpu.push(cpu!);
    }
    let updateId = 1;
    const { cold, warm } = await coldThenWarm(
      rounds,
      script,
      bindings,
      (mf) => {
        const chat = 660_000 + updateId;
        return mf.dispatchFetch('https://baove.example/telegram', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': WEBHOOK_SECRET },
          body: JSON.stringify(textUpdate(updateId++, chat, '/start', Math.floor(Date.now() / 1000))),
        });
      },
    );
    // The floor: a Worker that reads the body and answers 200, started and asked the same way.
    const floorDir = join(outdir, 'floor');
    await mkdir(floorDir);
    await writeFile(join(floorDir, 'worker.js'), 'export default { async fetch(req) { await req.text(); return new Response("ok"); } };\n');
    const { cold: floorCold, warm: floorWarm } = await coldThenWarm(rounds, join(floorDir, 'worker.js'), {}, (mf) =>
      mf.dispatchFetch('https://baove.example/telegram', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(textUpdate(updateId++, 1, '/start', 0)) }),
    );
    log(`worker: start-up ms ${JSON.stringify(startup.map(Math.round))} (CPU ${JSON.stringify(startupCpu.map(Math.round))}), cold ${JSON.stringify(cold.map(Math.round))}, warm ${JSON.stringify(warm.map(Math.round))}; a Worker that only answers 200: cold ${JSON.stringify(floorCold.map(Math.round))}, warm ${JSON.stringify(floorWarm.map(Math.round))}`);
    return { worker_startup_ms: median(startup), worker_startup_cpu_ms: median(startupCpu), worker_cold_start_ms: median(cold), worker_warm_ms: median(warm), worker_cold_floor_ms: median(floorCold), worker_warm_floor_ms: median(floorWarm) };
  } finally {
    await telegram.close();
    await db.close();
    await rm(outdir, { recursive: true, force: true });
  }
}

/**
 * A copy of the bundle for Node to import as workerd would load it (`worker.mjs`, see the header), with
 * `cloudflare:workers` (workerd's module; the entry boots at its top level with its `env`) replaced by a
 * stand-in module holding `bindings`, so that the boot is counted in the start-up.
 */
export async function nodeProbeCopy(script: string, bindings: Record<string, string>): Promise<string> {
  const code = await readFile(script, 'utf8');
  const standIn = join(dirname(script), 'cloudflare-workers.mjs');
  await writeFile(standIn, `export const env = ${JSON.stringify(bindings)};\n`);
  const probed = join(dirname(script), 'worker.mjs');
  await writeFile(probed, code.replaceAll('"cloudflare:workers"', JSON.stringify('./cloudflare-workers.mjs')));
  return probed;
}

/**
 * Node code that imports `probed` and prints the wall and CPU milliseconds of the load: up to the next
 * turn of the event loop, so that the boot's steps after an `await` (microtasks) are counted too.
 */
export function startupProbe(probed: string): string {
  return `const c = process.cpuUsage(); const t = performance.now(); await import(${JSON.stringify(probed)}); await new Promise((r) => setImmediate(r)); const u = process.cpuUsage(c); console.log(performance.now() - t, (u.user + u.system) / 1000);`;
}

/** A fresh workerd instance per round (the script's folder as its modules root): its first request, then five more. */
async function coldThenWarm(
  rounds: number,
  scriptPath: string,
  bindings: Record<string, string>,
  send: (mf: Miniflare) => ReturnType<Miniflare['dispatchFetch']>,
): Promise<{ cold: number[]; warm: number[] }> {
  const cold: number[] = [];
  const warm: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const mf = new Miniflare({ modules: true, scriptPath, modulesRoot: dirname(scriptPath), compatibilityDate: '2026-04-01', compatibilityFlags: ['nodejs_compat'], bindings });
    try {
      await mf.ready;
      const timed = async () => {
        const started = performance.now();
        const res = await send(mf);
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`worker bench: ${scriptPath} answered ${res.status}`);
        return performance.now() - started;
      };
      cold.push(await timed());
      for (let j = 0; j < 5; j++) warm.push(await timed());
    } finally {
      await mf.dispose();
    }
  }
  return { cold, warm };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchWorkerCold((l) => process.stderr.write(l + '\n'))));
}
