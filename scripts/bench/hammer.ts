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

export const HAMMER_SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
/**
 * Each server is hammered this long before it is measured, the echo bot and the real bot alike, so
 * both are measured as the long-running servers they are. A cold server spends its first seconds in
 * V8's optimising compiler on its helper threads, which compete with autocannon for the same two
 * cores; the real bot has far more code to compile than the echo bot, so a short warm-up measures
 * mostly that (README, "Benchmarks").
 */
export const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 10);
/** Chats of a warm-up; a measured run takes others (`chatBase`), so every measured run meets new users. */
const WARMUP_CHAT_BASE = 690_000_000;
const MEASURED_CHAT_BASE = 600_000_000;
export const HAMMER_CONNECTIONS = 10;
const CHATS = 5000;

export async function hammerTelegram(base: string, secret: string, opts: { seconds?: number; firstUpdateId?: number; warmup?: boolean; chatBase?: number } = {},
): Promise<HammerResult> {
  const chatBase = opts.chatBase ?? (opts.warmup ? WARMUP_CHAT_BASE : MEASURED_CHAT_BASE);
  let updateId = opts.firstUpdateId ?? 1;
  const result = await autocannon({
    url: base,
    connections: HAMMER_CONNECTIONS,
    duration: opts.seconds ?? (opts.warmup ? WARMUP_SECONDS : HAMMER_SECONDS),
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret },
    requests: [
      {
        method: 'POST',
        path: '/telegram',
        setupRequest: (req) => {
          const id = updateId++;
          return { ...req, body: JSON.stringify(textUpdate(id, chatBase + (id % CHATS), '/start', Math.floor(Date.now() / 1000))) };
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
