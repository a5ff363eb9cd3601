// The report intake: description → location (pick / confirm) → child's age → danger → contact → confirm.
// The draft lives in the (encrypted) conversation state, so a reporter can leave and come back.
import type { Ctx } from '../core/context';
import type { Prefetch } from '../core/prefetch';
import { fill } from '../core/messages';
import type { Button, GeoPoint } from '../core/types';
import { fold } from '../knowledge/text';
import type { CommuneRef } from '../routing/types';
import { AGE_BANDS, isAgeBand, parseAge, type AgeBand } from './age';
import { casePlanReads, caseWorld, fileCase } from '../cases/cases';
import { storedSourceKey } from '../cases/reporter-link';
import { filingLimited } from '../reports/flood';
import { emergencyLine, mainMenuButtons } from '../core/menu';
import { reportsMessages, type ReportsCatalogue } from '../reports/messages';
import { normalizeVietnamesePhone } from './phone';
import { ageLabel, placeName } from '../cases/render';
import { caseWorkMessages } from '../cases/messages';
import { reporterButtons } from '../cases/reporter';

export const STEP = {
  description: 'report.description',
  location: 'report.location',
  pick: 'report.location.pick',
  confirmPoint: 'report.location.confirm',
  age: 'report.child_age',
  danger: 'report.danger',
  contact: 'report.contact',
  confirm: 'report.confirm',
} as const;

export const MIN_DESCRIPTION_CHARS = 8;
export const MAX_DESCRIPTION_CHARS = 1500;
export const MAX_PHOTOS = 3;
const MAX_CANDIDATES = 8;

type Danger = 'yes' | 'no' | 'unsure';

/** The answers so far. Only what the case needs is kept. */
export interface Draft {
  description?: string;
  photos?: string[];
  /** True once the place is settled (a commune, or typed text when lookup is unavailable). */
  located?: boolean;
  address?: string;
  commune?: CommuneRef;
  point?: GeoPoint;
  /** Waiting for the reporter: communes to pick from, or a shared point to confirm. */
  candidates?: CommuneRef[];
  pendingPoint?: GeoPoint;
  pendingCommune?: CommuneRef;
  ageBand?: AgeBand;
  danger?: Danger;
  /** A phone number, or null for anonymous; undefined until answered. */
  contact?: string | null;
  /** While one field is being changed from the summary: the draft as it was, for "keep as it was". */
  before?: Draft;
}

/** The summary's fields, as named in the `report:edit:<field>` payloads. */
export const EDITABLE_FIELDS = ['description', 'location', 'child_age', 'danger', 'contact'] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];
const isEditableField = (v: string): v is EditableField => (EDITABLE_FIELDS as readonly string[]).includes(v);

const tOf = (ctx: Ctx): ReportsCatalogue => reportsMessages[ctx.lang];
const draftOf = (ctx: Ctx): Draft => (ctx.state.step?.startsWith('report.') ? (ctx.state.data as Draft) : {});
const hotlines = (ctx: Ctx): string => emergencyLine(ctx.lang);

/** The first unanswered step, in the fixed order. */
function nextStep(d: Draft): string {
  if (!d.description) return STEP.description;
  if (!d.located) return STEP.location;
  if (!d.ageBand) return STEP.age;
  if (!d.danger) return STEP.danger;
  if (d.contact === undefined) return STEP.contact;
  return STEP.confirm;
}

/** Moves to the next unanswered step and asks it, after any lines that lead up to it. */
function advance(ctx: Ctx, d: Draft, lead: string[] = []): void {
  const step = nextStep(d);
  // Back at the summary, a change is complete: the old answers are no longer needed.
  const next: Draft = step === STEP.confirm && d.before ? { ...d, before: undefined } : d;
  ctx.setState(step, next as Record<string, unknown>);
  ask(ctx, next, step, lead);
}

function ask(ctx: Ctx, d: Draft, step: string, lead: string[] = []): void {
  const t = tOf(ctx);
  const [text, buttons] = question(ctx, t, d, step);
  say(ctx, [...lead, text].join('\n\n'), buttons);
}

/**
 * A reply while a report step is open: its buttons, then "keep as it was" while a field is being
 * changed, and always a way out ("Huỷ"), so no step is a dead end.
 */
