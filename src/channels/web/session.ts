// The web chat visitor: a random id in an HttpOnly cookie (no personal data in URLs), and who they act as.
// The cookie holds the id sealed with DATA_KEY (AES-GCM), so only an id this server issued is adopted:
// a planted, made-up or altered cookie is replaced by a fresh id.
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { Sealer } from '../../ground/crypto';

export const SESSION_COOKIE = 'bv_chat';
export const AS_COOKIE = 'bv_chat_as';
const ONE_YEAR_S = 365 * 24 * 3600;
const SESSION_RE = /^w-[A-Za-z0-9_-]{22}$/;

/** A fresh web channel user id: "w-" and 128 random bits. */
export function newSessionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return 'w-' + btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const SEAL_PREFIX = 'bv_chat:';

/** The visitor's id from a cookie this server issued, or null (missing, made up, altered, or under a retired key). */
export async function readSession(c: Context, sealer: Sealer): Promise<string | null> {
  const v = getCookie(c, SESSION_COOKIE);
  if (!v || v.length > 256) return null;
  try {
    const plain = await sealer.open(v);
    const id = plain.startsWith(SEAL_PREFIX) ? plain.slice(SEAL_PREFIX.length) : '';
    return SESSION_RE.test(id) ? id : null;
  } catch {
    return null;
  }
}

async function setSession(c: Context, sealer: Sealer, id: string): Promise<void> {
  setCookie(c, SESSION_COOKIE, await sealer.seal(SEAL_PREFIX + id), cookieOptions(c));
}

/** Requests that reached a trusted TLS proxy (X-Forwarded-Proto: https, with TRUST_PROXY_HEADER set). */
const behindTls = new WeakSet<Context>();
export function markBehindTls(c: Context): void {
  behindTls.add(c);
}

function cookieOptions(c: Context) {
  return {
    httpOnly: true,
    sameSite: 'Lax' as const,
    path: '/chat',
    secure: new URL(c.req.url).protocol === 'https:' || behindTls.has(c),
    maxAge: ONE_YEAR_S,
  };
}

/** The visitor's id, creating (and setting) one when the cookie is missing or malformed. */
export async function ensureSession(c: Context, sealer: Sealer): Promise<string> {
  const existing = await readSession(c, sealer);
  if (existing) return existing;
  const id = newSessionId();
  await setSession(c, sealer, id);
  return id;
}

export async function startNewSession(c: Context, sealer: Sealer): Promise<string> {
  const id = newSessionId();
  await setSession(c, sealer, id);
  setCookie(c, AS_COOKIE, 'citizen', cookieOptions(c));
  return id;
}

export function actingAsOfficer(c: Context): boolean {
  return getCookie(c, AS_COOKIE) === 'officer';
}

export function setActingAs(c: Context, as: 'officer' | 'citizen'): void {
  setCookie(c, AS_COOKIE, as, cookieOptions(c));
}
