// "xem tình trạng" / `/status BV-…` for the reporter: plain words, only from the chat that filed it,
// never the officer's identity. Without a reference it answers for this chat's own reports.
import { desc, eq } from 'drizzle-orm';
import type { Ctx } from '../core/context';
import { fill } from '../core/messages';
import type { Button } from '../core/types';
import { cases } from '../db/schema';
import { findCaseByRef } from './cases';
import { formatDateTime } from './clocks';
import { reportsMessages, type ReportsCatalogue } from './messages';
import { parseCaseRef } from './ref';
import { reporterStatus } from './render';

/** How many of a chat's own reports a bare "xem tình trạng" offers. */
const OWN_REPORTS_SHOWN = 5;

/** The button that asks for one report's status (after filing, and in the list of one's reports). */
export function statusButton(t: ReportsCatalogue, ref: string, withRef = false): Button {
  return { label: withRef ? fill(t.statusButtonRef, { ref }) : t.statusButton, payload: `status:${ref}` };
}

export async function reporterStatusCommand(ctx: Ctx, arg: string): Promise<void> {
  const t = reportsMessages[ctx.lang];
  if (!arg) return ownReports(ctx, t);
  const ref = parseCaseRef(arg);
  const row = ref ? await findCaseByRef(ctx.deps.db, ref) : undefined;
  // Someone else's reference looks exactly like an unknown one.
  if (!row || row.reporterUserId !== ctx.user.id) {
    ctx.reply(fill(t.statusNotFound, { ref: ref ?? arg.slice(0, 20) }));
    return;
  }
  await ctx.audit('case.status_viewed', row.id);
  ctx.reply(
    fill(t.statusLine, {
      ref: row.ref,
      receivedAt: formatDateTime(row.receivedAt, ctx.deps.config.TZ_REGION),
      status: reporterStatus(t, row),
    }),
  );
}

/** "xem tình trạng" with no reference: the one report of this chat, or a button per report. */
async function ownReports(ctx: Ctx, t: ReportsCatalogue): Promise<void> {
  const rows = await ctx.deps.db
    .select({ ref: cases.ref })
    .from(cases)
    .where(eq(cases.reporterUserId, ctx.user.id))
    .orderBy(desc(cases.receivedAt))
    .limit(OWN_REPORTS_SHOWN);
  if (rows.length === 0) {
    ctx.reply(t.statusUsage);
    return;
  }
  if (rows.length === 1) return reporterStatusCommand(ctx, rows[0]!.ref);
  ctx.reply(t.statusPick, rows.map((r) => statusButton(t, r.ref, true)));
}
