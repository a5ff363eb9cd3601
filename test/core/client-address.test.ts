// The client's address: the socket's peer unless the operator named the proxy's header; a forged
// forwarding header never picks the address, and only a trusted proxy's X-Forwarded-Proto counts.
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { addressKey, clientAddress, requestIsHttps, type ClientAddressOptions } from '../../src/core/client-address';

async function seen(opts: ClientAddressOptions, headers: Record<string, string>, trustProxy = false) {
  const app = new Hono();
  app.get('/', (c) => c.json({ ip: clientAddress(c, opts), https: requestIsHttps(c, trustProxy) }));
  return (await app.request('/', { headers })).json() as Promise<{ ip: string; https: boolean }>;
}

describe('client address', () => {
  it('ignores X-Forwarded-For unless that header is the trusted one', async () => {
    const socket = { socketAddress: () => '10.0.0.5' };
    expect((await seen(socket, { 'x-forwarded-for': '1.2.3.4' })).ip).toBe('10.0.0.5');
    expect((await seen({ ...socket, trustedHeader: 'X-Real-IP' }, { 'x-forwarded-for': '1.2.3.4' })).ip).toBe('10.0.0.5');
  });

  it('takes the right-most entry of the trusted header (what the proxy itself appended)', async () => {
    const opts = { trustedHeader: 'X-Forwarded-For', socketAddress: () => '10.0.0.5' };
    expect((await seen(opts, { 'x-forwarded-for': '6.6.6.6, 203.0.113.7' })).ip).toBe('203.0.113.7');
  });

  it('believes X-Forwarded-Proto only behind a trusted proxy', async () => {
    expect((await seen({}, { 'x-forwarded-proto': 'https' }, false)).https).toBe(false);
    expect((await seen({}, { 'x-forwarded-proto': 'https' }, true)).https).toBe(true);
  });

  it('stores addresses only as a hash', async () => {
    const key = await addressKey('203.0.113.7');
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect(key).not.toContain('203');
    expect(await addressKey('203.0.113.7')).toBe(key);
  });
});
