// Benchmarks the real Node server (src/server.ts, a child process on loopback, file database) under
// autocannon: POST /telegram with the secret, a fresh update_id each time; replies go to a fake Bot API
// on 127.0.0.1. Each request is a whole update: dedupe, user, state, outbox, and the sendMessage call.
import { startFakeBotApi } from './fake-bot-api';
import { hammerTelegram, type HammerResult } from './hammer';
import { prepareDatabase, startServer, tempDatabaseUrl, WEBHOOK_SECRET } from './server-process';

export async function benchWebhookDetailed(): Promise<HammerResult & { bot_api_sends: number }> {
  const fake = await startFakeBotApi({ record: false });
  const databaseUrl = tempDatabaseUrl('baove-bench-webhook-');
  await prepareDatabase(databaseUrl);
  const server = await startServer({ databaseUrl, apiRoot: fake.apiRoot });
  try {
    await hammerTelegram(server.base, WEBHOOK_SECRET, { seconds: 1, firstUpdateId: 1 }); // warm-up (JIT, connections)
    const r = await hammerTelegram(server.base, WEBHOOK_SECRET, { firstUpdateId: 1_000_000 });
    return { ...r, bot_api_sends: fake.sendCount() };
  } finally {
    await server.stop();
    await fake.close();
  }
}

export async function benchWebhook(): Promise<{ webhook_rps: number }> {
  const r = await benchWebhookDetailed();
  if (r.non2xx || r.errors) throw new Error(`webhook bench: ${r.non2xx} non-2xx, ${r.errors} errors`);
  return { webhook_rps: r.rps };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchWebhookDetailed()));
}
