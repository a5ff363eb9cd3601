// What officers read: the case message with its place, clocks and buttons (the reporter's words: cases/reporter-words.ts).
import { fill } from '../core/messages';
import type { Button } from '../core/types';
import { caseClocks, clockLabel, formatDateTime, timeLeft, type CaseRow } from './clocks';
import { mapLink, type CaseDetails, type Place } from './details';
import type { ReportsCatalogue } from '../reports/messages';

export function placeName(t: ReportsCatalogue, place: Place): string {
  if (place.commune) return `${place.commune.name}, ${place.commune.province_name}`;
  return place.text ?? t.placeUnknown;
}

export function ageLabel(t: ReportsCatalogue, band: string | null): string {
  switch (band) {
    case '0-5':
      return t.age_0_5;
    case '6-10':
      return t.age_6_10;
    case '11-15':
      return t.age_11_15;
    default:
      return t.age_unknown;
  }
}

export function officerStatus(t: ReportsCatalogue, status: string): string {
  const key = `officerStatus_${status}` as keyof ReportsCatalogue;
  return key in t ? t[key] : status;
}

/** The buttons that make sense for the case's status: the next Decree 56 step first, then the rest. */
export function officerButtons(t: ReportsCatalogue, row: Pick<CaseRow, 'ref' | 'status' | 'acknowledgedAt' | 'assessedAt' | 'planAt' | 'approvedAt'>): Button[] {
  if (row.status === 'closed') return [];
  const b = (label: string, action: string): Button => ({ label, payload: `case:${action}:${row.ref}` });
  const buttons: Button[] = [];
  if (!row.acknowledgedAt) buttons.push(b(t.btnAck, 'ack'));
  if (!row.assessedAt) buttons.push(b(t.btnVerify, 'verify'));
  else if (!row.planAt) buttons.push(b(t.btnPlan, 'plan'));
  else if (!row.approvedAt) buttons.push(b(t.btnApprove, 'approve'));
  else buttons.push(b(t.btnNote, 'note'), b(t.btnReview, 'review'));
  buttons.push(b(t.btnRefer, 'refer'), b(t.btnTransfer, 'transfer'));
  if (row.status !== 'escalated') buttons.push(b(t.btnEscalate, 'escalate'));
  buttons.push(b(t.btnClose, 'close'));
  return buttons;
}

export function clockLines(t: ReportsCatalogue, row: CaseRow, tz: string, at: Date): string[] {
  return caseClocks(row, tz).map((c) =>
    fill(t.clockLine, {
      name: clockLabel(t, c.name),
      due: formatDateTime(c.dueAt, tz),
      state: c.outcome === 'done' ? t.clockDone : c.outcome === 'skipped' ? t.clockSkipped : fill(t.clockOpen, { left: timeLeft(t, c.dueAt, at) }),
    }),
  );
}

/**
 * The full case for someone whose jurisdiction covers it. The reporter's contact appears only when
 * they gave one (an anonymous report has none stored at all).
 */
export function renderCase(t: ReportsCatalogue, row: CaseRow, d: CaseDetails, tz: string, at: Date, header: string, photoLines?: string[]): string {
  const lines = [header];
  if (row.emergency) lines.push(t.caseEmergency);
  lines.push(fill(t.caseWhere, { place: placeName(t, d.place) }));
  if (d.place.text && d.place.commune) lines.push(fill(t.caseAddress, { address: d.place.text }));
  if (d.point) lines.push(fill(t.caseMap, { url: mapLink(d.point) }));
  lines.push(fill(t.caseAge, { age: ageLabel(t, row.ageBand) }));
  lines.push(fill(t.caseDescription, { description: d.description }));
  // Photos are not in the notice itself; `/case` (showCase) sends them, and says how in `photoLines`.
  if (d.photos.length) lines.push(...(photoLines ?? [fill(t.casePhotos, { count: d.photos.length, ref: row.ref })]));
  lines.push(!row.anonymous && d.contact ? fill(t.caseContact, { contact: d.contact }) : t.caseAnonymous);
  lines.push(fill(t.caseReceived, { at: formatDateTime(row.receivedAt, tz) }));
  lines.push(fill(t.caseStatus, { status: officerStatus(t, row.status) }));
  lines.push(t.caseClocks, ...clockLines(t, row, tz, at));
  return lines.join('\n');
}
