// The reporter's side of a filed case: its status by button, by `/status`, by the bare code or by plain
// words ("tin của tôi sao rồi", "báo rồi mà chưa thấy ai", with or without accents), and additions
// (text or a photo) that reach whoever holds the case now. Only the chat that filed a case sees it.
import { desc, eq } from 'drizzle-orm';
import { filedBy, filedByAny, REPORTER_ACTOR, reporterTags } from './reporter-link';
import type { Ctx } from '../core/context';
import { fill } from '../core/messages';
import { emergencyLine } from '../core/menu';
import type { Button } from '../core/types';
import { cases } from '../db/schema';
import { fold } from '../knowledge/text';
import { auditAs } from './audit';
import { findCaseByRef } from './cases';
import { formatDateTime, type CaseRow } from './clocks';
import { openDetails, sealDetails } from './details';
import { officerAddress } from '../directory/officers';
import { langsOf } from './recipients';
import { parseCaseRef } from './ref';
import { reportsMessages } from '../reports/messages';
import { recordEvent } from './events';
import { currentHolders } from './levels';
import { caseWorkMessages, type CaseWorkCatalogue } from './messages';
import { reporterWords } from './reporter-words';

export const ADD_INFO_STEP = 'case.addinfo';
const STATUS_LIST_MAX = 5;
const MAX_ADDITION_CHARS = 1500;
const MAX_PHOTOS = 6;

const tOf = (ctx: Ctx): CaseWorkCatalogue => caseWorkMessages[ctx.lang];
const menuButton = (ctx: Ctx): Button => ({ label: ctx.t.menuMain, payload: 'menu:main' });

/** The buttons under a filed report or a status answer: see status, add information. */
export function reporterButtons(t: CaseWorkCatalogue, ref: string, closed = false): Button[] {
  const b: Button[] = [{ label: t.btnStatus, payload: `status:${ref}` }];
  if (!closed) b.push({ label: t.btnAddInfo, payload: `status:add:${ref}` });
  return b;
}

/** A message that asks after one's own report: a bare reference code, or plain words. */
export function asksForStatus(text: string): { ref: string | null } | null {
  const ref = parseCaseRef(text);
  if (ref) return { ref };
  const f = ` ${fold(text).replace(/[^a-z0-9 ]+/g, ' ').replace(/\s+/g, ' ').trim()} `;
  if (f.length > 90) return null;
  const patterns = [
    / (xem )?tinh trang (tin|vu viec|ho so|bao cao)? ?(cua (toi|minh|em|tao))? ?$/,
    / tin (bao )?(cua )?(toi|minh|em|tao) .*(sao roi|the nao|den dau|ra sao|xu ly chua|duoc chua|sao|dau roi)/,
    / bao (tin )?roi .*chua (thay|co) (ai|gi|tin|phan hoi|hoi am)/,
    / (chua thay ai|chua ai lien he|chua co ai lien he|chua thay phan hoi) /,
    / (status of my report|my report status|where is my report|what happened to my report) /,
  ];
  return patterns.some((p) => p.test(f)) ? { ref: null } : null;
}

/** The reporter's status answer: one case by reference, or every case this chat filed (newest first). */
export async function answerStatus(ctx: Ctx, ref: string | null, opts: { danger?: boolean } = {}): Promise<void> {
  const t = tOf(ctx);
  const tz = ctx.deps.config.TZ_REGION;
  // Words that might also mean danger now: the numbers come with the status, in the same reply.
  const danger = opts.danger ? `\n\n${fill(t.statusDangerLine, { hotlines: emergencyLine(ctx.lang) })}` : '';
  if (ref) {
    const [row, mine] = await Promise.all([findCaseByRef(ctx.deps.db, ref), reporterTags(ctx.deps.sealer, ctx.user.id)]);
    // Someone else's reference looks exactly like an unknown one.
    if (!row || !filedBy(row, mine)) {
      ctx.reply(fill(reportsMessages[ctx.lang].statusNotFound, { ref }) + danger);
      return;
    }
    await ctx.audit('case.status_viewed', row.id, undefined, REPORTER_ACTOR);
    ctx.reply(fill(reportsMessages[ctx.lang].statusLine, { ref: row.ref, receivedAt: formatDateTime(row.receivedAt, tz), status: reporterWords(ctx.lang, row) }) + danger, [
      ...(row.status === 'closed' ? [] : [{ label: t.btnAddInfo, payload: `status:add:${row.ref}` }]),
      { label: ctx.t.menuReport, payload: 'menu:report' },
      menuButton(ctx),
    ]);
    return;
  }
  const rows = await ctx.deps.db
    .select()
    .from(cases)
    .where(filedByAny(await reporterTags(ctx.deps.sealer, ctx.user.id)))
    .orderBy(desc(cases.receivedAt))
    .limit(STATUS_LIST_MAX);
  if (!rows.length) {
    ctx.reply(reportsMessages[ctx.lang].statusUsage + danger, [{ label: ctx.t.menuReport, payload: 'menu:report' }, menuButton(ctx)]);
    return;
  }
  if (rows.length === 1) return answerStatus(ctx, rows[0]!.ref, opts);
  for (const row of rows) await ctx.audit('case.status_viewed', row.id, undefined, REPORTER_ACTOR);
  const lines = rows.map((row) => fill(t.statusItem, { ref: row.ref, receivedAt: formatDateTime(row.receivedAt, tz), status: reporterWords(ctx.lang, row) }));
  const open = rows.filter((r) => r.status !== 'closed');
  const buttons: Button[] = open.slice(0, 3).map((r) => ({ label: `${t.btnAddInfo} ${r.ref}`, payload: `status:add:${r.ref}` }));
  ctx.reply([t.statusHeader, ...lines, ...(open.length ? [t.statusFooter] : [])].join('\n') + danger, [...buttons, menuButton(ctx)]);
}

