// The Decree 56/2017 procedure with its content, for the chat and the dashboard alike: acknowledge,
// verification and assessment (note + risk, Art. 26), support plan (needs, actions, who, by when;
// Art. 28(1)), approval (who approved; Art. 28(4)), implementation notes, review (Art. 30), referral,
// and closing with a reason. Each step updates the case, records its content (sealed) and its audit
// entry, and returns the reporter's progress note for the caller to queue in the same transaction.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/db';
import { requireChanged } from '../db/deferred';
import { cases } from '../db/schema';
import type { QueuedMessage } from '../outbox/outbox';
import { auditAs } from './audit';
import { caseClocks, type CaseRow } from './clocks';
import type { Sealer } from '../ground/crypto';
import { reporterProgress } from './recipients';
import { recordEvent, type EventBody, type EventKind } from './events';
import type { Level } from './levels';

export interface Actor {
  /** As the audit log names it: officer:<id>, admin:token, … */
  name: string;
  level: Level;
}

export type StepResult =
  | { ok: true; row: CaseRow; messages: QueuedMessage[] }
  | { ok: false; why: 'closed' | 'already' | 'order' };

export const RISKS = ['low', 'medium', 'high'] as const;
export type Risk = (typeof RISKS)[number];
export const AGENCIES = ['police', 'health', 'legal', 'shelter'] as const;
export type Agency = (typeof AGENCIES)[number];
export const CLOSE_REASONS = ['safe', 'transferred', 'referred', 'unfounded', 'other'] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

export const isRisk = (v: string): v is Risk => (RISKS as readonly string[]).includes(v);
export const isAgency = (v: string): v is Agency => (AGENCIES as readonly string[]).includes(v);
export const isCloseReason = (v: string): v is CloseReason => (CLOSE_REASONS as readonly string[]).includes(v);

/** How far a case has come; a step never moves it backwards. */
const RANK: Record<string, number> = { received: 0, escalated: 0, acknowledged: 1, assessed: 2, plan: 3, closed: 4 };

type Changes = Partial<Omit<CaseRow, 'id' | 'ref'>>;

interface Deps {
  db: Db;
  sealer: Sealer;
}

/** A step's record in case_events (its body sealed). */
interface StepEvent {
  kind: EventKind;
  tag?: string | null;
  body?: EventBody;
}

/**
 * Reads first, then writes (so a batched update, db/deferred.ts, does it in its two round trips): the
 * reporter when they are to be told, then the step's event, the case, the audit entry. The case is
 * written only if it is still as read (its `updated_at`): an officer acting on it at the same moment
 * makes this update run again, and it then sees the step done.
 */
async function apply(
  { db, sealer }: Deps,
  row: CaseRow,
  status: string,
  changes: Changes,
  actor: Actor,
  action: string,
  at: Date,
  detail: Record<string, unknown> = {},
  event?: StepEvent,
): Promise<{ row: CaseRow; messages: QueuedMessage[] }> {
  const newStatus = (RANK[status] ?? 0) >= (RANK[row.status] ?? 0) ? status : row.status;
  const set = { ...changes, status: newStatus, updatedAt: at };
  const updated: CaseRow = { ...row, ...set };
  const note = updated.status !== row.status ? await reporterProgress(db, sealer, updated) : null;
  if (event) await recordEvent(db, sealer, { caseId: row.id, at, actor: actor.name, level: actor.level, ...event });
  await db.update(cases).set(set).where(and(eq(cases.id, row.id), eq(cases.updatedAt, row.updatedAt)));
  requireChanged(db);
  await auditAs(db, at, actor.name, action, row.id, { from: row.status, to: newStatus, level: actor.level, ...detail });
  return { row: updated, messages: note ? [note] : [] };
}

/** "Tiếp nhận": recorded with the level of whoever pressed it (a national admin is the national level). */
export async function acknowledge(deps: Deps, row: CaseRow, actor: Actor, at: Date): Promise<StepResult> {
  if (row.closedAt) return { ok: false, why: 'closed' };
  if (row.acknowledgedAt) return { ok: false, why: 'already' };
  return { ok: true, ...(await apply(deps, row, 'acknowledged', { acknowledgedAt: at, ackLevel: actor.level }, actor, 'case.ack', at)) };
}

