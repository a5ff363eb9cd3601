// The case annex of a periodic report, as a pure function of the cases and events it is given: one
// table per subject (received, clocks, moves, closures, open, coverage, reminders). No personal data
// goes in; at commune level, and in the per-commune table, counts of 1 to 4 are written "<5".
import { fill } from '../core/messages';
import { caseClocks } from '../cases/clocks';
import { dayNumber, formatVi, localDate, localTime, zonedInstant, type Ymd } from '../reminders/dates';
import { HARM_KINDS, isHarmKind } from './harm';
import { annexText as t } from './messages';

export type AnnexScope = { level: 'national' } | { level: 'province'; code: string } | { level: 'commune'; code: string };

/** One case, by its plain (non-personal) columns. */
export interface AnnexCase {
  receivedAt: Date;
  emergency: boolean;
  ageBand: string | null;
  communeCode: string | null;
  channel: string | null;
  routedTo: string;
  acknowledgedAt: Date | null;
  assessedAt: Date | null;
  planAt: Date | null;
  approvedAt: Date | null;
  closedAt: Date | null;
  closeReason: string | null;
  /** The kind of harm staff chose for it (the last choice before the annex was made), or null. */
  harm?: string | null;
}

export interface AnnexInput {
  scope: AnnexScope;
  /** The unit's name ("Phường Ba Đình"), when known. */
  scopeName: string | null;
  from: Ymd;
  to: Ymd;
  tz: string;
  generatedAt: Date;
  /** Why these dates (from a reporting rule), and whether the source says so. */
  periodBasis?: { text: string; verified: boolean };
  /** Every case in scope received up to the end of the period. */
  cases: AnnexCase[];
  /** Referrals (tag = agency) and transfers on cases in scope. */
  events: Array<{ kind: 'referral' | 'transfer'; tag: string | null; at: Date }>;
  /** Escalations of cases in scope (from the audit trail). */
  escalations: Date[];
  coverage: { communes: number; covered: number };
  communeNames: Map<string, string>;
  /** Reminders of reporting deadlines sent to officers in scope, per rule and period. */
  reminders: Array<{ ruleId: string; title: string; period: string; due: Ymd; sent: Date[]; units: string[]; doneUnits: Array<{ unit: string; at: Date }> }>;
}

export type Cell = string | number;
export interface AnnexTable {
  id: string;
  title: string;
  head: string[];
  rows: Cell[][];
  note?: string;
}
export interface Annex {
  title: string;
  scopeLabel: string;
  from: Ymd;
  to: Ymd;
  /** Raw totals, for the one-line summary and the chat digest (which applies `small` itself). */
  totals: {
    received: number;
    emergencies: number;
    open: number;
    closed: number;
    referrals: number;
    transfers: number;
    escalations: number;
    /** Decree 56 clocks not met (late, không thực hiện, or overdue), per clock. */
    missed: Record<'emergency' | 'plan' | 'approval', number>;
    coverage: { communes: number; covered: number };
  };
  /** Commune scope: counts of 1 to 4 are shown as "<5". */
  small: boolean;
  /** The period is not over: numbers as of `generatedAt`. */
  partial: boolean;
  tables: AnnexTable[];
}

/** A count as shown: "<5" for 1–4 where small numbers could identify a child. */
export function shown(n: number, suppress: boolean): Cell {
  return suppress && n > 0 && n < 5 ? '<5' : n;
}

function tally<K>(keys: K[]): Map<K, number> {
  const m = new Map<K, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}

function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const HOUR = 3_600_000;

type ClockVerdict = 'met' | 'late' | 'skipped' | 'overdue' | 'running';

/** One Decree 56 clock of a case, judged at `end`: a step never taken is never "met". */
function verdict(dueAt: Date, takenAt: Date | null, closedAt: Date | null, end: Date): ClockVerdict {
  const taken = takenAt && takenAt <= end ? takenAt : null;
  if (taken) return taken <= dueAt ? 'met' : 'late';
  if (closedAt && closedAt <= end) return 'skipped';
  return dueAt <= end ? 'overdue' : 'running';
}

function scopeLabel(input: AnnexInput): string {
  const s = input.scope;
  if (s.level === 'national') return t.national;
  // A map name already says what the unit is ("Thành phố Hà Nội", "Phường Ba Đình").
  if (input.scopeName) return `${input.scopeName} (${s.code})`;
  return s.level === 'province' ? fill(t.province, { name: s.code }) : fill(t.commune, { name: s.code });
}

