// The same AES-GCM sealing as crypto.ts ("v1.<iv>.<ciphertext+tag>", interchangeable), done with
// node:crypto on Node. WebCrypto hands every seal to the thread pool and back; inside a write
// transaction that round trip holds the single writer while it waits. A synchronous cipher of a few
// hundred bytes takes microseconds, so on Node the writer never waits on crypto.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { TAG_KEY_LABEL, type Sealer } from './crypto';

const TAG_BYTES = 16; // WebCrypto's AES-GCM default tag, appended to the ciphertext
const IV_BYTES = 12;

// IVs are taken from a block of random bytes drawn at once: one trip to the system's random source
// per 340 seals rather than one per seal. Every 12 bytes are used once; a used block is never written
// again (the next block is a new buffer), so no IV can repeat.
const IV_BLOCK = IV_BYTES * 340;
let ivBlock = Buffer.alloc(0);
let ivOffset = 0;
function nextIv(): Buffer {
  if (ivOffset + IV_BYTES > ivBlock.length) {
    ivBlock = randomBytes(IV_BLOCK);
    ivOffset = 0;
  }
  const iv = ivBlock.subarray(ivOffset, ivOffset + IV_BYTES);
  ivOffset += IV_BYTES;
  return iv;
}

/**
 * `keyB64` is base64 of 32 bytes (DATA_KEY). `previousB64` are older keys (DATA_KEY_PREVIOUS):
 * `seal` never uses them; `open` tries the current key and then each older one (the GCM tag tells
 * which fits).
 */
export function createNodeSealer(keyB64: string, previousB64: readonly string[] = []): Sealer {
  const [key, ...previous] = [keyB64, ...previousB64].map(decodeKey);
  // The same derivation and output as crypto.ts's tags (HMAC-SHA-256, base64url).
  const tagKeys = [key!, ...previous].map((k) => createHmac('sha256', k).update(TAG_KEY_LABEL).digest());
  const tagSync = (k: Buffer, plain: string): string => createHmac('sha256', k).update(plain, 'utf8').digest('base64url');
  const sealSync = (plain: string): string => {
    const iv = nextIv();
    const cipher = createCipheriv('aes-256-gcm', key!, iv);
    const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return `v1.${iv.toString('base64')}.${ct.toString('base64')}`;
  };
  const openSync = (sealed: string): string => {
    const [version, ivB64, ctB64] = sealed.split('.');
    if (version !== 'v1' || !ivB64 || !ctB64) throw new Error('unknown sealed format');
    const iv = Buffer.from(ivB64, 'base64');
    const ct = Buffer.from(ctB64, 'base64');
    if (iv.length !== IV_BYTES || ct.length < TAG_BYTES) throw new Error('unknown sealed format');
    try {
      return decrypt(key!, iv, ct);
    } catch (err) {
      for (const old of previous) {
        try {
          return decrypt(old, iv, ct);
        } catch {
          // not this one either
        }
      }
      throw err;
    }
  };
  return {
    seal: async (plain) => sealSync(plain),
    open: async (sealed) => openSync(sealed),
    tag: async (plain) => tagSync(tagKeys[0]!, plain),
    tags: async (plain) => tagKeys.map((k) => tagSync(k, plain)),
  };
}

function decodeKey(keyB64: string): Buffer {
  const key = Buffer.from(keyB64, 'base64');
  if (key.length !== 32) throw new Error('DATA_KEY must decode to 32 bytes');
  return key;
}

function decrypt(key: Buffer, iv: Buffer, ct: Buffer): string {
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAuthTag(ct.subarray(ct.length - TAG_BYTES));
  return Buffer.concat([decipher.update(ct.subarray(0, ct.length - TAG_BYTES)), decipher.final()]).toString('utf8');
}
