// "xem tình trạng" / `/status [BV-…]` for the reporter: plain words, only from the chat that filed it,
// never the officer's identity. Without a reference it answers for this chat's own reports.
import type { Ctx } from '../core/context';
import { coveringRow, officerRowsOf } from '../directory/officers';
import { findCaseByRef } from './cases';
import { showCase } from './officer';
import { answerStatus } from './reporter';
import { parseCaseRef } from './ref';
import { filedBy, reporterTags } from './reporter-link';

export async function reporterStatusCommand(ctx: Ctx, arg: string): Promise<void> {
  const ref = arg ? parseCaseRef(arg) : null;
  if (ref) return answerCode(ctx, ref);
  return answerStatus(ctx, arg ? arg.slice(0, 20) : null);
}

/**
 * A case code from a chat: the officer who covers that case sees the case (as with `/case`), whatever
 * role their chat was first given; anyone else hears the status of their own report, and someone
 * else's code looks exactly like an unknown one.
 */
export async function answerCode(ctx: Ctx, ref: string, opts: { danger?: boolean } = {}): Promise<void> {
  const row = await findCaseByRef(ctx.deps.db, ref);
  if (row && !filedBy(row, await reporterTags(ctx.deps.sealer, ctx.user.id))) {
    const rows = await officerRowsOf(ctx.deps.db, { channel: ctx.inc.channel, userId: ctx.inc.userId });
    if (coveringRow(rows, row)) return showCase(ctx, row.ref);
  }
  return answerStatus(ctx, ref, opts);
}
