// POST /zalo: the OA webhook. Verify the signature over the raw bytes, store the event (deduped on
// msg_id), answer 200 at once, then process it (waitUntil on Workers, detached on Node).
import { Hono } from '../../ground/hono';
import { eq } from 'drizzle-orm';
import { inbox } from '../../db/schema';
import { serialised } from '../../db/tx';
import { readBody, webhookBodyLimit } from '../body';
import { executionScope } from '../scope';
import { errorFields } from '../../ground/log';
import type { Runtime } from '../../runtime';
import { parseZaloEvent, zaloEventKey } from './events';
import { processZaloEvent } from './process';
import { macFromHeader, verifyZaloSignature } from './signature';

/** Zalo events are small JSON documents; anything larger is not from Zalo. */
export const ZALO_BODY_LIMIT = 64 * 1024;

export function zaloRoutes(rt: Runtime): Hono {
  const app = new Hono();
  app.post(
    '/',
    webhookBodyLimit(ZALO_BODY_LIMIT, (c) => c.json({ error: 'payload too large' }, 413)),
    async (c) => {
      const { config, log, db, sealer } = rt.core;
      const appId = config.ZALO_APP_ID;
      const oaSecret = config.ZALO_OA_SECRET_KEY;
      if (!config.zaloEnabled || !appId || !oaSecret) return c.json({ error: 'zalo channel is not configured' }, 404);

      const header = c.req.header('x-zevent-signature');
      if (!macFromHeader(header)) {
        log.warn('zalo.webhook.rejected', { reason: 'no_signature' });
        return c.json({ error: 'bad signature' }, 401);
      }
      const body = await readBody(c, ZALO_BODY_LIMIT, config.WEBHOOK_BODY_TIMEOUT_MS);
      if (!body.ok) return c.json({ error: body.status === 413 ? 'payload too large' : 'incomplete body' }, body.status);
      const raw = body.bytes;
      let json: unknown;
      try {
        json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw));
      } catch {
        log.warn('zalo.webhook.rejected', { reason: 'malformed_json' });
        return c.json({ error: 'malformed JSON' }, 400);
      }
      // The signed string includes the event's own timestamp field, exactly as sent.
      if (!(await verifyZaloSignature(header, appId, raw, timestampField(json), oaSecret))) {
        log.warn('zalo.webhook.rejected', { reason: 'bad_signature' });
        return c.json({ error: 'bad signature' }, 401);
      }
      const parsed = parseZaloEvent(json);
      if (!parsed.ok) {
        log.warn('zalo.webhook.rejected', { reason: 'schema', detail: parsed.error });
        return c.json({ error: parsed.error }, 400);
      }
      if (parsed.value.kind === 'other') {
        log.info(parsed.value.echo ? 'zalo.event.echo_ignored' : 'zalo.event.unknown_ignored', { event: parsed.value.eventName });
        return c.json({ ok: true });
      }

      const event = parsed.value.event;
      // A signed event outside its time window is a replay (or a clock gone wrong): not taken.
      const age = rt.now().getTime() - Number(event.timestamp);
      if (!Number.isFinite(age) || age > config.ZALO_EVENT_MAX_AGE_MINUTES * 60_000 || -age > config.ZALO_EVENT_MAX_AHEAD_MINUTES * 60_000) {
        log.warn('zalo.webhook.rejected', { reason: age > 0 ? 'stale' : 'ahead' });
        return c.json({ error: 'event timestamp out of range' }, 400);
      }
      const key = zaloEventKey(event);
      let fresh: boolean;
      try {
        const payloadEnc = await sealer.seal(new TextDecoder().decode(raw));
        const rows = await serialised(() =>
          db
            .insert(inbox)
            .values({ key, channel: 'zalo', receivedAt: rt.now(), status: 'pending', payloadEnc })
            .onConflictDoNothing()
            .returning({ key: inbox.key }),
        );
        fresh = rows.length > 0;
        if (!fresh) {
          // Zalo retried. Process again only if the first attempt never finished (the engine claims once).
          const [existing] = await db.select({ status: inbox.status }).from(inbox).where(eq(inbox.key, key)).limit(1);
          if (existing?.status !== 'pending') {
            log.info('zalo.event.duplicate', { event: event.event_name });
            return c.json({ ok: true, duplicate: true });
          }
        }
      } catch (err) {
        // Not stored: let Zalo retry rather than lose the message.
        log.error('zalo.webhook.store_failed', errorFields(err));
        return c.json({ error: 'temporarily unavailable' }, 503);
      }
      // Stored: answer now (Zalo wants its 200 within 2 s); processing and sending follow in the
      // background (waitUntil on Workers, detached on Node). A crash before the end leaves the row
      // pending for the tick.
      rt.afterAnswer(() => processZaloEvent(rt, key, event), executionScope(c));
      return c.json({ ok: true });
    },
  );
  return app;
}

function timestampField(json: unknown): string {
  if (json && typeof json === 'object' && 'timestamp' in json) {
    const t = (json as { timestamp: unknown }).timestamp;
    if (typeof t === 'string' || typeof t === 'number') return String(t);
  }
  return '';
}
