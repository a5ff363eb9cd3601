// The "Báo cáo" page: the same annex numbers as the CLI for the same seeded cases, scoped by role, with
// the .xlsx download on Node; and the statistics CSV in Vietnamese, in Vietnam time, formula-safe.
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { issueLoginCode } from '../../src/admin';
import { csvField } from '../../src/admin/stats';
import { annexWorkbook } from '../../src/annex/xlsx';
import { auditLog, cases, officers } from '../../src/db/schema';
import { ADMIN_TOKEN, Client, createWebWorld, hiddenField, logIn, type WebWorld } from '../web/support';
import { seedAnnexCases } from './seed';

let w: WebWorld;
beforeEach(async () => {
  w = await createWebWorld({ admin: { xlsx: annexWorkbook } });
  await seedAnnexCases(w.db.db);
  // The seeded cases are in H1 2027; the annex is looked at once that period is over.
  w.clock.now = new Date('2027-08-01T01:00:00Z');
});
afterEach(() => w.cleanup());

/** The cells of the annex table `id` on the page, row by row, as text. */
function table(html: string, id: string): string[][] {
  const body = new RegExp(`data-table="${id}">([\\s\\S]*?)</table>`).exec(html)?.[1] ?? '';
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) => [...r[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1]!));
}
const row = (html: string, id: string, label: string) => table(html, id).find((r) => r[0] === label)?.slice(1);

async function officerClient(channelUserId: string) {
  const [o] = await w.db.db.select().from(officers).where(eq(officers.channelUserId, channelUserId));
  const client = new Client(w.app);
  await logIn(client, await issueLoginCode(w.db.db, o!.id, 'admin:token', w.clock.now));
  return client;
}

describe('the Báo cáo page', () => {
  it('shows a national admin the Hà Nội annex for H1 2027 with the numbers of the seeded cases', async () => {
    const api = new Client(w.app, { authorization: `Bearer ${ADMIN_TOKEN}` });
    const res = await api.get('/admin/reports?from=2027-01-01&to=2027-06-30&province=01');
    expect(res.status).toBe(200);
    const html = await res.text();
    // The test world loads no commune map, so the unit is named by its code.
    expect(html).toContain('Phụ lục số liệu vụ việc bảo vệ trẻ em — Tỉnh/thành phố 01');
    expect(row(html, 'general', 'Kỳ báo cáo')).toEqual(['từ 01/01/2027 đến 30/06/2027']);
    expect(row(html, 'received', 'Tổng số tin báo tiếp nhận trong kỳ')).toEqual(['4']);
    expect(row(html, 'received', 'Trong đó: khẩn cấp (trẻ đang gặp nguy hiểm)')).toEqual(['2']);
    expect(row(html, 'clocks', 'Kế hoạch hỗ trợ, can thiệp trong 5 ngày làm việc (Điều 28.1)')).toEqual(['4', '1', '0', '1', '2', '3', '0']);
    expect(row(html, 'closures', 'Tổng số hồ sơ đóng trong kỳ')).toEqual(['2']);
    // Still open on 30 June: the three seeded ones; the demo case of November 2026 is never counted.
    expect(row(html, 'open', 'Vụ việc chưa đóng vào cuối kỳ (kể cả tiếp nhận từ kỳ trước)')).toEqual(['3']);
    expect(row(html, 'moves', 'Chuyển lên cấp trên (quá hạn hoặc không có người nhận)')).toEqual(['1']);
    expect(html).toContain('@page{size:A4');
    expect(html).toContain('href="/admin/reports.xlsx?from=2027-01-01&amp;to=2027-06-30&amp;province=01"');
  });

  it('downloads the same annex as .xlsx', async () => {
    const api = new Client(w.app, { authorization: `Bearer ${ADMIN_TOKEN}` });
    const res = await api.get('/admin/reports.xlsx?from=2027-01-01&to=2027-06-30&province=01');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const received = wb.getWorksheet('Tiếp nhận')!;
    const values: Record<string, unknown> = {};
    received.eachRow((r) => (values[String(r.getCell(1).value)] = r.getCell(2).value));
    expect(values['Tổng số tin báo tiếp nhận trong kỳ']).toBe(4);
  });

  it('gives a commune officer only their commune, with small counts as "<5", and refuses another unit', async () => {
    // A real officer: the demo directory's officers see only demo cases, in the annex as everywhere.
    await w.db.db.insert(officers).values({ communeCode: '00004', provinceCode: '01', name: 'Cán bộ Ba Đình', role: 'officer', channel: 'telegram', channelUserId: 'tg-ba-dinh', createdAt: w.clock.now });
    const baDinh = await officerClient('tg-ba-dinh');
    const html = await (await baDinh.get('/admin/reports?from=2027-01-01&to=2027-06-30&province=79')).text();
    expect(html).toContain('— Xã/phường 00004');
    expect(row(html, 'received', 'Tổng số tin báo tiếp nhận trong kỳ')).toEqual(['&lt;5']);
    expect(html).not.toContain('data-table="communes"');
    const supervisor = await officerClient('supervisor-khanh-hoa');
    expect((await supervisor.get('/admin/reports?commune=00004')).status).toBe(403);
    expect((await baDinh.get('/admin/reports?from=2027-06-30&to=2027-01-01')).status).toBe(400);
  });

  it('counts the kind of harm staff chose on the case page (the last choice), and the rest as "Chưa phân loại"', async () => {
    const browser = new Client(w.app);
    await logIn(browser, ADMIN_TOKEN);
    const [first] = await w.db.db.select().from(cases).where(eq(cases.receivedAt, new Date('2027-01-10T09:00:00+07:00')));
    // The seed's cases carry no real reference or sealed text; the case page needs both.
    await w.db.db.update(cases).set({ ref: 'BV-7K3Q9M', descriptionEnc: await w.rt.core.sealer.seal('Mô tả thử') }).where(eq(cases.id, first!.id));
    first!.ref = 'BV-7K3Q9M';
    const casePage = await (await browser.get(`/admin/cases/${first!.ref}`)).text();
    expect(casePage).toContain('Loại hình xâm hại (cho thống kê, báo cáo định kỳ)');
    const choose = (harm: string) => browser.post(`/admin/cases/${first!.ref}/work`, { _csrf: hiddenField(casePage, '_csrf'), step: 'harm', harm });
    expect((await choose('violence')).status).toBe(303);
    expect((await choose('sexual_abuse')).status).toBe(303);
    expect((await choose('guessed')).status).toBe(400);
    const html = await (await browser.get('/admin/reports?from=2027-01-01&to=2027-06-30&province=01')).text();
    expect(row(html, 'harm', 'Bạo lực')).toEqual(['0']);
    expect(row(html, 'harm', 'Xâm hại tình dục')).toEqual(['1']);
    expect(row(html, 'harm', 'Chưa phân loại')).toEqual(['3']);
    expect(await (await browser.get(`/admin/cases/${first!.ref}`)).text()).toContain('Hiện tại: Xâm hại tình dục.');
    expect(await w.db.db.select().from(auditLog).where(eq(auditLog.action, 'case.harm_set'))).toHaveLength(2);
  });

  it("opens a reporting rule's period from its link, and says when the source does not state it", async () => {
    const api = new Client(w.app, { authorization: `Bearer ${ADMIN_TOKEN}` });
    const ninhThuan = await (await api.get('/admin/reports?rule=nt-periodic&period=2027-H1')).text();
    // "báo cáo định kỳ 6 tháng (trước ngày 15/5)": the six months before 15/05/2027.
    expect(row(ninhThuan, 'general', 'Kỳ báo cáo')).toEqual(['từ 15/11/2026 đến 14/05/2027']);
    expect(row(ninhThuan, 'general', 'Căn cứ xác định kỳ')![0]).not.toContain('CHƯA XÁC MINH');
    const tamDuong = await (await api.get('/admin/reports?rule=td-periodic&period=2027-H1')).text();
    expect(row(tamDuong, 'general', 'Căn cứ xác định kỳ')![0]).toContain('CHƯA XÁC MINH');
  });
});

