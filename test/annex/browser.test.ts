// Browser stories for issue 19 in Debian's Chromium (playwright-core) against the real Node app on
// 127.0.0.1: the Thời hạn page's "đã nộp" per unit, marked with a click, and the Báo cáo page —
// filtered, downloaded as .xlsx and read back, and printed to an A4 PDF. Screenshots go to
// test-results/annex/ for a person to look at.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getConnInfo } from '@hono/node-server/conninfo';
import ExcelJS from 'exceljs';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, requireChromium, serveOnLoopback } from '../support/browser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annexWorkbook } from '../../src/annex/xlsx';
import { importCommuneMap } from '../../src/routing/import';
import { ADMIN_TOKEN, createWebWorld, START, type WebWorld } from '../web/support';
import { seedAnnexCases } from './seed';

const ARTIFACTS = fileURLToPath(new URL('../../test-results/annex/', import.meta.url));

let w: WebWorld;
let stopServer: (() => Promise<void>) | undefined;
let base: string;
let context: BrowserContext;
let profile: string;

beforeAll(async () => {
  requireChromium(ARTIFACTS);
  w = await createWebWorld({ admin: { xlsx: annexWorkbook, clientIp: (c) => getConnInfo(c).remote.address ?? 'unknown' } });
  await importCommuneMap(w.db.db, fileURLToPath(new URL('../../content/map', import.meta.url)), () => undefined);
  await seedAnnexCases(w.db.db);
  ({ base, close: stopServer } = await serveOnLoopback(w.app.fetch));
  profile = mkdtempSync(join(tmpdir(), 'baove-chromium-'));
  context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1280, height: 900 }, locale: 'vi-VN', acceptDownloads: true });
}, 120_000);

afterAll(async () => {
  await context?.close();
  await stopServer?.();
  if (profile) rmSync(profile, { recursive: true, force: true });
  w?.cleanup();
});

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Opens `path`, logging in with the national token first if the session is gone. */
async function open(page: Page, path: string): Promise<void> {
  await page.goto(base + path);
  if (new URL(page.url()).pathname === '/admin/login') {
    await page.getByLabel('Mã đăng nhập').fill(ADMIN_TOKEN);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(`${base}/admin`);
    await page.goto(base + path);
  }
}

describe('Thời hạn: "đã nộp" per unit', () => {
  it('lists who must submit, marks one with a click, shows who marked it, and explains a rule nobody receives', async () => {
    w.clock.now = START; // late November 2026: the alternative-care report of 25/12 is coming
    const page = await context.newPage();
    await open(page, '/admin/deadlines');
    const units = page.locator('details', { has: page.locator('ul[data-units="alt-care-province|2026"]') });
    await units.locator('summary').click();
    expect(await units.locator('summary').innerText()).toBe('Đã nộp 0/2 đơn vị');
    const haNoi = units.getByRole('listitem').filter({ hasText: 'Phụ trách BVTE Hà Nội (demo)' });
    await haNoi.getByRole('button', { name: 'Đánh dấu đã nộp' }).click();
    await page.waitForURL(`${base}/admin/deadlines`);
    await units.locator('summary').click();
    expect(await units.locator('summary').innerText()).toBe('Đã nộp 1/2 đơn vị');
    expect(await haNoi.innerText()).toMatch(/đã nộp, ghi nhận lúc .* \(đánh dấu trên bảng điều khiển: Quản trị cấp quốc gia\)/);
    expect(await units.getByRole('listitem').filter({ hasText: 'Khánh Hoà' }).innerText()).toContain('chưa nộp.');
    await shot(page, 'deadlines-units');

    const nobody = page.locator('[data-no-recipients]').first();
    expect(await nobody.innerText()).toContain('Chưa ai nhận nhắc việc này');
    await nobody.getByRole('link', { name: 'Mời cán bộ cho địa bàn đó (Độ phủ cán bộ)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Độ phủ cán bộ' }).waitFor();
    await page.close();
  }, 120_000);
});

describe('Báo cáo: the annex in the browser', () => {
  it('filters Hà Nội for H1 2027, shows the seeded numbers, downloads the .xlsx and prints an A4 PDF', async () => {
    w.clock.now = new Date('2027-08-01T01:00:00Z'); // after H1 2027 is over
    const page = await context.newPage();
    await open(page, '/admin/reports');
    await page.getByRole('heading', { level: 1, name: 'Báo cáo định kỳ: phụ lục số liệu vụ việc' }).waitFor();
    const filters = page.getByRole('form', { name: 'Chọn kỳ và địa bàn' });
    await filters.getByLabel('Từ ngày').fill('2027-01-01');
    await filters.getByLabel('Đến ngày').fill('2027-06-30');
    await filters.getByLabel('Tỉnh/thành phố').selectOption('01');
    await filters.getByRole('button', { name: 'Xem' }).click();
    await page.getByRole('heading', { level: 2, name: /Thành phố Hà Nội \(01\)/ }).waitFor();
    const cell = (table: string, label: string) => page.locator(`table[data-table="${table}"] tr`, { has: page.getByRole('rowheader', { name: label, exact: true }) }).locator('td').first().innerText();
    expect(await cell('received', 'Tổng số tin báo tiếp nhận trong kỳ')).toBe('4');
    expect(await cell('received', 'Trong đó: khẩn cấp (trẻ đang gặp nguy hiểm)')).toBe('2');
    expect(await cell('open', 'Vụ việc chưa đóng vào cuối kỳ (kể cả tiếp nhận từ kỳ trước)')).toBe('3');
    expect(await cell('communes', 'Phường Ba Đình (00004)')).toBe('<5');
    await shot(page, 'reports-ha-noi');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải về .xlsx' }).click()]);
    expect(download.suggestedFilename()).toBe('phu-luc-2027-01-01-2027-06-30.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await download.path())!);
    const received: Record<string, unknown> = {};
    wb.getWorksheet('Tiếp nhận')!.eachRow((r) => (received[String(r.getCell(1).value)] = r.getCell(2).value));
    expect(received['Tổng số tin báo tiếp nhận trong kỳ']).toBe(4);

    // Printing hides the navigation and the filters and keeps the tables.
    await page.emulateMedia({ media: 'print' });
    expect(await filters.isVisible()).toBe(false);
    expect(await page.locator('table[data-table="clocks"]').isVisible()).toBe(true);
    const pdf = await page.pdf({ preferCSSPageSize: true });
    const file = join(ARTIFACTS, 'reports-ha-noi.pdf');
    await import('node:fs/promises').then((fs) => fs.writeFile(file, pdf));
    const text = readFileSync(file, 'latin1');
    expect(text.startsWith('%PDF')).toBe(true);
    // A4 is 595 × 842 points.
    expect(text).toMatch(/\/MediaBox \[0 0 59[45](\.\d+)? 84[12](\.\d+)?\]/);
    expect((text.match(/\/Type \/Page\b/g) ?? []).length).toBeGreaterThanOrEqual(1);
    await page.close();
  }, 120_000);
});
