// Reads what the annex needs for a scope and period: plain case columns, referral/transfer tags,
// escalations from the audit trail, coverage and reminder sends. Nothing sealed is opened.
import { and, asc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/db';
import { auditLog, caseEvents, cases, mapCommunes, mapProvinces, officers, reminderDone, reminderSends, users } from '../db/schema';
import { DEMO_OFFICER_CHANNELS } from '../directory/officers';
import { zonedInstant, type Ymd } from '../reminders/dates';
import { RULES } from '../reminders/rules.generated';
import { buildAnnex, type Annex, type AnnexInput, type AnnexScope } from './build';

export interface AnnexRequest {
  scope: AnnexScope;
  from: Ymd;
  to: Ymd;
  tz: string;
  at: Date;
  periodBasis?: { text: string; verified: boolean };
  /** Which cases count (cases.world). Default: real and local, never the demo data. */
  worlds?: readonly string[];
}

/** An annex is an official document: demo cases count only for a demo officer (see `worldsFor`). */
export const ANNEX_WORLDS: readonly string[] = ['real', 'local'];

function caseScope(scope: AnnexScope, worlds: readonly string[]): SQL | undefined {
  const world = inArray(cases.world, [...worlds]);
  if (scope.level === 'province') return and(eq(cases.provinceCode, scope.code), world);
  if (scope.level === 'commune') return and(eq(cases.communeCode, scope.code), world);
  return world;
}

function officerScope(scope: AnnexScope): SQL | undefined {
  if (scope.level === 'province') return eq(officers.provinceCode, scope.code);
  if (scope.level === 'commune') return eq(officers.communeCode, scope.code);
  return undefined;
}

export async function loadAnnexInput(db: Db, req: AnnexRequest): Promise<AnnexInput> {
  const { scope, tz } = req;
  const worlds = req.worlds ?? ANNEX_WORLDS;
  const start = zonedInstant(req.from, 0, tz);
  const end = new Date(zonedInstant(req.to, 0, tz).getTime() + 86_400_000 - 1);
  const rows = await db
    .select({
      id: cases.id,
      receivedAt: cases.receivedAt,
      emergency: cases.emergency,
      ageBand: cases.ageBand,
      communeCode: cases.communeCode,
      channel: cases.channel,
      routedTo: cases.routedTo,
      acknowledgedAt: cases.acknowledgedAt,
      assessedAt: cases.assessedAt,
      planAt: cases.planAt,
      approvedAt: cases.approvedAt,
      closedAt: cases.closedAt,
      closeReason: cases.closeReason,
    })
    .from(cases)
    .where(and(caseScope(scope, worlds), lte(cases.receivedAt, end)));
  const events = await db
    .select({ kind: caseEvents.kind, tag: caseEvents.tag, at: caseEvents.at })
    .from(caseEvents)
    .innerJoin(cases, eq(cases.id, caseEvents.caseId))
    .where(and(inArray(caseEvents.kind, ['referral', 'transfer']), gte(caseEvents.at, start), lte(caseEvents.at, end), caseScope(scope, worlds)));
  // The kind of harm: the last choice made before the annex is, per case (it is often decided after the period).
  const harmRows = await db
    .select({ caseId: caseEvents.caseId, tag: caseEvents.tag })
    .from(caseEvents)
    .innerJoin(cases, eq(cases.id, caseEvents.caseId))
    .where(and(eq(caseEvents.kind, 'harm'), lte(caseEvents.at, req.at), caseScope(scope, worlds)))
    .orderBy(asc(caseEvents.at), asc(caseEvents.id));
  const harmOf = new Map(harmRows.map((h) => [h.caseId, h.tag]));
  const escalations = await db
    .select({ at: auditLog.at })
    .from(auditLog)
    .innerJoin(cases, eq(cases.id, auditLog.caseId))
    .where(and(eq(auditLog.action, 'case.escalated'), gte(auditLog.at, start), lte(auditLog.at, end), caseScope(scope, worlds)));

  // Coverage counts real officers only, unless demo cases count too (a demo officer's own annex).
  const demoOfficers = worlds.includes('demo') ? sql`` : sql`and o.channel not in (${sql.join(DEMO_OFFICER_CHANNELS.map((ch) => sql`${ch}`), sql`, `)})`;
  const communeWhere = scope.level === 'province' ? sql`where c.province_code = ${scope.code}` : scope.level === 'commune' ? sql`where c.code = ${scope.code}` : sql``;
  const [cov] = await db.all<{ communes: number; covered: number }>(sql`
    select count(*) as communes,
      sum(case when exists (select 1 from ${officers} o where o.commune_code = c.code and o.active = 1 ${demoOfficers}) then 1 else 0 end) as covered
    from ${mapCommunes} c ${communeWhere}`);

  const codes = [...new Set(rows.map((r) => r.communeCode).filter((c): c is string => c !== null))];
  if (scope.level === 'commune') codes.push(scope.code);
  const names = new Map<string, string>();
  if (codes.length) {
    for (const r of await db.select({ code: mapCommunes.code, name: mapCommunes.fullName }).from(mapCommunes).where(inArray(mapCommunes.code, codes))) names.set(r.code, r.name);
  }
  let scopeName: string | null = null;
  if (scope.level === 'commune') scopeName = names.get(scope.code) ?? null;
  if (scope.level === 'province') {
    const [p] = await db.select({ name: mapProvinces.fullName }).from(mapProvinces).where(eq(mapProvinces.code, scope.code)).limit(1);
    scopeName = p?.name ?? null;
  }

  // Reminders sent in the period to officers in scope, and who marked those periods done.
  const sends = await db
    .select({ ruleId: reminderSends.ruleId, period: reminderSends.period, due: reminderSends.due, sentAt: reminderSends.sentAt, unit: officers.communeCode })
    .from(reminderSends)
    .innerJoin(officers, eq(officers.id, reminderSends.officerId))
    .where(and(gte(reminderSends.sentAt, start), lte(reminderSends.sentAt, end), officerScope(scope)));
  const groups = new Map<string, AnnexInput['reminders'][number]>();
  for (const s of sends) {
    const key = `${s.ruleId}|${s.period}`;
    let g = groups.get(key);
    if (!g) {
      const rule = RULES.find((r) => r.id === s.ruleId);
      groups.set(key, (g = { ruleId: s.ruleId, title: rule?.title.vi ?? s.ruleId, period: s.period, due: s.due, sent: [], units: [], doneUnits: [] }));
    }
    g.sent.push(s.sentAt);
    if (!g.units.includes(s.unit)) g.units.push(s.unit);
  }
  if (groups.size) {
    const marks = await db
      .select({ ruleId: reminderDone.ruleId, period: reminderDone.period, at: reminderDone.at, unit: officers.communeCode })
      .from(reminderDone)
      .innerJoin(officers, eq(officers.id, reminderDone.officerId))
      .where(and(inArray(reminderDone.ruleId, [...new Set(sends.map((s) => s.ruleId))]), officerScope(scope)))
      .orderBy(reminderDone.at);
    for (const m of marks) {
      const g = groups.get(`${m.ruleId}|${m.period}`);
      if (g && !g.doneUnits.some((d) => d.unit === m.unit)) g.doneUnits.push({ unit: m.unit, at: m.at });
    }
  }

  return {
    scope,
    scopeName,
    from: req.from,
    to: req.to,
    tz,
    generatedAt: req.at,
    ...(req.periodBasis ? { periodBasis: req.periodBasis } : {}),
    cases: rows.map(({ id, ...c }) => ({ ...c, harm: harmOf.get(id) ?? null })),
    events: events.map((e) => ({ kind: e.kind as 'referral' | 'transfer', tag: e.tag, at: e.at })),
    escalations: escalations.map((e) => e.at),
    coverage: { communes: Number(cov?.communes ?? 0), covered: Number(cov?.covered ?? 0) },
    communeNames: names,
    reminders: [...groups.values()].sort((a, b) => a.due.localeCompare(b.due) || a.ruleId.localeCompare(b.ruleId)),
  };
}

export async function caseAnnex(db: Db, req: AnnexRequest): Promise<Annex> {
  return buildAnnex(await loadAnnexInput(db, req));
}
