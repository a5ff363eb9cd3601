// Stories on the web chat (form posts, no browser): the first reply to a child in danger has the
// first action and the right number first, looks like an emergency, and every number is a tel: link.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DANGER_KINDS } from '../../src/triage/outcome';
import { Client, createWebWorld, type WebWorld } from '../web/support';
import { DANGER_MESSAGES, FIRST_ACTION, FIRST_NUMBER, firstNumber } from './support';

let w: WebWorld;
beforeEach(async () => {
  w = await createWebWorld();
});
afterEach(() => w.cleanup());

async function send(client: Client, text: string): Promise<string> {
  w.clock.now = new Date(w.clock.now.getTime() + 1000);
  expect((await client.post('/chat/send', { text })).status).toBe(303);
  return (await client.get('/chat')).text();
}

/** The HTML of the last bot message on the page. */
function lastBotMessage(html: string): string {
  const items = [...html.matchAll(/<li class="msg(?: [a-z]+)?"[^>]*>[\s\S]*?<\/li>/g)].map((m) => m[0]).filter((li) => !li.startsWith('<li class="msg me"'));
  return items.at(-1)!;
}

const textOf = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

describe('the web chat page', () => {
  it('has a call bar with 113, 111 and 115 as tel: links before anything else, and the welcome numbers are links too', async () => {
    const html = await (await new Client(w.app).get('/chat')).text();
    const bar = /<nav class="callbar"[^>]*>([\s\S]*?)<\/nav>/.exec(html)![1]!;
    expect([...bar.matchAll(/href="tel:(\d+)"/g)].map((m) => m[1])).toEqual(['113', '111', '115']);
    expect(html.indexOf('class="callbar"')).toBeLessThan(html.indexOf('<h1>'));
    expect(html).toMatch(/<a class="tel" href="tel:113">113<\/a>/);
  });
});

describe('a parent writes on the web chat about a child in danger', () => {
  for (const kind of DANGER_KINDS) {
    it(`${kind}: the reply is marked urgent, starts with the first action, and offers ${FIRST_NUMBER[kind]} first as a call`, async () => {
      const page = await send(new Client(w.app), DANGER_MESSAGES[kind]);
      const li = lastBotMessage(page);
      expect(li).toMatch(/^<li class="msg urgent"[^>]*role="alert"/);
      const text = textOf(li).replace(/^BảoVệ — KHẨN CẤP/, '');
      expect(text.split('\n')[0]).toMatch(FIRST_ACTION[kind][0]);
      expect(firstNumber(text)).toBe(FIRST_NUMBER[kind]);
      const calls = [...li.matchAll(/<a class="call" href="tel:(\d+)"/g)].map((m) => m[1]);
      expect(calls[0]).toBe(FIRST_NUMBER[kind]);
      expect(li).toContain('value="menu:report"');
    });
  }
});

describe('numbers in a case on the dashboard', () => {
  it('a reporter\'s phone number is a tel: link', async () => {
    const { LinkedNumbers } = await import('../../src/channels/web/phone');
    const html = String(LinkedNumbers({ text: 'Gọi tôi: 0912 345 678 hoặc 111; mã BV-111ABC' }));
    expect(html).toContain('<a class="tel" href="tel:0912345678">0912 345 678</a>');
    expect(html).toContain('<a class="tel" href="tel:111">111</a>');
    expect(html).toContain('BV-111ABC');
    expect(html).not.toContain('tel:111ABC');
  });
});
