// What the browser stories share: Debian's Chromium (playwright-core, no browser download) and the
// app served on a free port of 127.0.0.1.
import { existsSync, mkdirSync } from 'node:fs';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const PHONE = { width: 390, height: 844 };

/** Stops with a clear message when Chromium is missing, and makes the screenshot folder. */
export function requireChromium(artifacts: string): void {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium)`);
  mkdirSync(artifacts, { recursive: true });
}

/** Serves the app on a free loopback port: its base URL, and how to stop it. */
export async function serveOnLoopback(fetch: (req: Request) => Response | Promise<Response>): Promise<{ base: string; close: () => Promise<void> }> {
  const server = serve({ fetch, hostname: '127.0.0.1', port: 0 });
  await once(server, 'listening');
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