export function buildAnnex(input: AnnexInput): Annex {
  const { tz } = input;
  const start = zonedInstant(input.from, 0, tz);
  const end = new Date(zonedInstant(input.to, 0, tz).getTime() + 24 * HOUR - 1);
  const within = (d: Date | null): d is Date => d !== null && d >= start && d <= end;
  // A period not over yet (the annex a reminder brings before the deadline) is judged as of now:
  // a clock that falls due after this moment is "not due yet", never "overdue".
  const asOf = input.generatedAt < end ? input.generatedAt : end;
  // Commune scope: every count is about a handful of children.
  const small = input.scope.level === 'commune';
  const n = (v: number) => shown(v, small);

  const received = input.cases.filter((c) => within(c.receivedAt));
  const emergencies = received.filter((c) => c.emergency).length;
  const ackMs = received.filter((c) => c.acknowledgedAt && c.acknowledgedAt <= end).map((c) => c.acknowledgedAt!.getTime() - c.receivedAt.getTime());
  const med = median(ackMs);
  const ackBand = (lo: number, hi: number) => ackMs.filter((ms) => ms > lo * HOUR && ms <= hi * HOUR).length;

  const tables: AnnexTable[] = [];
  const periodText = fill(t.periodValue, { from: formatVi(input.from), to: formatVi(input.to) });
  const generated = localTime(input.generatedAt, tz);
  const generatedText = `${String(Math.floor(generated.minutes / 60)).padStart(2, '0')}:${String(generated.minutes % 60).padStart(2, '0')} ${formatVi(generated.date)}`;
  const general: Cell[][] = [
    [t.scope, scopeLabel(input)],
    [t.period, periodText],
    [t.generatedAt, generatedText],
    [t.dates, t.timeZone],
  ];
  if (asOf < end) general.push([t.partial, fill(t.partialValue, { at: generatedText })]);
  if (input.periodBasis) general.push([t.periodBasis, input.periodBasis.verified ? input.periodBasis.text : `${input.periodBasis.text}. ${t.periodUnverified}`]);
  general.push(['', t.privacy]);
  tables.push({ id: 'general', title: t.general, head: [t.item, t.value], rows: general });

  tables.push({
    id: 'received',
    title: t.received,
    head: [t.item, t.count],
    rows: [
      [t.receivedTotal, n(received.length)],
      [t.emergencies, n(emergencies)],
      [t.acked, n(ackMs.length)],
      [t.ackMedian, med === null ? '—' : small && ackMs.length < 5 ? t.suppressedMedian : Math.round((med / HOUR) * 10) / 10],
      [t.ackWithin1h, n(ackBand(-1, 1))],
      [t.ackWithin12h, n(ackBand(1, 12))],
      [t.ackOver12h, n(ackMs.filter((ms) => ms > 12 * HOUR).length)],
      [t.ackNever, n(received.length - ackMs.length)],
    ],
  });

  const harms = tally(received.map((c) => (c.harm && isHarmKind(c.harm) ? c.harm : null)));
  tables.push({
    id: 'harm',
    title: t.byHarm,
    head: [t.harm, t.count],
    rows: [...HARM_KINDS.map((k) => [t.harmWords[k]!, n(harms.get(k) ?? 0)]), [t.harmUnrecorded, n(harms.get(null) ?? 0)]],
    note: t.harmNote,
  });
  const ages = tally(received.map((c) => c.ageBand ?? 'unknown'));
  tables.push({ id: 'age', title: t.byAge, head: [t.age, t.count], rows: ['0-5', '6-10', '11-15', 'unknown'].map((a) => [t.ages[a]!, n(ages.get(a) ?? 0)]) });
  const channels = tally(received.map((c) => c.channel ?? 'unknown'));
  tables.push({
    id: 'channel',
    title: t.byChannel,
    head: [t.channel, t.count],
    rows: [...channels].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([ch, v]) => [t.channels[ch] ?? ch, n(v)]),
  });

  // Decree 56 clocks over the cases received in the period.
  const clockRows: Cell[][] = [];
  const missed = { emergency: 0, plan: 0, approval: 0 };
  for (const name of ['emergency', 'plan', 'approval'] as const) {
    const counts: Record<ClockVerdict, number> = { met: 0, late: 0, skipped: 0, overdue: 0, running: 0 };
    let applies = 0;
    for (const c of received) {
      const clock = caseClocks({ ...c }, tz).find((k) => k.name === name);
      if (!clock) continue;
      applies++;
      const takenAt = name === 'emergency' ? earliest(c.assessedAt, c.planAt) : name === 'plan' ? c.planAt : c.approvedAt;
      counts[verdict(clock.dueAt, takenAt, c.closedAt, asOf)]++;
    }
    missed[name] = counts.late + counts.skipped + counts.overdue;
    clockRows.push([t.clockNames[name]!, n(applies), n(counts.met), n(counts.late), n(counts.skipped), n(counts.overdue), n(counts.late + counts.skipped + counts.overdue), n(counts.running)]);
  }
  tables.push({ id: 'clocks', title: t.clocks, head: [t.clock, t.applies, t.met, t.late, t.skipped, t.overdue, t.missed, t.running], rows: clockRows, note: t.clockNote });

  const referrals = tally(input.events.filter((e) => e.kind === 'referral' && within(e.at)).map((e) => e.tag ?? 'other'));
  tables.push({
    id: 'moves',
    title: t.moves,
    head: [t.item, t.count],
    rows: [
      ...['police', 'health', 'legal', 'shelter', ...[...referrals.keys()].filter((k) => !['police', 'health', 'legal', 'shelter'].includes(k))].map((a) => [
        fill(t.referral, { agency: t.agencies[a] ?? a }),
        n(referrals.get(a) ?? 0),
      ]),
      [t.transfers, n(input.events.filter((e) => e.kind === 'transfer' && within(e.at)).length)],
      [t.escalations, n(input.escalations.filter(within).length)],
    ],
    note: t.movesNote,
  });

  const closed = input.cases.filter((c) => within(c.closedAt));
  const reasons = tally(closed.map((c) => c.closeReason ?? 'unknown'));
  tables.push({
    id: 'closures',
    title: t.closures,
    head: [t.reason, t.count],
    rows: [
      ...['safe', 'transferred', 'referred', 'unfounded', 'other', 'unknown'].filter((r) => r !== 'unknown' || reasons.has('unknown')).map((r) => [t.closeWords[r]!, n(reasons.get(r) ?? 0)]),
      [t.closedTotal, n(closed.length)],
    ],
  });

  const open = input.cases.filter((c) => c.receivedAt <= end && !(c.closedAt && c.closedAt <= end));
  tables.push({
    id: 'open',
    title: t.open,
    head: [t.item, t.count],
    rows: [
      [t.openTotal, n(open.length)],
      [t.openEmergency, n(open.filter((c) => c.emergency).length)],
    ],
  });

  tables.push({
    id: 'coverage',
    title: t.coverage,
    head: [t.item, t.value],
    rows: [
      [t.coverageCommunes, input.coverage.covered],
      [t.coverageAll, input.coverage.communes],
    ],
    note: t.coverageNote,
  });

  if (input.scope.level !== 'commune') {
    const byCommune = new Map<string, { received: number; emergencies: number; open: number }>();
    const row = (code: string | null) => {
      const key = code ?? '';
      let r = byCommune.get(key);
      if (!r) byCommune.set(key, (r = { received: 0, emergencies: 0, open: 0 }));
      return r;
    };
    for (const c of received) {
      row(c.communeCode).received++;
      if (c.emergency) row(c.communeCode).emergencies++;
    }
    for (const c of open) row(c.communeCode).open++;
    tables.push({
      id: 'communes',
      title: t.byCommune,
      head: [t.communeCol, t.receivedTotal, t.emergencies, t.openTotal],
      rows: [...byCommune]
        .sort((a, b) => a[0].localeCompare(b[0]))
        .map(([code, r]) => [code ? (input.communeNames.has(code) ? `${input.communeNames.get(code)} (${code})` : code) : t.unknownCommune, shown(r.received, true), shown(r.emergencies, true), shown(r.open, true)]),
      note: t.privacy,
    });
  }

  const reminderRows: Cell[][] = [];
  for (const r of input.reminders) {
    const sent = r.sent.filter(within).length;
    if (!sent) continue;
    reminderRows.push([r.title, r.period, formatVi(r.due), sent, r.units.length, r.doneUnits.length]);
  }
  tables.push({
    id: 'reminders',
    title: t.reminders,
    head: [t.rule, t.rulePeriod, t.due, t.sent, t.units, t.doneUnits],
    rows: reminderRows,
    ...(reminderRows.length ? {} : { note: t.remindersNone }),
  });

  return {
    title: t.title,
    scopeLabel: scopeLabel(input),
    from: input.from,
    to: input.to,
    totals: {
      received: received.length,
      emergencies,
      open: open.length,
      closed: closed.length,
      referrals: input.events.filter((e) => e.kind === 'referral' && within(e.at)).length,
      transfers: input.events.filter((e) => e.kind === 'transfer' && within(e.at)).length,
      escalations: input.escalations.filter(within).length,
      missed,
      coverage: input.coverage,
    },
    small,
    partial: asOf < end,
    tables,
  };
}

function earliest(a: Date | null, b: Date | null): Date | null {
  if (!a) return b;
  if (!b) return a;
  return a < b ? a : b;
}

/** Whether a YYYY-MM-DD text is a real date. */
export function isYmd(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && localDate(new Date(dayNumber(s) * 86_400_000), 'UTC') === s;
}
