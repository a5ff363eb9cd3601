// `npm run loadtest [-- --users N --connections C]`: the real Node server on loopback, N simulated
// citizens each filing a whole report through Telegram webhook updates (autocannon), a fake Bot API on
// 127.0.0.1 counting sendMessage. Then checks: no non-2xx, exactly N cases, no duplicates, every
// officer notified exactly once. Prints throughput, p99 and one JSON summary line (last line).
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { inArray, sql } from 'drizzle-orm';
import { auditLog, cases, outbox } from '../src/db/schema';
import { openDb } from '../src/db/node-client';
import { startFakeBotApi } from './bench/fake-bot-api';
import { BENCH_DATA_KEY, LOOPBACK_OFFICERS, prepareDatabase, startServer, tempDatabaseUrl, WEBHOOK_SECRET } from './bench/server-process';
import { createNodeSealer } from '../src/ground/crypto-node';
import { reporterIdOf } from '../src/cases/reporter-link';
import { reportScript, type TelegramUpdate } from './bench/updates';

export interface LoadTestOptions {
  users: number;
  /** Simultaneous citizens (HTTP connections); lowered to a divisor of `users` so every flow is whole. */
  connections?: number;
  log?: (line: string) => void;
}

export interface LoadTestSummary {
  users: number;
  connections: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  duration_s: number;
  rps: number;
  p50_ms: number;
  p99_ms: number;
  max_ms: number;
  cases: number;
  duplicate_cases: number;
  cases_without_audit: number;
  misrouted_cases: number;
  officer_notifications_expected: number;
  officer_notifications_sent: number;
  officer_notifications_duplicated: number;
  outbox_not_sent: number;
  citizen_replies_sent: number;
  ok: boolean;
}

const STEPS = 7;
const FIRST_CHAT_ID = 500_000_000;

function divisorAtMost(n: number, max: number): number {
  for (let c = Math.min(n, max); c > 1; c--) if (n % c === 0) return c;
  return 1;
}

