// The /chat router: a web visitor talks to the same conversation core as Telegram and Zalo users.
// POST → redirect → GET, so it works without JavaScript; the visitor is a random id in a cookie.
import { and, eq } from 'drizzle-orm';
import { pageSecurityHeaders } from './security';
import { Hono } from 'hono';
import { emergencyLine, mainMenuButtons } from '../../core/menu';
import { catalogues, fill } from '../../core/messages';
import type { Call, Incoming } from '../../core/types';
import { emergencyHotlines } from '../../knowledge';
import type { Db } from '../../db/db';
import { officers } from '../../db/schema';
import type { Runtime } from '../../runtime';
import { WEB_DEMO_OFFICER } from './demo';
import { actingAsOfficer, ensureSession, readSession, setActingAs, startNewSession } from './session';
import { loadTranscript, recordVisitorLine } from './transcript';
import { ChatPage } from './views';

export interface WebChatOptions {
  /** Offer "switch to demo officer" (only where the demo directory is seeded; never in production). */
  demoOfficer?: boolean;
}

const MAX_FORM_CHARS = 2000;

/** The demo officer is offered only if enabled and its directory row is present and active. */
async function demoOfficerActive(db: Db, enabled: boolean): Promise<boolean> {
  if (!enabled) return false;
  const [row] = await db
    .select({ id: officers.id })
    .from(officers)
    .where(and(eq(officers.channel, WEB_DEMO_OFFICER.channel), eq(officers.channelUserId, WEB_DEMO_OFFICER.channelUserId), eq(officers.active, true)))
    .limit(1);
  return Boolean(row);
}

/** The call bar's numbers: the emergency order of content/hotlines.yaml, with short labels. */
function callBar(): Call[] {
  return emergencyHotlines().map((h) => ({ number: h.number, label: h.label.vi.replace(/\s*\(.*\)\s*$/, '') }));
}

/** Allowed when either signal says same origin; a request with neither (curl, tests) is allowed. */
export function sameOrigin(origin: string | undefined, fetchSite: string | undefined, url: string): boolean {
  if (origin === undefined && fetchSite === undefined) return true;
  return (origin !== undefined && origin === new URL(url).origin) || fetchSite === 'same-origin';
}

export function webChatRoutes(rt: Runtime, opts: WebChatOptions = {}): Hono {
  const app = new Hono();
  const { db, sealer } = rt.core;
  const t = catalogues.vi;

  app.use('*', pageSecurityHeaders({ images: false }));
  // Refuse forms posted from other sites (Origin or Sec-Fetch-Site, as browsers send them).
  app.use('*', async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && !sameOrigin(c.req.header('origin'), c.req.header('sec-fetch-site'), c.req.url)) {
      return c.text('Forbidden', 403);
    }
    await next();
  });

  /** Who the visitor speaks as: their own random id, or the shared demo officer. */
  async function identity(c: Parameters<typeof actingAsOfficer>[0], session: string | null): Promise<{ userId: string | null; asOfficer: boolean }> {
    const asOfficer = actingAsOfficer(c) && (await demoOfficerActive(db, opts.demoOfficer ?? false));
    return { userId: asOfficer ? WEB_DEMO_OFFICER.channelUserId : session, asOfficer };
  }

  app.get('/', async (c) => {
    const { userId, asOfficer } = await identity(c, readSession(c));
    const items = userId ? await loadTranscript(db, sealer, userId) : [];
    c.header('Cache-Control', 'no-store');
    return c.html(
      <ChatPage
        items={items}
        welcome={asOfficer ? null : { text: fill(t.welcome, { emergency: emergencyLine('vi') }), buttons: mainMenuButtons(t) }}
        emergency={emergencyLine('vi')}
        callBar={callBar()}
        asOfficer={asOfficer}
        officerAvailable={await demoOfficerActive(db, opts.demoOfficer ?? false)}
      />,
    );
  });

  app.post('/send', async (c) => {
    const form = await c.req.parseBody();
    const text = typeof form.text === 'string' ? form.text.slice(0, MAX_FORM_CHARS + 1) : '';
    const button = typeof form.button === 'string' ? form.button.slice(0, 64) : '';
    if (!text.trim() && !button) return c.redirect('/chat#latest', 303);
    const session = ensureSession(c);
    const { userId } = await identity(c, session);
    const who = userId ?? session;
    const at = rt.now();
    const inc: Incoming = button ? { channel: 'web', userId: who, button, at } : { channel: 'web', userId: who, text, at };
    const shown = button ? await buttonLabel(who, button) : text.trim();
    await recordVisitorLine(db, sealer, who, shown, at);
    await rt.receive(inc, { wait: true });
    return c.redirect('/chat#latest', 303);
  });

  app.post('/as', async (c) => {
    const form = await c.req.parseBody();
    const wantsOfficer = form.as === 'officer' && (await demoOfficerActive(db, opts.demoOfficer ?? false));
    ensureSession(c);
    setActingAs(c, wantsOfficer ? 'officer' : 'citizen');
    return c.redirect('/chat#latest', 303);
  });

  app.post('/restart', (c) => {
    startNewSession(c);
    return c.redirect('/chat', 303);
  });

  /** What the visitor "said" by pressing a button: its label from the messages they were shown. */
  async function buttonLabel(userId: string, payload: string): Promise<string> {
    const items = await loadTranscript(db, sealer, userId);
    for (let i = items.length - 1; i >= 0; i--) {
      const found = items[i]!.buttons.find((b) => b.payload === payload);
      if (found) return found.label;
    }
    return mainMenuButtons(t).find((b) => b.payload === payload)?.label ?? payload;
  }

  return app;
}
