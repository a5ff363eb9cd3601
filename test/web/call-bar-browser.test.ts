// In a real browser with JavaScript turned off (Debian's Chromium through playwright-core), on a
// phone-sized screen: the /chat call bar and the tel: links are there, and the call bar stays in
// view after a message has scrolled the page. Screenshots go to test-results/web/ for a person.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, PHONE, requireChromium, serveOnLoopback } from '../support/browser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebWorld, type WebWorld } from './support';

const ARTIFACTS = fileURLToPath(new URL('../../test-results/web/', import.meta.url));

let w: WebWorld;
let stopServer: (() => Promise<void>) | undefined;
let base: string;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  requireChromium(ARTIFACTS);
  w = await createWebWorld({ now: () => new Date() });
  ({ base, close: stopServer } = await serveOnLoopback(w.app.fetch));
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  context = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE, locale: 'vi-VN' });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await stopServer?.();
  w?.cleanup();
});

describe('the call bar and tel: links, with JavaScript turned off', () => {
  it('a parent reports a child being beaten: the reply is an emergency with call buttons, and the call bar stays on screen', async () => {
    const page = await context.newPage();
    await page.goto(`${base}/chat`);
    const bar = page.getByRole('navigation', { name: 'Gọi khẩn cấp' });
    const barLinks = bar.getByRole('link');
    expect(await barLinks.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(['tel:113', 'tel:111', 'tel:115']);
    expect((await bar.boundingBox())!.y).toBe(0);

    // Enough messages that the page must scroll: a few questions, then the emergency.
    const say = async (text: string) => {
      await page.getByLabel('Tin nhắn của bạn').fill(text);
      await page.getByLabel('Tin nhắn của bạn').press('Enter');
      await page.waitForURL(`${base}/chat#latest`);
    };
    await say('làm sao dạy con tự bảo vệ cơ thể');
    await say('con tôi hay bị bạn bắt nạt ở trường');
    await say('chồng tôi đang đánh con tôi bằng gậy, cứu với');

    const urgent = page.locator('.chat > li.urgent').last();
    await urgent.waitFor();
    const calls = urgent.locator('a.call');
    expect(await calls.first().getAttribute('href')).toBe('tel:113');
    expect(await urgent.locator('a.tel').first().getAttribute('href')).toBe('tel:113');
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    // Sticky, without any script: still at the top of the screen after the jump to #latest.
    const box = (await bar.boundingBox())!;
    expect(box.y).toBe(0);
    expect(box.height).toBeGreaterThan(40);
    expect(await bar.isVisible()).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'chat-emergency-no-js.png') });
    await page.close();
  });
});
