import { startFakeBotApi } from '/work/main/scripts/bench/fake-bot-api';
import { hammerTelegram } from '/work/main/scripts/bench/hammer';
import { prepareDatabase, startServer, tempDatabaseUrl, WEBHOOK_SECRET } from '/work/main/scripts/bench/server-process';
const fake = await startFakeBotApi({ record: false });
const databaseUrl = tempDatabaseUrl('baove-bench-webhook-');
await prepareDatabase(databaseUrl);
const server = await startServer({ databaseUrl, apiRoot: fake.apiRoot, nodeArgs: ['--cpu-prof', '--cpu-prof-dir=/tmp/prof2'] });
console.log(await hammerTelegram(server.base, WEBHOOK_SECRET, { seconds: 6 }));
await server.stop(); await fake.close();
