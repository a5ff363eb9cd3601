// The baseline for `webhook_rps`: a minimal grammY + Hono echo bot (webhookCallback(bot, 'hono'),
// ctx.reply to the same fake Bot API), run as a child process on loopback and hammered with the same
// autocannon settings as the real bot (scripts/bench/webhook.ts runs the two side by side). Run with
// `--serve PORT API_ROOT` it is that child.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { Bot, webhookCallback } from 'grammy';
import { Hono } from 'hono';
import { FAKE_BOT_INFO, FAKE_BOT_TOKEN } from './fake-bot-api';
import { freePort, REPO_ROOT, WEBHOOK_SECRET } from './server-process';

function serveEcho(port: number, apiRoot: string): void {
  const bot = new Bot(FAKE_BOT_TOKEN, { botInfo: FAKE_BOT_INFO as never, client: { apiRoot } });
  bot.on('message', (ctx) => ctx.reply(ctx.message.text ?? 'ok'));
  const app = new Hono();
  app.post('/telegram', webhookCallback(bot, 'hono', { secretToken: WEBHOOK_SECRET }));
  app.get('/healthz', (c) => c.json({ ok: true }));
  serve({ fetch: app.fetch, hostname: '127.0.0.1', port });
}

export interface EchoServer {
  base: string;
  stop(): Promise<void>;
}

/** Starts the echo bot as a child process sending to `apiRoot`, and waits until it answers. */
export async function startEchoServer(apiRoot: string): Promise<EchoServer> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--serve', String(port), apiRoot], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production' },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      if (i > 600 || child.exitCode !== null) {
        await stop();
        throw new Error('echo baseline did not start');
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return { base, stop };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const serveAt = process.argv.indexOf('--serve');
  if (serveAt < 0) throw new Error('usage: echo-baseline.ts --serve PORT API_ROOT (the bench is scripts/bench/webhook.ts)');
  serveEcho(Number(process.argv[serveAt + 1]), process.argv[serveAt + 2]!);
}
