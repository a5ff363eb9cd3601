// A case's history for the dashboard: milestones from the case row, the audit log with readable actors,
// and the messages it caused (channel, kind and delivery state; never their text).
import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/db';
import { auditLog, officers, outbox } from '../db/schema';
import type { CaseRow } from '../reports/clocks';
import { fill } from '../core/messages';
import { adminText as t } from './messages';
import { statusText } from './views/format';

export interface AuditEntry {
  at: Date;
  actor: string;
  action: string;
  note: string;
}

export interface Milestone {
  key: keyof typeof t.milestone;
  at: Date;
}

export interface CaseMessage {
  id: number;
  at: Date;
  channel: string;
  kind: string;
  status: string;
  attempts: number;
  sentAt: Date | null;
}

export function milestones(row: CaseRow): Milestone[] {
  const list: Array<[Milestone['key'], Date | null]> = [
    ['received', row.receivedAt],
    ['acknowledged', row.acknowledgedAt],
    ['assessed', row.assessedAt],
    ['plan', row.planAt],
    ['approved', row.approvedAt],
    ['escalated', row.escalatedAt],
    ['closed', row.closedAt],
  ];
  return list.filter((m): m is [Milestone['key'], Date] => m[1] !== null).map(([key, at]) => ({ key, at })).sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** A short, non-personal reading of an audit detail: status change, channel of a view, reason. */
function noteOf(detail: string | null): string {
  if (!detail) return '';
  try {
    const d = JSON.parse(detail) as Record<string, unknown>;
    const parts: string[] = [];
    if (typeof d.from === 'string' && typeof d.to === 'string') parts.push(`${statusText(d.from)} → ${statusText(d.to)}`);
    if (typeof d.via === 'string') parts.push(d.via === 'admin' ? 'bảng điều khiển' : d.via === 'chat' ? 'tin nhắn' : d.via);
    if (typeof d.reason === 'string') parts.push(d.reason);
    if (d.demo === true) parts.push('dữ liệu demo');
    return parts.join(', ');
  } catch {
    return '';
  }
}

export async function auditTrail(db: Db, row: CaseRow): Promise<AuditEntry[]> {
  const rows = await db.select().from(auditLog).where(eq(auditLog.caseId, row.id)).orderBy(asc(auditLog.at), asc(auditLog.id));
  const officerIds = rows.map((r) => /^officer:(\d+)$/.exec(r.actor)?.[1]).filter((x): x is string => !!x).map(Number);
  const names = new Map(
    officerIds.length ? (await db.select({ id: officers.id, name: officers.name }).from(officers).where(inArray(officers.id, officerIds))).map((o) => [o.id, o.name]) : [],
  );
  return rows.map((r) => ({ at: r.at, actor: actorName(r.actor, row, names), action: t.actions[r.action] ?? r.action, note: noteOf(r.detail) }));
}

function actorName(actor: string, row: CaseRow, officerNames: Map<number, string>): string {
  if (actor === 'system') return t.actorSystem;
  if (actor === 'admin:token') return t.actorToken;
  const officer = /^officer:(\d+)$/.exec(actor);
  if (officer) return officerNames.get(Number(officer[1])) ?? fill(t.actorOfficer, { id: officer[1]! });
  const user = /^user:(\d+)$/.exec(actor);
  if (user) return Number(user[1]) === row.reporterUserId ? t.actorReporter : fill(t.actorUser, { id: user[1]! });
  return actor;
}

export async function caseMessagesOf(db: Db, caseId: number): Promise<CaseMessage[]> {
  return db
    .select({ id: outbox.id, at: outbox.createdAt, channel: outbox.channel, kind: outbox.kind, status: outbox.status, attempts: outbox.attempts, sentAt: outbox.sentAt })
    .from(outbox)
    .where(eq(outbox.caseId, caseId))
    .orderBy(asc(outbox.createdAt), asc(outbox.id));
}
