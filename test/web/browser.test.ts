// Browser stories on a phone-sized screen: Debian's Chromium (playwright-core) against the real Node app
// on 127.0.0.1. Each page is saved as a screenshot under test-results/web/ for a person to look at.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getConnInfo } from '@hono/node-server/conninfo';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, PHONE, requireChromium, serveOnLoopback } from '../support/browser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CASE_REF } from '../../src/admin';
import { importCommuneMap } from '../../src/routing/import';
import { outbox } from '../../src/db/schema';
import { enqueue } from '../../src/outbox/outbox';
import { eq } from 'drizzle-orm';
import { realServices } from '../reports/support';
import { ADMIN_TOKEN, createWebWorld, START, type WebWorld } from './support';

const ARTIFACTS = fileURLToPath(new URL('../../test-results/web/', import.meta.url));

let w: WebWorld;
let stopServer: (() => Promise<void>) | undefined;
let base: string;
let context: BrowserContext;
let profile: string;

beforeAll(async () => {
  requireChromium(ARTIFACTS);
  // The app's clock runs from a fixed day so the demo case is overdue the same way on every run.
  const t0 = Date.now();
  w = await createWebWorld({
    services: realServices(),
    now: () => new Date(START.getTime() + (Date.now() - t0)),
    admin: { clientIp: (c) => getConnInfo(c).remote.address ?? 'unknown' },
    // One browser on one address files more reports in these stories than the per-address hourly limit allows.
    env: { WEB_ADDRESS_REPORTS_PER_HOUR: '100' },
  });
  // The real commune map, so the coverage page has provinces and communes to show.
  await importCommuneMap(w.db.db, fileURLToPath(new URL('../../content/map', import.meta.url)), () => undefined);
  ({ base, close: stopServer } = await serveOnLoopback(w.app.fetch));
  profile = mkdtempSync(join(tmpdir(), 'baove-chromium-'));
  context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: PHONE, locale: 'vi-VN' });
});

afterAll(async () => {
  await context?.close();
  await stopServer?.();
  if (profile) rmSync(profile, { recursive: true, force: true });
  w?.cleanup();
});

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