function say(ctx: Ctx, text: string, buttons: Button[] = []): void {
  const t = tOf(ctx);
  const d = draftOf(ctx);
  const onStep = ctx.state.step?.startsWith('report.') ?? false;
  const extra: Button[] = [];
  if (onStep && d.before && ctx.state.step !== STEP.confirm) extra.push({ label: t.keepButton, payload: 'report:keep' });
  if (onStep && !buttons.some((b) => b.payload === 'report:cancel')) extra.push({ label: t.cancelButton, payload: 'report:cancel' });
  ctx.reply(text, [...buttons, ...extra]);
}

function question(ctx: Ctx, t: ReportsCatalogue, d: Draft, step: string): [string, Button[]] {
  switch (step) {
    case STEP.description:
      return [t.askDescription, []];
    case STEP.location:
      return [t.askLocation, []];
    case STEP.pick:
      return [t.pickCommune, pickButtons(t, d.candidates ?? [])];
    case STEP.confirmPoint:
      return [
        fill(t.confirmPoint, { commune: d.pendingCommune?.name ?? '', province: d.pendingCommune?.province_name ?? '' }),
        [
          { label: t.yes, payload: 'report:loc:yes' },
          { label: t.no, payload: 'report:loc:no' },
        ],
      ];
    case STEP.age:
      return [t.askAge, AGE_BANDS.map((band) => ({ label: ageLabel(t, band), payload: `report:age:${band}` }))];
    case STEP.danger:
      return [
        t.askDanger,
        [
          { label: t.dangerYes, payload: 'report:danger:yes' },
          { label: t.dangerNo, payload: 'report:danger:no' },
          { label: t.dangerUnsure, payload: 'report:danger:unsure' },
        ],
      ];
    case STEP.contact:
      return [t.askContact, [{ label: t.anonymousButton, payload: 'report:anonymous' }]];
    default:
      return [summary(ctx, t, d), confirmButtons(t)];
  }
}

function pickButtons(t: ReportsCatalogue, candidates: CommuneRef[]): Button[] {
  return [
    ...candidates.map((c) => ({ label: `${c.name}, ${c.province_name}`, payload: `report:pick:${c.code}` })),
    { label: t.pickNone, payload: 'report:pick:none' },
  ];
}

function confirmButtons(t: ReportsCatalogue): Button[] {
  return [
    { label: t.confirmButton, payload: 'report:confirm' },
    ...EDITABLE_FIELDS.map((field) => ({ label: t[`editButton_${field}`], payload: `report:edit:${field}` })),
    { label: t.cancelButton, payload: 'report:cancel' },
  ];
}

/** The step that asks a field again. */
const EDIT_STEP: Record<EditableField, string> = {
  description: STEP.description,
  location: STEP.location,
  child_age: STEP.age,
  danger: STEP.danger,
  contact: STEP.contact,
};

/** The draft without one field's answer, so that step is the next unanswered one. */
function withoutField(d: Draft, field: EditableField): Draft {
  switch (field) {
    case 'description':
      return { ...d, description: undefined };
    case 'location':
      return { ...d, located: undefined, address: undefined, commune: undefined, point: undefined, candidates: undefined, pendingPoint: undefined, pendingCommune: undefined };
    case 'child_age':
      return { ...d, ageBand: undefined };
    case 'danger':
      return { ...d, danger: undefined };
    case 'contact':
      return { ...d, contact: undefined };
  }
}

/** `report:edit:<field>` on the summary: asks that field again (showing what it says now); the summary follows. */
function editField(ctx: Ctx, d: Draft, field: EditableField): void {
  const t = tOf(ctx);
  const current = summaryValues(t, d);
  const value = { description: current.description, location: current.place, child_age: current.age, danger: current.danger, contact: current.contact }[field];
  const next: Draft = { ...withoutField(d, field), before: { ...d, before: undefined } };
  const step = EDIT_STEP[field];
  ctx.setState(step, next as Record<string, unknown>);
  ask(ctx, next, step, [fill(t.editing, { value: `"${value}"` })]);
}

/** "Giữ như cũ" while changing a field: the draft as it was, and the summary again. */
function keepAsItWas(ctx: Ctx, d: Draft): void {
  if (!d.before) return advance(ctx, d);
  advance(ctx, { ...d.before, before: undefined });
}

