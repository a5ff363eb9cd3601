// The Zalo outbox sender: customer-service text messages, buttons as numbered menus, long text in
// several messages, −216 → refresh and retry once, window errors reported back to the outbox.
import type { Config } from '../../config';
import type { Db } from '../../db/db';
import type { Logger } from '../../ground/log';
import type { Sealer } from '../../ground/crypto';
import type { MessageBody, SendResult, Sender } from '../../outbox/outbox';
import { sendCsCallButtons, sendCsText, type CsResult, type FetchFn } from './api';
import { zaloMessages } from './messages';
import { renderNumberedMenu, saveMenu } from './menu';
import { splitZaloText } from './split';
import { readZaloTokens, replaceRejectedToken } from './tokens';

export interface ZaloSenderDeps {
  db: Db;
  config: Config;
  log: Logger;
  /** Opens the stored token pair (sealed with DATA_KEY). */
  sealer: Sealer;
  fetch?: typeof fetch;
  /** The clock, for the night-window wait; defaults to the system clock (senders run at the edge). */
  now?: () => Date;
}

/** Zalo error codes we act on (FACTS.md): −216 invalid token, −230 no interaction for 7 days, −234 night. */
export const ZALO_ERR_INVALID_TOKEN = -216;
export const ZALO_ERR_NO_INTERACTION = -230;
export const ZALO_ERR_NIGHT = -234;
/**
 * Codes the outside review (issue 18) saw refused again on every retry: the same request cannot
 * succeed later, so the message is dead-lettered at once (and an urgent one takes its fallback).
 * Their exact meaning is not in FACTS.md; we rely only on "retrying does not help".
 */
export const ZALO_PERMANENT_CODES: ReadonlySet<number> = new Set([-201, -211, -213]);

const NO_TOKEN_WAIT_MS = 15 * 60_000;
const BAD_TOKEN_WAIT_MS = 10 * 60_000;

export function createZaloSender(deps: ZaloSenderDeps): Sender {
  const now = deps.now ?? (() => new Date());
  // Bound at call time, so msw (or a test's fetch) installed later is used.
  const fetchFn: FetchFn = (input, init) => (deps.fetch ?? fetch)(input, init);
  const tokenDeps = { ...deps, fetch: fetchFn, now };

  return {
    async send(recipient: string, body: MessageBody, meta: { id: number; kind: string }): Promise<SendResult> {
      const { log, config } = deps;
      const tokens = await readZaloTokens(deps.db, deps.sealer);
      if (!tokens) {
        log.error('zalo.send.no_token', { outboxId: meta.id, kind: meta.kind });
        return { ok: false, reason: 'zalo: no access token stored (npm run baove -- zalo tokens set)', retryAfterMs: NO_TOKEN_WAIT_MS };
      }
      let access = tokens.accessToken;
      const parts = splitZaloText(renderNumberedMenu(body.text, body.buttons));
      for (let i = 0; i < parts.length; i++) {
        let result = await sendCsText(fetchFn, config.ZALO_API_BASE, access, recipient, parts[i]!);
        if (result.kind === 'api' && result.code === ZALO_ERR_INVALID_TOKEN) {
          log.warn('zalo.send.token_rejected', { outboxId: meta.id, code: result.code });
          const fresh = await replaceRejectedToken(tokenDeps, access);
          if (!fresh.ok) {
            log.error('zalo.send.failed', { outboxId: meta.id, kind: meta.kind, code: result.code, part: i + 1, parts: parts.length });
            return { ok: false, reason: `zalo ${result.code}: access token invalid and refresh failed: ${fresh.error}`, retryAfterMs: BAD_TOKEN_WAIT_MS };
          }
          access = fresh.accessToken;
          result = await sendCsText(fetchFn, config.ZALO_API_BASE, access, recipient, parts[i]!);
        }
        if (result.kind !== 'ok') {
          const failure = failureOf(result, now(), config);
          log.warn('zalo.send.failed', {
            outboxId: meta.id,
            kind: meta.kind,
            ...(result.kind === 'api' ? { code: result.code } : result.kind === 'http' ? { http: result.status } : { network: true }),
            part: i + 1,
            parts: parts.length,
            permanent: failure.permanent ?? false,
          });
          return { ok: false, ...failure, reason: parts.length > 1 ? `${failure.reason} (part ${i + 1}/${parts.length})` : failure.reason };
        }
      }
      if (body.buttons.length > 0) await saveMenu(deps.db, recipient, body.buttons, meta.id, now());
      if (body.calls?.length) {
        // The text above already shows the numbers; the OA's call buttons make them one tap. Buttons
        // on /cs are unverified (FACTS.md): a refusal is logged, never retried, never fails the reply.
        const calls = body.calls.map((c) => ({ title: zaloMessages.callTitle.replace('{number}', c.number), phone: c.number }));
        const sent = await sendCsCallButtons(fetchFn, config.ZALO_API_BASE, access, recipient, zaloMessages.tapToCall, calls);
        if (sent.kind !== 'ok') log.warn('zalo.send.call_buttons_refused', { outboxId: meta.id, ...(sent.kind === 'api' ? { code: sent.code } : { result: sent.kind }) });
      }
      log.info('zalo.send.ok', { outboxId: meta.id, kind: meta.kind, parts: parts.length, menu: body.buttons.length });
      return { ok: true };
    },
  };
}

type Failure = { reason: string; retryAfterMs?: number; permanent?: boolean };

function failureOf(result: Exclude<CsResult, { kind: 'ok' }>, at: Date, config: Config): Failure {
  switch (result.kind) {
    case 'api':
      if (result.code === ZALO_ERR_NO_INTERACTION) {
        // Outside the free window; retrying cannot help until the user writes again.
        return { reason: `zalo ${result.code}: user has not interacted with the OA recently (${result.message})`, permanent: true };
      }
      if (result.code === ZALO_ERR_NIGHT) {
        return { reason: `zalo ${result.code}: OA may not send at night (${result.message})`, retryAfterMs: msUntilDayStart(at, config) };
      }
      if (result.code === ZALO_ERR_INVALID_TOKEN) {
        return { reason: `zalo ${result.code}: access token still invalid after a refresh`, retryAfterMs: BAD_TOKEN_WAIT_MS };
      }
      if (ZALO_PERMANENT_CODES.has(result.code)) return { reason: `zalo ${result.code}: ${result.message}`, permanent: true };
      return { reason: `zalo ${result.code}: ${result.message}` };
    case 'http':
      return { reason: `zalo http ${result.status}`, ...(result.retryAfterMs ? { retryAfterMs: result.retryAfterMs } : {}) };
    case 'network':
      return { reason: `zalo network: ${result.message}` };
  }
}

/** Milliseconds from `at` to the next REMINDER_DAY_START (07:30 by default) in TZ_REGION. */
export function msUntilDayStart(at: Date, config: Pick<Config, 'TZ_REGION' | 'REMINDER_DAY_START'>): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: config.TZ_REGION,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const nowS = get('hour') * 3600 + get('minute') * 60 + get('second');
  const [h, m] = config.REMINDER_DAY_START.split(':').map(Number) as [number, number];
  let wait = h * 3600 + m * 60 - nowS;
  if (wait <= 0) wait += 24 * 3600;
  return wait * 1000;
}
