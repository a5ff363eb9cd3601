// The Hono app: health, webhooks and web pages, mounted as small routers. Same app on Node and Workers.
import { Hono } from './ground/hono';
import { type Context, type ErrorHandler, type NotFoundHandler } from 'hono';
import { sql } from 'drizzle-orm';
import type { Bot } from 'grammy';
import { webhookBodyLimit } from './channels/body';
import { telegramRoutes } from './channels/telegram/routes';
import { errorFields } from './ground/log';
import { storageProblem } from './db/storage-errors';
import { emergencyLine } from './core/menu';
import { DbBusyError, writeStatement } from './db/tx';
import type { Runtime } from './runtime';
import { once } from './ground/once';

export const WEBHOOK_BODY_LIMIT = 64 * 1024;

export interface AppParts {
  rt: Runtime;
  telegram?: { bot: Bot; secret: string };
  /**
   * Extra routers by mount path: /zalo, /chat, /admin. A function is called on the first request
   * under its path (the Worker's pages: registering their routes is work a webhook never needs).
   */
  routes?: Record<string, Hono | (() => Hono)>;
  /** Extra <head> lines for GET / (the Zalo domain-verification meta tag). */
  headExtra?: string | null;
}

export function createApp(parts: AppParts): Hono {
  const { rt } = parts;
  const app = new Hono();

  const tooLarge = webhookBodyLimit(WEBHOOK_BODY_LIMIT, (c) => c.json({ ok: false, error: 'body too large' }, 413));
  app.use('/telegram/*', tooLarge);
  app.use('/zalo/*', tooLarge);

  app.get('/healthz', async (c) => {
    // A write, not only a read: a read-only database or a full disk still answers `select 1`.
    let db = false;
    let problem: string | null = null;
    try {
      await writeStatement(rt.core.db, (w) => w.run(sql`insert into meta (key, value, updated_at) values ('healthz', 'ok', ${Date.now()}) on conflict (key) do update set updated_at = excluded.updated_at`));
      db = true;
    } catch (err) {
      problem = storageProblem(err) ?? 'error';
      rt.core.log.error('healthz.db_failed', { problem, ...errorFields(err) });
    }
    return c.json({ ok: db, db, ...(problem ? { problem } : {}), version: rt.core.config.version }, db ? 200 : 503);
  });

  app.get('/', (c) =>
    c.html(
      `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
        `${parts.headExtra ?? ''}<title>BảoVệ</title></head><body style="font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5">` +
        `<h1>BảoVệ</h1><p>Trợ lý nhắn tin bảo vệ trẻ em.</p>` +
        `<ul><li><a href="/chat">Trò chuyện thử trên web</a></li><li><a href="/admin">Bảng điều khiển cho cán bộ</a></li></ul>` +
        `<p>Trẻ đang gặp nguy hiểm? Gọi ngay <strong>${emergencyLine('vi')}</strong>.</p></body></html>`,
    ),
  );

  if (parts.telegram) app.route('/telegram', telegramRoutes(parts.telegram.bot, parts.telegram.secret, WEBHOOK_BODY_LIMIT, parts.rt.core.config.WEBHOOK_BODY_TIMEOUT_MS));
  const notFound: NotFoundHandler = (c) => c.json({ ok: false, error: 'not found' }, 404);
  const onError: ErrorHandler = (err, c) => {
    // grammY's webhook rethrows a handler's error wrapped in a BotError (`.error`), others use `.cause`.
    const inner = err as { cause?: unknown; error?: unknown };
    if (err instanceof DbBusyError || inner.cause instanceof DbBusyError || inner.error instanceof DbBusyError) {
      rt.core.log.warn('http.db_busy', { path: c.req.path });
      return c.json({ ok: false, error: 'busy, retry later' }, 503, { 'Retry-After': '2' });
    }
    // A read-only database or a full disk: the platform should retry later, and we say why in the log.
    const problem = storageProblem(err);
    if (problem) {
      rt.core.log.error('http.db_unavailable', { path: c.req.path, problem, ...errorFields(err) });
      return c.json({ ok: false, error: 'storage unavailable, retry later' }, 503, { 'Retry-After': '30' });
    }
    rt.core.log.error('http.error', { path: c.req.path, ...errorFields(err) });
    // No stack traces reach users.
    return c.json({ ok: false, error: 'internal error' }, 500);
  };

  for (const [path, router] of Object.entries(parts.routes ?? {})) {
    if (router instanceof Hono) {
      app.route(path, router);
      continue;
    }
    // Made on first use, mounted at the same path in an app of its own with the same answers for
    // "not found" and for errors; the request goes on unchanged (same URL, body, env and context).
    const mounted = once(() => new Hono().route(path, router()).notFound(notFound).onError(onError));
    const forward = (c: Context) => mounted().fetch(c.req.raw, c.env, executionCtxOf(c));
    app.all(path, forward);
    app.all(`${path}/*`, forward);
  }

  app.notFound(notFound);
  app.onError(onError);
  return app;
}

/** The request's execution context (Workers); Node's server has none, and Hono throws when asked for it. */
function executionCtxOf(c: Context): Context['executionCtx'] | undefined {
  try {
    return c.executionCtx;
  } catch {
    return undefined;
  }
}
