// Spam and oversized input: a per-user rate limit with one polite notice, and a length cap that
// answers kindly and keeps nothing of the oversized text.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { catalogues, fill } from '../../src/core/messages';
import { MAX_TEXT_CHARS } from '../../src/core/engine';
import { createWorld, type World } from '../reports/support';
import { count } from './support';

let w: World;
beforeEach(async () => {
  w = await createWorld();
});
afterEach(() => w.cleanup());

const T0 = Date.parse('2026-11-25T03:00:00Z');
const at = (ms: number) => new Date(T0 + ms);

describe('a user who sends 25 messages within a minute', () => {
  it('gets answers to the first 20, one polite notice, silence after, and normal answers the next minute', async () => {
    const replies: number[] = [];
    const texts: string[] = [];
    for (let i = 0; i < 25; i++) {
      const got = await w.say('spammer', '/help', { at: at(i * 2000) });
      replies.push(got.length);
      texts.push(got.map((m) => m.text).join('\n'));
    }
    expect(replies.slice(0, 20).every((n) => n === 1)).toBe(true);
    expect(replies[20]).toBe(1);
    expect(texts[20]).toContain('Bạn gửi hơi nhanh');
    expect(replies.slice(21)).toEqual([0, 0, 0, 0]);
    expect(texts.filter((t) => t.includes('Bạn gửi hơi nhanh'))).toHaveLength(1);
    // Nothing queued for the ignored ones.
    expect(await count(w.db.client, `select count(*) as n from outbox where recipient = 'spammer'`)).toBe(21);

    const nextMinute = await w.say('spammer', '/help', { at: at(61_000) });
    expect(nextMinute).toHaveLength(1);
    expect(nextMinute[0]!.text).not.toContain('Bạn gửi hơi nhanh');
  });

  it('a message beyond the limit during a report changes nothing in the draft', async () => {
    await w.say('hurried', '/baotin', { at: at(0) });
    for (let i = 1; i < 20; i++) await w.say('hurried', '/help', { at: at(i * 1000) });
    // /help cancels nothing: the report step stays; the 21st and 22nd messages are over the limit.
    await w.say('hurried', 'Bé trai hàng xóm bị đánh đập thường xuyên, tôi rất lo.', { at: at(21_000) });
    await w.say('hurried', 'Bé trai hàng xóm bị đánh đập thường xuyên, tôi rất lo.', { at: at(22_000) });
    const state = await w.db.client.execute(`select s.step, s.data_enc from conversation_state s join users u on u.id = s.user_id where u.channel_user_id = 'hurried'`);
    expect(state.rows[0]!.data_enc).toBeNull();
  });
});

describe('a 5,000-character message', () => {
  it('gets a polite "too long" reply, and nothing of it is stored', async () => {
    await w.say('long-writer', '/baotin', { at: at(0) });
    const huge = 'Cháu bé bị bỏ đói nhiều ngày. '.repeat(170).slice(0, 5000);
    expect(huge).toHaveLength(5000);
    const got = await w.say('long-writer', huge, { at: at(1000) });
    expect(got).toHaveLength(1);
    expect(got[0]!.text).toBe(fill(catalogues.vi.tooLong, { max: MAX_TEXT_CHARS }));
    expect(got[0]!.state).toBe('report.description'); // still waiting for a description
    expect(await w.caseRows()).toHaveLength(0);
    const state = await w.db.client.execute(`select s.step, s.data_enc from conversation_state s join users u on u.id = s.user_id where u.channel_user_id = 'long-writer'`);
    expect(state.rows[0]!.step).toBe('report.description');
    expect(state.rows[0]!.data_enc).toBeNull(); // no draft holds the text
    // Two replies queued (the /baotin question and the notice), nothing else for this user.
    expect(await count(w.db.client, `select count(*) as n from outbox where recipient = 'long-writer'`)).toBe(2);
  });
});
