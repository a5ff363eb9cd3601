// Case work in chat, where officers are (Zalo-first: short typed notes, choices as buttons that Zalo
// shows as a numbered list). `case:<action>:<ref>` buttons start a step; the typed answers follow in
// `case.*` conversation steps. Every answer checks again that this chat still covers the case.
import type { Ctx } from '../core/context';
import { fill } from '../core/messages';
import type { Button } from '../core/types';
import { fold } from '../knowledge/text';
import { reportsMessages, type ReportsCatalogue } from '../reports/messages';
import { access, escalateByOfficer, showCase, type Access } from './officer';
import { officerButtons, officerStatus } from './render';
import type { CommuneRef } from '../routing/types';
import { officerLevel } from './levels';
import { caseWorkMessages, type CaseWorkCatalogue } from './messages';
import {
  acknowledge,
  addNote,
  AGENCIES,
  approve,
  assess,
  close,
  CLOSE_REASONS,
  isAgency,
  isCloseReason,
  isRisk,
  plan,
  refer,
  review,
  RISKS,
  skippedAtClose,
  type Actor,
  type StepResult,
} from './procedure';
import { transferCase } from './transfer';

export const CASE_STEP = {
  assessNote: 'case.assess.note',
  assessRisk: 'case.assess.risk',
  planNeeds: 'case.plan.needs',
  planActions: 'case.plan.actions',
  planWho: 'case.plan.who',
  planDue: 'case.plan.due',
  approver: 'case.approve.who',
  note: 'case.note',
  review: 'case.review',
  referNote: 'case.refer.note',
  closeNote: 'case.close.note',
  transferPlace: 'case.transfer.place',
  transferPick: 'case.transfer.pick',
} as const;

const MAX_NOTE_CHARS = 1000;
const MAX_CANDIDATES = 8;

const rOf = (ctx: Ctx): ReportsCatalogue => reportsMessages[ctx.lang];
const wOf = (ctx: Ctx): CaseWorkCatalogue => caseWorkMessages[ctx.lang];
const actorOf = (a: Access): Actor => ({ name: `officer:${a.officer.id}`, level: officerLevel(a.officer) });
const deps = (ctx: Ctx) => ({ db: ctx.deps.db, sealer: ctx.deps.sealer });

export function riskButtons(w: CaseWorkCatalogue, ref: string): Button[] {
  return RISKS.map((r) => ({ label: w[`risk_${r}`], payload: `case:risk:${ref}:${r}` }));
}
export function agencyButtons(w: CaseWorkCatalogue, ref: string): Button[] {
  return AGENCIES.map((a) => ({ label: w[`refer_${a}`], payload: `case:referto:${ref}:${a}` }));
}
export function closeButtons(w: CaseWorkCatalogue, ref: string): Button[] {
  return CLOSE_REASONS.map((r) => ({ label: w[`close_${r}`], payload: `case:closeok:${ref}:${r}` }));
}

