// The same autocannon run for the real bot and the echo baseline: POST /telegram with the secret
// header, every request a fresh update_id (and one of many chats, so no chat hits the rate limit).
import autocannon from 'autocannon';
import { textUpdate } from './updates';

export interface HammerResult {
  rps: number;
  p99_ms: number;
  requests: number;
  non2xx: number;
  errors: number;
}

export const HAMMER_SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
export const HAMMER_CONNECTIONS = 10;
const CHATS = 5000;

export async function hammerTelegram(base: string, secret: string, opts: { seconds?: number; firstUpdateId?: number } = {}): Promise<HammerResult> {
  let updateId = opts.firstUpdateId ?? 1;
  const result = await autocannon({
    url: base,
    connections: HAMMER_CONNECTIONS,
    duration: opts.seconds ?? HAMMER_SECONDS,
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret },
    requests: [
      {
        method: 'POST',
        path: '/telegram',
        setupRequest: (req) => {
          const id = updateId++;
          return { ...req, body: JSON.stringify(textUpdate(id, 600_000_000 + (id % CHATS), '/start', Math.floor(Date.now() / 1000))) };
        },
      },
    ],
  });
  return {
    rps: Math.round((result.requests.total / result.duration) * 10) / 10,
    p99_ms: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}
