// Story (issue #15): on the web chat, a child who tells of abuse is answered as a child ("Em không
// có lỗi", 111 free at any hour, a safe adult), and a parent who tells of the same abuse of their child
// is answered as a grown-up (believe the child, what to do, where to report).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Client, createWebWorld, type WebWorld } from '../web/support';

let w: WebWorld;
beforeEach(async () => {
  w = await createWebWorld();
});
afterEach(() => w.cleanup());

async function reply(text: string): Promise<string> {
  w.clock.now = new Date(w.clock.now.getTime() + 1000);
  const client = new Client(w.app);
  expect((await client.post('/chat/send', { text })).status).toBe(303);
  const html = await (await client.get('/chat')).text();
  const items = [...html.matchAll(/<li class="msg(?: [a-z]+)?"[^>]*>[\s\S]*?<\/li>/g)].map((m) => m[0]).filter((li) => !li.startsWith('<li class="msg me"'));
  return items.at(-1)!.replace(/<[^>]+>/g, '');
}

describe('who tells of abuse on the web chat is who the reply speaks to', () => {
  it('a 13-year-old who greets "anh chị" like a parent but says "em 13 tuổi" is told it is not their fault', async () => {
    const text = await reply('Em chào anh chị, em 13 tuổi, dượng em hay vào phòng lúc em ngủ rồi sờ người em, em không dám nói với mẹ');
    expect(text).toContain('Em không có lỗi');
    expect(text).toContain('111');
    expect(text).not.toContain('Cảm ơn bạn đã kể ra');
  });

  it('a teenager in teen-code calling themself "t" is answered as a child', async () => {
    const text = await reply('t bị ông chú sờ soạng mấy lần r, t ko dám kể vs ai');
    expect(text).toContain('Em không có lỗi');
  });

  it('a mother who calls herself "em" and writes "con em" gets the grown-up\'s reply', async () => {
    const text = await reply('Em chào anh chị, con em 9 tuổi kể là hồi hè bị ông hàng xóm sờ vào vùng kín, em phải báo ở đâu ạ');
    expect(text).toContain('Cảm ơn bạn đã kể ra');
    expect(text).not.toContain('Em không có lỗi');
  });
});