/** `case:<action>:<ref>[:<argument>]` buttons. */
export async function handleCaseButton(ctx: Ctx, args: string[]): Promise<void> {
  const [action = '', ref = '', arg = ''] = args;
  const a = await access(ctx, ref);
  if (!a) return;
  const t = rOf(ctx);
  const w = wOf(ctx);
  const { row } = a;
  if (action === 'view') return showCase(ctx, row.ref);
  if (row.status === 'closed') {
    ctx.reply(fill(t.alreadyDone, { ref: row.ref, status: officerStatus(t, row.status) }));
    return;
  }
  const ask = (step: string, text: string, buttons: Button[] = [], data: Record<string, unknown> = {}) => {
    ctx.setState(step, { ref: row.ref, ...data });
    ctx.reply(text, buttons);
  };
  switch (action) {
    case 'ack':
      return finish(ctx, a, await acknowledge(deps(ctx), row, actorOf(a), ctx.at), t.acked);
    case 'verify':
      if (row.assessedAt) return already(ctx, a);
      return ask(CASE_STEP.assessNote, fill(w.askAssessNote, { ref: row.ref }));
    case 'risk': {
      // The risk buttons answer the second half of the assessment (the note was typed first).
      const note = ctx.state.step === CASE_STEP.assessRisk && ctx.state.data.ref === row.ref ? String(ctx.state.data.note ?? '') : '';
      if (!note || !isRisk(arg)) return ask(CASE_STEP.assessNote, fill(w.askAssessNote, { ref: row.ref }));
      return saveAssessment(ctx, a, note, arg);
    }
    case 'plan':
      if (row.planAt) return already(ctx, a);
      if (!row.assessedAt) return notYet(ctx, a);
      return ask(CASE_STEP.planNeeds, fill(w.askPlanNeeds, { ref: row.ref }));
    case 'approve':
      if (row.approvedAt) return already(ctx, a);
      if (!row.planAt) return notYet(ctx, a);
      return ask(CASE_STEP.approver, fill(w.askApprover, { ref: row.ref }));
    case 'note':
      return ask(CASE_STEP.note, fill(w.askNote, { ref: row.ref }));
    case 'review':
      return ask(CASE_STEP.review, fill(w.askReview, { ref: row.ref }));
    case 'refer':
      ctx.reply(fill(w.askReferTo, { ref: row.ref }), agencyButtons(w, row.ref));
      return;
    case 'referto':
      if (!isAgency(arg)) return void ctx.reply(fill(w.askReferTo, { ref: row.ref }), agencyButtons(w, row.ref));
      return ask(CASE_STEP.referNote, fill(w.askReferNote, { agency: w[`refer_${arg}`] }), [], { agency: arg });
    case 'close':
      ctx.reply(fill(w.askCloseReason, { ref: row.ref }), closeButtons(w, row.ref));
      return;
    case 'closeok':
      if (!isCloseReason(arg)) return void ctx.reply(fill(w.askCloseReason, { ref: row.ref }), closeButtons(w, row.ref));
      if (arg === 'other') return ask(CASE_STEP.closeNote, fill(w.askCloseNote, { ref: row.ref }));
      return closeWith(ctx, a, arg);
    case 'transfer':
      return ask(CASE_STEP.transferPlace, fill(w.askTransferPlace, { ref: row.ref }));
    case 'transferto':
      return transferTo(ctx, a, arg);
    case 'escalate':
      return escalateByOfficer(ctx, a);
    default:
      ctx.reply(fill(t.caseNotFound, { ref: row.ref }));
  }
}

/** Typed answers inside a `case.*` step. */
export async function handleCaseStep(ctx: Ctx): Promise<void> {
  const step = ctx.state.step ?? '';
  const data = ctx.state.data;
  const a = await access(ctx, String(data.ref ?? ''));
  if (!a) {
    ctx.setState(null);
    return;
  }
  const w = wOf(ctx);
  if (a.row.status === 'closed') {
    ctx.setState(null);
    ctx.reply(fill(w.stepLocked, { ref: a.row.ref }));
    return;
  }
  const text = (ctx.inc.text ?? '').trim();
  const next = (s: string, question: string, extra: Record<string, unknown>, buttons: Button[] = []) => {
    ctx.setState(s, { ...data, ...extra });
    ctx.reply(question, buttons);
  };
  if (step === CASE_STEP.assessRisk) {
    const risk = pickFrom(text, RISKS, { thap: 'low', low: 'low', 'trung binh': 'medium', medium: 'medium', cao: 'high', high: 'high' });
    if (!risk) return next(step, w.riskInvalid, {}, riskButtons(w, a.row.ref));
    return saveAssessment(ctx, a, String(data.note ?? ''), risk);
  }
  if (step === CASE_STEP.transferPick) {
    const list = (data.candidates as CommuneRef[] | undefined) ?? [];
    const n = /^\d{1,2}$/.test(text) ? Number(text) : NaN;
    if (n >= 1 && n <= list.length) return transferTo(ctx, a, list[n - 1]!.code);
    if (text.length >= 3) return transferPlace(ctx, a, text);
    return next(step, fill(w.transferPick, { ref: a.row.ref }), {}, pickButtons(list, a.row.ref));
  }
  // Every other step takes a short typed note.
  if (!text) return next(step, w.noteEmpty, {});
  const note = text.slice(0, MAX_NOTE_CHARS);
  switch (step) {
    case CASE_STEP.assessNote:
      return next(CASE_STEP.assessRisk, w.askRisk, { note }, riskButtons(w, a.row.ref));
    case CASE_STEP.planNeeds:
      return next(CASE_STEP.planActions, w.askPlanActions, { needs: note });
    case CASE_STEP.planActions:
      return next(CASE_STEP.planWho, w.askPlanWho, { actions: note });
    case CASE_STEP.planWho:
      return next(CASE_STEP.planDue, w.askPlanDue, { who: note });
    case CASE_STEP.planDue: {
      const due = parseDayMonth(text, ctx.at);
      if (!due) return next(step, w.planDueInvalid, {});
      const r = await plan(deps(ctx), a.row, actorOf(a), ctx.at, { needs: String(data.needs), actions: String(data.actions), who: String(data.who), due });
      return finish(ctx, a, r, w.plannedDone);
    }
    case CASE_STEP.approver: {
      const r = await approve(deps(ctx), a.row, actorOf(a), ctx.at, { approver: note });
      return finish(ctx, a, r, fill(w.approvedDone, { ref: a.row.ref, approver: note }));
    }
    case CASE_STEP.note:
      return finish(ctx, a, await addNote(deps(ctx), a.row, actorOf(a), ctx.at, note), w.noteDone);
    case CASE_STEP.review:
      return finish(ctx, a, await review(deps(ctx), a.row, actorOf(a), ctx.at, note), w.reviewDone);
    case CASE_STEP.referNote: {
      const agency = String(data.agency ?? '');
      if (!isAgency(agency)) return void ctx.reply(fill(w.askReferTo, { ref: a.row.ref }), agencyButtons(w, a.row.ref));
      const r = await refer(deps(ctx), a.row, actorOf(a), ctx.at, { agency, note });
      return finish(ctx, a, r, fill(w.referredDone, { ref: a.row.ref, agency: w[`refer_${agency}`] }));
    }
    case CASE_STEP.closeNote:
      return closeWith(ctx, a, 'other', note);
    case CASE_STEP.transferPlace:
      return transferPlace(ctx, a, text);
    default:
      ctx.setState(null);
      return showCase(ctx, a.row.ref);
  }
}

