// Zalo webhook signature: X-ZEvent-Signature: mac=<hex of SHA-256(app_id + raw body + timestamp + OA secret key)>.
// A plain hash (not an HMAC), over the raw bytes, compared in constant time. WebCrypto: Workers and Node.
const encoder = new TextEncoder();

export async function zaloSignature(appId: string, rawBody: Uint8Array, timestamp: string, oaSecretKey: string): Promise<string> {
  const parts = [encoder.encode(appId), rawBody, encoder.encode(timestamp), encoder.encode(oaSecretKey)];
  const joined = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    joined.set(p, offset);
    offset += p.length;
  }
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', joined));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The hex digest from a header value "mac=<hex>" (a bare hex is accepted too), lower-cased. */
export function macFromHeader(header: string | undefined | null): string | null {
  if (!header) return null;
  const m = /^\s*(?:mac=)?([0-9a-fA-F]{64})\s*$/.exec(header);
  return m ? m[1]!.toLowerCase() : null;
}

export async function verifyZaloSignature(
  header: string | undefined | null,
  appId: string,
  rawBody: Uint8Array,
  timestamp: string,
  oaSecretKey: string,
): Promise<boolean> {
  const given = macFromHeader(header);
  if (!given) return false;
  const expected = await zaloSignature(appId, rawBody, timestamp, oaSecretKey);
  return constantTimeEqual(given, expected);
}

/** Compares two equal-length ASCII strings without an early exit. */
export function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
