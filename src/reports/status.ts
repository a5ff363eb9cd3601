// `/status BV-…` for the reporter: plain words, only from the chat that filed it, never the officer's identity.
import type { Ctx } from '../core/context';
import { fill } from '../core/messages';
import { findCaseByRef } from './cases';
import { formatDateTime } from './clocks';
import { reportsMessages } from './messages';
import { parseCaseRef } from './ref';
import { reporterStatus } from './render';

export async function reporterStatusCommand(ctx: Ctx, arg: string): Promise<void> {
  const t = reportsMessages[ctx.lang];
  if (!arg) {
    ctx.reply(t.statusUsage);
    return;
  }
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