async function saveAssessment(ctx: Ctx, a: Access, note: string, risk: (typeof RISKS)[number]): Promise<void> {
  const w = wOf(ctx);
  const r = await assess(deps(ctx), a.row, actorOf(a), ctx.at, { note, risk });
  return finish(ctx, a, r, fill(w.assessedDone, { ref: a.row.ref, risk: w[`risk_${risk}`].toLowerCase() }));
}

async function closeWith(ctx: Ctx, a: Access, reason: (typeof CLOSE_REASONS)[number], note?: string): Promise<void> {
  const w = wOf(ctx);
  const r = await close(deps(ctx), a.row, actorOf(a), ctx.at, { reason, note }, ctx.deps.config.TZ_REGION);
  const label = note ? fill(w.closeOtherWith, { note }) : w[`close_${reason}`].toLowerCase();
  const lines = [fill(w.closedDone, { ref: a.row.ref, reason: label })];
  if (r.ok) {
    const skipped = skippedAtClose(a.row, ctx.deps.config.TZ_REGION);
    const t = rOf(ctx);
    if (skipped.length) lines.push(fill(w.closedSkipped, { steps: skipped.map((n) => t[`clock_${n as 'plan'}`]).join('; ') }));
  }
  return finish(ctx, a, r, lines.join('\n'));
}

/** Applies a step's result: the reporter's note goes out, the officer gets the words and the next buttons. */
function finish(ctx: Ctx, a: Access, r: StepResult, done: string): void {
  ctx.setState(null);
  if (!r.ok) {
    if (r.why === 'order') return notYet(ctx, a);
    return already(ctx, a);
  }
  for (const m of r.messages) ctx.notify(m);
  ctx.reply(fill(done, { ref: a.row.ref }), officerButtons(rOf(ctx), r.row));
}

function already(ctx: Ctx, a: Access): void {
  const t = rOf(ctx);
  ctx.setState(null);
  ctx.reply(fill(t.alreadyDone, { ref: a.row.ref, status: officerStatus(t, a.row.status) }), officerButtons(t, a.row));
}

function notYet(ctx: Ctx, a: Access): void {
  const t = rOf(ctx);
  ctx.setState(null);
  ctx.reply(fill(t.notAllowedNow, { ref: a.row.ref, status: officerStatus(t, a.row.status) }), officerButtons(t, a.row));
}

function pickButtons(list: CommuneRef[], ref: string): Button[] {
  return list.map((c) => ({ label: `${c.name}, ${c.province_name}`, payload: `case:transferto:${ref}:${c.code}` }));
}

/** The typed place of a transfer, resolved like a report's address (old or new names). */
/**
 * "phường Ngọc Hà, Hà Nội. Lý do: nhà cháu ở Ngọc Hà" → the place and the reason, so the transfer's
 * audit carries why (a place name never contains "lý do").
 */
