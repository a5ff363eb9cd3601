// Moving a case to another commune (a wrong routing, a fuzzy boundary): the case takes the new
// commune's place, goes to whoever is at the lowest covered level there, and keeps its receipt time,
// so the legal clocks keep running. The old commune's officers lose access (jurisdiction follows the
// commune code). The new holders get the usual case message and buttons; the move is audited with its reason.
import { eq } from 'drizzle-orm';
import { fill } from '../core/messages';
import type { Db } from '../db/db';
import { cases, officers } from '../db/schema';
import type { QueuedMessage } from '../outbox/outbox';
import { auditAs } from './audit';
import { caseMessages } from './cases';
import type { CaseRow } from './clocks';
import type { Sealer } from '../ground/crypto';
import { openPlace } from './details';
import { forReporter, pickRoute, routeCondition, type OfficerRow } from '../directory/officers';
import { reporterProgress } from './recipients';
import type { CommuneRef } from '../routing/types';
import { recordEvent } from './events';
import { levelOfRoute, type Level } from './levels';
import { caseWorkMessages } from './messages';
import type { Actor } from './procedure';

export interface Transferred {
  row: CaseRow;
  level: Level;
  recipients: OfficerRow[];
  messages: QueuedMessage[];
}

export async function transferCase(
  deps: { db: Db; sealer: Sealer; tz: string },
  row: CaseRow,
  to: CommuneRef,
  actor: Actor,
  reason: string,
  at: Date,
): Promise<Transferred | null> {
  const { db, sealer, tz } = deps;
  if (row.closedAt || row.communeCode === to.code) return null;
  const [place, candidates] = await Promise.all([
    openPlace(sealer, row),
    db.select().from(officers).where(routeCondition(to.code, to.province_code, row.world)).orderBy(officers.id),
  ]);
  // Routed as a new report is: a web visitor's demo officer counts only for that visitor's reports,
  // so a transfer never shows one visitor's case to another visitor's demo officer.
  const route = pickRoute(forReporter(candidates, row.reporterTag), to.code, to.province_code);
  const level = levelOfRoute(route.routedTo);
  // The reporter's words stay as typed; the commune is the new one.
  const addressEnc = await sealer.seal(JSON.stringify({ ...place, commune: to }));
  // The new holder takes it up afresh; the work already done (assessment, plan) stays with the case.
  const status = row.status === 'acknowledged' || row.status === 'escalated' ? 'received' : row.status;
  const [updated] = await db
    .update(cases)
    .set({
      communeCode: to.code,
      provinceCode: to.province_code,
      addressEnc,
      routedTo: route.routedTo,
      level,
      assignedAt: at,
      acknowledgedAt: status === 'received' ? null : row.acknowledgedAt,
      ackLevel: status === 'received' ? null : row.ackLevel,
      status,
      updatedAt: at,
    })
    .where(eq(cases.id, row.id))
    .returning();
  const next = updated!;
  const from = place.commune ? `${place.commune.name}, ${place.commune.province_name}` : (row.communeCode ?? '—');
  await recordEvent(db, sealer, {
    caseId: row.id,
    at,
    kind: 'transfer',
    actor: actor.name,
    level: actor.level,
    tag: `${row.communeCode ?? ''}>${to.code}`,
    body: { from, to: `${to.name}, ${to.province_name}`, note: reason },
  });
  await auditAs(db, at, actor.name, 'case.transferred', row.id, {
    from: row.communeCode,
    to: to.code,
    level,
    recipients: route.recipients.map((o) => o.id),
    reason: reason.slice(0, 200),
  });
  const notices = await caseMessages(db, sealer, next, route.recipients, tz, at, {
    kind: 'case',
    key: `transfer:${at.getTime()}`,
    header: (_t, lang) => fill(caseWorkMessages[lang].transferNotice, { ref: next.ref, from, reason }),
  });
  const note = await reporterProgress(db, sealer, next, `transfer:${at.getTime()}`);
  return { row: next, level, recipients: route.recipients, messages: [...notices, ...(note ? [note] : [])] };
}
