// Processing of a stored Zalo event: open the sealed payload, map it to an Incoming (numbered-menu
// answers become button payloads), run the engine, deliver the replies. Never throws.
import { and, eq, sql } from 'drizzle-orm';
import { inbox } from '../../db/schema';
import { serialised } from '../../db/tx';
import { errorFields } from '../../ground/log';
import type { Runtime } from '../../runtime';
import { parseZaloEvent, toIncoming, zaloEventTime, zaloUserId, type KnownZaloEvent } from './events';
import { loadMenu, menuAnswer } from './menu';

/** After this many failed attempts an event is marked failed (visible in the admin), not retried. */
export const MAX_EVENT_ATTEMPTS = 5;

export type ProcessOutcome = 'processed' | 'duplicate' | 'ignored' | 'retry' | 'failed' | 'missing';

/** Processes the inbox row `key`. `event` spares re-opening the payload when the caller just parsed it. */
export async function processZaloEvent(rt: Runtime, key: string, event?: KnownZaloEvent): Promise<ProcessOutcome> {
  const { db, log, sealer } = rt.core;
  let row: typeof inbox.$inferSelect | undefined;
  try {
    [row] = await db.select().from(inbox).where(eq(inbox.key, key)).limit(1);
    if (!row) return 'missing';
    if (row.status !== 'pending') return 'duplicate';
    if (!event) {
      const parsed = row.payloadEnc ? parseZaloEvent(JSON.parse(await sealer.open(row.payloadEnc)) as unknown) : null;
      if (!parsed?.ok || parsed.value.kind !== 'known') {
        await finish(rt, key, 'failed', 'stored payload unreadable');
        log.error('zalo.event.unreadable', { key: logKey(key) });
        return 'failed';
      }
      event = parsed.value.event;
    }
    const at = zaloEventTime(event, row.receivedAt);
    const menu = event.event_name === 'user_send_text' ? await loadMenu(db, zaloUserId(event)) : [];
    const inc = toIncoming(event, at, (text) => menuAnswer(text, menu));
    if (!inc) {
      await finish(rt, key, 'ignored', null);
      log.info('zalo.event.ignored', { key: logKey(key), event: event.event_name });
      return 'ignored';
    }
    // Handled, then delivered at once (a failed send stays in the outbox for the tick).
    // Already after the webhook's answer (or in the tick): deliver before finishing.
    const result = await rt.receive(inc, { wait: true });
    if (result.duplicate) return 'duplicate';
    // The event is in the engine's hands now; keep no copy of what the user wrote.
    await serialised(() => db.update(inbox).set({ payloadEnc: null }).where(eq(inbox.key, key))).catch(() => undefined);
    log.info('zalo.event.processed', { key: logKey(key), event: event.event_name, menuAnswer: inc.button !== undefined, queued: result.outboxIds.length });
    return 'processed';
  } catch (err) {
    const attempts = (row?.attempts ?? 0) + 1;
    const failed = attempts >= MAX_EVENT_ATTEMPTS;
    log.error('zalo.event.process_failed', { key: logKey(key), attempts, gaveUp: failed, ...errorFields(err) });
    await serialised(() =>
      db
        .update(inbox)
        .set({
          attempts: sql`${inbox.attempts} + 1`,
          // Only the error's kind: a message can carry what the user wrote (a failed query's parameters).
          lastError: errorKind(err),
          ...(failed ? { status: 'failed' } : {}),
        })
        .where(and(eq(inbox.key, key), eq(inbox.status, 'pending'))),
    ).catch((e: unknown) => log.error('zalo.event.record_failed', { key: logKey(key), ...errorFields(e) }));
    return failed ? 'failed' : 'retry';
  }
}

/** "TypeError", "LibsqlError SQLITE_FULL": the kind of an error, never its message. */
export function errorKind(err: unknown): string {
  if (!(err instanceof Error)) return typeof err;
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && /^[A-Z0-9_]{1,40}$/.test(code) ? `${err.name} ${code}` : err.name;
}

/** Keys derived from a user id are cut to `zalo:<event>` in logs (ids only, never who). */
function logKey(key: string): string {
  return key.split(':').slice(0, 2).join(':');
}

async function finish(rt: Runtime, key: string, status: 'ignored' | 'failed', lastError: string | null): Promise<void> {
  const at = rt.now();
  await serialised(() =>
    rt.core.db
      .update(inbox)
      .set({ status, processedAt: at, lastError, payloadEnc: null })
      .where(and(eq(inbox.key, key), eq(inbox.status, 'pending'))),
  );
}
