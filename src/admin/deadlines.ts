// Deadlines: reporting deadlines and events coming up (from the reminders rules), who in scope has pressed
// "Đã nộp báo cáo" for each, and the legal clocks of open cases that fall due soon.
import { and, eq, inArray, like } from 'drizzle-orm';
import type { Db } from '../db/db';
import { auditLog, officers, reminderDone } from '../db/schema';
import { addDays, localDate } from '../reminders/dates';
import { occurrencesBetween, type Occurrence } from '../reminders/occurrences';
import { RULES } from '../reminders/rules.generated';
import type { RuleSpec } from '../reminders/schema';
import { matchesAudience, type Recipient } from '../reminders/schedule';
import { loadRecipients } from '../reminders/store';
import type { AdminUser } from './auth';

export const DEADLINE_DAYS = 60;

/** Who marked a unit "đã nộp": the officer with the reminder's button, or staff on the dashboard (audit actor). */
export type MarkedBy = { via: 'chat' } | { via: 'dashboard'; actor: string };

export interface DeadlineItem {
  rule: RuleSpec;
  occurrence: Occurrence;
  /** People in scope the rule is for. */
  audience: number;
  done: Array<{ officerId: number; name: string; communeCode: string; at: Date }>;
  /** Everyone in scope who must submit, each with their "Đã nộp" mark (null: not yet). */
  units: Array<{ officerId: number; communeCode: string; done: Date | null; markedBy: MarkedBy | null }>;
}

function inScope(user: AdminUser, r: Recipient): boolean {
  if (user.role === 'province') return r.provinceCode === user.scopeCode;
  if (user.role === 'commune') return r.communeCode === user.scopeCode;
  return true;
}

export async function upcomingDeadlines(db: Db, user: AdminUser, at: Date, tz: string, rules: readonly RuleSpec[] = RULES): Promise<DeadlineItem[]> {
  const today = localDate(at, tz);
  const recipients = (await loadRecipients(db)).filter((r) => inScope(user, r));
  const items: DeadlineItem[] = [];
  for (const rule of rules) {
    const audience = recipients.filter((r) => matchesAudience(rule, r));
    // National staff see every rule; others only the rules that concern someone in their area.
    if (!audience.length && user.role !== 'national') continue;
    const back = rule.kind === 'deadline' ? (rule.overdue?.max ?? 0) : 0;
    for (const occurrence of occurrencesBetween(rule, addDays(today, -back), addDays(today, DEADLINE_DAYS))) {
      items.push({ rule, occurrence, audience: audience.length, done: [], units: audience.map((r) => ({ officerId: Number(r.id), communeCode: r.communeCode, done: null, markedBy: null })) });
    }
  }
  items.sort((a, b) => a.occurrence.due.localeCompare(b.occurrence.due) || a.rule.id.localeCompare(b.rule.id));
  if (!items.length) return items;
  const audienceIds = new Set(recipients.map((r) => Number(r.id)));
  const marks = await db
    .select({ ruleId: reminderDone.ruleId, period: reminderDone.period, officerId: reminderDone.officerId, at: reminderDone.at, byUserId: reminderDone.byUserId, name: officers.name, communeCode: officers.communeCode })
    .from(reminderDone)
    .innerJoin(officers, eq(officers.id, reminderDone.officerId))
    .where(and(inArray(reminderDone.ruleId, [...new Set(items.map((i) => i.rule.id))]), inArray(reminderDone.period, [...new Set(items.map((i) => i.occurrence.period))])))
    .orderBy(reminderDone.at);
  // Dashboard marks carry no chat user: who made them is in the audit trail.
  const byDashboard = new Map<string, string>();
  if (marks.some((m) => m.byUserId === null)) {
    for (const a of await db.select({ actor: auditLog.actor, detail: auditLog.detail }).from(auditLog).where(and(eq(auditLog.action, 'reminder.done'), like(auditLog.detail, '%"via":"dashboard"%')))) {
      const d = JSON.parse(a.detail ?? '{}') as { rule?: string; period?: string; officer?: number };
      byDashboard.set(`${d.rule}|${d.period}|${d.officer}`, a.actor);
    }
  }
  for (const item of items) {
    item.done = marks
      .filter((m) => m.ruleId === item.rule.id && m.period === item.occurrence.period && (user.role === 'national' || audienceIds.has(m.officerId)))
      .map((m) => ({ officerId: m.officerId, name: m.name, communeCode: m.communeCode, at: m.at }));
    for (const u of item.units) {
      const mark = marks.find((m) => m.ruleId === item.rule.id && m.period === item.occurrence.period && m.officerId === u.officerId);
      if (!mark) continue;
      u.done = mark.at;
      const actor = mark.byUserId === null ? byDashboard.get(`${mark.ruleId}|${mark.period}|${mark.officerId}`) : undefined;
      u.markedBy = mark.byUserId !== null ? { via: 'chat' } : { via: 'dashboard', actor: actor ?? 'admin:unknown' };
    }
  }
  return items;
}