function summaryValues(t: ReportsCatalogue, d: Draft) {
  const photos = d.photos?.length ? fill(t.summaryPhotos, { count: d.photos.length }) : '';
  const place = d.commune ? `${placeName(t, { commune: d.commune })}${d.address ? ` (${d.address})` : ''}` : (d.address ?? t.placeUnknown);
  const danger = d.danger === 'yes' ? t.dangerYesShort : d.danger === 'no' ? t.dangerNoShort : t.dangerUnsureShort;
  return {
    description: (d.description ?? '') + photos,
    place,
    age: ageLabel(t, d.ageBand ?? 'unknown'),
    danger,
    contact: d.contact ?? t.contactAnonymous,
  };
}

function summary(_ctx: Ctx, t: ReportsCatalogue, d: Draft): string {
  return fill(t.summary, summaryValues(t, d));
}

/** `/baotin` and the main menu's "Báo tin xâm hại": starts a report, or resumes one left half-way. */
export async function startReport(ctx: Ctx): Promise<void> {
  const t = tOf(ctx);
  const d = draftOf(ctx);
  if (Object.keys(d).length > 0) {
    // Re-ask the step the reporter was on (a pick or confirmation included), not a later one.
    const step = ctx.state.step ?? nextStep(d);
    ctx.setState(step, d as Record<string, unknown>);
    ask(ctx, d, step, [t.resumed]);
    return;
  }
  advance(ctx, {}, [fill(t.intro, { hotlines: hotlines(ctx) })]);
}

/** Answers typed (or shared) while a report step is open. */
export async function handleReportStep(ctx: Ctx): Promise<void> {
  const t = tOf(ctx);
  const d = draftOf(ctx);
  const step = ctx.state.step ?? STEP.description;
  const text = (ctx.inc.text ?? '').trim();

  // A shared location answers the location question wherever the reporter is, until it is settled.
  if (ctx.inc.location && !d.located) return sharedPoint(ctx, d, ctx.inc.location);
  // A photo after the description is kept with the report too, and its caption is added to the
  // description (never read as the step's answer: a caption is not a phone number); the step's question comes again.
  if (ctx.inc.photo && step !== STEP.description) return laterPhoto(ctx, t, d, step, ctx.inc.photo.fileId, text);

  switch (step) {
    case STEP.description:
      return description(ctx, t, d, text);
    case STEP.location:
      if (!text) return ask(ctx, d, step);
      return typedAddress(ctx, t, d, text);
    case STEP.pick: {
      const n = /^\d{1,2}$/.test(text) ? Number(text) : NaN;
      const list = d.candidates ?? [];
      if (n >= 1 && n <= list.length) return pickCommune(ctx, d, list[n - 1]!.code);
      if (n === list.length + 1) return pickCommune(ctx, d, 'none');
      if (text.length >= 3) return typedAddress(ctx, t, d, text); // typed the address again
      return ask(ctx, d, step, [t.pickInvalid]);
    }
    case STEP.confirmPoint: {
      const yn = yesNo(text);
      if (yn === null) return ask(ctx, d, step, [t.confirmPointInvalid]);
      return confirmPoint(ctx, d, yn);
    }
    case STEP.age: {
      const age = parseAge(text);
      if (age === 'too-old') return ask(ctx, d, step, [fill(t.ageTooOld, { hotlines: hotlines(ctx) })]);
      if (age === null) return ask(ctx, d, step, [t.ageInvalid]);
      return advance(ctx, { ...d, ageBand: age });
    }
    case STEP.danger: {
      const f = fold(text);
      const danger: Danger | null = /^(khong ro|khong biet|chua ro|khong chac|not sure|unsure)/.test(f)
        ? 'unsure'
        : yesNo(text) === true
          ? 'yes'
          : yesNo(text) === false
            ? 'no'
            : null;
      if (!danger) return ask(ctx, d, step, [t.dangerInvalid]);
      return answerDanger(ctx, d, danger);
    }
    case STEP.contact: {
      if (/^(an danh|anonymous|khong|khong de lai)$/.test(fold(text))) return advance(ctx, { ...d, contact: null });
      const phone = normalizeVietnamesePhone(text);
      if (!phone) return ask(ctx, d, step, [t.contactInvalid]);
      return advance(ctx, { ...d, contact: phone });
    }
    case STEP.confirm: {
      const f = fold(text);
      if (CONFIRM_WORDS.test(f)) return confirmReport(ctx, d);
      if (/^(huy|cancel|khong)$/.test(f)) return cancelReport(ctx);
      return ask(ctx, d, step, [t.confirmInvalid]);
    }
    default:
      return advance(ctx, d);
  }
}

