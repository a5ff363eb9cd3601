// Cases: filing a confirmed report (sealed, routed, audited, notified) and finding one by reference.
import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import type { Ctx } from '../core/context';
import { fill } from '../core/messages';
import type { Address, Incoming, Lang } from '../core/types';
import { levelOfRoute } from './levels';
import type { Db } from '../db/db';
import { isDeferred, readBatch, statementOf } from '../db/deferred';
import { rememberReporter } from './reporter-memo';
import type { InStatement } from '@libsql/client';
import { cases, officers, users } from '../db/schema';
import type { CommuneRef } from '../routing/types';
import type { QueuedMessage } from '../outbox/outbox';
import type { Sealer } from '../ground/crypto';
import type { CaseRow } from './clocks';
import { asStored, openDetails, sealDetails, type CaseDetails } from './details';
import { reportsMessages } from '../reports/messages';
import { forReporter, officerAddress, pickRoute, routeCondition, type CaseWorld, type OfficerRow } from '../directory/officers';
import { langsOf } from './recipients';
import { newCaseRef } from './ref';
import { REPORTER_ACTOR, sealReporter, storedSourceKey } from './reporter-link';
import { officerButtons, renderCase } from './render';

export interface NewCase {
  details: CaseDetails;
  emergency: boolean;
  ageBand: string;
}

export interface Filed {
  row: CaseRow;
  recipients: OfficerRow[];
  /** False when this update had already filed the case (a repeated delivery). */
  created: boolean;
}

/** Which officers may see the case: the demo web chat files demo cases, the server's own console local ones. */
export function caseWorld(inc: Pick<Incoming, 'channel' | 'demo'>): CaseWorld {
  if (inc.demo) return 'demo';
  return inc.channel === 'cli' ? 'local' : 'real';
}

export async function findCaseByRef(db: Db, ref: string): Promise<CaseRow | undefined> {
  const [row] = await caseByRef(db, ref);
  return row;
}

/** The read of `findCaseByRef`, as a query (to batch it, or send it ahead). */
export function caseByRef(db: Db, ref: string) {
  return db.select().from(cases).where(eq(cases.ref, ref)).limit(1);
}

/**
 * Files the case inside the update's transaction: the row, the audit entry and the officers'
 * notifications commit together, so nothing is sent for a case that was not stored.
 *
 * Written for a batched update (db/deferred.ts): one read (the officers who get the case with the
 * language each reads, the next case id, whether this update already filed a case), then writes that
 * need no result. The id and the reference are chosen here; a concurrent case that took the id, or an
 * older case with the same reference, makes the update's batch fail on the unique key, and the update
 * runs again (drawing anew). Elsewhere (a transaction) the reference is checked in the read. The read
 * depends only on the draft and the update, so the engine can send it ahead (`casePlanReads`).
 */
export async function fileCase(ctx: Ctx, report: NewCase): Promise<Filed> {
  const { db, sealer, config } = ctx.deps;
  // The update's key is stored as a tag: in clear it would match the receipt's outbox key, whose
  // recipient is the reporter's chat id. Without an update key, a random one (nothing to dedupe).
  const sourceKey = ctx.inc.dedupeKey ? await storedSourceKey(sealer, ctx.inc.dedupeKey) : `local:${crypto.randomUUID()}`;
  const commune = report.details.place.commune;
  const world = caseWorld(ctx.inc);
  let ref = newCaseRef();
  // In a batched update the unique key checks the reference, at no cost; in a transaction the read does.
  const checkRef = !isDeferred(db);
  // The seals (WebCrypto) run while the database answers. Who filed it is sealed too, with a tag.
  const sealing = sealDetails(sealer, report.details);
  const reporter = await sealReporter(sealer, ctx.user.id);
  let plan = await planCase(db, commune, checkRef ? ref : null, sourceKey, reporter.reporterTag, world);
  while (plan.refTaken) {
    ref = newCaseRef(); // the random reference was taken: draw another
    plan = await planCase(db, commune, ref, sourceKey, reporter.reporterTag, world);
  }
  if (plan.existingId !== null) {
    const [existing] = await db.select().from(cases).where(eq(cases.id, plan.existingId)).limit(1);
    if (existing) return { row: existing, recipients: [], created: false };
  }
  const { routedTo, recipients, langs } = plan;
  const values = {
    id: plan.nextId,
    ref,
    sourceKey,
    receivedAt: ctx.at,
    status: 'received',
    emergency: report.emergency,
    ageBand: report.ageBand,
    communeCode: commune?.code ?? null,
    provinceCode: commune?.province_code ?? null,
    routedTo,
    world,
    channel: ctx.inc.channel,
    // Nobody at the commune: the case starts one step up at once (province, else the national queue).
    level: levelOfRoute(routedTo),
    assignedAt: ctx.at,
    legacyReporterUserId: 0,
    ...reporter,
    anonymous: report.details.contact === null,
    ...(await sealing),
    updatedAt: ctx.at,
  } satisfies typeof cases.$inferInsert;
  await db.insert(cases).values(values);
  rememberReporter(ref, ctx.user.id);
  const filed = asRow(values);
  // The actor is `reporter`, never `user:<id>`: the audit row must not tie the case to a chat.
  await ctx.audit('case.created', filed.id, {
    ref: filed.ref,
    routedTo,
    level: filed.level,
    recipients: recipients.map((o) => o.id),
    emergency: filed.emergency,
    communeCode: filed.communeCode,
  }, REPORTER_ACTOR);
  const notices = await caseMessages(db, sealer, filed, recipients, config.TZ_REGION, ctx.at, { kind: 'case', key: 'notify' }, asStored(report.details), langs);
  for (const m of notices) ctx.notify(m);
  return { row: filed, recipients, created: true };
}

