// Report details are sealed at rest; Node's synchronous sealer and WebCrypto's read each other's output.
import { describe, expect, it } from 'vitest';
import { createSealer, generateDataKey } from '../../src/ground/crypto';
import { createNodeSealer } from '../../src/ground/crypto-node';

const key = generateDataKey();
const secret = 'Bé Lan, 8 tuổi, số 5 ngõ 12 Hàng Bạc — gọi 0912 345 678';

describe('sealing personal data', () => {
  it('never stores the plaintext, and opens to exactly what was sealed', async () => {
    for (const sealer of [await createSealer(key), createNodeSealer(key)]) {
      const sealed = await sealer.seal(secret);
      expect(sealed).toMatch(/^v1\.[A-Za-z0-9+/=]+\.[A-Za-z0-9+/=]+$/);
      expect(sealed).not.toContain('Lan');
      expect(await sealer.open(sealed)).toBe(secret);
    }
  });

  it('uses a fresh IV each time: the same text seals differently', async () => {
    const sealer = createNodeSealer(key);
    expect(await sealer.seal(secret)).not.toBe(await sealer.seal(secret));
  });

  it('never repeats an IV, across the blocks of random bytes the IVs are drawn from', async () => {
    const sealer = createNodeSealer(key);
    const ivs = new Set<string>();
    const n = 2000; // several blocks of 340
    for (let i = 0; i < n; i++) ivs.add((await sealer.seal('x')).split('.')[1]!);
    expect(ivs.size).toBe(n);
  });

  it('opens what the other implementation sealed (Workers and Node share one database)', async () => {
    const web = await createSealer(key);
    const node = createNodeSealer(key);
    expect(await node.open(await web.seal(secret))).toBe(secret);
    expect(await web.open(await node.seal(secret))).toBe(secret);
  });

  it('refuses a tampered ciphertext or another key', async () => {
    const node = createNodeSealer(key);
    const sealed = await node.seal(secret);
    const [v, iv, ct] = sealed.split('.');
    const flipped = Buffer.from(ct!, 'base64');
    flipped[0] = flipped[0]! ^ 1;
    await expect(node.open(`${v}.${iv}.${flipped.toString('base64')}`)).rejects.toThrow();
    await expect(createNodeSealer(generateDataKey()).open(sealed)).rejects.toThrow();
    await expect(node.open('v2.abc.def')).rejects.toThrow(/unknown sealed format/);
  });

  it('rejects a key that is not 32 bytes', () => {
    expect(() => createNodeSealer(Buffer.alloc(16).toString('base64'))).toThrow(/32 bytes/);
  });

  it('tags: the same text gives the same tag on Workers and Node, another key another tag, and a rotation matches both', async () => {
    const web = await createSealer(key);
    const node = createNodeSealer(key);
    const tag = await web.tag('42');
    expect(tag).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await node.tag('42')).toBe(tag);
    expect(await web.tag('43')).not.toBe(tag);
    // The tag is not a plain hash of the text, nor the HMAC under DATA_KEY itself: a key is derived for tags.
    const { createHash, createHmac } = await import('node:crypto');
    expect(tag).not.toBe(createHash('sha256').update('42').digest('base64url'));
    expect(tag).not.toBe(createHmac('sha256', Buffer.from(key, 'base64')).update('42').digest('base64url'));
    const next = generateDataKey();
    const rotating = await createSealer(next, [key]);
    expect(await rotating.tag('42')).not.toBe(tag);
    expect(await rotating.tags('42')).toEqual([await rotating.tag('42'), tag]);
    expect(await createNodeSealer(next, [key]).tags('42')).toEqual(await rotating.tags('42'));
  });
});