describe('the statistics page filters', () => {
  it('counts only the cases received between two Vietnam dates in one province, and the CSV follows', async () => {
    const api = new Client(w.app, { authorization: `Bearer ${ADMIN_TOKEN}` });
    const page = await (await api.get('/admin/stats?from=2027-01-01&to=2027-06-30&province=01')).text();
    // H1 2027 in Hà Nội: the 00:30 case of 1 January is in, the one of 1 July and TP.HCM's are out.
    expect(page).toContain('Tổng số vụ việc: 4');
    expect(page).toContain('Tin báo nhận từ 01/01/2027 đến 30/06/2027 (giờ Việt Nam)');
    expect(page).toContain('href="/admin/stats.csv?from=2027-01-01&amp;to=2027-06-30&amp;province=01"');
    const csv = (await (await api.get('/admin/stats.csv?from=2027-01-01&to=2027-06-30&province=01')).text()).replace(/^\uFEFF/, '');
    const lines = csv.split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(1 + 4);
    expect(lines.some((l) => l.includes(',2027-01-01 00:30,'))).toBe(true);
    expect(lines.some((l) => l.includes(',2027-07-01 00:30,'))).toBe(false);
    // From 1 July on, the national view: the 00:30 case of 1 July alone.
    expect(await (await api.get('/admin/stats?from=2027-07-01')).text()).toContain('Tổng số vụ việc: 1');
    expect((await api.get('/admin/stats?from=2027-06-30&to=2027-01-01')).status).toBe(400);
  });

  it("ignores a province filter from a province supervisor's login: their province only", async () => {
    await w.db.db.insert(officers).values({ communeCode: '79', provinceCode: '79', name: 'Giám sát TP.HCM', role: 'supervisor', channel: 'telegram', channelUserId: 'tg-hcm', createdAt: w.clock.now });
    const hcm = await officerClient('tg-hcm');
    const page = await (await hcm.get('/admin/stats?from=2027-01-01&to=2027-12-31&province=01')).text();
    expect(page).not.toContain('id="s-province"');
    expect(page).toContain('Tổng số vụ việc: 1');
  });
});

describe('the statistics CSV', () => {
  it('has Vietnamese headings, Vietnam time, and neutralises cells that would run as formulas', async () => {
    const api = new Client(w.app, { authorization: `Bearer ${ADMIN_TOKEN}` });
    const csv = (await (await api.get('/admin/stats.csv')).text()).replace(/^\uFEFF/, '');
    expect(csv.split('\r\n')[0]).toMatch(/^mã vụ việc,thời điểm nhận tin \(giờ VN\),tháng,/);
    // 00:30 on 1 January in Vietnam is 31 December in UTC: the CSV says January.
    const [jan1] = await w.db.db.select().from(cases).where(eq(cases.receivedAt, new Date('2027-01-01T00:30:00+07:00')));
    expect(csv).toContain(`${jan1!.ref},2027-01-01 00:30,2027-01,`);
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    for (const bad of ['+1', '-1+2', '@SUM(A1)', '\tx']) expect(csvField(bad).replace(/^"/, '').startsWith("'")).toBe(true);
    expect(csvField('Phường Ba Đình')).toBe('Phường Ba Đình');
  });
});
