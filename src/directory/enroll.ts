// `/dangky CODE`: an officer links their chat to the commune (or province) of a one-time invite, and
// takes over the commune's open cases that were waiting with the supervisor or unrouted.
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Ctx } from '../core/context';
import { fill } from '../core/messages';
import { hitsNow, overLimit } from '../core/rate-limit';
import { invites, officers, users } from '../db/schema';
import { invitesWorkingSince } from './directory';
import { unitInfo } from './units';
import { reportsMessages } from '../reports/messages';
import { rerouteOpenCases } from '../cases/reroute';

/**
 * Wrong `/dangky` codes (our choices, not rules). One account may get FAILURES_PER_ACCOUNT_PER_HOUR
 * wrong in an hour, then that account alone waits for the hour. Past FAILURES_PER_MINUTE wrong codes
 * from everyone together (many throwaway accounts), an account that already got one wrong this hour
 * waits too, but an account trying its first code is still answered: an officer typing the code they
 * were sent is never blocked by someone else's guessing, and a guesser gets one try per account.
 */
export const FAILURES_PER_MINUTE = 30;
export const FAILURES_PER_ACCOUNT_PER_HOUR = 5;
const FAILURES_KEY = 'enroll:failures';
const HOUR_MS = 3_600_000;

/** "7k3q 9m2p", "7K3Q9M2P" → "7K3Q-9M2P". */
export function parseInviteCode(text: string): string | null {
  const compact = text.trim().toUpperCase().replace(/[\s-]/g, '');
  return /^[A-Z0-9]{8}$/.test(compact) ? `${compact.slice(0, 4)}-${compact.slice(4)}` : null;
}

export async function enrollCommand(ctx: Ctx, arg: string): Promise<void> {
  const t = reportsMessages[ctx.lang];
  const { db } = ctx.deps;
  if (!arg) {
    ctx.reply(t.enrollUsage);
    return;
  }
  // A paused account is paused for every code, a valid one included (else the pause would tell right from wrong).
  const accountKey = `enroll:account:${ctx.user.id}`;
  const accountFailures = await hitsNow(db, accountKey, ctx.at, HOUR_MS);
  const flood = accountFailures > 0 && (await hitsNow(db, FAILURES_KEY, ctx.at)) >= FAILURES_PER_MINUTE;
  if (accountFailures >= FAILURES_PER_ACCOUNT_PER_HOUR || flood) {
    await ctx.audit('officer.enroll_paused', null, { scope: flood ? 'flood' : 'account' });
    ctx.reply(t.enrollPaused);
    return;
  }
  const code = parseInviteCode(arg);
  // Claiming the invite and using it happen in this update's transaction: a code works once, only
  // within INVITE_TTL_DAYS of being made, and not after it was revoked.
  const madeAfter = invitesWorkingSince(ctx.at, ctx.deps.config.INVITE_TTL_DAYS);
  const [invite] = code
    ? await db
        .update(invites)
        .set({ usedAt: ctx.at })
        .where(and(eq(invites.code, code), isNull(invites.usedAt), isNull(invites.revokedAt), gt(invites.createdAt, madeAfter)))
        .returning()
    : [];
  if (!invite) {
    // One answer for a wrong, used or expired code; the audit row says which (never the code itself).
    const [known] = code ? await db.select({ usedAt: invites.usedAt, revokedAt: invites.revokedAt }).from(invites).where(eq(invites.code, code)).limit(1) : [];
    const reason = !known ? 'unknown' : known.usedAt ? 'used' : known.revokedAt ? 'revoked' : 'expired';
    await ctx.audit('officer.enroll_failed', null, { reason });
    await overLimit(db, FAILURES_KEY, ctx.at, FAILURES_PER_MINUTE);
    await overLimit(db, accountKey, ctx.at, FAILURES_PER_ACCOUNT_PER_HOUR, HOUR_MS);
    ctx.reply(t.enrollInvalid);
    return;
  }
  const role = invite.role === 'supervisor' ? 'supervisor' : 'officer';
  const unit = await unitInfo(db, invite.communeCode);
  const viaServices = invite.communeCode.length === 5 ? await ctx.deps.services.commune?.(invite.communeCode) : undefined;
  const provinceCode = viaServices?.province_code ?? unit?.provinceCode ?? (invite.communeCode.length === 2 ? invite.communeCode : '');
  const place = viaServices ? `${viaServices.name}, ${viaServices.province_name}` : (unit?.name ?? invite.communeCode);

  const [officer] = await db
    .insert(officers)
    .values({
      communeCode: invite.communeCode,
      provinceCode,
      name: role === 'supervisor' ? 'Cán bộ phụ trách cấp tỉnh (mã mời)' : 'Cán bộ bảo vệ trẻ em (mã mời)',
      role,
      channel: ctx.inc.channel,
      channelUserId: ctx.inc.userId,
      active: true,
      createdAt: ctx.at,
    })
    .onConflictDoUpdate({
      target: [officers.channel, officers.channelUserId, officers.communeCode],
      set: { role, provinceCode, active: true },
    })
    .returning();
  await db.update(invites).set({ usedByOfficerId: officer!.id }).where(eq(invites.code, invite.code));
  if (ctx.user.role !== 'admin') await db.update(users).set({ role }).where(eq(users.id, ctx.user.id));
  await ctx.audit('officer.enrolled', null, { officerId: officer!.id, communeCode: invite.communeCode, role });
  // Cases filed while this commune had no officer come to them now, in this same transaction.
  const rerouted = await rerouteOpenCases(db, invite.communeCode, ctx.at, ctx.deps.config.TZ_REGION, 'invite');
  for (const m of rerouted.messages) ctx.notify(m);
  ctx.reply(fill(role === 'supervisor' ? t.enrolledSupervisor : t.enrolledOfficer, { place }));
}
