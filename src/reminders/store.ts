// Database access for reminders: the directory, sent keys, done marks and mutes, each in one query.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Lang } from '../core/types';
import type { Db } from '../db/db';
import { officers, reminderDone, reminderMutes, reminderSends, users } from '../db/schema';
import { doneKey, type Recipient, type Reminder, type Step } from './schedule';

/** SQLite allows 32,766 bound values per statement; 8 columns × 1,000 rows stays well below. */
const BATCH = 1000;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Active officers and supervisors, with the language they chose in the bot (Vietnamese by default). */
export async function loadRecipients(db: Db, where?: { channel: string; channelUserId: string }): Promise<Recipient[]> {
  // Plain SQL: the whole directory (6,700 rows) is read every daytime tick, and row mapping dominated.
  const rows = await db.all<{ id: number; role: string; commune_code: string; province_code: string; channel: string; channel_user_id: string; lang: string | null }>(sql`
    select o.id, o.role, o.commune_code, o.province_code, o.channel, o.channel_user_id, u.lang
    from ${officers} o left join ${users} u on u.channel = o.channel and u.channel_user_id = o.channel_user_id
    where o.active = 1 ${where ? sql`and o.channel = ${where.channel} and o.channel_user_id = ${where.channelUserId}` : sql``}`);
  return rows.map((r) => ({
    id: String(r.id),
    role: r.role,
    communeCode: r.commune_code,
    provinceCode: r.province_code,
    channel: r.channel,
    channelUserId: r.channel_user_id,
    lang: (r.lang === 'en' ? 'en' : 'vi') as Lang,
  }));
}

export async function loadMuted(db: Db): Promise<Set<string>> {
  const rows = await db.select({ ruleId: reminderMutes.ruleId }).from(reminderMutes).where(eq(reminderMutes.muted, true));
  return new Set(rows.map((r) => r.ruleId));
}

/** Switches a rule's reminders off (or back on). Nothing is sent for a muted rule. */
export async function muteRule(db: Db, ruleId: string, muted: boolean, at: Date): Promise<void> {
  await db
    .insert(reminderMutes)
    .values({ ruleId, muted, updatedAt: at })
    .onConflictDoUpdate({ target: reminderMutes.ruleId, set: { muted, updatedAt: at } });
}

/** The keys already sent for the given steps (`rule|period|lead`). */
export async function loadSentKeys(db: Db, steps: readonly Step[]): Promise<Set<string>> {
  const sent = new Set<string>();
  for (const part of chunks(steps.map((s) => s.id), BATCH)) {
    const rows = await db.select({ key: reminderSends.key }).from(reminderSends).where(inArray(reminderSends.step, part));
    for (const r of rows) sent.add(r.key);
  }
  return sent;
}

/** Done marks (`rule|period|officer`) for the rules and periods of the given steps. */
export async function loadDone(db: Db, pairs: ReadonlyArray<{ ruleId: string; period: string }>, officerId?: string): Promise<Set<string>> {
  const done = new Set<string>();
  if (pairs.length === 0) return done;
  const wanted = new Set(pairs.map((p) => `${p.ruleId}|${p.period}`));
  const rows = await db
    .select({ ruleId: reminderDone.ruleId, period: reminderDone.period, officerId: reminderDone.officerId })
    .from(reminderDone)
    .where(
      and(
        inArray(reminderDone.ruleId, [...new Set(pairs.map((p) => p.ruleId))]),
        inArray(reminderDone.period, [...new Set(pairs.map((p) => p.period))]),
        officerId ? eq(reminderDone.officerId, Number(officerId)) : undefined,
      ),
    );
  for (const r of rows) {
    if (wanted.has(`${r.ruleId}|${r.period}`)) done.add(doneKey(r.ruleId, r.period, String(r.officerId)));
  }
  return done;
}

/**
 * Records sends; returns the keys that were new (a concurrent tick may have taken the others).
 * Rows travel as one JSON parameter per 5,000 (json_each): a national tick writes tens of thousands,
 * and per-value binding costs more than SQLite's own insert.
 */
export async function recordSends(db: Db, reminders: readonly Reminder[], at: Date): Promise<Set<string>> {
  const fresh = new Set<string>();
  const sentAt = at.getTime();
  for (const part of chunks(reminders, 5000)) {
    const rows = part.map((r) => [r.key, `${r.ruleId}|${r.period}|${r.lead}`, r.ruleId, r.period, Number(r.recipient.id), r.lead, r.due]);
    const result = await db.all<{ key: string }>(sql`
      insert into ${reminderSends} (key, step, rule_id, period, officer_id, lead, due, sent_at)
      select value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, ${sentAt}
      from json_each(${JSON.stringify(rows)}) where true
      on conflict (key) do nothing
      returning key`);
    for (const r of result) fresh.add(r.key);
  }
  return fresh;
}

/** Marks a period done for these officers; returns how many marks are new. */
export async function markDone(
  db: Db,
  mark: { ruleId: string; period: string; officerIds: readonly string[]; at: Date; byUserId?: number },
): Promise<number> {
  if (mark.officerIds.length === 0) return 0;
  const rows = await db
    .insert(reminderDone)
    .values(mark.officerIds.map((id) => ({ ruleId: mark.ruleId, period: mark.period, officerId: Number(id), at: mark.at, byUserId: mark.byUserId ?? null })))
    .onConflictDoNothing()
    .returning({ officerId: reminderDone.officerId });
  return rows.length;
}

/** Who marked a rule/period done (for the admin view: who has submitted). */
export async function doneFor(db: Db, ruleId: string, period: string): Promise<Array<{ officerId: number; at: Date }>> {
  return db
    .select({ officerId: reminderDone.officerId, at: reminderDone.at })
    .from(reminderDone)
    .where(and(eq(reminderDone.ruleId, ruleId), eq(reminderDone.period, period)))
    .orderBy(sql`${reminderDone.at}`);
}
