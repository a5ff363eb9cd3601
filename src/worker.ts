// The Cloudflare Workers entry: `fetch` serves the same Hono app; `scheduled` (cron) runs the tick.
// Migrations run from Node/CI against the libSQL URL, never inside the Worker.
import { createApp } from './app';
import { createBot } from './channels/telegram/bot';
import { createTelegramSender } from './channels/telegram/sender';
import { createConfig, prepareConfig, type Config } from './config';
import { createLogger } from './ground/log';
import { openWebDb } from './db/web-client';
import { createSealer } from './ground/crypto';
import { createRuntime } from './platform/runtime';
import { workerTickSteps, workerWiring } from './platform/wiring-worker';
import type { Runtime } from './runtime';
import { runTick } from './tick';

interface ExecutionContextLike {
  waitUntil(promise: Promise<unknown>): void;
}

type WorkerEnv = Record<string, string | undefined>;

interface Booted {
  config: Config;
  rt: Runtime;
  app: ReturnType<typeof createApp>;
  ctxRef: { current?: ExecutionContextLike };
}

let booted: Promise<Booted> | null = null;

// At start-up, not in the first request: the environment's schema (zod's first build, the largest
// env-free part of the boot). The rest of the boot needs the bindings, which the first request brings.
prepareConfig();

async function boot(env: WorkerEnv): Promise<Booted> {
  const log = createLogger((l) => console.log(l));
  const config = createConfig(env);
  if (!config.DATA_KEY) throw new Error('DATA_KEY: is required on Workers (base64 of 32 random bytes)');
  const db = openWebDb(config.DATABASE_URL, config.DATABASE_AUTH_TOKEN);
  const sealer = await createSealer(config.DATA_KEY, config.DATA_KEY_PREVIOUS);
  const ctxRef: Booted['ctxRef'] = {};
  const wiring = await workerWiring(db, config, log, sealer);
  const rtRef: { rt?: Runtime } = {};
  const bot = config.telegramEnabled
    ? createBot(
        { token: config.TELEGRAM_BOT_TOKEN!, apiRoot: config.TELEGRAM_API_ROOT, botInfo: config.TELEGRAM_BOT_INFO as never },
        new Proxy({} as Runtime, { get: (_t, k) => (rtRef.rt as unknown as Record<string | symbol, unknown>)[k] }),
      )
    : undefined;
  const rt = createRuntime({
    db,
    config,
    sealer,
    log,
    services: wiring.services,
    senders: { ...(bot ? { telegram: createTelegramSender(bot.api, log) } : {}), ...wiring.senders },
    onUndeliverable: wiring.onUndeliverable,
    // Work after the response (sends, Zalo processing) stays alive through the request's own
    // execution context; the last request's one is the fallback (the cron tick).
    background: (task, scope) => (scope ?? ctxRef.current)?.waitUntil(task),
    // Sends begin after the answer: a fresh isolate's first webhook then answers before it compiles
    // the sender and grammY's Bot API client.
    answerFirst: true,
  });
  rtRef.rt = rt;
  const routes = await wiring.routes(rt);
  const app = createApp({ rt, telegram: bot ? { bot, secret: config.TELEGRAM_WEBHOOK_SECRET! } : undefined, routes: routes.routes, headExtra: routes.headExtra });
  return { config, rt, app, ctxRef };
}

function get(env: WorkerEnv): Promise<Booted> {
  booted ??= boot(env).catch((err: unknown) => {
    booted = null;
    throw err;
  });
  return booted;
}

export default {
  async fetch(request: Request, env: WorkerEnv, ctx: ExecutionContextLike): Promise<Response> {
    const b = await get(env);
    b.ctxRef.current = ctx;
    return b.app.fetch(request, env, ctx as never);
  },
  async scheduled(controller: { scheduledTime: number }, env: WorkerEnv, ctx: ExecutionContextLike): Promise<void> {
    const b = await get(env);
    b.ctxRef.current = ctx;
    // One outbox batch per cron run keeps the tick inside the CPU budget; the next run drains the rest.
    await runTick(b.rt, new Date(controller.scheduledTime), { steps: workerTickSteps(), maxFlushRounds: 1 });
  },
};
