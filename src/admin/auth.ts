// Who is using the dashboard: the ADMIN_TOKEN (national), or a session cookie from the login form
// (the token, or a one-time code sent to an officer's chat). Sessions and codes are stored hashed.
import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Config } from '../config';
import { hitsNow, overLimit } from '../core/rate-limit';
import { safeEqual } from '../core/safe-equal';
import type { Db } from '../db/db';
import { adminLoginCodes, adminSessions, officers } from '../db/schema';
import type { OfficerRow } from '../directory/officers';
import { randomChars } from '../cases/ref';

export type AdminRole = 'national' | 'province' | 'commune';

export interface AdminUser {
  role: AdminRole;
  /** The province (province role) or commune (commune role) this user sees; null = everything. */
  scopeCode: string | null;
  /** The directory row behind a province or commune login (jurisdiction is checked with it). */
  officer: OfficerRow | null;
  /** Who the audit log names: admin:token or officer:<id>. */
  actor: string;
  label: string;
  /** The form token of this session; null for bearer requests (no cookie, so no CSRF). */
  csrf: string | null;
  sessionHash: string | null;
}

export const SESSION_COOKIE = 'bv_admin';
export const LOGIN_COOKIE = 'bv_login';
export const SESSION_HOURS = 8;
export const LOGIN_CODE_HOURS = 24;
export const LOGIN_LIMIT_PER_MINUTE = 5;
const HOUR_MS = 3_600_000;