describe('dashboard story', () => {
  it('logs in, sees the overdue demo case, opens it, acknowledges it and sees the audit entry', async () => {
    const page = await context.newPage();
    await page.goto(`${base}/admin`);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/admin/login');
    await shot(page, 'admin-login');

    await page.getByLabel('Mã đăng nhập').fill(ADMIN_TOKEN);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(`${base}/admin`);
    const row = page.getByRole('row').filter({ hasText: DEMO_CASE_REF });
    await expect.poll(() => row.textContent()).toContain('QUÁ HẠN');
    await shot(page, 'admin-cases');

    await page.getByRole('link', { name: DEMO_CASE_REF }).click();
    await page.getByRole('heading', { name: `Vụ việc ${DEMO_CASE_REF}` }).waitFor();
    await shot(page, 'admin-case');

    await page.getByRole('button', { name: 'Tiếp nhận vụ việc' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã tiếp nhận.' }).waitFor();
    const audit = page.locator('#audit');
    await expect.poll(() => audit.getByRole('row').filter({ hasText: 'Quản trị cấp quốc gia' }).filter({ hasText: 'tiếp nhận' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Tiếp nhận vụ việc' }).count()).toBe(0);
    await shot(page, 'admin-case-acknowledged');

    // One dead-lettered message, so the outbox page shows its retry button.
    const [dead] = await enqueue(w.db.db, w.rt.core.sealer, [{ to: { channel: 'telegram', userId: '4242' }, text: '…', buttons: [], state: null, kind: 'reminder', dedupeKey: 'browser:dead' }], START);
    await w.db.db.update(outbox).set({ status: 'dead', attempts: 8, lastError: 'Forbidden: bot was blocked by the user' }).where(eq(outbox.id, dead!));
    for (const [name, path, heading] of [
      ['admin-coverage', '/admin/coverage?province=01', 'Độ phủ cán bộ'],
      ['admin-deadlines', '/admin/deadlines', 'Thời hạn'],
      ['admin-stats', '/admin/stats', 'Thống kê'],
      ['admin-outbox', '/admin/outbox', 'Hàng đợi gửi tin'],
    ] as const) {
      await page.goto(base + path);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await shot(page, name);
    }
    await page.close();
  });
});

describe('case work on the dashboard', () => {
  it('a report nobody covers heads the queue; the national admin assigns it by typing a commune, records a verification and closes it with a reason', async () => {
    for (const [i, text] of ['/baotin', 'Cháu bé hàng xóm bị bố đánh nhiều lần, người có vết bầm.', 'phường Hải Châu, Đà Nẵng'].entries()) {
      await w.say('browser-reporter', text, { at: new Date(START.getTime() + i * 1000) });
    }
    for (const b of ['report:age:6-10', 'report:danger:no', 'report:anonymous']) await w.say('browser-reporter', { button: b });
    const filed = (await w.say('browser-reporter', { button: 'report:confirm' })).at(-1)!;
    const ref = /BV-[0-9A-Z]{6}/.exec(filed.text)![0];

    const page = await context.newPage();
    await page.goto(`${base}/admin`);
    if (new URL(page.url()).pathname === '/admin/login') {
      await page.getByLabel('Mã đăng nhập').fill(ADMIN_TOKEN);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.waitForURL(`${base}/admin`);
    }
    // The unrouted case is the first row, marked as the national queue; the counters say so.
    const firstRow = page.locator('table.stack tbody tr').first();
    await expect.poll(() => firstRow.textContent()).toContain(ref);
    expect(await firstRow.textContent()).toContain('Hàng chờ cấp quốc gia');
    expect(await page.locator('.counters').textContent()).toMatch(/1\s*Hàng chờ cấp quốc gia/);
    await shot(page, 'admin-queue');

    await page.getByRole('link', { name: ref }).click();
    await page.getByRole('heading', { name: `Vụ việc ${ref}` }).waitFor();
    await page.getByText('Giao hoặc chuyển vụ việc tới xã/phường').click();
    await page.getByLabel('Tên xã/phường và tỉnh/thành (tên cũ cũng được)').fill('phường Ngọc Hà, Hà Nội');
    await page.getByLabel('Lý do', { exact: true }).fill('địa chỉ thật ở Hà Nội');
    await page.locator('details.work', { hasText: 'Giao hoặc chuyển' }).getByRole('button', { name: 'Ghi nhận' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã ghi nhận.' }).waitFor();
    expect((await w.caseByRef(ref))!.communeCode).toBe('00008');

    await page.getByLabel('Kết quả xác minh').fill('Đã đến nhà, cháu có vết bầm ở tay.');
    await page.getByLabel('Mức nguy cơ').selectOption('high');
    await page.locator('details.work', { hasText: 'Xác minh, đánh giá' }).getByRole('button', { name: 'Ghi nhận' }).click();
    await page.locator('#work').getByText('Đã đến nhà, cháu có vết bầm ở tay.').waitFor();

    await page.getByText('Đóng vụ việc', { exact: true }).click();
    await page.getByLabel('Lý do đóng').selectOption('safe');
    await page.locator('details.work', { hasText: 'Đóng vụ việc' }).getByRole('button', { name: 'Ghi nhận' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã ghi nhận.' }).waitFor();
    const clocks = await page.locator('#h-details ~ dl .clocks').first().textContent();
    expect(clocks).toContain('không thực hiện');
    expect(clocks).not.toMatch(/Kế hoạch[^:]*: đã xong/);
    // The timeline speaks in words, by role.
    const audit = await page.locator('#audit').textContent();
    expect(audit).toContain('Quản trị cấp quốc gia');
    expect(audit).toContain('chuyển sang xã/phường khác');
    expect(audit).not.toMatch(/case\.|clock:/);
    await shot(page, 'admin-case-worked');
    await page.close();
  });
});

describe('chat story', () => {
  it('takes a report from description to reference code, and the demo officer sees it arrive with buttons', async () => {
    const page = await context.newPage();
    await page.goto(`${base}/chat`);
    await shot(page, 'chat-welcome');
    const lastButton = (name: string) => page.getByRole('button', { name, exact: true }).last();
    const say = async (text: string) => {
      await page.getByLabel('Tin nhắn của bạn').fill(text);
      await page.getByLabel('Tin nhắn của bạn').press('Enter');
      await page.waitForLoadState('domcontentloaded');
    };
    const lastMessage = () => page.locator('.chat > li').last();

    await lastButton('Báo tin xâm hại').click();
    await expect.poll(() => lastMessage().textContent()).toContain('kể ngắn gọn');
    await say('Tôi nghe thấy đứa trẻ nhà hàng xóm bị đánh và quát mắng mỗi tối');
    await expect.poll(() => lastMessage().textContent()).toContain('xảy ra ở đâu');
    await say('phường Ba Đình, Hà Nội');
    await lastButton('6–10 tuổi').click();
    await lastButton('Không').click();
    await lastButton('Ẩn danh').click();
    await lastButton('Gửi tin').waitFor();
    await shot(page, 'chat-summary');
    await lastButton('Gửi tin').click();
    await expect.poll(() => lastMessage().textContent()).toMatch(/BV-[0-9A-Z]{6}/);
    const ref = /BV-[0-9A-Z]{6}/.exec((await lastMessage().textContent())!)![0];
    await shot(page, 'chat-reference');

    await page.getByRole('button', { name: 'Chuyển sang cán bộ demo (phường Ba Đình)' }).click();
    const caseMessage = page.locator('.chat > li').filter({ hasText: ref });
    await caseMessage.getByRole('button', { name: 'Tiếp nhận', exact: true }).waitFor();
    await shot(page, 'chat-officer-case');
    await caseMessage.getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
    await expect.poll(() => lastMessage().textContent()).toContain(`bạn tiếp nhận vụ việc ${ref}`);
    await shot(page, 'chat-officer-acknowledged');
    expect((await w.caseByRef(ref))!.status).toBe('acknowledged');
    await page.close();
  });
});

// A 1×1 PNG, as a phone would attach a photo.
const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const IN_BA_DINH = { latitude: 21.034, longitude: 105.84 };
const SIZES = [
  ['phone', { width: 375, height: 667 }],
  ['desktop', { width: 1280, height: 800 }],
] as const;

describe.each(SIZES)('never stuck on a %s', (size, viewport) => {
  it('a parent reports with a photo and a shared location, changes one answer, files it and sees its status; the page stays compact and focused', async () => {
    await context.grantPermissions(['geolocation'], { origin: base });
    await context.setGeolocation(IN_BA_DINH);
    const page = await context.newPage();
    await page.setViewportSize(viewport);
    await page.goto(`${base}/chat`);
    await page.getByRole('button', { name: 'Bắt đầu lại' }).click();
    const lastMessage = () => page.locator('.chat > li').last();
    const lastButton = (name: string) => lastMessage().getByRole('button', { name, exact: true });
    const box = page.getByLabel('Tin nhắn của bạn');
    const focused = () => page.evaluate(() => document.activeElement?.id ?? '');

    // A compact header: the conversation starts near the top; the demo switch sits below the chat.
    const header = (await page.locator('header.top').boundingBox())!;
    expect(header.height).toBeLessThan(size === 'phone' ? 170 : 110);
    const composer = (await page.locator('form.composer').boundingBox())!;
    const roleSwitch = (await page.getByRole('button', { name: 'Chuyển sang cán bộ demo (phường Ba Đình)' }).boundingBox())!;
    expect(roleSwitch.y).toBeGreaterThan(composer.y);
    // No photo or location is offered before a report asks for it.
    expect(await page.locator('input[type=file]').count()).toBe(0);
    await shot(page, `never-stuck-${size}-welcome`);

    await lastButton('Báo tin xâm hại').click();
    await expect.poll(() => lastMessage().textContent()).toContain('kể ngắn gọn');
    expect(await focused()).toBe('message'); // the bot waits for typing: the box has the focus
    expect(await lastButton('Huỷ').count()).toBe(1);
    await page.getByLabel('📷 Kèm ảnh').setInputFiles({ name: 'anh.png', mimeType: 'image/png', buffer: TINY_PNG });
    await box.fill('Tôi nghe thấy đứa trẻ nhà hàng xóm bị đánh và quát mắng mỗi tối');
    await page.getByRole('button', { name: 'Gửi', exact: true }).click();
    await expect.poll(() => lastMessage().textContent()).toContain('xảy ra ở đâu');
    expect(await page.locator('.chat > li.me').last().textContent()).toContain('📷 Đã gửi một ảnh');
    expect(await focused()).toBe('message');
    await shot(page, `never-stuck-${size}-location`);

    await page.getByRole('button', { name: '📍 Gửi vị trí của tôi' }).click();
    await expect.poll(() => lastMessage().textContent()).toContain('Có phải ở Phường Ba Đình');
    await lastButton('Đúng').click();
    await lastButton('6–10 tuổi').click();
    expect(await focused()).not.toBe('message'); // a choice: the keyboard stays down, the buttons in view
    await lastButton('Không').click();
    await lastButton('Ẩn danh').click();
    await lastButton('Gửi tin').waitFor();
    expect(await lastMessage().textContent()).toContain('kèm 1 ảnh');
    // The main action looks like one: "Gửi tin" is filled, "Huỷ" is not.
    const fill = (name: string) => lastButton(name).evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(await fill('Gửi tin')).not.toBe(await fill('Huỷ'));
    await shot(page, `never-stuck-${size}-summary`);

    await lastButton('Sửa tuổi').click();
    await expect.poll(() => lastMessage().textContent()).toContain('Đang ghi: "6–10 tuổi"');
    await lastButton('11–15 tuổi').click();
    await expect.poll(() => lastMessage().textContent()).toContain('Tuổi của trẻ: 11–15 tuổi');
    await lastButton('Gửi tin').click();
    await expect.poll(() => lastMessage().textContent()).toMatch(/BV-[0-9A-Z]{6}/);
    // The reference code stays on one line.
    const ref = lastMessage().locator('.ref').first();
    expect(await ref.evaluate((el) => el.getClientRects().length)).toBe(1);
    const code = (await ref.textContent())!;
    const row = (await w.caseByRef(code))!;
    expect(row.communeCode).toBe('00004');
    await shot(page, `never-stuck-${size}-reference`);

    await lastButton('Xem tình trạng').click();
    await expect.poll(() => lastMessage().textContent()).toContain(`Tin ${code}`);
    expect(await lastButton('Về menu chính').count()).toBe(1); // and the way back to the menu
    await page.close();
  });

  it('typing "huy" at the address step cancels; the example address reaches the Ba Đình demo officer, whose empty page agrees with the case list', async () => {
    const page = await context.newPage();
    await page.setViewportSize(viewport);
    await page.goto(`${base}/chat`);
    await page.getByRole('button', { name: 'Bắt đầu lại' }).click();
    const lastMessage = () => page.locator('.chat > li').last();
    const lastButton = (name: string) => lastMessage().getByRole('button', { name, exact: true });
    const say = async (text: string) => {
      await page.getByLabel('Tin nhắn của bạn').fill(text);
      await page.getByLabel('Tin nhắn của bạn').press('Enter');
      await page.waitForLoadState('domcontentloaded');
    };
    await say('báo tin');
    await say('Cô giáo đánh cháu nhiều lần ở lớp học thêm');
    await expect.poll(() => lastMessage().textContent()).toContain('xảy ra ở đâu');
    await say('huy');
    await expect.poll(() => lastMessage().textContent()).toContain('Đã huỷ, tin chưa được gửi đi');
    expect(await lastButton('Báo tin xâm hại').count()).toBe(1);
    await shot(page, `never-stuck-${size}-cancelled`);

    // The officer view before any report of this visitor: the case list is one tap away and says the same.
    await page.getByRole('button', { name: 'Chuyển sang cán bộ demo (phường Ba Đình)' }).click();
    const empty = page.locator('.chat > li').first();
    expect(await page.locator('.chat > li').count()).toBe(1);
    await empty.getByRole('button', { name: 'Vụ việc đang mở' }).click();
    await expect.poll(() => lastMessage().textContent()).toContain(DEMO_CASE_REF);
    await shot(page, `never-stuck-${size}-officer-cases`);
    await page.getByRole('button', { name: 'Quay lại làm người dân' }).click();

    // The bot's own example address goes to phường Ba Đình.
    await say('báo tin');
    await say('Cô giáo đánh cháu nhiều lần ở lớp học thêm');
    const example = /ví dụ: "([^"]+)"/.exec((await lastMessage().textContent())!)![1]!;
    await say(example);
    await lastButton('Không rõ').click();
    await lastButton('Không rõ').click();
    await lastButton('Ẩn danh').click();
    await lastButton('Gửi tin').click();
    await expect.poll(() => lastMessage().textContent()).toContain('Phường Ba Đình');
    await page.close();
  });

  it('without JavaScript the chat still takes a report, and offers no location it cannot get', async () => {
    const noJs = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    const ctx = await noJs.newContext({ javaScriptEnabled: false, viewport, locale: 'vi-VN' });
    const page = await ctx.newPage();
    await page.goto(`${base}/chat`);
    const lastMessage = () => page.locator('.chat > li').last();
    await lastMessage().getByRole('button', { name: 'Báo tin xâm hại', exact: true }).click();
    await page.getByLabel('Tin nhắn của bạn').fill('Tôi nghe thấy đứa trẻ nhà hàng xóm bị đánh và quát mắng mỗi tối');
    await page.getByRole('button', { name: 'Gửi', exact: true }).click();
    await expect.poll(() => lastMessage().textContent()).toContain('xảy ra ở đâu');
    expect(await page.getByRole('button', { name: '📍 Gửi vị trí của tôi' }).isVisible()).toBe(false);
    expect(await page.getByText('không gửi được vị trí').isVisible()).toBe(true);
    expect(await page.getByLabel('📷 Kèm ảnh').isVisible()).toBe(true); // a file input needs no script
    await shot(page, `never-stuck-${size}-no-js`);
    await ctx.close();
    await noJs.close();
  });
});

describe.each(SIZES)('staff pages in staff words on a %s', (size, viewport) => {
  it('name channels as people know them, never show ADMIN_TOKEN, explain assumed deadline days, and list every waiting message with its recipient, reason and a retry', async () => {
    const page = await context.newPage();
    await page.setViewportSize(viewport);
    await page.goto(`${base}/admin/login`);
    if (new URL(page.url()).pathname === '/admin/login') {
      await page.getByLabel('Mã đăng nhập').fill(ADMIN_TOKEN);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.waitForURL(`${base}/admin`);
    }
    // A case notice to the demo officer on the server's console: this server has no sender for it.
    await enqueue(w.db.db, w.rt.core.sealer, [{ to: { channel: 'cli', userId: 'officer-ba-dinh' }, text: '…', buttons: [], state: null, kind: 'case', dedupeKey: `browser:waiting:${size}` }], START);

    const staffWords = async () => {
      const text = (await page.locator('body').innerText()) ?? '';
      expect(text).not.toContain('ADMIN_TOKEN');
      expect(text).not.toMatch(/\bcli\b/);
    };
    for (const path of ['/admin', `/admin/cases/${DEMO_CASE_REF}`, '/admin/coverage?province=01', '/admin/stats']) {
      await page.goto(base + path);
      await staffWords();
    }

    await page.goto(`${base}/admin/deadlines`);
    await staffWords();
    const assumed = page.locator('details.assumed').first();
    await assumed.locator('summary').click();
    expect(await assumed.innerText()).toContain('Quy tắc lấy từ:');
    expect(await assumed.innerText()).toContain('content/deadlines');
    await shot(page, `staff-${size}-deadlines`);

    await page.goto(`${base}/admin/outbox`);
    await staffWords();
    // To whom (the officer by name, the channel as people say it), and why it has not gone.
    const waiting = page.getByRole('row').filter({ hasText: 'Cán bộ BVTE phường Ba Đình (demo) · máy chủ (thử nghiệm)' }).first();
    await waiting.waitFor();
    expect(await waiting.innerText()).toContain('Đang chờ lượt gửi');
    await shot(page, `staff-${size}-outbox`);
    await waiting.getByRole('button', { name: /Gửi lại/ }).click();
    await page.getByRole('status').filter({ hasText: 'về hàng đợi' }).waitFor();
    await page.close();
  });
});