/** `report:…` buttons. A button from a step the reporter is no longer on re-asks the current one. */
export async function handleReportButton(ctx: Ctx, args: string[]): Promise<void> {
  const t = tOf(ctx);
  const step = ctx.state.step;
  const [action = '', arg = ''] = args;
  if (!step?.startsWith('report.')) {
    ctx.reply(t.staleButton);
    return;
  }
  const d = draftOf(ctx);
  if (action === 'cancel') return cancelReport(ctx);
  if (action === 'edit' && step === STEP.confirm && isEditableField(arg)) return editField(ctx, d, arg);
  if (action === 'keep' && d.before) return keepAsItWas(ctx, d);
  if (action === 'pick' && step === STEP.pick) return pickCommune(ctx, d, arg);
  if (action === 'loc' && step === STEP.confirmPoint && (arg === 'yes' || arg === 'no')) return confirmPoint(ctx, d, arg === 'yes');
  if (action === 'age' && step === STEP.age && isAgeBand(arg)) return advance(ctx, { ...d, ageBand: arg });
  if (action === 'danger' && step === STEP.danger && (arg === 'yes' || arg === 'no' || arg === 'unsure')) return answerDanger(ctx, d, arg);
  if (action === 'anonymous' && step === STEP.contact) return advance(ctx, { ...d, contact: null });
  if (action === 'confirm' && step === STEP.confirm) return confirmReport(ctx, d);
  ask(ctx, d, step);
}

function laterPhoto(ctx: Ctx, t: ReportsCatalogue, d: Draft, step: string, fileId: string, caption: string): void {
  const photos = d.photos ?? [];
  const described = caption ? { description: [d.description ?? '', caption].filter(Boolean).join('\n').slice(0, MAX_DESCRIPTION_CHARS) } : {};
  if (photos.length >= MAX_PHOTOS) {
    if (caption) ctx.setState(step, { ...d, ...described } as Record<string, unknown>);
    return ask(ctx, { ...d, ...described }, step, [fill(t.photoLimit, { max: MAX_PHOTOS })]);
  }
  const next: Draft = { ...d, ...described, photos: [...photos, fileId] };
  ctx.setState(step, next as Record<string, unknown>);
  ask(ctx, next, step, [t.photoKept]);
}

function description(ctx: Ctx, t: ReportsCatalogue, d: Draft, text: string): void {
  let next = d;
  const lead: string[] = [];
  if (ctx.inc.photo) {
    const photos = d.photos ?? [];
    if (photos.length < MAX_PHOTOS) next = { ...next, photos: [...photos, ctx.inc.photo.fileId] };
    else lead.push(fill(t.photoLimit, { max: MAX_PHOTOS }));
  }
  if (!text) {
    // A photo without a caption: keep it and ask for words.
    ctx.setState(STEP.description, next as Record<string, unknown>);
    say(ctx, ctx.inc.photo && !lead.length ? t.photoSaved : [...lead, t.askDescription].join('\n\n'));
    return;
  }
  if (text.length > MAX_DESCRIPTION_CHARS) {
    ctx.setState(STEP.description, next as Record<string, unknown>);
    say(ctx, fill(t.descriptionTooLong, { max: MAX_DESCRIPTION_CHARS }));
    return;
  }
  if (text.length < MIN_DESCRIPTION_CHARS || text.split(/\s+/).length < 2) {
    ctx.setState(STEP.description, next as Record<string, unknown>);
    say(ctx, t.descriptionTooShort);
    return;
  }
  advance(ctx, { ...next, description: text }, lead);
}

