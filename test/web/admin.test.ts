// The dashboard's doors and walls: credentials, roles, CSRF, the login rate limit and the CSV export.
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_CASE_REF, issueLoginCode } from '../../src/admin';
import { sha256Hex } from '../../src/admin/auth';
import { adminSessions, auditLog, cases, invites, officers, outbox } from '../../src/db/schema';
import { createInvite } from '../../src/directory/directory';
import { enqueue } from '../../src/outbox/outbox';
import { ADMIN_TOKEN, Client, createWebWorld, hiddenField, logIn, type WebWorld } from './support';

let w: WebWorld;
beforeEach(async () => {
  w = await createWebWorld();
});
afterEach(() => w.cleanup());

async function auditActions(caseRef: string): Promise<string[]> {
  const row = await w.caseByRef(caseRef);
  const rows = await w.db.db.select().from(auditLog).where(eq(auditLog.caseId, row!.id));
  return rows.map((r) => `${r.actor} ${r.action}`);
}

async function officerId(channelUserId: string): Promise<number> {
  const [o] = await w.db.db.select().from(officers).where(eq(officers.channelUserId, channelUserId));
  return o!.id;
}

describe('dashboard access', () => {
  it('sends a visitor without credentials to the login page, and an API client gets 401', async () => {
    const browser = new Client(w.app);
    const page = await browser.get('/admin');
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toBe('/admin/login');
    expect((await browser.get('/admin/cases/' + DEMO_CASE_REF)).status).toBe(302);

    const api = await browser.get('/admin/api/cases');
    expect(api.status).toBe(401);
    expect(api.headers.get('www-authenticate')).toBe('Bearer');
    expect((await browser.get('/admin/stats.csv')).status).toBe(401);
    expect((await browser.get('/admin', { authorization: 'Bearer not-the-token-at-all' })).status).toBe(401);
  });

  it('serves the dashboard to the ADMIN_TOKEN bearer, with the overdue demo case', async () => {
    const api = new Client(w.app, { authorization: `Bearer ${ADMIN_TOKEN}` });
    const page = await api.get('/admin');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(DEMO_CASE_REF);
    expect(html).toContain('QUÁ HẠN');
    const json = (await (await api.get('/admin/api/cases?overdue=1')).json()) as { cases: Array<{ ref: string; overdue: boolean }> };
    expect(json.cases.map((c) => [c.ref, c.overdue])).toEqual([[DEMO_CASE_REF, true]]);
    for (const path of ['/admin/coverage', '/admin/deadlines', '/admin/stats', '/admin/outbox']) {
      expect((await api.get(path)).status, path).toBe(200);
    }
  });

  it('logs in through the form into an HttpOnly, SameSite=Strict session cookie, and out again', async () => {
    const browser = new Client(w.app);
    const res = await logIn(browser, ADMIN_TOKEN);
    expect(res.status).toBe(303);
    const cookie = browser.lastSetCookies.find((c) => c.startsWith('bv_admin='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    // The database keeps only a hash of the session id: a copy of it opens no session.
    const token = browser.cookies.get('bv_admin')!;
    const stored = await w.db.db.select().from(adminSessions);
    expect(stored.map((r) => r.tokenHash)).toEqual([await sha256Hex(decodeURIComponent(token))]);
    expect(JSON.stringify(stored)).not.toContain(decodeURIComponent(token));
    const home = await browser.get('/admin');
    expect(home.status).toBe(200);
    const csrf = hiddenField(await home.text(), '_csrf');
    expect((await browser.post('/admin/logout', { _csrf: csrf })).status).toBe(303);
    expect((await browser.get('/admin')).status).toBe(302);
  });

  it('refuses a wrong code without creating a session', async () => {
    const browser = new Client(w.app);
    const res = await logIn(browser, 'WRONG-CODE');
    expect(res.status).toBe(401);
    expect(await res.text()).toContain('Mã không đúng');
    expect(browser.cookies.has('bv_admin')).toBe(false);
  });
});

describe('CSRF', () => {
  it('refuses an acknowledge posted without the session token (403) and changes nothing', async () => {
    const browser = new Client(w.app);
    await logIn(browser, ADMIN_TOKEN);
    const before = await auditActions(DEMO_CASE_REF);

    const forged = await browser.post(`/admin/cases/${DEMO_CASE_REF}/ack`, { _csrf: 'forged' });
    expect(forged.status).toBe(403);
    const missing = await browser.post(`/admin/cases/${DEMO_CASE_REF}/ack`, {});
    expect(missing.status).toBe(403);

    const row = await w.caseByRef(DEMO_CASE_REF);
    expect(row!.acknowledgedAt).toBeNull();
    expect(row!.status).toBe('received');
    expect(await auditActions(DEMO_CASE_REF)).toEqual(before);
  });

  it('acknowledges with the token from the page, through the same rule as the officer button', async () => {
    const browser = new Client(w.app);
    await logIn(browser, ADMIN_TOKEN);
    const page = await (await browser.get(`/admin/cases/${DEMO_CASE_REF}`)).text();
    const res = await browser.post(`/admin/cases/${DEMO_CASE_REF}/ack`, { _csrf: hiddenField(page, '_csrf') });
    expect(res.status).toBe(303);
    const row = await w.caseByRef(DEMO_CASE_REF);
    expect(row!.status).toBe('acknowledged');
    expect(row!.acknowledgedAt).toEqual(w.clock.now);
    expect(await auditActions(DEMO_CASE_REF)).toEqual(['system case.created', 'admin:token case.viewed', 'admin:token case.ack']);
    // The reporter hears the coarse progress, as when an officer presses the button in the chat.
    expect(w.sent.filter((m) => m.to === 'demo-reporter').map((m) => m.kind)).toEqual(['status']);
  });

  it('refuses a login form posted without its nonce', async () => {
    const browser = new Client(w.app);
    await browser.get('/admin/login');
    const res = await browser.post('/admin/login', { _csrf: 'guess', code: ADMIN_TOKEN });
    expect(res.status).toBe(403);
    expect(browser.cookies.has('bv_admin')).toBe(false);
  });
});

describe('roles', () => {
  it("a commune officer logs in with a one-time code and cannot open another commune's case", async () => {
    // The demo case is in phường Ba Đình (00004); this officer serves phường Ngọc Hà (00008).
    const code = await issueLoginCode(w.db.db, await officerId('officer-ngoc-ha'), 'admin:token', w.clock.now);
    const ngocHa = new Client(w.app);
    expect((await logIn(ngocHa, code.toLowerCase().replace('-', ' '))).status).toBe(303);

    const list = await (await ngocHa.get('/admin')).text();
    expect(list).toContain('xã/phường 00008');
    expect(list).not.toContain(DEMO_CASE_REF);
    const detail = await ngocHa.get(`/admin/cases/${DEMO_CASE_REF}`);
    expect(detail.status).toBe(404);
    expect(await detail.text()).not.toContain('DỮ LIỆU DEMO');
    const csrf = hiddenField(list, '_csrf');
    expect((await ngocHa.post(`/admin/cases/${DEMO_CASE_REF}/ack`, { _csrf: csrf })).status).toBe(404);
    expect((await w.caseByRef(DEMO_CASE_REF))!.acknowledgedAt).toBeNull();
    const actions = await auditActions(DEMO_CASE_REF);
    expect(actions).toContain(`officer:${await officerId('officer-ngoc-ha')} case.access_denied`);
    expect(actions.some((a) => a.endsWith('case.viewed'))).toBe(false);
    // Directory pages are for national and province staff.
    expect((await ngocHa.get('/admin/coverage')).status).toBe(403);
    expect((await ngocHa.get('/admin/outbox')).status).toBe(403);
    // The code worked once only.
    expect((await logIn(new Client(w.app), code)).status).toBe(401);
  });

  it("the commune's own officer and the province supervisor both see it", async () => {
    for (const who of ['officer-ba-dinh', 'supervisor-ha-noi']) {
      const client = new Client(w.app);
      await logIn(client, await issueLoginCode(w.db.db, await officerId(who), 'admin:token', w.clock.now));
      const res = await client.get(`/admin/cases/${DEMO_CASE_REF}`);
      expect(res.status, who).toBe(200);
      expect(await res.text()).toContain('DỮ LIỆU DEMO');
    }
    const khanhHoa = new Client(w.app);
    await logIn(khanhHoa, await issueLoginCode(w.db.db, await officerId('supervisor-khanh-hoa'), 'admin:token', w.clock.now));
    expect((await khanhHoa.get(`/admin/cases/${DEMO_CASE_REF}`)).status).toBe(404);
  });

  it('a national admin sends an officer a login code through their chat', async () => {
    const browser = new Client(w.app);
    await logIn(browser, ADMIN_TOKEN);
    const page = await (await browser.get('/admin/coverage')).text();
    const id = await officerId('officer-ba-dinh');
    const res = await browser.post(`/admin/officers/${id}/login-code`, { _csrf: hiddenField(page, '_csrf') });
    expect(res.status).toBe(303);
    const message = w.sent.find((m) => m.to === 'officer-ba-dinh' && m.text.includes('Mã đăng nhập'))!;
    const code = /[A-Z0-9]{4}-[A-Z0-9]{4}/.exec(message.text)![0];
    const officer = new Client(w.app);
    expect((await logIn(officer, code)).status).toBe(303);
    expect(await (await officer.get('/admin')).text()).toContain(DEMO_CASE_REF);
  });
});

describe('coverage page names only officers in the user\'s province', () => {
  it('a province supervisor cannot read another province\'s officer through ?sent=<id>', async () => {
    const khanhHoa = new Client(w.app);
    await logIn(khanhHoa, await issueLoginCode(w.db.db, await officerId('supervisor-khanh-hoa'), 'admin:token', w.clock.now));
    const [baDinh] = await w.db.db.select().from(officers).where(eq(officers.channelUserId, 'officer-ba-dinh'));
    const page = await (await khanhHoa.get(`/admin/coverage?sent=${baDinh!.id}`)).text();
    expect(page).not.toContain(baDinh!.name);
    // National staff still see the name of the officer they sent a code to.
    const national = new Client(w.app);
    await logIn(national, ADMIN_TOKEN);
    expect(await (await national.get(`/admin/coverage?sent=${baDinh!.id}`)).text()).toContain(baDinh!.name);
  });
});

describe('withdrawing an invite from the dashboard', () => {
  it('works for staff whose scope covers it, is audited, and then the code no longer works', async () => {
    const invite = await createInvite(w.db.db, '00025', 'officer', w.clock.now);
    const khanhHoa = new Client(w.app);
    await logIn(khanhHoa, await issueLoginCode(w.db.db, await officerId('supervisor-khanh-hoa'), 'admin:token', w.clock.now));
    const theirs = await (await khanhHoa.get('/admin/coverage')).text();
    expect(theirs).not.toContain(invite.code);
    const refused = await khanhHoa.post(`/admin/invites/${invite.code}/revoke`, { _csrf: hiddenField(theirs, '_csrf') });
    expect(refused.headers.get('location')).toBe('/admin/coverage?err=revoke#invites');
    expect((await w.db.db.select().from(invites).where(eq(invites.code, invite.code)))[0]!.revokedAt).toBeNull();

    // National staff: this test world has no commune map, which a province's scope is read from.
    const national = new Client(w.app);
    await logIn(national, ADMIN_TOKEN);
    const page = await (await national.get('/admin/coverage')).text();
    expect(page).toContain(`/admin/invites/${invite.code}/revoke`);
    const done = await national.post(`/admin/invites/${invite.code}/revoke`, { _csrf: hiddenField(page, '_csrf') });
    expect(done.status).toBe(303);
    const after = await (await national.get(done.headers.get('location')!)).text();
    expect(after).toContain(`Đã thu hồi mã mời ${invite.code}`);
    expect(after).not.toContain(`/admin/invites/${invite.code}/revoke`);
    const audited = await w.db.db.select().from(auditLog).where(eq(auditLog.action, 'admin.invite_revoked'));
    expect(audited.map((a) => [a.actor, JSON.parse(a.detail!)])).toEqual([['admin:token', { unit: '00025', role: 'officer' }]]);
    // Without the form's CSRF token nothing happens.
    const other = await createInvite(w.db.db, '00025', 'officer', w.clock.now);
    expect((await national.post(`/admin/invites/${other.code}/revoke`, {})).status).toBe(403);
    expect((await w.db.db.select().from(invites).where(eq(invites.code, other.code)))[0]!.revokedAt).toBeNull();
  });
});

describe('login rate limit', () => {
  it('allows five attempts a minute from one address, then answers 429 even with the right token', async () => {
    const from = (ip: string) => new Client(w.app, { 'x-test-ip': ip });
    const attacker = from('203.0.113.9');
    for (let i = 0; i < 5; i++) expect((await logIn(attacker, `WRONG-${i}`)).status).toBe(401);
    const sixth = await logIn(attacker, ADMIN_TOKEN);
    expect(sixth.status).toBe(429);
    expect(sixth.headers.get('retry-after')).toBe('60');
    expect(attacker.cookies.has('bv_admin')).toBe(false);
    // Another address is not affected, and a minute later the first may try again.
    expect((await logIn(from('198.51.100.7'), ADMIN_TOKEN)).status).toBe(303);
    w.clock.now = new Date(w.clock.now.getTime() + 61_000);
    expect((await logIn(attacker, ADMIN_TOKEN)).status).toBe(303);
  });
});

describe('bearer token guessing', () => {
  it('five wrong ADMIN_TOKEN bearers a minute from one address, then 429 even for the right one', async () => {
    const api = (token: string, ip: string) => w.app.request('/admin/api/cases', { headers: { authorization: `Bearer ${token}`, 'x-test-ip': ip } });
    for (let i = 0; i < 5; i++) expect((await api(`guess-${i}`, '203.0.113.9')).status).toBe(401);
    const sixth = await api(ADMIN_TOKEN, '203.0.113.9');
    expect(sixth.status).toBe(429);
    expect(sixth.headers.get('retry-after')).toBe('60');
    // Another address with the right token is served; the right token never counts against anyone.
    for (let i = 0; i < 8; i++) expect((await api(ADMIN_TOKEN, '198.51.100.7')).status).not.toBe(429);
    // The login page does not answer differently to a right bearer (it would be an unthrottled oracle).
    const loginWith = (token: string) => w.app.request('/admin/login', { headers: { authorization: `Bearer ${token}`, 'x-test-ip': '192.0.2.1' } });
    expect((await loginWith(ADMIN_TOKEN)).status).toBe((await loginWith('wrong')).status);
    w.clock.now = new Date(w.clock.now.getTime() + 61_000);
    expect((await api(ADMIN_TOKEN, '203.0.113.9')).status).not.toBe(429);
  });
});

describe('dashboard cookies behind a TLS proxy', () => {
  it('are Secure when the trusted proxy says https, and not when an untrusted client claims it', async () => {
    const { createApp } = await import('../../src/app');
    const { adminRoutes } = await import('../../src/admin');
    const appWith = (trustProxy: boolean) => createApp({ rt: w.rt, routes: { '/admin': adminRoutes(w.rt, w.config, { trustProxy, clientIp: () => '127.0.0.1' }) } });
    const trusted = new Client(appWith(true), { 'x-forwarded-proto': 'https' });
    await logIn(trusted, ADMIN_TOKEN);
    expect(trusted.lastSetCookies.find((l) => l.startsWith('bv_admin='))).toMatch(/;\s*Secure/i);
    const untrusted = new Client(appWith(false), { 'x-forwarded-proto': 'https' });
    await logIn(untrusted, ADMIN_TOKEN);
    expect(untrusted.lastSetCookies.find((l) => l.startsWith('bv_admin='))).not.toMatch(/Secure/i);
  });
});

describe('statistics export', () => {
  it('is a CSV of plain columns with no decrypted personal data', async () => {
    const api = new Client(w.app, { authorization: `Bearer ${ADMIN_TOKEN}` });
    const res = await api.get('/admin/stats.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/attachment/);
    const csv = (await res.text()).replace(/^\uFEFF/, '');
    const [header, ...rows] = csv.trim().split('\r\n');
    expect(header).toBe('mã vụ việc,thời điểm nhận tin (giờ VN),tháng,trạng thái,khẩn cấp,độ tuổi,mã xã/phường,tên xã/phường,mã tỉnh,chuyển tới,thời điểm tiếp nhận (giờ VN),số giờ đến khi tiếp nhận,cấp đang giữ,mức nguy cơ,đánh giá ban đầu,kế hoạch hỗ trợ,phê duyệt kế hoạch,chuyển gửi,thời điểm đóng (giờ VN),lý do đóng');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(new RegExp(`^${DEMO_CASE_REF},`));
    // The description and the typed address exist only sealed; neither appears.
    expect(csv).not.toContain('DỮ LIỆU DEMO');
    expect(csv).not.toContain('Ngõ mẫu');
    const [row] = await w.db.db.select().from(cases).where(and(eq(cases.ref, DEMO_CASE_REF)));
    expect(csv).not.toContain(row!.descriptionEnc.slice(0, 20));
  });

  it('shows counts, the median time to acknowledge and an inline SVG chart', async () => {
    const api = new Client(w.app, { authorization: `Bearer ${ADMIN_TOKEN}` });
    const html = await (await api.get('/admin/stats')).text();
    expect(html).toContain('<svg');
    expect(html).toContain('Tổng số vụ việc: 1');
    expect(html).toContain('chưa có vụ việc nào được tiếp nhận');
  });
});

describe('outbox', () => {
  it('lists a dead-lettered message and the retry button puts it back in the queue', async () => {
    const [id] = await enqueue(w.db.db, w.rt.core.sealer, [{ to: { channel: 'telegram', userId: '4242' }, text: 'Nội dung niêm phong 7Q', buttons: [], state: null, kind: 'reminder', dedupeKey: 'test:dead' }], w.clock.now);
    await w.db.db.update(outbox).set({ status: 'dead', attempts: 8, lastError: 'Forbidden: bot was blocked by the user' }).where(eq(outbox.id, id!));

    const browser = new Client(w.app);
    await logIn(browser, ADMIN_TOKEN);
    const page = await (await browser.get('/admin/outbox')).text();
    expect(page).toContain('bot was blocked by the user');
    expect(page).toContain(`action="/admin/outbox/${id}/retry"`);
    expect(page).not.toContain('Nội dung niêm phong 7Q'); // message text stays sealed
    const res = await browser.post(`/admin/outbox/${id}/retry`, { _csrf: hiddenField(page, '_csrf') });
    expect(res.status).toBe(303);
    const [row] = await w.db.db.select().from(outbox).where(eq(outbox.id, id!));
    expect(row!.status).toBe('sent');
    expect(w.sent.map((m) => m.to)).toContain('4242');
    const [entry] = await w.db.db.select().from(auditLog).where(eq(auditLog.action, 'outbox.requeued'));
    expect(entry!.actor).toBe('admin:token');
  });
});
