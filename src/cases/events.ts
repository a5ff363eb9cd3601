// The work recorded on a case (case_events): what was done, by whom at which level, with its note
// sealed. The tag is the non-personal part (risk, agency, reason) that statistics may count.
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/db';
import { caseEvents } from '../db/schema';
import type { Sealer } from '../ground/crypto';
import type { Level } from './levels';

export type EventKind = 'assessment' | 'plan' | 'approval' | 'note' | 'review' | 'referral' | 'transfer' | 'close' | 'reporter_info' | 'harm';

/** What a step carries, sealed: a note, the plan's four parts, the approver, a photo. */
export interface EventBody {
  note?: string;
  needs?: string;
  actions?: string;
  who?: string;
  due?: string;
  approver?: string;
  photo?: string;
  from?: string;
  to?: string;
}

export interface CaseEvent {
  id: number;
  at: Date;
  kind: EventKind;
  actor: string;
  level: Level | null;
  tag: string | null;
  body: EventBody;
}

export async function recordEvent(
  db: Db,
  sealer: Sealer,
  e: { caseId: number; at: Date; kind: EventKind; actor: string; level: Level | null; tag?: string | null; body?: EventBody },
): Promise<void> {
  const body = e.body && Object.keys(e.body).length ? await sealer.seal(JSON.stringify(e.body)) : null;
  await db.insert(caseEvents).values({ caseId: e.caseId, at: e.at, kind: e.kind, actor: e.actor, level: e.level, tag: e.tag ?? null, bodyEnc: body });
}

/** Every event of a case, oldest first, with its note opened (the caller audits the view). */
export async function caseEventsOf(db: Db, sealer: Sealer, caseId: number): Promise<CaseEvent[]> {
  const rows = await db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.at), asc(caseEvents.id));
  return Promise.all(
    rows.map(async (r) => ({
      id: r.id,
      at: r.at,
      kind: r.kind as EventKind,
      actor: r.actor,
      level: (r.level as Level | null) ?? null,
      tag: r.tag,
      body: r.bodyEnc ? (JSON.parse(await sealer.open(r.bodyEnc)) as EventBody) : {},
    })),
  );
}
