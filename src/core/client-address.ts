// Who is asking, by network address: the socket's peer, or, behind a reverse proxy, only the one
// header the operator configured (TRUST_PROXY_HEADER). Any other forwarding header is ignored, so a
// client cannot pick its own address. Addresses are only ever stored hashed.
import type { Context } from 'hono';

export interface ClientAddressOptions {
  /** The header the trusted proxy sets (lower or any case), e.g. "x-forwarded-for" or "x-real-ip". */
  trustedHeader?: string;
  /** The peer address of the connection, when the runtime knows it (Node's socket). */
  socketAddress?: (c: Context) => string | undefined;
}

/**
 * The client's address. With a trusted header, its right-most entry: a proxy appends the peer it
 * saw, so entries to the left of it were written by the client and prove nothing.
 */
export function clientAddress(c: Context, opts: ClientAddressOptions): string {
  if (opts.trustedHeader) {
    const value = c.req.header(opts.trustedHeader);
    const last = value?.split(',').map((s) => s.trim()).filter(Boolean).pop();
    if (last) return last.slice(0, 64);
  }
  let socket: string | undefined;
  try {
    socket = opts.socketAddress?.(c);
  } catch {
    socket = undefined; // app.request in tests has no socket
  }
  return socket ?? 'unknown';
}

/** True when the request reached the trusted proxy over TLS (X-Forwarded-Proto), or came over TLS itself. */
export function requestIsHttps(c: Context, trustProxy: boolean): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  return trustProxy && /^https$/i.test(c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() ?? '');
}

/** A short, stable, non-reversible key for an address (SHA-256, first 16 bytes, hex). */
export async function addressKey(address: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode('bv-addr:' + address)));
  return Array.from(digest.slice(0, 16), (b) => b.toString(16).padStart(2, '0')).join('');
}
