// The web chat without a browser: form posts, the cookie, and a report reaching the demo officer.
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, officers, users } from '../../src/db/schema';
import { realServices } from '../reports/support';
import { reporterIdOf } from '../../src/cases/reporter-link';
import { Client, createWebWorld, type WebWorld } from './support';

let w: WebWorld;
beforeEach(async () => {
  w = await createWebWorld({ services: realServices() });
});
afterEach(() => w.cleanup());

/** Posts like the page does and follows the redirect; returns the page's HTML. */
async function send(client: Client, form: Record<string, string>): Promise<string> {
  w.clock.now = new Date(w.clock.now.getTime() + 1000);
  const res = await client.post('/chat/send', form);
  expect(res.status).toBe(303);
  expect(res.headers.get('location')).toMatch(/^\/chat(#latest)?$/); // no fragment when the text box takes the focus
  return (await client.get('/chat')).text();
}

describe('web chat', () => {
  it('serves a working chat form with the main menu, before any cookie exists', async () => {
    const res = await new Client(w.app).get('/chat');
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie()).toEqual([]);
    const html = await res.text();
    expect(html).toContain('<form method="post" action="/chat/send" class="composer" enctype="multipart/form-data">');
    expect(html).toContain('<label for="message">Tin nhắn của bạn</label>');
    expect(html).toContain('value="menu:report"');
  });

  it('takes a report through the form posts and shows the reference code; the demo officer gets it with buttons', async () => {
    const citizen = new Client(w.app);
    let page = await send(citizen, { button: 'menu:report' });
    // The cookie holds the visitor's random id sealed with DATA_KEY, never the id itself.
    expect(await w.rt.core.sealer.open(decodeURIComponent(citizen.cookies.get('bv_chat')!))).toMatch(/^bv_chat:w-[A-Za-z0-9_-]{22}$/);
    page = await send(citizen, { text: 'Tôi nghe thấy đứa trẻ hàng xóm bị đánh mỗi tối' });
    expect(page).toContain('Tôi nghe thấy đứa trẻ hàng xóm bị đánh mỗi tối'); // the visitor's own line
    page = await send(citizen, { text: 'phường Ba Đình, Hà Nội' });
    expect(page).toContain('value="report:age:6-10"');
    page = await send(citizen, { button: 'report:age:6-10' });
    page = await send(citizen, { button: 'report:danger:no' });
    page = await send(citizen, { button: 'report:anonymous' });
    page = await send(citizen, { button: 'report:confirm' });
    // The only reference on the citizen's page is the one in the confirmation of their report.
    const ref = /BV-[0-9A-Z]{6}/.exec(page)?.[0];
    expect(ref).toBeDefined();
    expect((await w.caseByRef(ref!))!.communeCode).toBe('00004');

    // Acting as the demo officer of phường Ba Đình shows the case with its buttons.
    w.clock.now = new Date(w.clock.now.getTime() + 1000);
    expect((await citizen.post('/chat/as', { as: 'officer' })).status).toBe(303);
    const officerPage = await (await citizen.get('/chat')).text();
    expect(officerPage).toContain(ref!);
    expect(officerPage).toContain(`value="case:ack:${ref}"`);
    const acked = await send(citizen, { button: `case:ack:${ref}` });
    expect(acked).toContain(`bạn tiếp nhận vụ việc <span class="ref">${ref}</span>`); // a code never wraps
    const row = await w.caseByRef(ref!);
    expect(row!.status).toBe('acknowledged');
    // The visitor acted as their own demo officer, paired with their reporter identity.
    // It is named by the visitor's reporter tag, the one their case carries, never by their user id.
    const meId = await reporterIdOf(w.rt.core.sealer, row!);
    const [me] = await w.db.db.select().from(users).where(eq(users.id, meId!));
    expect(me!.channel).toBe('web');
    const [demo] = await w.db.db.select().from(officers).where(eq(officers.channelUserId, `demo-officer-${row!.reporterTag}`));
    const actions = (await w.db.db.select().from(auditLog).where(eq(auditLog.caseId, row!.id))).map((a) => `${a.actor} ${a.action}`);
    expect(actions).toContain(`officer:${demo!.id} case.ack`);

    // Back as the citizen, the progress note has arrived.
    await citizen.post('/chat/as', { as: 'citizen' });
    expect(await (await citizen.get('/chat')).text()).toContain(ref!);
  });

  it('keeps the visitor in an HttpOnly, SameSite cookie, never in the URL', async () => {
    const visitor = new Client(w.app);
    const res = await visitor.post('/chat/send', { text: 'xin chào' });
    expect(res.headers.get('location')).toMatch(/^\/chat(#latest)?$/);
    const set = visitor.lastSetCookies.find((c) => c.startsWith('bv_chat='))!;
    expect(set).toMatch(/HttpOnly/i);
    expect(set).toMatch(/SameSite=Lax/i);
  });

  it('does not adopt a planted cookie: a made-up id gets a fresh one, and its chat stays unreadable', async () => {
    // Someone plants a well-formed id in a visitor's browser, hoping to read what the visitor writes.
    const planted = 'w-AAAAAAAAAAAAAAAAAAAAAA';
    const visitor = new Client(w.app);
    visitor.cookies.set('bv_chat', planted);
    await visitor.post('/chat/send', { text: 'Con tôi bị bắt nạt ở trường' });
    expect(visitor.cookies.get('bv_chat')).not.toBe(planted);
    const [plantedUser] = await w.db.db.select().from(users).where(eq(users.channelUserId, planted));
    expect(plantedUser).toBeUndefined();
    const planter = new Client(w.app);
    planter.cookies.set('bv_chat', planted);
    expect(await (await planter.get('/chat')).text()).not.toContain('Con tôi bị bắt nạt ở trường');
    // An altered sealed cookie is refused the same way.
    const real = visitor.cookies.get('bv_chat')!;
    const altered = new Client(w.app);
    altered.cookies.set('bv_chat', real.slice(0, -3) + (real.endsWith('AAA') ? 'BBB' : 'AAA'));
    expect(await (await altered.get('/chat')).text()).not.toContain('Con tôi bị bắt nạt ở trường');
    expect(await (await visitor.get('/chat')).text()).toContain('Con tôi bị bắt nạt ở trường');
  });

  it('refuses a form posted from another site', async () => {
    const res = await new Client(w.app).post('/chat/send', { text: 'hello' }, { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' });
    expect(res.status).toBe(403);
  });
});
