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
import { openDetails, sealDetails, type CaseDetails } from './details';
import { reportsMessages } from './messages';
import { communeOfficers, officerAddress, provinceSupervisors, type OfficerRow } from './officers';
import { langOf } from './recipients';
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

async function uniqueRef(db: Db): Promise<string> {
  for (;;) {
    const ref = newCaseRef();
    if (!(await findCaseByRef(db, ref))) return ref;
  }
}

/**
 * Files the case inside the update's transaction: the row, the audit entry and the officers'
 * notifications commit together, so nothing is sent for a case that was not stored.
 */
export async function fileCase(ctx: Ctx, report: NewCase): Promise<Filed> {
  const { db, sealer, config } = ctx.deps;
  const sourceKey = ctx.inc.dedupeKey ?? `local:${ctx.inc.channel}:${ctx.user.id}:${ctx.at.getTime()}:${crypto.randomUUID()}`;
  const [existing] = await db.select().from(cases).where(eq(cases.sourceKey, sourceKey)).limit(1);
  if (existing) return { row: existing, recipients: [], created: false };

  const commune = report.details.place.commune;
  let recipients: OfficerRow[] = [];
  let routedTo: 'officer' | 'supervisor' | 'unrouted' = 'unrouted';
  if (commune) {
    recipients = await communeOfficers(db, commune.code);
    if (recipients.length) routedTo = 'officer';
    else {
      recipients = await provinceSupervisors(db, commune.province_code);
      if (recipients.length) routedTo = 'supervisor';
    }
  }

  const sealed = await sealDetails(sealer, report.details);
  const [row] = await db
    .insert(cases)
    .values({
      ref: await uniqueRef(db),
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
    .returning();
  const filed = row!;
  await ctx.audit('case.created', filed.id, {
    ref: filed.ref,
    routedTo,
    recipients: recipients.map((o) => o.id),
    emergency: filed.emergency,
    communeCode: filed.communeCode,
  });
  for (const m of await caseMessages(db, sealer, filed, recipients, config.TZ_REGION, ctx.at, { kind: 'case', key: 'notify' })) {
    ctx.notify(m);
  }
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
): Promise<QueuedMessage[]> {
  if (!recipients.length) return [];
  const details = await openDetails(sealer, row);
  const out: QueuedMessage[] = [];
  for (const o of recipients) {
    const to: Address = officerAddress(o);
    const t = reportsMessages[await langOf(db, to)];
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