export function randomToken(bytes = 32): string {
  const b = crypto.getRandomValues(new Uint8Array(bytes));
  return btoa(String.fromCharCode(...b)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

const NATIONAL = (csrf: string | null, sessionHash: string | null): AdminUser => ({
  role: 'national',
  scopeCode: null,
  officer: null,
  actor: 'admin:token',
  label: 'Quản trị viên',
  csrf,
  sessionHash,
});

/** The role an officer row gives: a province supervisor sees the province, an officer their commune. */
export function officerUser(o: OfficerRow, csrf: string | null, sessionHash: string | null): AdminUser {
  const province = o.role === 'supervisor' && /^\d{2}$/.test(o.communeCode);
  return {
    role: province ? 'province' : 'commune',
    scopeCode: o.communeCode,
    officer: o,
    actor: `officer:${o.id}`,
    label: o.name,
    csrf,
    sessionHash,
  };
}

/** Requests that reached a trusted TLS proxy (X-Forwarded-Proto: https, with TRUST_PROXY_HEADER set). */
const behindTls = new WeakSet<Context>();
export function markAdminBehindTls(c: Context): void {
  behindTls.add(c);
}

function cookieBase(c: Context) {
  return { httpOnly: true, sameSite: 'Strict' as const, path: '/admin', secure: new URL(c.req.url).protocol === 'https:' || behindTls.has(c) };
}

/** The user of this request, or null. A wrong bearer token is null too (never falls back to the cookie). */
export async function currentUser(c: Context, db: Db, config: Config, at: Date): Promise<AdminUser | null> {
  const header = c.req.header('authorization');
  if (header !== undefined) {
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    return m && config.ADMIN_TOKEN && safeEqual(m[1]!, config.ADMIN_TOKEN) ? NATIONAL(null, null) : null;
  }
  const token = getCookie(c, SESSION_COOKIE);
  if (!token) return null;
  const hash = await sha256Hex(token);
  const [s] = await db
    .select()
    .from(adminSessions)
    .where(and(eq(adminSessions.tokenHash, hash), gt(adminSessions.expiresAt, at)))
    .limit(1);
  if (!s) return null;
  if (s.role === 'national') return config.ADMIN_TOKEN ? NATIONAL(s.csrf, hash) : null;
  const [o] = s.officerId ? await db.select().from(officers).where(eq(officers.id, s.officerId)).limit(1) : [];
  // A deactivated officer loses access at once.
  return o && o.active ? officerUser(o, s.csrf, hash) : null;
}

export async function startSession(c: Context, db: Db, user: Pick<AdminUser, 'role' | 'scopeCode' | 'actor'> & { officerId: number | null }, at: Date): Promise<void> {
  const token = randomToken();
  // Expired sessions are cleared on each login, so the table stays small.
  await db.delete(adminSessions).where(lt(adminSessions.expiresAt, at));
  await db.insert(adminSessions).values({
    tokenHash: await sha256Hex(token),
    role: user.role,
    scopeCode: user.scopeCode,
    officerId: user.officerId,
    actor: user.actor,
    csrf: randomToken(),
    createdAt: at,
    expiresAt: new Date(at.getTime() + SESSION_HOURS * HOUR_MS),
  });
  setCookie(c, SESSION_COOKIE, token, { ...cookieBase(c), maxAge: SESSION_HOURS * 3600 });
}

export async function endSession(c: Context, db: Db, user: AdminUser): Promise<void> {
  if (user.sessionHash) await db.delete(adminSessions).where(eq(adminSessions.tokenHash, user.sessionHash));
  deleteCookie(c, SESSION_COOKIE, { path: '/admin' });
}

/** A nonce for the login form (double-submit), since there is no session yet to bind a token to. */
export function loginNonce(c: Context): string {
  const nonce = randomToken(16);
  setCookie(c, LOGIN_COOKIE, nonce, { ...cookieBase(c), maxAge: 1800 });
  return nonce;
}

export function loginNonceMatches(c: Context, submitted: unknown): boolean {
  const cookie = getCookie(c, LOGIN_COOKIE);
  return typeof submitted === 'string' && !!cookie && safeEqual(submitted, cookie);
}

/** Counts a login attempt from this address; true when it is over the limit for the current minute. */
export async function loginRateLimited(db: Db, ip: string, at: Date, perMinute = LOGIN_LIMIT_PER_MINUTE): Promise<boolean> {
  return overLimit(db, `admin-login:${ip}`, at, perMinute);
}

/** True when this address has sent `perMinute` wrong bearer tokens in the current minute (counts nothing). */
export async function bearerLimited(db: Db, ip: string, at: Date, perMinute = LOGIN_LIMIT_PER_MINUTE): Promise<boolean> {
  return (await hitsNow(db, `admin-bearer:${ip}`, at)) >= perMinute;
}

/** Counts one wrong bearer token from this address. */
export async function countBearerFailure(db: Db, ip: string, at: Date): Promise<void> {
  await overLimit(db, `admin-bearer:${ip}`, at, Number.MAX_SAFE_INTEGER);
}

/** "abcd efgh", "ABCDEFGH" → "ABCD-EFGH". */
export function normalizeLoginCode(text: string): string {
  const compact = text.trim().toUpperCase().replace(/[\s_\u2013\u2014-]/g, '') /* – — - */;
  return compact.length === 8 ? `${compact.slice(0, 4)}-${compact.slice(4)}` : compact;
}

/** A one-time login code for an officer; only its hash is kept. The caller sends it to the officer's chat. */
export async function issueLoginCode(db: Db, officerId: number, createdBy: string, at: Date): Promise<string> {
  const code = `${randomChars(4)}-${randomChars(4)}`;
  await db.insert(adminLoginCodes).values({
    codeHash: await sha256Hex(code),
    officerId,
    createdBy,
    createdAt: at,
    expiresAt: new Date(at.getTime() + LOGIN_CODE_HOURS * HOUR_MS),
  });
  return code;
}

/** Uses a login code (once): the active officer it was issued for, or null. */
export async function redeemLoginCode(db: Db, text: string, at: Date): Promise<OfficerRow | null> {
  const hash = await sha256Hex(normalizeLoginCode(text));
  const used = await db
    .update(adminLoginCodes)
    .set({ usedAt: at })
    .where(and(eq(adminLoginCodes.codeHash, hash), isNull(adminLoginCodes.usedAt), gt(adminLoginCodes.expiresAt, at)))
    .returning({ officerId: adminLoginCodes.officerId });
  const officerId = used[0]?.officerId;
  if (officerId === undefined) return null;
  const [o] = await db.select().from(officers).where(eq(officers.id, officerId)).limit(1);
  return o && o.active ? o : null;
}

/** True when the national token matches (constant time). */
export function isAdminToken(config: Config, text: string): boolean {
  return !!config.ADMIN_TOKEN && safeEqual(text.trim(), config.ADMIN_TOKEN);
}
