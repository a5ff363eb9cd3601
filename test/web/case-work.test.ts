// The dashboard as a work queue: the national queue and emergencies first, counters, search and
// filters; the case page's Decree 56 steps, transfer, closing with a reason, and a timeline in words.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_CASE_REF } from '../../src/admin';
import { auditLog } from '../../src/db/schema';
import { realServices } from '../reports/support';
import { ADMIN_TOKEN, Client, createWebWorld, hiddenField, logIn, type WebWorld } from './support';

let w: WebWorld;
beforeEach(async () => {
  w = await createWebWorld({ services: realServices() });
});
afterEach(() => w.cleanup());

async function report(who: string, address: string, danger: 'yes' | 'no' = 'no'): Promise<string> {
  await w.say(who, '/baotin');
  await w.say(who, 'Cháu bé hàng xóm bị bố đánh nhiều lần, người có vết bầm, tối nào cũng khóc.');
  await w.say(who, address);
  await w.say(who, { button: 'report:age:6-10' });
  await w.say(who, { button: `report:danger:${danger}` });
  await w.say(who, { button: 'report:anonymous' });
  const filed = (await w.say(who, { button: 'report:confirm' })).at(-1)!;
  return /BV-[A-Z0-9]{6}/.exec(filed.text)![0];
}

async function admin(): Promise<Client> {
  const client = new Client(w.app);
  await logIn(client, ADMIN_TOKEN);
  return client;
}

async function step(client: Client, ref: string, form: Record<string, string>): Promise<Response> {
  const page = await (await client.get(`/admin/cases/${ref}`)).text();
  return client.post(`/admin/cases/${ref}/work`, { _csrf: hiddenField(page, '_csrf'), ...form });
}

