// Reports filed from one web chat address are limited per hour: the web chat has no account, and a
// fresh cookie is a fresh user, so without this one machine could bury a commune's officer in reports.
import type { Ctx } from '../core/context';
import { overLimit } from '../core/rate-limit';

const HOUR_MS = 3_600_000;

/** True when this update's address has already filed its allowance this hour (counts this try). */
export async function filingLimited(ctx: Ctx): Promise<boolean> {
  if (!ctx.inc.origin) return false;
  const over = await overLimit(ctx.deps.db, `file:${ctx.inc.origin}`, ctx.at, ctx.deps.config.WEB_ADDRESS_REPORTS_PER_HOUR, HOUR_MS);
  if (over) await ctx.audit('report.filing_limited', null, { channel: ctx.inc.channel });
  return over;
}
