// Cases: filing a confirmed report (sealed, routed, audited, notified) and finding one by reference.
import { eq } from 'drizzle-orm';
import type { Ctx } from '../core/context';
import { fill } from '../core/messages';
import type { Address } from '../core/types';
import type { Db } from '../db/db';
import { cases } from '../db/schema';
import type { QueuedMessage } from '../outbox/outbox';
import type { Sealer } from './crypto';
import type { CaseRow } from './clocks';
import { asStored, openDetails, sealDetails, type CaseDetails } from './details';
import { reportsMessages } from './messages';
import { forReporter, officerAddress, routeFor, type OfficerRow } from './officers';
import { langsOf } from './recipients';
import { newCaseRef } from './ref';
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

export async function findCaseByRef(db: Db, ref: string): Promise<CaseRow | undefined> {
  const [row] = await db.select().from(cases).where(eq(cases.ref, ref)).limit(1);
  return row;
}

/**
 * Files the case inside the update's transaction: the row, the audit entry and the officers'
 * notifications commit together, so nothing is sent for a case that was not stored.
 */
export async function fileCase(ctx: Ctx, report: NewCase): Promise<Filed> {
  const { db, sealer, config } = ctx.deps;
  const sourceKey = ctx.inc.dedupeKey ?? `local:${ctx.inc.channel}:${ctx.user.id}:${ctx.at.getTime()}:${crypto.randomUUID()}`;
  const commune = report.details.place.commune;
  // The seals (WebCrypto) run while the officers are looked up.
  const [sealed, route] = await Promise.all([
    sealDetails(sealer, report.details),
    commune ? routeFor(db, commune.code, commune.province_code) : { routedTo: 'unrouted' as const, recipients: [] },
  ]);
  const routedTo = route.routedTo;
  const recipients = forReporter(route.recipients, ctx.user.id);

  // One statement instead of "is this update's case filed? is this ref free? insert": a repeated
  // delivery or a taken ref is a unique conflict that inserts nothing, and is told apart after.
  let filed: CaseRow | undefined;
  while (!filed) {
    [filed] = await db
      .insert(cases)
      .values({
        ref: newCaseRef(),
        sourceKey,
        receivedAt: ctx.at,
        status: 'received',
        emergency: report.emergency,
        ageBand: report.ageBand,
        communeCode: commune?.code ?? null,
        provinceCode: commune?.province_code ?? null,
        routedTo,
        reporterUserId: ctx.user.id,
        anonymous: report.details.contact === null,
        ...sealed,
        updatedAt: ctx.at,
      })
      .onConflictDoNothing()
      .returning();
    if (!filed) {
      const [existing] = await db.select().from(cases).where(eq(cases.sourceKey, sourceKey)).limit(1);
      if (existing) return { row: existing, recipients: [], created: false };
      // Otherwise the random ref was taken: draw another.
    }
  }
  await ctx.audit('case.created', filed.id, {
    ref: filed.ref,
    routedTo,
    recipients: recipients.map((o) => o.id),
    emergency: filed.emergency,
    communeCode: filed.communeCode,
  });
  const notices = await caseMessages(db, sealer, filed, recipients, config.TZ_REGION, ctx.at, { kind: 'case', key: 'notify' }, asStored(report.details));
  for (const m of notices) ctx.notify(m);
  return { row: filed, recipients, created: true };
}

export interface CaseMessageOptions {
  kind: 'case' | 'escalation' | 'reminder';
  /** Dedupe key part: `case:<id>:<key>:<officerId>`. */
  key: string;
  /** A line above the case, e.g. why it was escalated; defaults to "new report". */
  header?: (t: (typeof reportsMessages)['vi']) => string;
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
): Promise<QueuedMessage[]> {
  if (!recipients.length) return [];
  const addresses: Address[] = recipients.map(officerAddress);
  const [details, langs] = await Promise.all([known ?? openDetails(sealer, row), langsOf(db, addresses)]);
  const out: QueuedMessage[] = [];
  for (const [i, o] of recipients.entries()) {
    const to = addresses[i]!;
    const t = reportsMessages[langs[i]!];
    const header = opts.header ? opts.header(t) : fill(t.caseNew, { ref: row.ref });
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
