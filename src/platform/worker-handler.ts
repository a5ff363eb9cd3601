// The Cloudflare Worker's handlers (src/worker.ts is the entry): `fetch` serves the same Hono app;
// `scheduled` (cron) runs the tick. Migrations run from Node/CI against the libSQL URL, never inside the Worker.
import { createApp } from '../app';
import { createBot } from '../channels/telegram/bot';
import { createTelegramSender } from '../channels/telegram/sender';
import { createConfig, type Config } from '../config';
import { createLogger } from '../ground/log';
import { openWebDb } from '../db/web-client';
import { createSealer } from '../ground/crypto';
import { createRuntime } from './runtime';
import { workerTickSteps, workerWiring } from './wiring-worker';
import type { Runtime } from '../runtime';
import { runTick } from '../tick';

interface ExecutionContextLike {
  waitUntil(promise: Promise<unknown>): void;
}

export type WorkerEnv = Record<string, string | undefined>;

interface Booted {
  config: Config;
  rt: Runtime;
  app: ReturnType<typeof createApp>;
  ctxRef: { current?: ExecutionContextLike };
}

let booted: Promise<Booted> | null = null;
/** The config parsed at start-up (startBoot), from the isolate's bindings: the same ones every request gets. */
let startConfig: Config | undefined;

async function boot(env: WorkerEnv): Promise<Booted> {
  const log = createLogger((l) => console.log(l));
  const config = startConfig ?? createConfig(env);
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

/**
 * Parses the environment now, from the bindings the isolate was started with (`cloudflare:workers`'
 * env, the same ones every request brings): src/worker.ts calls it at its top level, so that the
 * isolate's start-up (which Cloudflare can overlap with the TLS handshake) pays zod's build and first
 * run of the schema instead of the first request. The rest of the boot stays in the first request
 * (docs/edge.md, session 11: at the top level it would cost Node's start-up more than the target allows).
 */
export function startBoot(env: WorkerEnv): void {
  try {
    startConfig = createConfig(env);
  } catch {
    // A bad environment: the first request parses it again and fails with the same messages.
  }
}

export const worker = {
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