async function typedAddress(ctx: Ctx, t: ReportsCatalogue, d: Draft, text: string): Promise<void> {
  const address = text.slice(0, 300);
  const resolve = ctx.deps.services.resolveAddress;
  const base: Draft = { ...d, candidates: undefined, pendingPoint: undefined, pendingCommune: undefined };
  if (!resolve) {
    // Without a map the typed address still travels with the case; it waits in the unrouted queue.
    return advance(ctx, { ...base, address, located: true, commune: undefined, point: undefined }, [t.locationUnavailable]);
  }
  let r: Awaited<ReturnType<typeof resolve>>;
  try {
    // Through the update's own Db: the lookup may have been sent ahead with the update's first read.
    r = await resolve(address, ctx.deps.db);
  } catch {
    // A failing map must not lose the report: keep the text, the case waits for an admin to route it.
    return advance(ctx, { ...base, address, located: true, commune: undefined, point: undefined }, [t.locationUnavailable]);
  }
  if (r.commune) return advance(ctx, { ...base, address, commune: r.commune, located: true, point: undefined });
  if (r.candidates.length > 0) {
    // Even a single candidate is shown for a choice: the resolver was not sure, so neither are we.
    const next: Draft = { ...base, address, candidates: r.candidates.slice(0, MAX_CANDIDATES), point: undefined };
    ctx.setState(STEP.pick, next as Record<string, unknown>);
    return ask(ctx, next, STEP.pick);
  }
  ctx.setState(STEP.location, base as Record<string, unknown>);
  ask(ctx, base, STEP.location, [fill(t.locationNotFound, { text: address.slice(0, 80) })]);
}

async function pickCommune(ctx: Ctx, d: Draft, code: string): Promise<void> {
  const t = tOf(ctx);
  if (code === 'none') {
    const next: Draft = { ...d, candidates: undefined, pendingPoint: undefined, point: undefined, address: undefined };
    ctx.setState(STEP.location, next as Record<string, unknown>);
    say(ctx, t.pickRetype);
    return;
  }
  const chosen = d.candidates?.find((c) => c.code === code);
  if (!chosen) return ask(ctx, d, STEP.pick, [t.pickInvalid]);
  // A point near a border stays with the case once the reporter has picked its ward.
  advance(ctx, { ...d, commune: chosen, located: true, candidates: undefined, point: d.pendingPoint, pendingPoint: undefined });
}

async function sharedPoint(ctx: Ctx, d: Draft, point: GeoPoint): Promise<void> {
  const t = tOf(ctx);
  const locate = ctx.deps.services.locatePoint;
  // A point that cannot be placed leaves the reporter where they were: before the description
  // is given that is still the description, so no step runs ahead of its answers.
  const stay = (message: string, draft: Draft) => {
    const step = d.description ? STEP.location : STEP.description;
    ctx.setState(step, draft as Record<string, unknown>);
    say(ctx, step === STEP.description ? `${message}\n\n${t.askDescription}` : message);
  };
  if (!locate) return stay(t.pointRejected, d);
  let r: Awaited<ReturnType<typeof locate>>;
  try {
    r = await locate(point);
  } catch {
    return stay(t.pointRejected, d);
  }
  const base: Draft = { ...d, candidates: undefined, pendingCommune: undefined, pendingPoint: undefined };
  if (r.commune && !r.nearBorder) {
    const next: Draft = { ...base, pendingPoint: point, pendingCommune: r.commune };
    ctx.setState(STEP.confirmPoint, next as Record<string, unknown>);
    return ask(ctx, next, STEP.confirmPoint);
  }
  const candidates = r.candidates.length ? r.candidates : r.commune ? [r.commune] : [];
  if (candidates.length) {
    const next: Draft = { ...base, pendingPoint: point, candidates: candidates.slice(0, MAX_CANDIDATES) };
    ctx.setState(STEP.pick, next as Record<string, unknown>);
    return ask(ctx, next, STEP.pick, [t.pointNearBorder]);
  }
  // At sea or abroad: nothing is kept, the question is asked again politely.
  stay(t.pointNowhere, base);
}

async function confirmPoint(ctx: Ctx, d: Draft, yes: boolean): Promise<void> {
  const t = tOf(ctx);
  if (yes && d.pendingCommune && d.pendingPoint) {
    return advance(ctx, {
      ...d,
      commune: d.pendingCommune,
      point: d.pendingPoint,
      located: true,
      address: undefined,
      pendingCommune: undefined,
      pendingPoint: undefined,
    });
  }
  // "No": the point is dropped (store only what the case needs) and the address is typed instead.
  const next: Draft = { ...d, pendingCommune: undefined, pendingPoint: undefined };
  ctx.setState(STEP.location, next as Record<string, unknown>);
  say(ctx, t.pointRejected);
}

