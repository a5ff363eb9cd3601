// A case's history for the dashboard: milestones from the case row, the audit log with readable actors,
// and the messages it caused (channel, kind and delivery state; never their text).
import { asc, eq, inArray } from 'drizzle-orm';
import { REPORTER_ACTOR } from '../cases/reporter-link';
import type { Db } from '../db/db';
import { auditLog, officers, outbox } from '../db/schema';
import type { CaseRow } from '../cases/clocks';
import { fill } from '../core/messages';
import { adminText as t } from './messages';
import { statusText } from './views/format';
import { officerLevel } from '../cases/levels';
import { clockLabel, type ClockName } from '../cases/clocks';
import { reportsMessages } from '../reports/messages';

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

/** A short, non-personal reading of an audit detail, in words: status change, level, reason, risk, agency. */
function noteOf(detail: string | null): string {
  if (!detail) return '';
  try {
    const d = JSON.parse(detail) as Record<string, unknown>;
    const parts: string[] = [];
    const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
    const from = str(d.from);
    const to = str(d.to);
    if (from && to && t.levelWords[from] && t.levelWords[to]) parts.push(`${t.levelWords[from]} → ${t.levelWords[to]}`);
    else if (from && to && /^\d{5}$/.test(to)) parts.push(`xã/phường ${from} → ${to}`);
    else if (from && to && from !== to) parts.push(`${statusText(from)} → ${statusText(to)}`);
    const level = str(d.level);
    if (level && t.levelWords[level] && !(from && t.levelWords[from])) parts.push(t.levelWords[level]);
    if (typeof d.via === 'string') parts.push(d.via === 'admin' ? 'bảng điều khiển' : d.via === 'chat' ? 'tin nhắn' : d.via === 'invite' ? 'mã mời' : d.via === 'import' ? 'nhập danh bạ' : '');
    const reason = str(d.reason);
    if (reason) {
      const key = reason.split('@')[0]!;
      parts.push(t.reasonWords[key] ?? t.closeWords[key] ?? reason);
    }
    const risk = str(d.risk);
    if (risk && t.riskWords[risk]) parts.push(t.riskWords[risk]);
    const agency = str(d.agency);
    if (agency && t.agencyWords[agency]) parts.push(t.agencyWords[agency]);
    if (Array.isArray(d.skipped) && d.skipped.length) parts.push(`không thực hiện: ${d.skipped.map((n) => clockLabel(reportsMessages.vi, n as ClockName)).join('; ')}`);
    if (d.demo === true) parts.push('dữ liệu demo');
    return parts.filter(Boolean).join(', ');
  } catch {
    return '';
  }
}

export async function auditTrail(db: Db, row: CaseRow): Promise<AuditEntry[]> {
  const rows = await db.select().from(auditLog).where(eq(auditLog.caseId, row.id)).orderBy(asc(auditLog.at), asc(auditLog.id));
  const officerIds = rows.map((r) => /^officer:(\d+)$/.exec(r.actor)?.[1]).filter((x): x is string => !!x).map(Number);
  const known = new Map(
    officerIds.length
      ? (await db.select({ id: officers.id, name: officers.name, role: officers.role, communeCode: officers.communeCode }).from(officers).where(inArray(officers.id, officerIds))).map((o) => [o.id, o])
      : [],
  );
  return rows.map((r) => ({ at: r.at, actor: actorName(r.actor, known), action: t.actions[r.action] ?? t.actionOther, note: noteOf(r.detail) }));
}

/** Who acted, by role in words: the commune officer, the provincial supervisor, the national level, the reporter. */
export function actorName(actor: string, officerRows: Map<number, { name: string; role: string; communeCode: string }>): string {
  if (actor === 'system') return t.actorSystem;
  if (actor.startsWith('admin:')) return t.actorNational;
  const officer = /^officer:(\d+)$/.exec(actor);
  if (officer) {
    const o = officerRows.get(Number(officer[1]));
    if (!o) return fill(t.actorOfficer, { id: officer[1]! });
    return fill(officerLevel(o) === 'province' ? t.actorProvinceOfficer : t.actorCommuneOfficer, { name: o.name });
  }
  // The reporter's own actions are stored as `reporter`, never with their user id (cases/reporter-link.ts).
  if (actor === REPORTER_ACTOR) return t.actorReporter;
  const user = /^user:(\d+)$/.exec(actor);
  if (user) return fill(t.actorUser, { id: user[1]! });
  return t.actionOther;
}

export async function caseMessagesOf(db: Db, caseId: number): Promise<CaseMessage[]> {
  return db
    .select({ id: outbox.id, at: outbox.createdAt, channel: outbox.channel, kind: outbox.kind, status: outbox.status, attempts: outbox.attempts, sentAt: outbox.sentAt })
    .from(outbox)
    .where(eq(outbox.caseId, caseId))
    .orderBy(asc(outbox.createdAt), asc(outbox.id));
}

/** Each event actor in words (by role), for the work history. */
export async function eventActors(db: Db, row: CaseRow, actors: string[]): Promise<Map<string, string>> {
  const ids = [...new Set(actors.map((a) => /^officer:(\d+)$/.exec(a)?.[1]).filter((x): x is string => !!x).map(Number))];
  const known = new Map(
    ids.length
      ? (await db.select({ id: officers.id, name: officers.name, role: officers.role, communeCode: officers.communeCode }).from(officers).where(inArray(officers.id, ids))).map((o) => [o.id, o])
      : [],
  );
  return new Map(actors.map((a) => [a, actorName(a, known)]));
}
