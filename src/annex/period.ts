// The period a reporting deadline's annex covers: the quarter, six months or year before the deadline,
// as the rule's schedule and its source say. Where the source does not state the period, it is marked
// unverified (the length follows the schedule, and the cut-off, the day before the deadline, is ours).
import { addDays, daysInMonth, ymd, type Ymd } from '../reminders/dates';
import { occurrencesInYear, type Occurrence } from '../reminders/occurrences';
import type { RuleSpec } from '../reminders/schema';

export type PeriodLength = 'month' | 'quarter' | 'half' | 'year' | 'fixed';

export interface AnnexPeriod {
  from: Ymd;
  to: Ymd;
  length: PeriodLength;
  /** True only when the rule is verified and its source states what the report covers. */
  verified: boolean;
  /** Why these dates, in Vietnamese, for the annex's first sheet. */
  basis: string;
}

const MONTHS: Record<Exclude<PeriodLength, 'fixed'>, number> = { month: 1, quarter: 3, half: 6, year: 12 };
const WORDS: Record<Exclude<PeriodLength, 'fixed'>, string> = { month: '1 tháng', quarter: '1 quý', half: '6 tháng', year: '1 năm' };
/** How a source says the length: "định kỳ 6 tháng", "báo cáo năm", "định kỳ quý". */
// Written as strings, not regex literals: the bundler escapes a string's Vietnamese letters, and
// keeps the Worker's bundle ASCII (test/platform/worker-bundle.test.ts says why).
const STATED: Record<Exclude<PeriodLength, 'fixed'>, RegExp> = {
  month: new RegExp('hằng tháng|hàng tháng|định kỳ tháng', 'i'),
  quarter: new RegExp('quý', 'i'),
  half: new RegExp('\\b0?6 tháng', 'i'),
  year: new RegExp('\\bnăm\\b', 'i'),
};

/** Rules whose source names a fixed span rather than "the period before the deadline". */
const FIXED_SPANS: Record<string, { from: { month: number; day: number }; to: { month: number; day: number }; basis: string }> = {
  // Thông tư 28/2019 Điều 5: the results of the Action Month for Children, which is June.
  'am-result-commune': { from: { month: 6, day: 1 }, to: { month: 6, day: 30 }, basis: 'Kết quả Tháng hành động vì trẻ em (tháng 6), Thông tư 28/2019/TT-BLĐTBXH Điều 5' },
  'am-result-province': { from: { month: 6, day: 1 }, to: { month: 6, day: 30 }, basis: 'Kết quả Tháng hành động vì trẻ em (tháng 6), Thông tư 28/2019/TT-BLĐTBXH Điều 5' },
};

/** A semiannual rule whose second report is the annual one, as its source says ("báo cáo năm (trước ngày 15/11)"). */
const H2_IS_ANNUAL = new Set(['nt-periodic']);

/** The same day `months` months earlier (clamped to the month's last day). */
export function monthsBefore(date: Ymd, months: number): Ymd {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const yy = Math.floor(total / 12);
  const mm = (total % 12) + 1;
  return ymd(yy, mm, Math.min(d, daysInMonth(yy, mm)));
}

function lengthOf(rule: RuleSpec, occurrence: Occurrence): Exclude<PeriodLength, 'fixed'> {
  const s = rule.schedule;
  if ('semiannual' in s) return occurrence.period.endsWith('-H2') && H2_IS_ANNUAL.has(rule.id) ? 'year' : 'half';
  if ('quarterly' in s) return 'quarter';
  if ('monthly' in s) return 'month';
  if ('working_days_after' in s) return s.working_days_after.period;
  return 'year';
}

/** The period the annex for this occurrence of a deadline covers. */
export function annexPeriod(rule: RuleSpec, occurrence: Occurrence): AnnexPeriod {
  const year = Number(occurrence.due.slice(0, 4));
  const fixed = FIXED_SPANS[rule.id];
  if (fixed) {
    return { from: ymd(year, fixed.from.month, fixed.from.day), to: ymd(year, fixed.to.month, fixed.to.day), length: 'fixed', verified: rule.verified, basis: fixed.basis };
  }
  const length = lengthOf(rule, occurrence);
  const sourceText = `${rule.source.doc} ${rule.source.quote ?? ''}`;
  const stated = rule.verified && STATED[length].test(sourceText);
  const s = rule.schedule;
  // A "N working days after the period" rule names its period exactly.
  if ('working_days_after' in s) {
    const to = periodEnd(occurrence.period);
    if (to) return { from: addDays(monthsBefore(addDays(to, 1), MONTHS[length]), 0), to, length, verified: rule.verified, basis: `Kỳ ${occurrence.period}, ${rule.source.doc}` };
  }
  const to = addDays(occurrence.due, -1);
  const from = monthsBefore(occurrence.due, MONTHS[length]);
  const basis = `Báo cáo ${WORDS[length]} trước hạn ${occurrence.due.split('-').reverse().join('/')}, ${rule.source.doc}${rule.source.article ? ` ${rule.source.article}` : ''}`;
  return { from, to, length, verified: stated, basis };
}

/** Last day of a period label ('2027-Q2', '2027-H1', '2027-07', '2027'), or null. */
function periodEnd(label: string): Ymd | null {
  const q = /^(\d{4})-Q([1-4])$/.exec(label);
  if (q) return ymd(Number(q[1]), Number(q[2]) * 3, daysInMonth(Number(q[1]), Number(q[2]) * 3));
  const h = /^(\d{4})-H([12])$/.exec(label);
  if (h) return ymd(Number(h[1]), h[2] === '1' ? 6 : 12, h[2] === '1' ? 30 : 31);
  const m = /^(\d{4})-(\d{2})$/.exec(label);
  if (m) return ymd(Number(m[1]), Number(m[2]), daysInMonth(Number(m[1]), Number(m[2])));
  if (/^\d{4}$/.test(label)) return ymd(Number(label), 12, 31);
  return null;
}

/** The occurrence of a reporting deadline named by its period label ('2027-H1'), or undefined. */
export function deadlineOccurrence(rules: readonly RuleSpec[], ruleId: string, period: string): { rule: RuleSpec; occurrence: Occurrence } | undefined {
  const rule = rules.find((r) => r.id === ruleId && r.kind === 'deadline');
  if (!rule || !/^\d{4}/.test(period)) return undefined;
  const occurrence = occurrencesInYear(rule, Number(period.slice(0, 4))).find((o) => o.period === period);
  return occurrence ? { rule, occurrence } : undefined;
}