export function splitReason(text: string): { place: string; reason: string | null } {
  const m = /[\s,.;:\u2013\u2014-]*\b(?:l[\u00fd\u00ed]|ly|li)\s+do\b\s*[:\-\u2013]?\s*|[\s,.;]*\breason\b\s*:?\s*/iu /* – —; lý, lí */.exec(text);
  if (!m || m.index === 0) return { place: text.trim(), reason: null };
  const reason = text.slice(m.index + m[0].length).trim().slice(0, 200);
  return { place: text.slice(0, m.index).trim(), reason: reason || null };
}

async function transferPlace(ctx: Ctx, a: Access, typed: string): Promise<void> {
  const w = wOf(ctx);
  const split = splitReason(typed);
  const text = split.place;
  // A reason typed with an earlier attempt is kept for the next one.
  const reason = split.reason ?? (typeof ctx.state.data.reason === 'string' ? ctx.state.data.reason : null);
  const keep = reason ? { reason } : {};
  const resolve = ctx.deps.services.resolveAddress;
  if (!resolve) {
    ctx.setState(null);
    ctx.reply(w.transferUnavailable);
    return;
  }
  let r: Awaited<ReturnType<typeof resolve>>;
  try {
    r = await resolve(text.slice(0, 300));
  } catch {
    ctx.setState(CASE_STEP.transferPlace, { ref: a.row.ref, ...keep });
    ctx.reply(w.transferUnavailable);
    return;
  }
  if (r.commune) return doTransfer(ctx, a, r.commune, reason);
  if (r.candidates.length) {
    const candidates = r.candidates.slice(0, MAX_CANDIDATES);
    ctx.setState(CASE_STEP.transferPick, { ref: a.row.ref, candidates, ...keep });
    ctx.reply(fill(w.transferPick, { ref: a.row.ref }), pickButtons(candidates, a.row.ref));
    return;
  }
  ctx.setState(CASE_STEP.transferPlace, { ref: a.row.ref, ...keep });
  ctx.reply(fill(w.transferNotFound, { text: text.slice(0, 80) }));
}

async function transferTo(ctx: Ctx, a: Access, code: string): Promise<void> {
  const listed = ((ctx.state.data.candidates as CommuneRef[] | undefined) ?? []).find((c) => c.code === code);
  const commune = listed ?? (/^\d{5}$/.test(code) ? await ctx.deps.services.commune?.(code) : undefined);
  if (!commune) {
    ctx.setState(CASE_STEP.transferPlace, { ref: a.row.ref });
    ctx.reply(fill(wOf(ctx).askTransferPlace, { ref: a.row.ref }));
    return;
  }
  // The reason typed with the place, when the pick belongs to this case's transfer.
  const reason = ctx.state.data.ref === a.row.ref && typeof ctx.state.data.reason === 'string' ? ctx.state.data.reason : null;
  return doTransfer(ctx, a, commune, reason);
}

async function doTransfer(ctx: Ctx, a: Access, to: CommuneRef, reason: string | null): Promise<void> {
  const w = wOf(ctx);
  ctx.setState(null);
  if (a.row.communeCode === to.code) {
    ctx.reply(fill(w.transferSame, { ref: a.row.ref, commune: to.name }), officerButtons(rOf(ctx), a.row));
    return;
  }
  const done = await transferCase({ ...deps(ctx), tz: ctx.deps.config.TZ_REGION }, a.row, to, actorOf(a), reason ?? w.transferReasonDefault, ctx.at);
  if (!done) return already(ctx, a);
  for (const m of done.messages) ctx.notify(m);
  ctx.reply(fill(w.transferredDone, { ref: a.row.ref, commune: to.name, province: to.province_name, to: w[`transferTo_${done.level}`] }));
}

/** "20/12", "20-12-2026", "20.12" → ISO date (the next such day on or after `at` when no year is given). */
export function parseDayMonth(text: string, at: Date): string | null {
  const m = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{2,4}))?$/.exec(fold(text).replace(/^(ngay|truoc ngay|han)\s*/, ''));
  if (!m) return null;
  const d = Number(m[1]);
  const mo = Number(m[2]);
  let y = m[3] ? Number(m[3]) : at.getUTCFullYear();
  if (y < 100) y += 2000;
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCDate() !== d) return null;
  if (!m[3] && date.getTime() < Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate())) date.setUTCFullYear(y + 1);
  return date.toISOString().slice(0, 10);
}

/** "1"/"2"/"3" or the words of a choice → its value. */
function pickFrom<T extends string>(text: string, values: readonly T[], words: Record<string, T>): T | null {
  const f = fold(text).replace(/[.!]+$/, '').trim();
  const n = /^\d$/.test(f) ? Number(f) : NaN;
  if (n >= 1 && n <= values.length) return values[n - 1]!;
  return words[f] ?? null;
}
