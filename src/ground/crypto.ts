// AES-GCM encryption of personal data at rest, with WebCrypto (same code on Workers and Node), and
// keyed tags (HMAC-SHA-256) to find sealed values again without opening every row.
const enc = new TextEncoder();
const dec = new TextDecoder();

export interface Sealer {
  seal(plain: string): Promise<string>;
  open(sealed: string): Promise<string>;
  /**
   * A keyed tag of `plain` under DATA_KEY: the same text gives the same tag, so a column of tags can
   * be indexed and looked up; without the key nobody can compute or reverse it. 43 characters of
   * base64url (HMAC-SHA-256, with a key derived from DATA_KEY for this use only).
   */
  tag(plain: string): Promise<string>;
  /** The tag under DATA_KEY, then under each of DATA_KEY_PREVIOUS: what a lookup matches during a key rotation. */
  tags(plain: string): Promise<string[]>;
}

/** What the tag key is derived from DATA_KEY with (HMAC-SHA-256(DATA_KEY, label)): never the AES key itself. */
export const TAG_KEY_LABEL = 'baove/tag/v1';

/**
 * `keyB64` is base64 of 32 bytes (DATA_KEY). Output is "v1.<iv b64>.<ciphertext b64>".
 * `previousB64` are older keys (DATA_KEY_PREVIOUS): `seal` never uses them; `open` tries the
 * current key and then each older one. The GCM tag tells which key fits, so "v1" needs no key id.
 */
export async function createSealer(keyB64: string, previousB64: readonly string[] = []): Promise<Sealer> {
  const raws = [keyB64, ...previousB64].map(decodeKey);
  // The WebCrypto keys are imported (and the tag key derived) on first use, once: many requests
  // (/start, the menu, a guide) seal nothing, and a fresh Worker isolate's first request would
  // otherwise pay for it in its boot. A bad key still fails here, at start-up (decodeKey).
  let imported: Promise<{ key: CryptoKey; previous: CryptoKey[]; tagKeys: CryptoKey[] }> | undefined;
  const keys = () =>
    (imported ??= Promise.all([Promise.all(raws.map(importKey)), Promise.all(raws.map(importTagKey))]).then(
      ([[key, ...previous], tagKeys]) => ({ key: key!, previous, tagKeys }),
      (err: unknown) => {
        imported = undefined;
        throw err;
      },
    ));
  const tagWith = async (k: CryptoKey, plain: string): Promise<string> => toB64Url(new Uint8Array(await crypto.subtle.sign('HMAC', k, enc.encode(plain))));
  return {
    tag: async (plain) => tagWith((await keys()).tagKeys[0]!, plain),
    tags: async (plain) => {
      const { tagKeys } = await keys();
      return Promise.all(tagKeys.map((k) => tagWith(k, plain)));
    },
    async seal(plain) {
      const { key } = await keys();
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const ct = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, enc.encode(plain)));
      return `v1.${toB64(iv)}.${toB64(ct)}`;
    },
    async open(sealed) {
      const [version, ivB64, ctB64] = sealed.split('.');
      if (version !== 'v1' || !ivB64 || !ctB64) throw new Error('unknown sealed format');
      const { key, previous } = await keys();
      const iv = fromB64(ivB64);
      const ct = fromB64(ctB64);
      try {
        return dec.decode(await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, ct));
      } catch (err) {
        for (const old of previous) {
          try {
            return dec.decode(await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, old, ct));
          } catch {
            // not this one either
          }
        }
        throw err;
      }
    },
  };
}

function decodeKey(keyB64: string): Uint8Array<ArrayBuffer> {
  const raw = Uint8Array.from(atob(keyB64), (c) => c.charCodeAt(0));
  if (raw.length !== 32) throw new Error('DATA_KEY must decode to 32 bytes');
  return raw;
}

async function importKey(raw: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

async function importTagKey(raw: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  const master = await crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const derived = await crypto.subtle.sign('HMAC', master, enc.encode(TAG_KEY_LABEL));
  return crypto.subtle.importKey('raw', derived, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
}

export function generateDataKey(): string {
  return toB64(crypto.getRandomValues(new Uint8Array(32)));
}

function toB64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

function toB64Url(bytes: Uint8Array): string {
  return toB64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromB64(b64: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
}
