// The dashboard as a work queue: the national queue and emergencies first, counters, search and
// filters; the case page's Decree 56 steps, transfer, closing with a reason, and a timeline in words.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_CASE_REF } from '../../src/admin';
import { issueLoginCode } from '../../src/admin';
import { eq } from 'drizzle-orm';
import { auditLog, officers } from '../../src/db/schema';
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

async function loginAs(channelUserId: string): Promise<Client> {
  const [o] = await w.db.db.select().from(officers).where(eq(officers.channelUserId, channelUserId));
  const client = new Client(w.app);
  await logIn(client, await issueLoginCode(w.db.db, o!.id, 'admin:token', w.clock.now));
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

    // Among the rest, risk first (high before the unassessed), then the next due time.
    const later = await report('q-4', 'phường Quán Thánh, quận Ba Đình, Hà Nội');
    await step(client, later, { step: 'assess', note: 'Cháu bị đánh hằng ngày.', risk: 'high' });
    await step(client, ordinary, { step: 'assess', note: 'Chỉ một lần, gia đình hợp tác.', risk: 'low' });
    const ranked = await (await client.get('/admin')).text();
    const rows = [nobody, urgent, later, ordinary].map((r) => ranked.indexOf(r));
    expect(rows).toEqual([...rows].sort((a, b) => a - b));

    // Closed cases leave the queue unless asked for.
    await step(client, ordinary, { step: 'close', reason: 'unfounded', note: '' });
    expect(await (await client.get('/admin')).text()).not.toContain(ordinary);
    expect(await (await client.get('/admin?closed=1')).text()).toContain(ordinary);
  });
});

describe('the queue filters', () => {
  it('narrows by province, commune, status, emergency and overdue', async () => {
    const baDinh = await report('f-1', 'phường Quán Thánh, quận Ba Đình, Hà Nội');
    const daNang = await report('f-2', 'phường Hải Châu, Đà Nẵng');
    const urgent = await report('f-3', 'phường Giảng Võ, Hà Nội', 'yes');
    const client = await admin();
    const page = async (query: string) => (await client.get(`/admin?${query}`)).text();
    const shows = (html: string) => [baDinh, daNang, urgent, DEMO_CASE_REF].filter((r) => html.includes(r));

    expect(shows(await page('province=48'))).toEqual([daNang]);
    expect(shows(await page('province=01'))).toEqual([baDinh, urgent, DEMO_CASE_REF]);
    expect(shows(await page('commune=00004'))).toEqual([baDinh, DEMO_CASE_REF]);
    expect(shows(await page('emergency=1'))).toEqual([urgent]);
    // The seeded demo case is days old with nothing done: overdue; the new reports are not.
    expect(shows(await page('overdue=1'))).toEqual([DEMO_CASE_REF]);
    const before = await client.get(`/admin/cases/${baDinh}`);
    await client.post(`/admin/cases/${baDinh}/ack`, { _csrf: hiddenField(await before.text(), '_csrf') });
    expect(shows(await page('status=acknowledged'))).toEqual([baDinh]);
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

describe('the full procedure on the dashboard', () => {
  it('records verification, the plan with its four parts, the approver, a note and a review; the clocks read "đã xong" only for steps taken', async () => {
    const ref = await report('p-1', 'phường Quán Thánh, quận Ba Đình, Hà Nội');
    const client = await admin();
    expect((await step(client, ref, { step: 'plan', needs: 'Khám', actions: '', who: 'Trạm y tế', due: '2026-12-20' })).status).toBe(400); // every part is needed
    await step(client, ref, { step: 'assess', note: 'Đã gặp cháu và mẹ cháu.', risk: 'medium' });
    await step(client, ref, { step: 'plan', needs: 'Tư vấn tâm lý cho cháu', actions: 'Làm việc với gia đình hằng tuần', who: 'Cán bộ LĐTBXH phường', due: '2026-12-20' });
    await step(client, ref, { step: 'approve', approver: 'Lê Văn Cường, Chủ tịch UBND phường' });
    await step(client, ref, { step: 'note', note: 'Buổi làm việc đầu tiên với gia đình.' });
    await step(client, ref, { step: 'review', note: 'Cháu đi học đều trở lại.' });

    const page = await (await client.get(`/admin/cases/${ref}`)).text();
    for (const words of ['Tư vấn tâm lý cho cháu', 'Làm việc với gia đình hằng tuần', 'Cán bộ LĐTBXH phường', 'Lê Văn Cường, Chủ tịch UBND phường', 'Buổi làm việc đầu tiên', 'Cháu đi học đều trở lại', 'nguy cơ trung bình']) {
      expect(page, words).toContain(words);
    }
    expect(page).toMatch(/Kế hoạch hỗ trợ, can thiệp trong 5 ngày làm việc: đã xong/);
    expect(page).toMatch(/Phê duyệt kế hoạch trong 2 ngày làm việc: đã xong/);
    const row = (await w.caseByRef(ref))!;
    expect(row).toMatchObject({ status: 'plan', risk: 'medium' });
    expect(row.approvedAt).not.toBeNull();
    expect(row.reviewedAt).not.toBeNull();
  });

  it('a provincial supervisor moves a case by the commune’s old name; a commune login cannot move cases', async () => {
    const ref = await report('p-2', 'phường Quán Thánh, quận Ba Đình, Hà Nội');
    const commune = await loginAs('officer-ba-dinh');
    expect((await step(commune, ref, { step: 'transfer', place: 'phường Ngọc Hà, Hà Nội' })).status).toBe(403);
    const province = await loginAs('supervisor-ha-noi');
    // Liễu Giai was a ward of Ba Đình district; since 2025 it is part of phường Ngọc Hà.
    const res = await step(province, ref, { step: 'transfer', place: 'phường Liễu Giai, quận Ba Đình, Hà Nội', reason: 'nhà cháu ở Liễu Giai' });
    expect(res.status).toBe(303);
    expect((await w.caseByRef(ref))!.communeCode).toBe('00008');
    expect(w.sent.some((m) => m.to === 'officer-ngoc-ha' && m.text.includes(ref) && m.text.includes('nhà cháu ở Liễu Giai'))).toBe(true);
    // The Ba Đình login no longer sees it.
    expect((await commune.get(`/admin/cases/${ref}`)).status).toBe(404);
  });

  it('what a reporter adds to a case in the national queue shows on its page', async () => {
    const ref = await report('p-3', 'phường Hải Châu, Đà Nẵng');
    await w.say('p-3', { button: `status:add:${ref}` });
    const done = (await w.say('p-3', 'Cháu học lớp 3 trường tiểu học gần chợ.')).at(-1)!;
    expect(done.text).toContain('Đã chuyển thông tin bổ sung');
    const page = await (await (await admin()).get(`/admin/cases/${ref}`)).text();
    expect(page).toContain('Người báo tin bổ sung');
    expect(page).toContain('Cháu học lớp 3 trường tiểu học gần chợ.');
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
    expect(page).toContain('Tin nhắn mời, sẵn để gửi qua Zalo hoặc Telegram');
    expect(page).toMatch(new RegExp(`gửi tin nhắn: đăng ký ${code}`));
    // Coverage as a sortable percentage.
    const byCoverage = await (await client.get('/admin/coverage?sort=coverage')).text();
    expect(byCoverage).toMatch(/\d+%/);
  });
});
