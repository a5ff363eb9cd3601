// The /chat router: a web visitor talks to the same conversation core as Telegram and Zalo users.
// POST → redirect → GET, so it works without JavaScript; the visitor is a random id in a cookie.
import { and, eq } from 'drizzle-orm';
import { pageSecurityHeaders } from './security';
import { Hono } from '../../ground/hono';
import { bodyLimit } from 'hono/body-limit';
import { emergencyLine, mainMenuButtons } from '../../core/menu';
import { catalogues, fill } from '../../core/messages';
import type { Call, Incoming } from '../../core/types';
import { emergencyHotlines } from '../../knowledge';
import type { Db } from '../../db/db';
import { officers } from '../../db/schema';
import type { Runtime } from '../../runtime';
import { pairedDemoOfficer, WEB_DEMO_OFFICER } from './demo';
import { addressKey, clientAddress, requestIsHttps, type ClientAddressOptions } from '../../core/client-address';
import { actingAsOfficer, ensureSession, markBehindTls, readSession, setActingAs, startNewSession } from './session';
import { loadTranscript, recordVisitorLine } from './transcript';
import { ChatPage, waitsForTyping } from './views';
import { webChatText } from './messages';
import { CHAT_SCRIPT } from './script';
import { MAX_PHOTOS } from '../../intake/intake';
import { photoDataUri, WEB_PHOTO_MAX_BYTES } from './photo';

export interface WebChatOptions {
  /**
   * The demo web chat (only where the demo directory is seeded; never in production): it offers
   * "switch to demo officer", and the reports filed from it are demo cases, seen only by demo officers.
   */
  demoOfficer?: boolean;
  /** How to tell the visitor's address (reports and messages are limited per address). */
  address?: ClientAddressOptions;
}

const MAX_FORM_CHARS = 2000;
const PHOTO_MB = WEB_PHOTO_MAX_BYTES / (1024 * 1024);
/** What the page says about a refused photo (`?e=` after the redirect). */
const NOTICES: Record<string, string> = {
  'photo-size': fill(webChatText.photoTooBig, { mb: PHOTO_MB }),
  'photo-type': webChatText.photoWrongType,
};

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

/** A shared point from the location form, or null when absent or not a place on Earth. */
function parsePoint(lat: unknown, lon: unknown): { lat: number; lon: number } | null {
  if (typeof lat !== 'string' || typeof lon !== 'string' || !lat || !lon) return null;
  const point = { lat: Number(lat), lon: Number(lon) };
  if (!Number.isFinite(point.lat) || !Number.isFinite(point.lon) || Math.abs(point.lat) > 90 || Math.abs(point.lon) > 180) return null;
  return point;
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

  app.use('*', pageSecurityHeaders({ images: false, scripts: true }));
  // Behind a TLS proxy the app sees http: its cookies are still Secure, if the proxy is trusted.
  app.use('*', async (c, next) => {
    if (requestIsHttps(c, Boolean(opts.address?.trustedHeader))) markBehindTls(c);
    await next();
  });
  // Refuse forms posted from other sites (Origin or Sec-Fetch-Site, as browsers send them).
  app.use('*', async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && !sameOrigin(c.req.header('origin'), c.req.header('sec-fetch-site'), c.req.url)) {
      return c.text('Forbidden', 403);
    }
    await next();
  });

  /** Who the visitor speaks as: their own random id, or their own demo officer (never one shared with others). */
  async function identity(c: Parameters<typeof actingAsOfficer>[0], session: string | null): Promise<{ userId: string | null; asOfficer: boolean }> {
    const demoOn = await demoOfficerActive(db, opts.demoOfficer ?? false);
    // The visitor's demo officer exists from their first message, so their reports reach it.
    const officer = demoOn && session ? await pairedDemoOfficer(db, sealer, session, rt.now()) : null;
    const asOfficer = actingAsOfficer(c) && officer !== null;
    return { userId: asOfficer ? officer : session, asOfficer };
  }

  app.get('/', async (c) => {
    const { userId, asOfficer } = await identity(c, await readSession(c, sealer));
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
        demo={opts.demoOfficer ?? false}
        notice={NOTICES[c.req.query('e') ?? ''] ?? null}
        photoLimits={{ max: MAX_PHOTOS, mb: PHOTO_MB }}
      />,
    );
  });

  // The script that offers "share my location" (served from here: the page allows scripts of this site only).
  app.get('/chat.js', (c) => {
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(CHAT_SCRIPT);
  });

  // A form post carries at most one photo and a short text.
  app.use('/send', bodyLimit({ maxSize: WEB_PHOTO_MAX_BYTES + 64 * 1024, onError: (c) => c.redirect('/chat?e=photo-size#latest', 303) }));
  app.post('/send', async (c) => {
    const form = await c.req.parseBody();
    const text = typeof form.text === 'string' ? form.text.slice(0, MAX_FORM_CHARS + 1) : '';
    const button = typeof form.button === 'string' ? form.button.slice(0, 64) : '';
    const location = parsePoint(form.lat, form.lon);
    const file = form.photo instanceof File && form.photo.size > 0 ? form.photo : null;
    if (!text.trim() && !button && !location && !file) return c.redirect('/chat#latest', 303);
    let photo: string | null = null;
    if (file) {
      const checked = await photoDataUri(file);
      if (!checked.ok) return c.redirect(`/chat?e=${checked.error}#latest`, 303);
      photo = checked.uri;
    }
    const session = await ensureSession(c, sealer);
    const { userId } = await identity(c, session);
    const who = userId ?? session;
    const at = rt.now();
    const origin = await addressKey(clientAddress(c, opts.address ?? {}));
    const extra = { origin, ...(opts.demoOfficer ? { demo: true } : {}) };
    const inc: Incoming = button
      ? { channel: 'web', userId: who, button, at, ...extra }
      : location
        ? { channel: 'web', userId: who, location, at, ...extra }
        : { channel: 'web', userId: who, text, at, ...extra, ...(photo ? { photo: { fileId: photo } } : {}) };
    const said = button ? await buttonLabel(who, button) : location ? webChatText.locationSent : text.trim();
    const shown = photo ? [webChatText.photoSent, said].filter(Boolean).join('\n') : said;
    await recordVisitorLine(db, sealer, who, shown, at);
    const result = await rt.receive(inc, { wait: true });
    // Waiting for typing, the page opens with the text box focused (and so in view): a URL fragment
    // would stop the browser from focusing it. Otherwise it opens at the latest messages.
    const reply = result.messages.filter((m) => m.to.channel === 'web' && m.to.userId === who).at(-1);
    return c.redirect(reply && waitsForTyping(reply.state) ? '/chat' : '/chat#latest', 303);
  });

  app.post('/as', async (c) => {
    const form = await c.req.parseBody();
    const wantsOfficer = form.as === 'officer' && (await demoOfficerActive(db, opts.demoOfficer ?? false));
    await ensureSession(c, sealer);
    setActingAs(c, wantsOfficer ? 'officer' : 'citizen');
    return c.redirect('/chat#latest', 303);
  });

  app.post('/restart', async (c) => {
    await startNewSession(c, sealer);
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