export async function assess(deps: Deps, row: CaseRow, actor: Actor, at: Date, input: { note: string; risk: Risk }): Promise<StepResult> {
  if (row.closedAt) return { ok: false, why: 'closed' };
  if (row.assessedAt) return { ok: false, why: 'already' };
  const changes: Changes = { assessedAt: at, risk: input.risk, acknowledgedAt: row.acknowledgedAt ?? at, ackLevel: row.ackLevel ?? actor.level };
  const event: StepEvent = { kind: 'assessment', tag: input.risk, body: { note: input.note } };
  return { ok: true, ...(await apply(deps, row, 'assessed', changes, actor, 'case.verify', at, { risk: input.risk }, event)) };
}

export interface PlanInput {
  needs: string;
  actions: string;
  who: string;
  due: string;
}

export async function plan(deps: Deps, row: CaseRow, actor: Actor, at: Date, input: PlanInput): Promise<StepResult> {
  if (row.closedAt) return { ok: false, why: 'closed' };
  if (row.planAt) return { ok: false, why: 'already' };
  if (!row.assessedAt) return { ok: false, why: 'order' };
  return { ok: true, ...(await apply(deps, row, 'plan', { planAt: at }, actor, 'case.plan', at, {}, { kind: 'plan', body: { ...input } })) };
}

export async function approve(deps: Deps, row: CaseRow, actor: Actor, at: Date, input: { approver: string }): Promise<StepResult> {
  if (row.closedAt) return { ok: false, why: 'closed' };
  if (row.approvedAt) return { ok: false, why: 'already' };
  if (!row.planAt) return { ok: false, why: 'order' };
  return { ok: true, ...(await apply(deps, row, row.status, { approvedAt: at }, actor, 'case.approve', at, {}, { kind: 'approval', body: { approver: input.approver } })) };
}

/** An implementation note (what was done, with what result): recorded, the case does not move. */
export async function addNote(deps: Deps, row: CaseRow, actor: Actor, at: Date, note: string): Promise<StepResult> {
  if (row.closedAt) return { ok: false, why: 'closed' };
  return { ok: true, ...(await apply(deps, row, row.status, {}, actor, 'case.note', at, {}, { kind: 'note', body: { note } })) };
}

export async function review(deps: Deps, row: CaseRow, actor: Actor, at: Date, note: string): Promise<StepResult> {
  if (row.closedAt) return { ok: false, why: 'closed' };
  return { ok: true, ...(await apply(deps, row, row.status, { reviewedAt: at }, actor, 'case.review', at, {}, { kind: 'review', body: { note } })) };
}

/** Referral to police, health, legal aid or a shelter (Art. 31(3a) for the police), with a note. */
export async function refer(deps: Deps, row: CaseRow, actor: Actor, at: Date, input: { agency: Agency; note: string }): Promise<StepResult> {
  if (row.closedAt) return { ok: false, why: 'closed' };
  const event: StepEvent = { kind: 'referral', tag: input.agency, body: { note: input.note } };
  return { ok: true, ...(await apply(deps, row, row.status, {}, actor, 'case.referred', at, { agency: input.agency }, event)) };
}

/** The legal steps a case closes without: they read "không thực hiện" from now on. */
export function skippedAtClose(row: CaseRow, tz: string): string[] {
  return caseClocks({ ...row, closedAt: row.closedAt ?? new Date(0) }, tz)
    .filter((c) => c.outcome === 'skipped')
    .map((c) => c.name);
}

export async function close(deps: Deps, row: CaseRow, actor: Actor, at: Date, input: { reason: CloseReason; note?: string }, tz: string): Promise<StepResult> {
  if (row.closedAt) return { ok: false, why: 'closed' };
  const skipped = skippedAtClose(row, tz);
  const body: EventBody = input.note ? { note: input.note } : {};
  const event: StepEvent = { kind: 'close', tag: input.reason, body };
  return { ok: true, ...(await apply(deps, row, 'closed', { closedAt: at, closeReason: input.reason }, actor, 'case.close', at, { reason: input.reason, skipped }, event)) };
}
