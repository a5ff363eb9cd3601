// A thin, typed, fetch-only client for the two Zalo calls we make (no SDK exists): send a
// customer-service text, and exchange a refresh token for a new pair. Runs on Workers and Node.
import * as z from 'zod/mini';
import { lazySchema } from '../../ground/zod-mini';

export type FetchFn = typeof fetch;

export type CsResult =
  | { kind: 'ok'; messageId?: string }
  /** Zalo answered HTTP 200 with error != 0 (−216 bad token, −230 no interaction, −234 night…). */
  | { kind: 'api'; code: number; message: string }
  | { kind: 'http'; status: number; retryAfterMs?: number }
  | { kind: 'network'; message: string };

const csResponse = lazySchema(() =>
  z.looseObject({
    error: z.optional(z.coerce.number()),
    message: z.optional(z.string()),
    data: z.optional(z.looseObject({ message_id: z.optional(z.string()) })),
  }),
);

function join(base: string, path: string): string {
  return base.replace(/\/+$/, '') + path;
}

export async function sendCsText(fetchFn: FetchFn, apiBase: string, accessToken: string, userId: string, text: string): Promise<CsResult> {
  return sendCs(fetchFn, apiBase, accessToken, userId, { text });
}

/** One phone-call button of the OA (`oa.open.phone`): tapping it opens the phone's dialler. */
export interface CallButton {
  title: string;
  phone: string;
}

/**
 * A customer-service message with the OA's phone-call buttons (a "template" attachment of
 * `oa.open.phone` buttons, at most 5). FACTS.md marks buttons on /cs as unverified: callers send
 * it after the text, which already carries the numbers, and treat a refusal as harmless.
 */
export async function sendCsCallButtons(fetchFn: FetchFn, apiBase: string, accessToken: string, userId: string, text: string, calls: CallButton[]): Promise<CsResult> {
  const buttons = calls.slice(0, 5).map((c) => ({ title: c.title, type: 'oa.open.phone', payload: { phone_code: c.phone } }));
  return sendCs(fetchFn, apiBase, accessToken, userId, { text, attachment: { type: 'template', payload: { buttons } } });
}

async function sendCs(fetchFn: FetchFn, apiBase: string, accessToken: string, userId: string, message: Record<string, unknown>): Promise<CsResult> {
  let res: Response;
  try {
    res = await fetchFn(join(apiBase, '/v3.0/oa/message/cs'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', access_token: accessToken },
      body: JSON.stringify({ recipient: { user_id: userId }, message }),
    });
  } catch (err) {
    return { kind: 'network', message: err instanceof Error ? err.message.slice(0, 200) : 'fetch failed' };
  }
  if (!res.ok) {
    const retryAfter = Number(res.headers.get('retry-after'));
    await res.body?.cancel().catch(() => undefined);
    return { kind: 'http', status: res.status, ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterMs: retryAfter * 1000 } : {}) };
  }
  const parsed = csResponse().safeParse(await res.json().catch(() => null));
  if (!parsed.success) return { kind: 'http', status: res.status };
  const code = parsed.data.error ?? 0;
  if (code !== 0) return { kind: 'api', code, message: (parsed.data.message ?? '').slice(0, 200) };
  return { kind: 'ok', messageId: parsed.data.data?.message_id };
}

export type RefreshResult =
  | { ok: true; accessToken: string; refreshToken: string; expiresInS: number; refreshExpiresInS?: number }
  | { ok: false; error: string; retryable: boolean };

/** The token endpoint's answers, built on first use (see ground/zod-mini.ts). */
const tokenSchemas = lazySchema(() => {
  const seconds = z.union([z.number(), z.pipe(z.string().check(z.trim(), z.regex(/^\d+$/)), z.transform(Number))]);
  const tokenResponse = z.looseObject({
    access_token: z.string().check(z.minLength(1)),
    refresh_token: z.string().check(z.minLength(1)),
    expires_in: seconds,
    refresh_token_expires_in: z.optional(seconds),
  });
  const tokenError = z.looseObject({
    error: z.optional(z.union([z.number(), z.string()])),
    error_name: z.optional(z.string()),
    error_description: z.optional(z.string()),
    message: z.optional(z.string()),
  });
  return { tokenResponse, tokenError };
});

/** POST {oauth}/v4/oa/access_token, form-encoded, with header secret_key (the app secret). */
export async function exchangeRefreshToken(
  fetchFn: FetchFn,
  oauthBase: string,
  appId: string,
  appSecret: string,
  refreshToken: string,
): Promise<RefreshResult> {
  let res: Response;
  try {
    res = await fetchFn(join(oauthBase, '/v4/oa/access_token'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', secret_key: appSecret },
      body: new URLSearchParams({ refresh_token: refreshToken, app_id: appId, grant_type: 'refresh_token' }).toString(),
    });
  } catch (err) {
    return { ok: false, error: `network: ${err instanceof Error ? err.message.slice(0, 200) : 'fetch failed'}`, retryable: true };
  }
  const json = (await res.json().catch(() => null)) as unknown;
  const { tokenResponse, tokenError } = tokenSchemas();
  const good = tokenResponse.safeParse(json);
  if (res.ok && good.success) {
    return {
      ok: true,
      accessToken: good.data.access_token,
      refreshToken: good.data.refresh_token,
      expiresInS: good.data.expires_in,
      ...(good.data.refresh_token_expires_in !== undefined ? { refreshExpiresInS: good.data.refresh_token_expires_in } : {}),
    };
  }
  const bad = tokenError.safeParse(json);
  const e = bad.success ? bad.data : {};
  const detail = [e.error !== undefined ? `error ${e.error}` : `http ${res.status}`, e.error_name, e.error_description ?? e.message]
    .filter(Boolean)
    .join(': ')
    .slice(0, 300);
  // A Zalo error code means the refresh token was refused (used, expired, revoked): retrying the same one cannot help.
  return { ok: false, error: detail || `http ${res.status}`, retryable: e.error === undefined && (res.status >= 500 || res.status === 429) };
}
