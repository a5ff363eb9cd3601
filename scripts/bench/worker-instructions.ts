// Instructions that workerd itself executes (valgrind's callgrind), per phase: a fresh isolate's
// start-up (workerd's own boot and the script's load), its first Telegram /start through the webhook,
// then the next ones: each up to its answer (`answerN`) and from there to 1.5 s later (`afterN`: its
// sends and marks).
// Unlike wall or CPU times these repeat within ±0.5 M on a loaded machine. The workerd binary is
// stripped, so the counts are totals only. Needs valgrind.
//   npx tsx scripts/bench/worker-instructions.ts [dir-with-worker.js] [requests]
// Without a folder it builds the bundle (`wrangler deploy --dry-run`). A Worker that only answers 200
// gives workerd's own floor: ready ≈ 235 M, first request ≈ 5.7 M, later ones ≈ 1.3 M (3 Dec).
import { execFile, execFileSync } from 'node:child_process';
import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { readdirSync, readFileSync } from 'node:fs';
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
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const [dirArg, requestsArg = '3'] = process.argv.slice(2);
const work = await mkdtemp(join(tmpdir(), 'baove-wdcg-'));
const db = await startEdgeDatabase();
const telegram = await startFakeTelegram(FAKE_BOT_TOKEN);
try {
  let dir = dirArg;
  if (!dir) {
    dir = join(work, 'out');
    await run(join(ROOT, 'node_modules', '.bin', 'wrangler'), ['deploy', '--dry-run', '--outdir', dir], { cwd: ROOT, env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: '1' }, maxBuffer: 16 * 1024 * 1024 });
  }
  const workerd = fileURLToPath(import.meta.resolve('@cloudflare/workerd-linux-64/bin/workerd'));
  const wrapper = join(work, 'workerd-callgrind.sh');
  await writeFile(wrapper, `#!/bin/sh\nexec valgrind --tool=callgrind --callgrind-out-file=${work}/cg.%p ${workerd} "$@" 2>>${work}/valgrind.log\n`);
  await chmod(wrapper, 0o755);
  process.env.MINIFLARE_WORKERD_PATH = wrapper;
  const valgrinds = () =>
    readdirSync('/proc')
      .filter((p) => /^\d+$/.test(p))
      .filter((p) => {
        try {
          const cmd = readFileSync(`/proc/${p}/cmdline`, 'utf8');
          return cmd.includes('callgrind') && cmd.includes(work) && !cmd.includes('workerd-callgrind.sh');
        } catch {
          return false;
        }
      })
      .map(Number);
  const scriptPath = join(dir, 'worker.js');
  const mf = new Miniflare({
    modules: true, scriptPath, modulesRoot: dirname(scriptPath), compatibilityDate: '2026-04-01', compatibilityFlags: ['nodejs_compat'],
    bindings: { DATABASE_URL: db.proxy.url, DATA_KEY: BENCH_DATA_KEY, TELEGRAM_BOT_TOKEN: FAKE_BOT_TOKEN, TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET, TELEGRAM_API_ROOT: telegram.url, TELEGRAM_BOT_INFO: JSON.stringify(FAKE_BOT_INFO), TZ_REGION: 'Asia/Ho_Chi_Minh' },
  });
  await mf.ready;
  const [pid] = valgrinds();
  if (!pid) throw new Error('workerd under valgrind not found');
  const dump = (label: string) => execFileSync('callgrind_control', ['-d', label, String(pid)], { stdio: 'pipe' });
  // Under valgrind workerd is ~50× slower: let the start-up's last work (GC, background compiles) settle.
  await sleep(3000);
  dump('ready');
  for (let i = 1; i <= Number(requestsArg); i++) {
    const chat = 770_000 + i;
    const res = await mf.dispatchFetch('https://baove.example/telegram', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': WEBHOOK_SECRET },
      body: JSON.stringify(textUpdate(Date.now() % 1e9, chat, '/start', Math.floor(Date.now() / 1000))),
    });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`answered ${res.status}`);
    // Up to the answer (the dump lands a little after it, so a few of the sends' first steps may be in it).
    dump(`answer${i}`);
    await sleep(1500);
    dump(`after${i}`);
  }
  await mf.dispose();
  await sleep(300);
  const files = (await readdir(work)).filter((f) => f.startsWith(`cg.${pid}.`)).sort((a, b) => Number(a.split('.')[2]) - Number(b.split('.')[2]));
  const counts: Record<string, number> = {};
  for (const f of files) {
    const text = await readFile(join(work, f), 'utf8');
    counts[/Trigger: dump (\w+)/.exec(text)![1]!] = Math.round(Number(/summary: (\d+)/.exec(text)![1]) / 1e4) / 100;
  }
  console.log(JSON.stringify({ instructions_millions: counts }));
} finally {
  await telegram.close();
  await db.close();
  await rm(work, { recursive: true, force: true });
}
