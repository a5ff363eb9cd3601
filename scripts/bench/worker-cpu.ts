// workerd's own CPU time (all its threads, /proc/<pid>/task/*/schedstat) for a fresh isolate's first
// Telegram /start and for the five after it, and their wall times, for one or more built Workers
// (folders holding worker.js), interleaved round by round so that load hits all of them alike. Each
// request is counted until its send reached the fake Bot API, plus 60 ms. Linux only.
//   npx tsx scripts/bench/worker-cpu.ts <rounds> <dir> [<dir> …]
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Miniflare } from 'miniflare';
import { startFakeTelegram } from '../../test/workers/fake-telegram';
import { startEdgeDatabase } from './edge-world';
import { BENCH_DATA_KEY, WEBHOOK_SECRET } from './server-process';
import { FAKE_BOT_INFO, FAKE_BOT_TOKEN } from './fake-bot-api';
import { textUpdate } from './updates';

const [roundsArg, ...dirs] = process.argv.slice(2);
const rounds = Number(roundsArg);
const TICK = 100; // clock ticks
function workerdPids(): number[] {
  const out: number[] = [];
  for (const p of readdirSync('/proc')) {
    if (!/^\d+$/.test(p)) continue;
    try {
      const st = readFileSync(`/proc/${p}/stat`, 'utf8');
      const comm = st.slice(st.indexOf('(') + 1, st.lastIndexOf(')'));
      const ppid = Number(st.slice(st.lastIndexOf(')') + 2).split(' ')[1]);
      if (comm === 'workerd' && ppid === process.pid) out.push(Number(p));
    } catch {}
  }
  return out;
}
function cpuNs(pid: number): number {
  let sum = 0;
  for (const t of readdirSync(`/proc/${pid}/task`)) {
    try { sum += Number(readFileSync(`/proc/${pid}/task/${t}/schedstat`, 'utf8').split(' ')[0]); } catch {}
  }
  return sum;
}
const db = await startEdgeDatabase();
const telegram = await startFakeTelegram(FAKE_BOT_TOKEN);
const bindings = { DATABASE_URL: db.proxy.url, DATA_KEY: BENCH_DATA_KEY, TELEGRAM_BOT_TOKEN: FAKE_BOT_TOKEN, TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET, TELEGRAM_API_ROOT: telegram.url, TELEGRAM_BOT_INFO: JSON.stringify(FAKE_BOT_INFO), TZ_REGION: 'Asia/Ho_Chi_Minh' };
let updateId = 1;
const res: Record<string, { cold: number[]; warm: number[]; coldWall: number[]; warmWall: number[] }> = {};
for (const d of dirs) res[d] = { cold: [], warm: [], coldWall: [], warmWall: [] };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
for (let i = 0; i < rounds; i++) {
  for (const d of (i % 2 ? [...dirs].reverse() : dirs)) {
    const scriptPath = join(d, 'worker.js');
    const before = new Set(workerdPids());
    const mf = new Miniflare({ modules: true, scriptPath, modulesRoot: dirname(scriptPath), compatibilityDate: '2026-04-01', compatibilityFlags: ['nodejs_compat'], bindings });
    try {
      await mf.ready;
      const pid = workerdPids().find((p) => !before.has(p))!;
      await sleep(200);
      const one = async () => {
        const sentBefore = telegram.calls.length;
        const c0 = cpuNs(pid);
        const t0 = performance.now();
        const chat = 770_000 + updateId;
        const r = await mf.dispatchFetch('https://baove.example/telegram', { method: 'POST', headers: { 'content-type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': WEBHOOK_SECRET }, body: JSON.stringify(textUpdate(updateId++, chat, '/start', Math.floor(Date.now() / 1000))) });
        await r.arrayBuffer();
        const wall = performance.now() - t0;
        if (r.status !== 200) throw new Error(String(r.status));
        for (let k = 0; k < 100 && telegram.calls.length === sentBefore; k++) await sleep(5);
        await sleep(60);
        return { cpu: (cpuNs(pid) - c0) / 1e6, wall };
      };
      const c = await one();
      res[d]!.cold.push(c.cpu); res[d]!.coldWall.push(c.wall);
      for (let j = 0; j < 5; j++) { const w = await one(); res[d]!.warm.push(w.cpu); res[d]!.warmWall.push(w.wall); }
    } finally {
      await mf.dispose();
    }
  }
}
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
for (const d of dirs) {
  const r = res[d]!;
  console.log(`${d}: first CPU median ${med(r.cold).toFixed(1)} [${r.cold.map((x) => x.toFixed(1)).join(' ')}]; warm CPU median ${med(r.warm).toFixed(1)} (last3 of each: ${med(r.warm.filter((_, i) => i % 5 >= 2)).toFixed(1)}); wall cold ${med(r.coldWall).toFixed(1)} warm ${med(r.warmWall).toFixed(1)}`);
}
await telegram.close();
await db.close();
