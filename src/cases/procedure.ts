// The Decree 56/2017 procedure with its content, for the chat and the dashboard alike: acknowledge,
// verification and assessment (note + risk, Art. 26), support plan (needs, actions, who, by when;
// Art. 28(1)), approval (who approved; Art. 28(4)), implementation notes, review (Art. 30), referral,
// and closing with a reason. Each step updates the case, records its content (sealed) and its audit
// entry, and returns the reporter's progress note for the caller to queue in the same transaction.
import { eq } from 'drizzle-orm';
import type { Db } from '../db/db';
import { cases } from '../db/schema';
import type { QueuedMessage } from '../outbox/outbox';
import { auditAs } from './audit';
import { caseClocks, type CaseRow } from './clocks';
import type { Sealer } from '../ground/crypto';
import { reporterProgress } from './recipients';
import { recordEvent, type EventBody } from './events';
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

async function apply(
  { db, sealer }: Deps,
  row: CaseRow,
  status: string,
  changes: Changes,
  actor: Actor,
  action: string,
  at: Date,
  detail: Record<string, unknown> = {},
): Promise<{ row: CaseRow; messages: QueuedMessage[] }> {
  const newStatus = (RANK[status] ?? 0) >= (RANK[row.status] ?? 0) ? status : row.status;
  const [updated] = await db
    .update(cases)
    .set({ ...changes, status: newStatus, updatedAt: at })
    .where(eq(cases.id, row.id))
    .returning();
  await auditAs(db, at, actor.name, action, row.id, { from: row.status, to: newStatus, level: actor.level, ...detail });
  const note = updated!.status !== row.status ? await reporterProgress(db, sealer, updated!) : null;
  return { row: updated!, messages: note ? [note] : [] };
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
  await recordEvent(deps.db, deps.sealer, { caseId: row.id, at, kind: 'assessment', actor: actor.name, level: actor.level, tag: input.risk, body: { note: input.note } });
  const changes: Changes = { assessedAt: at, risk: input.risk, acknowledgedAt: row.acknowledgedAt ?? at, ackLevel: row.ackLevel ?? actor.level };
  return { ok: true, ...(await apply(deps, row, 'assessed', changes, actor, 'case.verify', at, { risk: input.risk })) };
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
  await recordEvent(deps.db, deps.sealer, { caseId: row.id, at, kind: 'plan', actor: actor.name, level: actor.level, body: { ...input } });
  return { ok: true, ...(await apply(deps, row, 'plan', { planAt: at }, actor, 'case.plan', at)) };
}

export async function approve(deps: Deps, row: CaseRow, actor: Actor, at: Date, input: { approver: string }): Promise<StepResult> {
  if (row.closedAt) return { ok: false, why: 'closed' };
  if (row.approvedAt) return { ok: false, why: 'already' };
  if (!row.planAt) return { ok: false, why: 'order' };
  await recordEvent(deps.db, deps.sealer, { caseId: row.id, at, kind: 'approval', actor: actor.name, level: actor.level, body: { approver: input.approver } });
  return { ok: true, ...(await apply(deps, row, row.status, { approvedAt: at }, actor, 'case.approve', at)) };
}

/** An implementation note (what was done, with what result): recorded, the case does not move. */
export async function addNote(deps: Deps, row: CaseRow, actor: Actor, at: Date, note: string): Promise<StepResult> {
  if (row.closedAt) return { ok: false, why: 'closed' };
  await recordEvent(deps.db, deps.sealer, { caseId: row.id, at, kind: 'note', actor: actor.name, level: actor.level, body: { note } });
  return { ok: true, ...(await apply(deps, row, row.status, {}, actor, 'case.note', at)) };
}

export async function review(deps: Deps, row: CaseRow, actor: Actor, at: Date, note: string): Promise<StepResult> {
  if (row.closedAt) return { ok: false, why: 'closed' };
  await recordEvent(deps.db, deps.sealer, { caseId: row.id, at, kind: 'review', actor: actor.name, level: actor.level, body: { note } });
  return { ok: true, ...(await apply(deps, row, row.status, { reviewedAt: at }, actor, 'case.review', at)) };
}

/** Referral to police, health, legal aid or a shelter (Art. 31(3a) for the police), with a note. */
export async function refer(deps: Deps, row: CaseRow, actor: Actor, at: Date, input: { agency: Agency; note: string }): Promise<StepResult> {
  if (row.closedAt) return { ok: false, why: 'closed' };
  await recordEvent(deps.db, deps.sealer, { caseId: row.id, at, kind: 'referral', actor: actor.name, level: actor.level, tag: input.agency, body: { note: input.note } });
  return { ok: true, ...(await apply(deps, row, row.status, {}, actor, 'case.referred', at, { agency: input.agency })) };
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
  await recordEvent(deps.db, deps.sealer, { caseId: row.id, at, kind: 'close', actor: actor.name, level: actor.level, tag: input.reason, body });
  return { ok: true, ...(await apply(deps, row, 'closed', { closedAt: at, closeReason: input.reason }, actor, 'case.close', at, { reason: input.reason, skipped })) };
}