export async function runLoadTest(opts: LoadTestOptions): Promise<LoadTestSummary> {
  const log = opts.log ?? ((l: string) => process.stderr.write(l + '\n'));
  const users = opts.users;
  const connections = divisorAtMost(users, opts.connections ?? 50);
  const fake = await startFakeBotApi();
  const databaseUrl = tempDatabaseUrl('baove-load-');
  log(`preparing database ${databaseUrl} …`);
  await prepareDatabase(databaseUrl);
  const server = await startServer({ databaseUrl, apiRoot: fake.apiRoot, env: { LOG_LEVEL: 'warn' } });
  log(`server on ${server.base}; ${users} citizens over ${connections} connections`);

  // Each connection plays one citizen after another; the context is fresh for every citizen.
  let nextUser = 0;
  let nextUpdateId = 1;
  const scripts = new Map<number, TelegramUpdate[]>();
  const addressOf = new Map<number, string>();
  const addresses = LOOPBACK_OFFICERS.flatMap((o) => o.addresses);
  const step = (i: number) => ({
    method: 'POST' as const,
    path: '/telegram',
    setupRequest: (req: autocannon.Request, ctx: object) => {
      const context = ctx as Record<string, unknown>;
      if (i === 0) {
        const user = nextUser++;
        const chatId = FIRST_CHAT_ID + user;
        const address = addresses[user % addresses.length]!;
        const script = reportScript(chatId, address, () => nextUpdateId++, Math.floor(Date.now() / 1000), user);
        scripts.set(chatId, script.updates);
        addressOf.set(chatId, address);
        context.chatId = chatId;
      }
      const updates = scripts.get(context.chatId as number)!;
      return { ...req, body: JSON.stringify(updates[i]) };
    },
  });

  const result = await autocannon({
    url: server.base,
    connections,
    amount: users * STEPS,
    timeout: 30,
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': WEBHOOK_SECRET },
    requests: Array.from({ length: STEPS }, (_, i) => step(i)),
  });

  // Deliveries happen inside each webhook; anything a busy moment pushed back is sent by the tick.
  const handle = openDb(databaseUrl);
  const db = handle.db;
  const atEnd = await handle.client.execute("select status, count(*) as n, max(last_error) as last_error from outbox where channel = 'telegram' group by status");
  log(`outbox right after the last response: ${JSON.stringify(atEnd.rows)}`);
  if (process.env.LOADTEST_DEBUG) log(server.stderrTail().join('\n'));
  let notSent = Number.POSITIVE_INFINITY;
  for (let waited = 0; waited < 90_000 && notSent > 0; waited += 500) {
    const [row] = await db.select({ n: sql<number>`count(*)` }).from(outbox).where(sql`${outbox.channel} = 'telegram' and ${outbox.status} <> 'sent'`);
    notSent = Number(row?.n ?? 0);
    if (notSent > 0) await new Promise((r) => setTimeout(r, 500));
  }
  await server.stop();

  // Only the cases this run filed (the seed may add a demo case on a local database). Who filed each
  // is sealed in the case: opened here with the bench's DATA_KEY.
  const sealer = createNodeSealer(BENCH_DATA_KEY);
  const caseRows = await Promise.all(
    (await db.select().from(cases))
      .filter((c) => c.channel === 'telegram')
      .map(async (c) => ({ ...c, reporterUserId: (await reporterIdOf(sealer, c)) ?? -1 })),
  );
  const bySource = new Set(caseRows.map((c) => c.sourceKey));
  const byReporter = new Map<number, number>();
  for (const c of caseRows) byReporter.set(c.reporterUserId, (byReporter.get(c.reporterUserId) ?? 0) + 1);
  const duplicates = caseRows.length - bySource.size + [...byReporter.values()].filter((n) => n > 1).reduce((a, n) => a + n - 1, 0);
  const audited = new Set(
    (await db.select({ caseId: auditLog.caseId }).from(auditLog).where(sql`${auditLog.action} = 'case.created'`)).map((r) => r.caseId),
  );
  const withoutAudit = caseRows.filter((c) => !audited.has(c.id)).length;

  // Routing: the case's commune is the commune of the address its citizen typed.
  const users_ = await handle.client.execute('select id, channel_user_id from users where channel = ?', ['telegram']);
  const chatOfUser = new Map(users_.rows.map((r) => [Number(r.id), Number(r.channel_user_id)]));
  const communeOfAddress = new Map(LOOPBACK_OFFICERS.flatMap((o) => o.addresses.map((a) => [a, o.communeCode] as const)));
  const misrouted = caseRows.filter((c) => communeOfAddress.get(addressOf.get(chatOfUser.get(c.reporterUserId) ?? -1) ?? '') !== c.communeCode).length;

  // Officer notifications: every case's reference reaches its officer's chat exactly once.
  const officerChats = new Set(LOOPBACK_OFFICERS.map((o) => o.chatId));
  const refsSeen = new Map<string, number>();
  for (const s of fake.sends) {
    if (!officerChats.has(s.chatId)) continue;
    const ref = /BV-[0-9A-Z]{6}/.exec(s.text)?.[0];
    if (ref) refsSeen.set(ref, (refsSeen.get(ref) ?? 0) + 1);
  }
  const notified = caseRows.filter((c) => refsSeen.get(c.ref) === 1).length;
  const duplicatedNotices = [...refsSeen.values()].filter((n) => n > 1).length;
  const caseRowsNotSent = caseRows.length
    ? await db.select({ n: sql<number>`count(*)` }).from(outbox).where(sql`${outbox.status} <> 'sent' and ${inArray(outbox.caseId, caseRows.map((c) => c.id))}`)
    : [{ n: 0 }];
  const citizenReplies = fake.sends.filter((s) => !officerChats.has(s.chatId)).length;
  handle.close();
  await fake.close();

  const non2xx = result.non2xx;
  const summary: LoadTestSummary = {
    users,
    connections,
    requests: result.requests.total,
    non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    duration_s: Math.round(result.duration * 100) / 100,
    rps: Math.round((result.requests.total / result.duration) * 10) / 10,
    p50_ms: result.latency.p50,
    p99_ms: result.latency.p99,
    max_ms: result.latency.max,
    cases: caseRows.length,
    duplicate_cases: duplicates,
    cases_without_audit: withoutAudit,
    misrouted_cases: misrouted,
    officer_notifications_expected: caseRows.length,
    officer_notifications_sent: notified,
    officer_notifications_duplicated: duplicatedNotices,
    outbox_not_sent: Number(caseRowsNotSent[0]?.n ?? 0) + (Number.isFinite(notSent) ? notSent : 0),
    citizen_replies_sent: citizenReplies,
    ok: false,
  };
  summary.ok =
    summary.non2xx === 0 &&
    summary.errors === 0 &&
    summary.requests === users * STEPS &&
    summary.cases === users &&
    summary.duplicate_cases === 0 &&
    summary.cases_without_audit === 0 &&
    summary.misrouted_cases === 0 &&
    summary.officer_notifications_sent === users &&
    summary.officer_notifications_duplicated === 0 &&
    summary.outbox_not_sent === 0;
  return summary;
}

function flag(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

async function main(argv: string[]): Promise<number> {
  const users = Number(flag(argv, '--users') ?? 1000);
  const connections = Number(flag(argv, '--connections') ?? 50);
  if (!Number.isInteger(users) || users < 1) throw new Error('--users must be a positive integer');
  const s = await runLoadTest({ users, connections });
  const out = (l: string) => process.stdout.write(l + '\n');
  out(`${s.users} citizens, ${s.requests} webhook updates over ${s.connections} connections in ${s.duration_s} s`);
  out(`throughput: ${s.rps} req/s   latency p50 ${s.p50_ms} ms, p99 ${s.p99_ms} ms, max ${s.max_ms} ms`);
  out(`non-2xx: ${s.non2xx}   errors: ${s.errors}   cases: ${s.cases} (duplicates ${s.duplicate_cases}, misrouted ${s.misrouted_cases}, without audit ${s.cases_without_audit})`);
  out(`officer notifications: ${s.officer_notifications_sent}/${s.officer_notifications_expected} sent once, ${s.officer_notifications_duplicated} duplicated; outbox not sent: ${s.outbox_not_sent}`);
  out(s.ok ? 'OK: no errors, no lost or duplicated case, every officer notified once' : 'FAILED: see the numbers above');
  out(JSON.stringify(s));
  return s.ok ? 0 : 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2))
    .then((code) => process.exit(code))
    .catch((err: unknown) => {
      process.stderr.write(`loadtest: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
      process.exit(1);
    });
}