describe('the work queue', () => {
  it('puts the national queue and emergencies first, counts them, hides closed cases, and finds by reference', async () => {
    const ordinary = await report('q-1', 'phường Quán Thánh, quận Ba Đình, Hà Nội');
    const urgent = await report('q-2', 'phường Quán Thánh, quận Ba Đình, Hà Nội', 'yes');
    const nobody = await report('q-3', 'phường Hải Châu, Đà Nẵng');
    const client = await admin();
    const html = await (await client.get('/admin')).text();
    const order = [nobody, urgent, ordinary].map((r) => html.indexOf(r));
    expect(order.every((i) => i > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(html).toMatch(/<strong>1<\/strong> Hàng chờ cấp quốc gia/);
    expect(html).toMatch(/<strong>1<\/strong> Khẩn cấp/);

    const found = await (await client.get(`/admin?q=${urgent.slice(3, 6).toLowerCase()}`)).text();
    expect(found).toContain(urgent);
    expect(found).not.toContain(ordinary);
    const national = await (await client.get('/admin?national=1')).text();
    expect(national).toContain(nobody);
    expect(national).not.toContain(urgent);

    // Closed cases leave the queue unless asked for.
    await step(client, ordinary, { step: 'close', reason: 'unfounded', note: '' });
    expect(await (await client.get('/admin')).text()).not.toContain(ordinary);
    expect(await (await client.get('/admin?closed=1')).text()).toContain(ordinary);
  });
});

describe('the case page', () => {
  it('the national admin assigns a national-queue case to a commune by typing its name; the commune officer is told', async () => {
    const ref = await report('a-1', 'phường Hải Châu, Đà Nẵng');
    const client = await admin();
    const res = await step(client, ref, { step: 'transfer', place: 'phường Ngọc Hà, Hà Nội', reason: 'nơi ở thật của cháu' });
    expect(res.status).toBe(303);
    const row = (await w.caseByRef(ref))!;
    expect(row).toMatchObject({ communeCode: '00008', level: 'commune' });
    expect(w.sent.some((m) => m.to === 'officer-ngoc-ha' && m.text.includes(ref) && m.text.includes('nơi ở thật của cháu'))).toBe(true);
    const audit = (await w.db.db.select().from(auditLog)).find((a) => a.caseId === row.id && a.action === 'case.transferred')!;
    expect(audit.actor).toBe('admin:token');
  });

  it('an ambiguous place shows a pick; the national "Tiếp nhận" is recorded as the national level', async () => {
    const ref = await report('a-2', 'phường Hải Châu, Đà Nẵng');
    const client = await admin();
    const pick = await step(client, ref, { step: 'transfer', place: 'Tân Phong' });
    expect(pick.status).toBe(400);
    const html = await pick.text();
    expect(html).toContain('Có vài xã/phường khớp');
    const page = await (await client.get(`/admin/cases/${ref}`)).text();
    await client.post(`/admin/cases/${ref}/ack`, { _csrf: hiddenField(page, '_csrf') });
    expect((await w.caseByRef(ref))!.ackLevel).toBe('national');
    const reporter = w.sent.filter((m) => m.to === 'a-2').at(-1)!;
    expect(reporter.text).toContain('đã được tiếp nhận ở cấp quốc gia');
    expect(reporter.text).not.toContain('cán bộ');
  });

  it('records the steps with content, and a case closed without a plan reads "không thực hiện" on the page, in the CSV and the statistics', async () => {
    const client = await admin();
    await step(client, DEMO_CASE_REF, { step: 'assess', note: 'Đã xác minh tại nhà.', risk: 'high' });
    await step(client, DEMO_CASE_REF, { step: 'refer', agency: 'police', note: 'Báo công an phường.' });
    expect((await step(client, DEMO_CASE_REF, { step: 'close', reason: 'other', note: '' })).status).toBe(400); // "other" needs a note
    await step(client, DEMO_CASE_REF, { step: 'close', reason: 'referred', note: '' });

    const page = await (await client.get(`/admin/cases/${DEMO_CASE_REF}`)).text();
    expect(page).toContain('Đã xác minh tại nhà.');
    expect(page).toContain('nguy cơ cao');
    expect(page).toContain('Đã chuyển gửi và bàn giao');
    expect(page).toMatch(/Kế hoạch hỗ trợ, can thiệp trong 5 ngày làm việc: không thực hiện/);
    expect(page).not.toMatch(/Kế hoạch hỗ trợ, can thiệp trong 5 ngày làm việc: đã xong/);
    // The audit trail speaks in words, by role.
    expect(page).not.toContain('case.status_viewed');
    expect(page).not.toContain('clock:');
    expect(page).toContain('Quản trị cấp quốc gia');

    const csv = await (await client.get('/admin/stats.csv')).text();
    const line = csv.split('\r\n').find((l) => l.startsWith(DEMO_CASE_REF))!;
    expect(line).toContain(',không thực hiện,không thực hiện,police,');
    expect(line).toMatch(/,referred$/);
    const stats = await (await client.get('/admin/stats')).text();
    expect(stats).toContain('Không thực hiện');
    expect(stats).toMatch(/Công an<\/th>\s*<td>1<\/td>|Công an<\/td>\s*<td>1<\/td>/);
  });
});

describe('invites by place', () => {
  it('finds a commune by its old name, offers "Mời" beside an uncovered one, and gives a ready-to-send message with the code', async () => {
    const { importCommuneMap } = await import('../../src/routing/import');
    await importCommuneMap(w.db.db, new URL('../../content/map', import.meta.url).pathname, () => undefined);
    const client = await admin();
    const found = await (await client.get('/admin/coverage?place=' + encodeURIComponent('phường Phúc Xá, quận Ba Đình'))).text();
    expect(found).toContain('Mời cán bộ cho');
    expect(found).toContain('chưa có cán bộ');
    // Covered communes get no button.
    const covered = await (await client.get('/admin/coverage?place=' + encodeURIComponent('phường Ngọc Hà, Hà Nội'))).text();
    expect(covered).toContain('1 cán bộ');

    // Typing the name in the invite form works too (no 5-digit code needed).
    const made = await client.post('/admin/invites', { _csrf: hiddenField(found, '_csrf'), code: 'phường Giảng Võ, Hà Nội', role: 'officer' });
    expect(made.status).toBe(303);
    const page = await (await client.get(made.headers.get('location')!)).text();
    const code = /đăng ký ([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(page)?.[1];
    expect(code).toBeDefined();
    expect(page).toContain('Phường Giảng Võ');
    // Coverage as a sortable percentage.
    const byCoverage = await (await client.get('/admin/coverage?sort=coverage')).text();
    expect(byCoverage).toMatch(/\d+%/);
  });
});
