// POST /telegram: authenticates the secret-token header, rejects malformed bodies, then hands the
// update to grammY's webhookCallback. A retried update is deduped by the engine (inbox table).
import { Hono } from 'hono';
import { webhookCallback, type Bot } from 'grammy';
import { safeEqual } from '../../core/safe-equal';

export function telegramRoutes(bot: Bot, secret: string): Hono {
  const app = new Hono();
  const callback = webhookCallback(bot, 'hono', { secretToken: secret, onTimeout: 'throw', timeoutMilliseconds: 20_000 });
  app.post('/', async (c) => {
    if (!safeEqual(c.req.header('X-Telegram-Bot-Api-Secret-Token') ?? '', secret)) {
      return c.json({ ok: false, error: 'unauthorized' }, 401);
    }
    let update: unknown;
    try {
      update = await c.req.json();
    } catch {
      return c.json({ ok: false, error: 'malformed JSON' }, 400);
    }
    if (!isUpdate(update)) return c.json({ ok: false, error: 'not a Telegram update' }, 400);
    return callback(c);
  });
  return app;
}

function isUpdate(u: unknown): u is { update_id: number } {
  return typeof u === 'object' && u !== null && Number.isSafeInteger((u as { update_id?: unknown }).update_id);
}
