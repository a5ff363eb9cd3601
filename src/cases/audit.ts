// Audit entries with the real actor (an officer, an admin, the system), never personal data in detail.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/db';
import { auditLog } from '../db/schema';

export async function auditAs(
  db: Db,
  at: Date,
  actor: string,
  action: string,
  caseId: number | null,
  detail?: Record<string, unknown>,
): Promise<void> {
  await db.insert(auditLog).values({ at, actor, action, caseId, detail: detail ? JSON.stringify(detail) : null });
}

/** True when this case already has an audit entry of this action whose detail names this reason. */
export async function hasAudit(db: Db, caseId: number, action: string, reason: string): Promise<boolean> {
  const rows = await db
    .select({ detail: auditLog.detail })
    .from(auditLog)
    .where(and(eq(auditLog.caseId, caseId), eq(auditLog.action, action)));
  return rows.some((r) => {
    try {
      const d = JSON.parse(r.detail ?? '{}') as { reason?: string; key?: string };
      return d.reason === reason || d.key === reason;
    } catch {
      return false;
    }
  });
}