/** The row as the insert of `values` stores it: every other column at its default, or null. */
function asRow(values: typeof cases.$inferInsert): CaseRow {
  const row: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(cases))) {
    const given = (values as Record<string, unknown>)[key];
    row[key] = given !== undefined ? given : column.default !== undefined ? column.default : null;
  }
  return row as CaseRow;
}

interface CasePlan {
  routedTo: 'officer' | 'supervisor' | 'unrouted';
  recipients: OfficerRow[];
  langs: Lang[];
  nextId: number;
  refTaken: boolean;
  existingId: number | null;
}

/** planCase's two reads: the ids (and whether `ref` is taken, when one is given), and the officers with their languages. */
function planQueries(db: Db, commune: CommuneRef | undefined, ref: string | null, sourceKey: string, world: CaseWorld) {
  const ids = db
    .select({
      nextId: sql<number>`coalesce(max(${cases.id}), 0) + 1`,
      refTaken: ref === null ? sql<number>`0` : sql<number>`(select count(*) from ${cases} where ${cases.ref} = ${ref})`,
      existingId: sql<number | null>`(select ${cases.id} from ${cases} where ${cases.sourceKey} = ${sourceKey})`,
    })
    .from(cases);
  const who = db
    .select({ officer: officers, lang: users.lang })
    .from(officers)
    .leftJoin(users, and(eq(users.channel, officers.channel), eq(users.channelUserId, officers.channelUserId)))
    .where(commune ? routeCondition(commune.code, commune.province_code, world) : sql`0`)
    .orderBy(officers.id);
  return [ids, who] as const;
}

/**
 * The statements `fileCase` reads in a batched update for this commune and this update (its dedupe
 * key): the engine may send them ahead with the update's first read (core/prefetch.ts).
 */
export function casePlanReads(db: Db, commune: CommuneRef | undefined, sourceKey: string, world: CaseWorld): InStatement[] {
  return planQueries(db, commune, null, sourceKey, world).map(statementOf);
}

/** What filing a case needs to know, read in one batch (one round trip to a remote database). */
async function planCase(db: Db, commune: CommuneRef | undefined, ref: string | null, sourceKey: string, reporterTag: string, world: CaseWorld): Promise<CasePlan> {
  const [ids, who] = planQueries(db, commune, ref, sourceKey, world);
  const [[counts], rows] = await readBatch(db, ids, who);
  const langOf = new Map(rows.map((r) => [r.officer.id, (r.lang === 'en' ? 'en' : 'vi') as Lang]));
  // Demo officers are no coverage for a real case: a web demo officer counts only for its own
  // visitor's reports, so a commune whose only officers are demo ones routes one step up.
  const real = forReporter(rows.map((r) => r.officer), reporterTag);
  const route = commune ? pickRoute(real, commune.code, commune.province_code) : { routedTo: 'unrouted' as const, recipients: [] };
  return {
    ...route,
    langs: route.recipients.map((o) => langOf.get(o.id) ?? 'vi'),
    nextId: Number(counts!.nextId),
    refTaken: Number(counts!.refTaken) > 0,
    existingId: counts!.existingId === null ? null : Number(counts!.existingId),
  };
}

export interface CaseMessageOptions {
  kind: 'case' | 'escalation' | 'reminder';
  /** Dedupe key part: `case:<id>:<key>:<officerId>`. */
  key: string;
  /** A line above the case, e.g. why it was escalated; defaults to "new report". */
  header?: (t: (typeof reportsMessages)['vi'], lang: Lang) => string;
}

/** The full case message for each officer, in their language, with the action buttons. */
export async function caseMessages(
  db: Db,
  sealer: Sealer,
  row: CaseRow,
  recipients: OfficerRow[],
  tz: string,
  at: Date,
  opts: CaseMessageOptions,
  /** The case's details when the caller has them in hand (just sealed): saves opening them again. */
  known?: CaseDetails,
  /** Each recipient's language when the caller read it already: saves a query. */
  knownLangs?: Lang[],
): Promise<QueuedMessage[]> {
  if (!recipients.length) return [];
  const addresses: Address[] = recipients.map(officerAddress);
  const [details, langs] = await Promise.all([known ?? openDetails(sealer, row), knownLangs ?? langsOf(db, addresses)]);
  const out: QueuedMessage[] = [];
  for (const [i, o] of recipients.entries()) {
    const to = addresses[i]!;
    const t = reportsMessages[langs[i]!];
    const header = opts.header ? opts.header(t, langs[i]!) : fill(t.caseNew, { ref: row.ref });
    out.push({
      to,
      text: renderCase(t, row, details, tz, at, header),
      buttons: officerButtons(t, row),
      state: null,
      kind: opts.kind,
      caseId: row.id,
      dedupeKey: `case:${row.id}:${opts.key}:${o.id}`,
    });
  }
  return out;
}
