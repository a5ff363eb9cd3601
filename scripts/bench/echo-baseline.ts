// The baseline for `webhook_rps`: a minimal grammY + Hono echo bot (webhookCallback(bot, 'hono'),
// ctx.reply to the same fake Bot API), run as a child process on loopback and hammered with the same
// autocannon settings as the real bot. Run with `--serve PORT API_ROOT` it is that child.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { Bot, webhookCallback } from 'grammy';
import { Hono } from 'hono';
import { FAKE_BOT_INFO, FAKE_BOT_TOKEN, startFakeBotApi } from './fake-bot-api';
import { hammerTelegram, type HammerResult } from './hammer';
import { freePort, REPO_ROOT, WEBHOOK_SECRET } from './server-process';

function serveEcho(port: number, apiRoot: string): void {
  const bot = new Bot(FAKE_BOT_TOKEN, { botInfo: FAKE_BOT_INFO as never, client: { apiRoot } });
  bot.on('message', (ctx) => ctx.reply(ctx.message.text ?? 'ok'));
  const app = new Hono();
  app.post('/telegram', webhookCallback(bot, 'hono', { secretToken: WEBHOOK_SECRET }));
  app.get('/healthz', (c) => c.json({ ok: true }));
  serve({ fetch: app.fetch, hostname: '127.0.0.1', port });
}

export async function benchEchoBaselineDetailed(): Promise<HammerResult & { bot_api_sends: number }> {
  const fake = await startFakeBotApi({ record: false });
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--serve', String(port), fake.apiRoot], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production' },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const base = `http://127.0.0.1:${port}`;
  try {
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${base}/healthz`)).ok) break;
      } catch {
        if (i > 600) throw new Error('echo baseline did not start');
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    await hammerTelegram(base, WEBHOOK_SECRET, { seconds: 1, firstUpdateId: 1 }); // warm-up
    const r = await hammerTelegram(base, WEBHOOK_SECRET, { firstUpdateId: 1_000_000 });
    return { ...r, bot_api_sends: fake.sendCount() };
  } finally {
    child.kill('SIGTERM');
    await exited;
    await fake.close();
  }
}

export async function benchEchoBaseline(): Promise<{ baseline_echo_rps: number }> {
  const r = await benchEchoBaselineDetailed();
  if (r.non2xx || r.errors) throw new Error(`echo baseline: ${r.non2xx} non-2xx, ${r.errors} errors`);
  return { baseline_echo_rps: r.rps };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const serveAt = process.argv.indexOf('--serve');
  if (serveAt >= 0) serveEcho(Number(process.argv[serveAt + 1]), process.argv[serveAt + 2]!);
  else console.log(JSON.stringify(await benchEchoBaselineDetailed()));
}