function answerDanger(ctx: Ctx, d: Draft, danger: Danger): void {
  const t = tOf(ctx);
  const lead = danger === 'yes' ? [fill(t.dangerCallNow, { hotlines: hotlines(ctx) })] : [];
  advance(ctx, { ...d, danger }, lead);
}

/** Cancels the report in progress (the "Huỷ" button, or "huỷ" typed at any step): nothing is kept. */
export async function cancelReport(ctx: Ctx): Promise<void> {
  ctx.setState(null);
  ctx.reply(tOf(ctx).cancelled, mainMenuButtons(ctx.t));
}

async function confirmReport(ctx: Ctx, d: Draft): Promise<void> {
  const t = tOf(ctx);
  if (nextStep(d) !== STEP.confirm) return advance(ctx, d);
  if (await filingLimited(ctx)) {
    // Not filed, and the draft stays at the confirm step: the reporter can send it later.
    return ask(ctx, d, STEP.confirm, [fill(t.filingLimited, { hotlines: hotlines(ctx) })]);
  }
  const filed = await fileCase(ctx, {
    details: {
      description: d.description!,
      contact: d.contact ?? null,
      place: { text: d.address, commune: d.commune },
      point: d.point ?? null,
      photos: d.photos ?? [],
    },
    emergency: d.danger === 'yes',
    ageBand: d.ageBand ?? 'unknown',
  });
  ctx.setState(null);
  const { row } = filed;
  const w = caseWorkMessages[ctx.lang];
  const values = { ref: row.ref, hotlines: hotlines(ctx) };
  // What comes next: the report's status, adding to it, another report, the menu.
  const next: Button[] = [...reporterButtons(w, row.ref), { label: t.anotherReport, payload: 'menu:report' }, { label: ctx.t.menuMain, payload: 'menu:main' }];
  if (row.level === 'national') {
    ctx.reply(fill(w.filedNational, values), next);
    return;
  }
  const recipient =
    row.level === 'commune'
      ? fill(w.filedTo_commune, { commune: d.commune?.name ?? '' })
      : fill(w.filedTo_province, { province: d.commune?.province_name ?? '', commune: d.commune?.name ?? '' });
  ctx.reply(fill(t.filed, { ...values, recipient }), next);
}

/** Typed at the summary (folded): send the report. */
const CONFIRM_WORDS = /^(gui|gui tin|dong y|xac nhan|ok|send|yes|co)$/;

/**
 * The reads the two steps that read the database will make, named ahead so that on a remote database
 * they ride in the update's first read (core/prefetch.ts): the typed address's lookup, from the
 * update's text, whenever the reporter is at the address question (gated on the state in SQL, so it
 * needs nothing remembered); at the summary, filing the case (the officers of the draft's commune,
 * the next case id), from the draft this process last wrote. An update that turns out to do
 * something else leaves them unused.
 */
export const reportPrefetch: Prefetch = {
  fromUpdate({ deps, inc }) {
    // The address typed at the location question (or typed again instead of a pick).
    const text = inc.text ?? '';
    if (inc.button !== undefined || inc.location || inc.photo || text.length < 3 || text.startsWith('/')) return [];
    return (deps.services.addressReads?.(text.slice(0, 300)) ?? []).map((read) => ({ read, at: [STEP.location, STEP.pick] }));
  },
  steps: [STEP.confirm],
  fromState({ deps, state, inc }) {
    const d = state.data as Draft;
    const text = inc.text ?? '';
    const confirming = inc.button === 'report:confirm' || (inc.button === undefined && CONFIRM_WORDS.test(fold(text)));
    if (!confirming || !inc.dedupeKey || nextStep(d) !== STEP.confirm) return [];
    // The case's source key as fileCase stores it (a keyed tag of the update's key).
    return storedSourceKey(deps.sealer, inc.dedupeKey).then((key) => casePlanReads(deps.db, d.commune, key, caseWorld(inc)));
  },
};

/** "có", "co", "đúng", "yes" → true; "không", "ko", "sai", "no" → false; otherwise null. */
function yesNo(text: string): boolean | null {
  const f = fold(text).replace(/[.!]+$/, '');
  if (/^(co|dung|phai|dung roi|vang|u|yes|y|ok)$/.test(f)) return true;
  if (/^(khong|ko|k|khong phai|sai|no|n)$/.test(f)) return false;
  return null;
}
