// Database access for reminders: the directory, sent keys, done marks and mutes, each in one query.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Lang } from '../core/types';
import type { Db } from '../db/db';
import { officers, reminderDone, reminderMutes, reminderSends, users } from '../db/schema';
import { doneKey, type Recipient, type Reminder } from './schedule';

/** Steps per sent-officers query (a tick has a handful; this only bounds a pathological rule set). */
const BATCH = 1000;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Active officers and supervisors, with the language they chose in the bot (Vietnamese by default). */
export async function loadRecipients(db: Db, where?: { channel: string; channelUserId: string }): Promise<Recipient[]> {
  // The whole directory (6,700 rows) is read every daytime tick. It comes back as one JSON text: the
  // driver's per-row, per-column objects cost ten times more than SQLite building the JSON.
  const rows = await db.all<{ j: string }>(sql`
    select json_group_array(json_array(o.id, o.role, o.commune_code, o.province_code, o.channel, o.channel_user_id, u.lang)) as j
    from ${officers} o left join ${users} u on u.channel = o.channel and u.channel_user_id = o.channel_user_id
    where o.active = 1 ${where ? sql`and o.channel = ${where.channel} and o.channel_user_id = ${where.channelUserId}` : sql``}`);
  const list = JSON.parse(rows[0]?.j ?? '[]') as Array<[number, string, string, string, string, string, string | null]>;
  return list.map(([id, role, communeCode, provinceCode, channel, channelUserId, lang]) => ({
    id: String(id),
    role,
    communeCode,
    provinceCode,
    channel,
    channelUserId,
    lang: (lang === 'en' ? 'en' : 'vi') as Lang,
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

/** For each of the given steps (`rule|period|lead`), the ids of the officers it was already sent to. */
export async function loadSentOfficers(db: Db, stepIds: readonly string[]): Promise<Map<string, Set<string>>> {
  const sent = new Map<string, Set<string>>();
  for (const part of chunks([...new Set(stepIds)], BATCH)) {
    // One row per step with its officers as a JSON array (see loadRecipients), through reminder_sends_step.
    const rows = await db.all<{ step: string; ids: string }>(sql`
      select step, json_group_array(officer_id) as ids from ${reminderSends}
      where step in (select value from json_each(${JSON.stringify(part)})) group by step`);
    for (const r of rows) sent.set(r.step, new Set((JSON.parse(r.ids) as number[]).map(String)));
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

/** Reminders grouped by step (`rule|period|lead`), in order of appearance. */
function byStep(reminders: readonly Reminder[]): Map<string, Reminder[]> {
  const groups = new Map<string, Reminder[]>();
  let prev: Reminder | undefined;
  let list: Reminder[] = [];
  for (const r of reminders) {
    // A plan lists each step's reminders together: only a change of step costs a key and a lookup.
    if (!prev || r.ruleId !== prev.ruleId || r.period !== prev.period || r.lead !== prev.lead) {
      const step = `${r.ruleId}|${r.period}|${r.lead}`;
      const known = groups.get(step);
      if (known) list = known;
      else groups.set(step, (list = []));
    }
    list.push(r);
    prev = r;
  }
  return groups;
}

/**
 * Inserts one step's sends: what is the same for the whole step is bound once, and only the key and
 * the officer travel per row, as one JSON parameter (json_each): a national tick writes tens of
 * thousands, and per-value binding costs more than SQLite's own insert. Sorted by key, the rows go
 * into the key index in order.
 */
function insertStep(step: string, part: readonly Reminder[], sentAt: number, returning: boolean) {
  const first = part[0]!;
  const rows = part.map((r) => [r.key, Number(r.recipient.id)] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return sql`
    insert into ${reminderSends} (key, step, rule_id, period, officer_id, lead, due, sent_at)
    select value ->> 0, ${step}, ${first.ruleId}, ${first.period}, value ->> 1, ${first.lead}, ${first.due}, ${sentAt}
    from json_each(${JSON.stringify(rows)}) where true
    on conflict (key) do nothing${returning ? sql` returning key` : sql``}`;
}

/** Records sends; returns the keys that were new (a concurrent tick may have taken the others). */
export async function recordSends(db: Db, reminders: readonly Reminder[], at: Date): Promise<Set<string>> {
  const fresh = new Set<string>();
  for (const [step, list] of byStep(reminders)) {
    for (const part of chunks(list, 5000)) {
      for (const r of await db.all<{ key: string }>(insertStep(step, part, at.getTime(), true))) fresh.add(r.key);
    }
  }
  return fresh;
}

/**
 * `recordSends` for a caller inside a write transaction (BEGIN IMMEDIATE, as `withTransaction` opens):
 * nobody else can write meanwhile, so it need not have every inserted key returned as a row (13,000
 * rows on a national tick). Usually every send is new, which the count of written rows proves; when
 * some were already taken (overlapping ticks), it undoes its insert and writes only the others.
 */
export async function recordSendsLocked(tx: Db, reminders: readonly Reminder[], at: Date): Promise<Set<string>> {
  const groups = byStep(reminders);
  const keys = new Set(reminders.map((r) => r.key));
  await tx.run(sql.raw('savepoint record_sends'));
  let written = 0;
  for (const [step, list] of groups) {
    for (const part of chunks(list, 5000)) written += (await tx.run(insertStep(step, part, at.getTime(), false))).rowsAffected;
  }
  if (written === keys.size) {
    await tx.run(sql.raw('release record_sends'));
    return keys;
  }
  await tx.run(sql.raw('rollback to record_sends'));
  await tx.run(sql.raw('release record_sends'));
  const fresh = new Set<string>();
  for (const [step, list] of groups) {
    for (const part of chunks(list, 5000)) {
      const [row] = await tx.all<{ taken: string }>(sql`
        select json_group_array(key) as taken from ${reminderSends}
        where key in (select value from json_each(${JSON.stringify(part.map((r) => r.key))}))`);
      const taken = new Set(JSON.parse(row?.taken ?? '[]') as string[]);
      const todo = part.filter((r) => !taken.has(r.key));
      if (todo.length === 0) continue;
      const wrote = (await tx.run(insertStep(step, todo, at.getTime(), false))).rowsAffected;
      const expected = new Set(todo.map((r) => r.key)).size;
      // Fewer rows than that means another writer got in: not a write transaction. Roll back rather than
      // risk sending a reminder twice.
      if (wrote !== expected) throw new Error(`recordSendsLocked: wrote ${wrote} of ${expected} sends (not inside a write transaction?)`);
      for (const r of todo) fresh.add(r.key);
    }
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
