// A fake Zalo OA API and OAuth server (msw handlers, no network), plus signed webhook requests.
// It enforces what the real one does and our code must respect: an access token is accepted only
// while valid, and a refresh token can be exchanged ONCE.
import { http, HttpResponse, type RequestHandler } from 'msw';
import { zaloSignature } from '../../src/channels/zalo/signature';

export const ZALO_APP_ID = '1234567890123456789';
export const ZALO_APP_SECRET = 'app-secret-for-tests';
export const ZALO_OA_SECRET_KEY = 'oa-secret-key-for-tests';
export const ZALO_API_BASE = 'https://zalo-api.test';
export const ZALO_OAUTH_BASE = 'https://zalo-oauth.test';

/** Environment that turns the Zalo channel on against this fake. */
export const zaloTestEnv = {
  ZALO_APP_ID,
  ZALO_APP_SECRET,
  ZALO_OA_SECRET_KEY,
  ZALO_API_BASE,
  ZALO_OAUTH_BASE,
  // The fake stamps its events from a fixed 2026-11-25 and most tests run on the machine's clock;
  // test/channels/zalo/webhook.test.ts checks the real window.
  ZALO_EVENT_MAX_AGE_MINUTES: '10000000',
  ZALO_EVENT_MAX_AHEAD_MINUTES: '10000000',
};

export interface CsCall {
  accessToken: string | null;
  userId: string;
  text: string;
  body: unknown;
  /** Whether the fake accepted it (error 0). */
  accepted: boolean;
}

export interface OAuthCall {
  refreshToken: string;
  appId: string;
  grantType: string;
  secretKey: string | null;
  accepted: boolean;
}

export interface FakeZalo {
  handlers: RequestHandler[];
  /** Every /v3.0/oa/message/cs request, in order. */
  csCalls: CsCall[];
  /** Accepted customer-service messages only. */
  delivered(): CsCall[];
  oauthCalls: OAuthCall[];
  /** Makes a fresh valid pair, as the Zalo console's first authorisation does. */
  issuePair(): { accessToken: string; refreshToken: string };
  /** Zalo stops accepting this access token (expired or revoked): sends get −216. */
  revokeAccess(token: string): void;
  isValidAccess(token: string): boolean;
  isValidRefresh(token: string): boolean;
  /** The next customer-service send answers with this Zalo error code (HTTP 200). */
  failNextSend(code: number, message?: string): void;
  /** Holds token exchanges until the returned function is called (to make refreshes overlap). */
  holdOAuth(): () => void;
  /** Answer messages with an attachment (the OA's buttons) with an error, as an OA without them might. */
  refuseAttachments(on: boolean): void;
  /** Holds customer-service sends (a slow Zalo API) until the returned function is called. */
  holdSends(): () => void;
}

export function createFakeZalo(): FakeZalo {
  const validAccess = new Set<string>();
  const validRefresh = new Set<string>();
  const csCalls: CsCall[] = [];
  const oauthCalls: OAuthCall[] = [];
  const failures: Array<{ code: number; message: string }> = [];
  let serial = 0;
  let gate: Promise<void> | null = null;
  let noAttachments = false;
  let sendGate: Promise<void> | null = null;

  const issuePair = () => {
    serial++;
    const pair = { accessToken: `access-${serial}-${'a'.repeat(20)}`, refreshToken: `refresh-${serial}-${'r'.repeat(20)}` };
    validAccess.add(pair.accessToken);
    validRefresh.add(pair.refreshToken);
    return pair;
  };

  const handlers: RequestHandler[] = [
    http.post(`${ZALO_API_BASE}/v3.0/oa/message/cs`, async ({ request }) => {
      const accessToken = request.headers.get('access_token');
      const body = (await request.json()) as { recipient?: { user_id?: string }; message?: { text?: string } };
      const call: CsCall = {
        accessToken,
        userId: body.recipient?.user_id ?? '',
        text: body.message?.text ?? '',
        body,
        accepted: false,
      };
      if (sendGate) await sendGate;
      csCalls.push(call);
      if (!accessToken || !validAccess.has(accessToken)) {
        return HttpResponse.json({ error: -216, message: 'Access token is invalid' });
      }
      if (noAttachments && (body.message as { attachment?: unknown } | undefined)?.attachment) {
        return HttpResponse.json({ error: -201, message: 'Parameters are invalid' });
      }
      const failure = failures.shift();
      if (failure) return HttpResponse.json({ error: failure.code, message: failure.message });
      call.accepted = true;
      return HttpResponse.json({ error: 0, message: 'Success', data: { message_id: `m${csCalls.length}`, user_id: call.userId } });
    }),
    http.post(`${ZALO_OAUTH_BASE}/v4/oa/access_token`, async ({ request }) => {
      const form = new URLSearchParams(await request.text());
      const call: OAuthCall = {
        refreshToken: form.get('refresh_token') ?? '',
        appId: form.get('app_id') ?? '',
        grantType: form.get('grant_type') ?? '',
        secretKey: request.headers.get('secret_key'),
        accepted: false,
      };
      oauthCalls.push(call);
      if (gate) await gate;
      if (call.secretKey !== ZALO_APP_SECRET || call.appId !== ZALO_APP_ID || call.grantType !== 'refresh_token') {
        return HttpResponse.json({ error: -14002, error_name: 'Invalid app', error_description: 'app id or secret key is wrong' });
      }
      // Used once: checked and consumed in one synchronous step, as a real server would.
      if (!validRefresh.delete(call.refreshToken)) {
        return HttpResponse.json({ error: -14014, error_name: 'Invalid refresh token', error_description: 'Refresh token is invalid or used' });
      }
      call.accepted = true;
      const pair = issuePair();
      return HttpResponse.json({ access_token: pair.accessToken, refresh_token: pair.refreshToken, expires_in: '90000' });
    }),
  ];

  return {
    handlers,
    csCalls,
    delivered: () => csCalls.filter((c) => c.accepted),
    oauthCalls,
    issuePair,
    revokeAccess: (token) => void validAccess.delete(token),
    isValidAccess: (token) => validAccess.has(token),
    isValidRefresh: (token) => validRefresh.has(token),
    refuseAttachments(on) {
      noAttachments = on;
    },
    failNextSend(code, message = 'fake failure') {
      failures.push({ code, message });
    },
    holdSends() {
      let release!: () => void;
      sendGate = new Promise<void>((resolve) => (release = resolve));
      return () => {
        sendGate = null;
        release();
      };
    },
    holdOAuth() {
      let release!: () => void;
      gate = new Promise<void>((resolve) => (release = resolve));
      return () => {
        gate = null;
        release();
      };
    },
  };
}

