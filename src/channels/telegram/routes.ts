// POST /telegram: authenticates the secret-token header, rejects malformed bodies, then hands the
// update to grammY (webhookCallback, with the update already parsed). A retried update is deduped by
// the engine (inbox table). The answer waits for the commit only, never for the Bot API.
import { Hono } from '../../ground/hono';
import { type Context } from 'hono';
import { webhookCallback, type Bot } from 'grammy';
import type { Update } from 'grammy/types';
import { safeEqual } from '../../core/safe-equal';
import { readBody } from '../body';
import { bindScope, executionScope } from '../scope';

const SECRET_HEADER = 'X-Telegram-Bot-Api-Secret-Token';

export function telegramRoutes(bot: Bot, secret: string, maxBodyBytes: number, bodyTimeoutMs?: number): Hono {
  const app = new Hono();
  const callback = webhookCallback(bot, parsedUpdate, { secretToken: secret, onTimeout: 'throw', timeoutMilliseconds: 20_000 });
  app.post('/', async (c) => {
    if (!safeEqual(c.req.header(SECRET_HEADER) ?? '', secret)) {
      return c.json({ ok: false, error: 'unauthorized' }, 401);
    }
    const body = await readBody(c, maxBodyBytes, bodyTimeoutMs);
    if (!body.ok) return c.json({ ok: false, error: body.status === 413 ? 'body too large' : 'incomplete body' }, body.status);
    let update: unknown;
    try {
      update = JSON.parse(new TextDecoder().decode(body.bytes));
    } catch {
      return c.json({ ok: false, error: 'malformed JSON' }, 400);
    }
    if (!isUpdate(update)) return c.json({ ok: false, error: 'not a Telegram update' }, 400);
    // The handler returns once the update is committed; its sends run after the answer, kept alive
    // by this request's execution context on Workers (see bot.ts).
    bindScope(update, executionScope(c));
    return callback(c, update);
  });
  return app;
}

/** grammY's own Hono adapter, given the update this route has already read and checked. */
function parsedUpdate(c: Context, update: Update) {
  let resolveResponse!: (res: Response) => void;
  return {
    update,
    header: c.req.header(SECRET_HEADER),
    end: () => resolveResponse(c.body('')),
    respond: (json: string) => resolveResponse(c.body(json, 200, { 'Content-Type': 'application/json' })),
    unauthorized: () => resolveResponse(c.body('', 401)),
    handlerReturn: new Promise<Response>((resolve) => (resolveResponse = resolve)),
  };
}

function isUpdate(u: unknown): u is Update {
  return typeof u === 'object' && u !== null && Number.isSafeInteger((u as { update_id?: unknown }).update_id);
}
