// Benchmarks the real Node server (src/server.ts, a child process on loopback, file database) against
// the echo baseline, under the same autocannon load: POST /telegram with the secret, a fresh update_id
// each time; both reply through one fake Bot API on 127.0.0.1. For the real bot each request is a
// whole update: dedupe, user, rate limit, state, sealed outbox row, the sendMessage call, its "sent" mark.
//
// The two are measured in alternating rounds (echo, bot, bot, echo, echo, bot …), each after the same
// warm-up, and each number is the median of its rounds. The machine this runs on is shared and its
// speed drifts by 2× within minutes; back-to-back rounds see the same machine, one long run of each
// does not.
import { startEchoServer } from './echo-baseline';
import { startFakeBotApi } from './fake-bot-api';
import { hammerTelegram, type HammerResult } from './hammer';
import { prepareDatabase, startServer, tempDatabaseUrl, WEBHOOK_SECRET } from './server-process';

export const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

export interface WebhookComparison {
  webhook_rps: number;
  baseline_echo_rps: number;
  /** Each round's numbers, in the order run. */
  rounds: Array<{ server: 'echo' | 'bot'; rps: number; p99_ms: number }>;
  /** Messages the fake Bot API accepted from the bot during its measured rounds (one per update). */
  bot_api_sends: number;
  bot_requests: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

export async function benchWebhookVsEcho(log: (line: string) => void = () => undefined): Promise<WebhookComparison> {
  const fake = await startFakeBotApi({ record: false });
  const databaseUrl = tempDatabaseUrl('baove-bench-webhook-');
  await prepareDatabase(databaseUrl);
  const bot = await startServer({ databaseUrl, apiRoot: fake.apiRoot });
  const echo = await startEchoServer(fake.apiRoot).catch(async (err: unknown) => {
    await bot.stop();
    throw err;
  });
  try {
    const bases = { echo: echo.base, bot: bot.base } as const;
    // Warm-up: JIT, connections; other chats than the measured rounds (see hammer.ts).
    for (const server of ['echo', 'bot'] as const) await hammerTelegram(bases[server], WEBHOOK_SECRET, { warmup: true, firstUpdateId: 1 });
    const rounds: WebhookComparison['rounds'] = [];
    let nextUpdateId = 1_000_000;
    let botSends = 0;
    let botRequests = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? (['echo', 'bot'] as const) : (['bot', 'echo'] as const);
      for (const server of order) {
        const sendsBefore = fake.sendCount();
        // Each round writes from its own 5,000 chats: every round meets new users, as the first did.
        const r: HammerResult = await hammerTelegram(bases[server], WEBHOOK_SECRET, { firstUpdateId: nextUpdateId, chatBase: 600_000_000 + round * 10_000_000 });
        nextUpdateId += r.requests + 1000;
        if (r.non2xx || r.errors) throw new Error(`${server}: ${r.non2xx} non-2xx, ${r.errors} errors`);
        if (server === 'bot') {
          botSends += fake.sendCount() - sendsBefore;
          botRequests += r.requests;
        }
        rounds.push({ server, rps: r.rps, p99_ms: r.p99_ms });
        log(`bench: webhook round ${round + 1} ${server}: ${r.rps} req/s, p99 ${r.p99_ms} ms`);
      }
    }
    return {
      webhook_rps: median(rounds.filter((r) => r.server === 'bot').map((r) => r.rps)),
      baseline_echo_rps: median(rounds.filter((r) => r.server === 'echo').map((r) => r.rps)),
      rounds,
      bot_api_sends: botSends,
      bot_requests: botRequests,
    };
  } finally {
    await Promise.all([bot.stop(), echo.stop()]);
    await fake.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchWebhookVsEcho((l) => process.stderr.write(l + '\n'))));
}
