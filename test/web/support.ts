// Test world for the web pages: the real app (createApp + /chat + /admin) on a fresh database with the
// demo directory and the demo overdue case, a settable clock, and a tiny cookie-keeping client.
import { eq } from 'drizzle-orm';
import type { Hono } from 'hono';
import { adminRoutes, seedWebDemo, type AdminOptions } from '../../src/admin';
import { createApp } from '../../src/app';
import { webChatRoutes } from '../../src/channels/web';
import type { Services } from '../../src/core/services';
import { cases } from '../../src/db/schema';
import { seedDemoDirectory } from '../../src/reports';
import { createTestRuntime, type TestRuntime } from '../support/runtime';

export const ADMIN_TOKEN = 'test-admin-token-0123456789';
export const START = new Date('2026-11-25T03:00:00Z');

export interface WebWorld extends TestRuntime {
  app: Hono;
  clock: { now: Date };
  caseByRef(ref: string): Promise<typeof cases.$inferSelect | undefined>;
}

export async function createWebWorld(opts: { services?: Services; admin?: AdminOptions; now?: () => Date; env?: Record<string, string> } = {}): Promise<WebWorld> {
  const clock = { now: START };
  const t = await createTestRuntime({ env: { ADMIN_TOKEN, ...opts.env }, services: opts.services, now: opts.now ?? (() => clock.now) });
  await seedDemoDirectory(t.db.db, START);
  await seedWebDemo(t.db.db, t.rt.core.sealer, START);
  const app = createApp({
    rt: t.rt,
    routes: {
      '/chat': webChatRoutes(t.rt, { demoOfficer: true, address: { trustedHeader: 'x-test-ip' } }),
      '/admin': adminRoutes(t.rt, t.config, opts.admin ?? { clientIp: (c) => c.req.header('x-test-ip') ?? '127.0.0.1' }),
    },
  });
  return {
    ...t,
    app,
    clock,
    caseByRef: async (ref) => (await t.db.db.select().from(cases).where(eq(cases.ref, ref)))[0],
  };
}

/** A browser-like client for app.request: keeps cookies, sends same-origin form posts. */
export class Client {
  readonly cookies = new Map<string, string>();
  lastSetCookies: string[] = [];
  constructor(
    private readonly app: Hono,
    private readonly headers: Record<string, string> = {},
  ) {}

  private cookieHeader(): Record<string, string> {
    return this.cookies.size ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {};
  }

  private keep(res: Response): Response {
    this.lastSetCookies = res.headers.getSetCookie();
    for (const line of this.lastSetCookies) {
      const [pair = '', ...attrs] = line.split(';');
      const i = pair.indexOf('=');
      const name = pair.slice(0, i).trim();
      const value = pair.slice(i + 1).trim();
      const expired = attrs.some((a) => /max-age=0\b/i.test(a.trim()) || /expires=thu, 01 jan 1970/i.test(a.trim()));
      if (!value || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.keep(await this.app.request(path, { headers: { ...this.headers, ...this.cookieHeader(), ...headers } }));
  }

  async post(path: string, form: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
    return this.keep(
      await this.app.request(path, {
        method: 'POST',
        body: new URLSearchParams(form),
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          origin: 'http://localhost',
          'sec-fetch-site': 'same-origin',
          ...this.headers,
          ...this.cookieHeader(),
          ...headers,
        },
      }),
    );
  }
}

/** The value of a hidden form field in a page. */
export function hiddenField(html: string, name: string): string {
  const m = new RegExp(`<input type="hidden" name="${name}" value="([^"]*)"`).exec(html);
  if (!m) throw new Error(`no hidden ${name} in page`);
  return m[1]!;
}

/** Logs in through the form with a code (the admin token or an officer's one-time code). */
export async function logIn(client: Client, code: string): Promise<Response> {
  const page = await (await client.get('/admin/login')).text();
  return client.post('/admin/login', { _csrf: hiddenField(page, '_csrf'), code });
}