// ── Webhook events, as Zalo sends them ─────────────────────────────────────────────────────────

export const OA_ID = '579745863508352884';
const BASE_TIME = Date.parse('2026-11-25T03:00:00Z'); // 10:00 in Vietnam
let msgSerial = 0;

export interface EventOptions {
  msgId?: string;
  /** Milliseconds since the epoch; defaults to a fixed morning, one second apart. */
  timestamp?: number;
}

function stamp(opts: EventOptions): { msg_id: string; timestamp: string } {
  msgSerial++;
  return { msg_id: opts.msgId ?? `msg-${msgSerial}-${'f'.repeat(8)}`, timestamp: String(opts.timestamp ?? BASE_TIME + msgSerial * 1000) };
}

export function userSendText(userId: string, text: string, opts: EventOptions = {}) {
  const { msg_id, timestamp } = stamp(opts);
  return {
    app_id: ZALO_APP_ID,
    user_id_by_app: `app-${userId}`,
    event_name: 'user_send_text',
    timestamp,
    sender: { id: userId },
    recipient: { id: OA_ID },
    message: { msg_id, text },
  };
}

export function userSendLocation(userId: string, latitude: string | number, longitude: string | number, opts: EventOptions = {}) {
  const { msg_id, timestamp } = stamp(opts);
  return {
    app_id: ZALO_APP_ID,
    event_name: 'user_send_location',
    timestamp,
    sender: { id: userId },
    recipient: { id: OA_ID },
    message: { msg_id, attachments: [{ type: 'location', payload: { coordinates: { latitude, longitude } } }] },
  };
}

export function oaSendText(userId: string, text: string, opts: EventOptions = {}) {
  const { msg_id, timestamp } = stamp(opts);
  return {
    app_id: ZALO_APP_ID,
    event_name: 'oa_send_text',
    timestamp,
    sender: { id: OA_ID },
    recipient: { id: userId },
    message: { msg_id, text },
  };
}

export function follow(userId: string, opts: EventOptions = {}) {
  const { timestamp } = stamp(opts);
  return { app_id: ZALO_APP_ID, oa_id: OA_ID, event_name: 'follow', timestamp, source: 'oa_profile', follower: { id: userId } };
}

/** A webhook request exactly as Zalo would send it: raw JSON body and X-ZEvent-Signature. */
export async function signedWebhook(
  event: object,
  opts: { secret?: string; appId?: string; raw?: string; signature?: string | null } = {},
): Promise<RequestInit & { headers: Record<string, string> }> {
  const raw = opts.raw ?? JSON.stringify(event);
  const timestamp = String((event as { timestamp?: unknown }).timestamp ?? '');
  const mac = await zaloSignature(opts.appId ?? ZALO_APP_ID, new TextEncoder().encode(raw), timestamp, opts.secret ?? ZALO_OA_SECRET_KEY);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (opts.signature !== null) headers['x-zevent-signature'] = opts.signature ?? `mac=${mac}`;
  return { method: 'POST', headers, body: raw };
}
