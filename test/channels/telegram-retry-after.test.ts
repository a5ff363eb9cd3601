// The Bot API client waits out a short 429 itself and hands everything else back to the outbox.
import { describe, expect, it } from 'vitest';
import { retryAfter } from '../../src/channels/telegram/retry-after';

type Answer = { ok: boolean; error_code?: number; description?: string; parameters?: { retry_after?: number }; result?: unknown };
const tooMany = (seconds: number): Answer => ({ ok: false, error_code: 429, description: `Too Many Requests: retry after ${seconds}`, parameters: { retry_after: seconds } });
const sent: Answer = { ok: true, result: { message_id: 1 } };

function api(answers: Answer[]) {
  const calls: string[] = [];
  const waits: number[] = [];
  const transformer = retryAfter({ maxRetries: 2, maxDelaySeconds: 5, sleep: async (ms) => void waits.push(ms) });
  const prev = async (method: string) => {
    calls.push(method);
    return answers.shift() ?? sent;
  };
  const call = () => (transformer as unknown as (p: typeof prev, m: string, payload: unknown) => Promise<Answer>)(prev, 'sendMessage', { chat_id: 1, text: 'Chào' });
  return { calls, waits, call };
}

describe('a 429 from the Bot API', () => {
  it('with a short retry_after is waited out and the message is sent', async () => {
    const t = api([tooMany(2)]);
    expect(await t.call()).toEqual(sent);
    expect(t.calls).toHaveLength(2);
    expect(t.waits).toEqual([2000]);
  });

  it('is tried at most twice more, then handed back', async () => {
    const t = api([tooMany(1), tooMany(1), tooMany(1), sent]);
    expect((await t.call()).error_code).toBe(429);
    expect(t.calls).toHaveLength(3);
  });

  it('with a long retry_after is handed back at once (the outbox waits, not the webhook)', async () => {
    const t = api([tooMany(40)]);
    expect((await t.call()).parameters?.retry_after).toBe(40);
    expect(t.calls).toHaveLength(1);
    expect(t.waits).toEqual([]);
  });
});

describe('a 5xx from the Bot API', () => {
  it('is handed back at once', async () => {
    const t = api([{ ok: false, error_code: 502, description: 'Bad Gateway' }]);
    expect((await t.call()).error_code).toBe(502);
    expect(t.calls).toHaveLength(1);
  });
});