/** `status:<ref>` (see it) and `status:add:<ref>` (add to it) buttons. */
export async function handleStatusButton(ctx: Ctx, args: string[]): Promise<void> {
  const [first = '', second = ''] = args;
  if (first === 'add') {
    const ref = parseCaseRef(second);
    if (ref) return startAddition(ctx, ref);
  }
  return answerStatus(ctx, parseCaseRef(first === 'view' ? second : first));
}

async function ownCase(ctx: Ctx, ref: string): Promise<CaseRow | null> {
  const [row, mine] = await Promise.all([findCaseByRef(ctx.deps.db, ref), reporterTags(ctx.deps.sealer, ctx.user.id)]);
  return row && filedBy(row, mine) ? row : null;
}

async function startAddition(ctx: Ctx, ref: string): Promise<void> {
  const t = tOf(ctx);
  const row = await ownCase(ctx, ref);
  if (!row) return answerStatus(ctx, ref);
  if (row.status === 'closed') {
    ctx.reply(fill(t.addInfoClosed, { ref, hotlines: emergencyLine(ctx.lang) }));
    return;
  }
  ctx.setState(ADD_INFO_STEP, { ref });
  ctx.reply(fill(t.addInfoAsk, { ref }));
}

/** The text or photo typed while adding to a filed case: stored with the case, sent to its holders now. */
export async function handleAddition(ctx: Ctx): Promise<void> {
  const t = tOf(ctx);
  const ref = String(ctx.state.data.ref ?? '');
  const row = await ownCase(ctx, ref);
  if (!row || row.status === 'closed') {
    ctx.setState(null);
    return row ? void ctx.reply(fill(t.addInfoClosed, { ref, hotlines: emergencyLine(ctx.lang) })) : answerStatus(ctx, null);
  }
  const text = (ctx.inc.text ?? '').trim().slice(0, MAX_ADDITION_CHARS);
  const photo = ctx.inc.photo?.fileId;
  if (!text && !photo) {
    ctx.reply(t.addInfoEmpty);
    return;
  }
  const { db, sealer } = ctx.deps;
  await recordEvent(db, sealer, { caseId: row.id, at: ctx.at, kind: 'reporter_info', actor: REPORTER_ACTOR, level: null, body: { ...(text ? { note: text } : {}), ...(photo ? { photo } : {}) } });
  if (photo) {
    // The photo joins the case's photos, so `/case` shows it with the others.
    const details = await openDetails(sealer, row);
    if (details.photos.length < MAX_PHOTOS) {
      const sealed = await sealDetails(sealer, { ...details, photos: [...details.photos, photo] });
      await db.update(cases).set({ photoEnc: sealed.photoEnc, updatedAt: ctx.at }).where(eq(cases.id, row.id));
    }
  }
  await auditAs(db, ctx.at, REPORTER_ACTOR, 'case.reporter_added', row.id, { text: !!text, photo: !!photo });
  const holders = await currentHolders(db, row);
  // The officer's notice names the case; its key must not carry the reporter's update key, which their
  // own reply's outbox key carries beside their chat id: a tag of it instead.
  const occasion = ctx.inc.dedupeKey ? await sealer.tag(`info:${ctx.inc.dedupeKey}`) : String(ctx.at.getTime());
  const addresses = holders.map(officerAddress);
  const langs = await langsOf(db, addresses);
  holders.forEach((o, i) => {
    const tt = caseWorkMessages[langs[i]!];
    const lines = [...(text ? [fill(tt.addInfoToOfficer, { ref: row.ref, text })] : []), ...(photo ? [fill(tt.addInfoPhotoToOfficer, { ref: row.ref })] : [])];
    ctx.notify({
      to: addresses[i]!,
      text: lines.join('\n\n'),
      buttons: [{ label: tt.btnViewCase, payload: `case:view:${row.ref}` }],
      state: null,
      kind: 'case',
      caseId: row.id,
      dedupeKey: `case:${row.id}:reporter-info:${o.id}:${occasion}`,
    });
  });
  ctx.setState(null);
  ctx.reply(fill(t.addInfoDone, { ref: row.ref }), [...reporterButtons(t, row.ref), menuButton(ctx)]);
}
