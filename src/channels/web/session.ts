// The web chat visitor: a random id in an HttpOnly cookie (no personal data in URLs), and who they act as.
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';

export const SESSION_COOKIE = 'bv_chat';
export const AS_COOKIE = 'bv_chat_as';
const ONE_YEAR_S = 365 * 24 * 3600;
const SESSION_RE = /^w-[A-Za-z0-9_-]{22}$/;

/** A fresh web channel user id: "w-" and 128 random bits. */
export function newSessionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return 'w-' + btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function readSession(c: Context): string | null {
  const v = getCookie(c, SESSION_COOKIE);
  return v && SESSION_RE.test(v) ? v : null;
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
export function ensureSession(c: Context): string {
  const existing = readSession(c);
  if (existing) return existing;
  const id = newSessionId();
  setCookie(c, SESSION_COOKIE, id, cookieOptions(c));
  return id;
}

export function startNewSession(c: Context): string {
  const id = newSessionId();
  setCookie(c, SESSION_COOKIE, id, cookieOptions(c));
  setCookie(c, AS_COOKIE, 'citizen', cookieOptions(c));
  return id;
}

export function actingAsOfficer(c: Context): boolean {
  return getCookie(c, AS_COOKIE) === 'officer';
}

export function setActingAs(c: Context, as: 'officer' | 'citizen'): void {
  setCookie(c, AS_COOKIE, as, cookieOptions(c));
}
