// Flooding from the web chat: reports are limited per client address, and dropping the cookie does not
// reset the allowance. Past it, the visitor is told to call the hotlines, and nothing is filed.
import { count, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cases, outbox } from '../../src/db/schema';
import { realServices } from '../reports/support';
import { Client, createWebWorld, type WebWorld } from './support';

let w: WebWorld;
beforeEach(async () => {
  w = await createWebWorld({ services: realServices() });
});
afterEach(() => w.cleanup());

async function send(client: Client, form: Record<string, string>): Promise<string> {
  w.clock.now = new Date(w.clock.now.getTime() + 1000);
  expect((await client.post('/chat/send', form)).status).toBe(303);
  // The page's words without its markup (a reference may sit in its own element).
  return (await (await client.get('/chat')).text()).replace(/<[^>]+>/g, '');
}

/** A whole report from a fresh browser (no cookie) at `ip`; returns the last page. */
async function reportFrom(ip: string): Promise<string> {
  const visitor = new Client(w.app, { 'x-test-ip': ip });
  await send(visitor, { button: 'menu:report' });
  await send(visitor, { text: 'Đứa trẻ nhà bên bị đánh đập mỗi tối' });
  await send(visitor, { text: 'phường Ba Đình, Hà Nội' });
  await send(visitor, { button: 'report:age:6-10' });
  await send(visitor, { button: 'report:danger:yes' });
  await send(visitor, { button: 'report:anonymous' });
  return send(visitor, { button: 'report:confirm' });
}

const caseCount = async () => Number((await w.db.db.select({ n: count() }).from(cases))[0]!.n);

describe('web chat flooding', () => {
  it('files 3 reports an hour from one address, even with a fresh cookie each time; the 4th is pointed to 111', async () => {
    const before = await caseCount();
    for (let i = 0; i < 3; i++) expect(await reportFrom('203.0.113.7')).toMatch(/Mã tin của bạn: BV-/);
    expect(await caseCount()).toBe(before + 3);
    const notices = async () => (await w.db.db.select().from(outbox).where(eq(outbox.kind, 'case'))).length;
    const noticesBefore = await notices();

    const fourth = await reportFrom('203.0.113.7');
    expect(fourth).toContain('Tin này chưa được gửi đi');
    expect(fourth).toContain('111');
    expect(fourth).not.toMatch(/Mã tin của bạn/);
    expect(await caseCount()).toBe(before + 3);
    expect(await notices()).toBe(noticesBefore);

    // Another address is not affected, and an hour later the first one may file again.
    expect(await reportFrom('198.51.100.9')).toMatch(/Mã tin của bạn: BV-/);
    w.clock.now = new Date(w.clock.now.getTime() + 3_600_000);
    expect(await reportFrom('203.0.113.7')).toMatch(/Mã tin của bạn: BV-/);
  });

  it('keeps the held report: the visitor can send it once the hour has passed', async () => {
    for (let i = 0; i < 3; i++) await reportFrom('203.0.113.8');
    const visitor = new Client(w.app, { 'x-test-ip': '203.0.113.8' });
    await send(visitor, { button: 'menu:report' });
    await send(visitor, { text: 'Một em bé bị bỏ đói nhiều ngày' });
    await send(visitor, { text: 'phường Ba Đình, Hà Nội' });
    await send(visitor, { button: 'report:age:0-5' });
    await send(visitor, { button: 'report:danger:no' });
    await send(visitor, { button: 'report:anonymous' });
    expect(await send(visitor, { button: 'report:confirm' })).toContain('Tin này chưa được gửi đi');
    w.clock.now = new Date(w.clock.now.getTime() + 3_600_000);
    expect(await send(visitor, { button: 'report:confirm' })).toMatch(/Mã tin của bạn: BV-/);
  });

  it('limits messages per address too: new cookies do not buy new minutes', async () => {
    let page = '';
    for (let i = 0; i < 62; i++) {
      const visitor = new Client(w.app, { 'x-test-ip': '192.0.2.1' });
      w.clock.now = new Date(w.clock.now.getTime() + 100);
      await visitor.post('/chat/send', { text: 'xin chào' });
      page = await (await visitor.get('/chat')).text();
    }
    expect(page).toContain('Bạn gửi hơi nhanh');
  });
});

describe('the chat cookie behind a TLS proxy', () => {
  it('is Secure when the trusted proxy says https, and not when an untrusted client claims it', async () => {
    const trusted = new Client(w.app, { 'x-test-ip': '203.0.113.20', 'x-forwarded-proto': 'https' });
    await trusted.post('/chat/send', { text: 'xin chào' });
    expect(trusted.lastSetCookies.find((l) => l.startsWith('bv_chat='))).toMatch(/;\s*Secure/i);

    const { createApp } = await import('../../src/app');
    const { webChatRoutes } = await import('../../src/channels/web');
    const untrustedApp = createApp({ rt: w.rt, routes: { '/chat': webChatRoutes(w.rt, { address: {} }) } });
    const client = new Client(untrustedApp, { 'x-forwarded-proto': 'https' });
    await client.post('/chat/send', { text: 'xin chào' });
    expect(client.lastSetCookies.find((l) => l.startsWith('bv_chat='))).not.toMatch(/Secure/i);
  });
});
