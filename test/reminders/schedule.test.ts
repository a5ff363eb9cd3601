// The pure schedule: who is reminded of what, when, exactly once, and never at night.
import { describe, expect, it } from 'vitest';
import { localTime } from '../../src/reminders/dates';
import { RULES } from '../../src/reminders/rules.generated';
import type { RuleSpec } from '../../src/reminders/schema';
import { doneKey, dueReminders, type Recipient, type Reminder } from '../../src/reminders/schedule';

const TZ = 'Asia/Ho_Chi_Minh';
const QUARTER_HOUR = 15 * 60_000;

const people: Recipient[] = [
  { id: '1', role: 'officer', communeCode: '00004', provinceCode: '01', channel: 'telegram', channelUserId: 'hanoi-officer' },
  { id: '2', role: 'supervisor', communeCode: '01', provinceCode: '01', channel: 'telegram', channelUserId: 'hanoi-supervisor' },
  { id: '3', role: 'officer', communeCode: '05977', provinceCode: '20', channel: 'zalo', channelUserId: 'dong-kinh-officer' },
  { id: '4', role: 'officer', communeCode: '26080', provinceCode: '75', channel: 'telegram', channelUserId: 'long-khanh-officer', lang: 'en' },
];

function simulate(from: string, to: string, opts: { rules?: readonly RuleSpec[]; skip?: (at: Date) => boolean; done?: Set<string>; muted?: string[] } = {}) {
  const sent = new Map<string, Reminder & { at: Date }>();
  let duplicates = 0;
  for (let t = new Date(from).getTime(); t < new Date(to).getTime(); t += QUARTER_HOUR) {
    const at = new Date(t);
    if (opts.skip?.(at)) continue;
    const due = dueReminders({ at, rules: opts.rules ?? RULES, recipients: people, tz: TZ, sent: (k) => sent.has(k), done: opts.done, muted: opts.muted });
    for (const r of due) {
      if (sent.has(r.key)) duplicates++;
      sent.set(r.key, { ...r, at });
    }
  }
  return { sent: [...sent.values()], duplicates };
}

describe('a year of 15-minute ticks', () => {
  const year = simulate('2027-01-01T00:00:00+07:00', '2028-01-01T00:00:00+07:00');

  it('sends each reminder exactly once', () => {
    expect(year.duplicates).toBe(0);
    expect(year.sent.length).toBeGreaterThan(50);
  });

  it('sends nothing at night: every send is between 07:30 and 20:00 in Vietnam', () => {
    for (const r of year.sent) {
      const { minutes } = localTime(r.at, TZ);
      expect(minutes).toBeGreaterThanOrEqual(7 * 60 + 30);
      expect(minutes).toBeLessThan(20 * 60);
    }
  });

  it('sends each lead step at the first daytime tick of its day', () => {
    const r = year.sent.find((x) => x.key === 'am-result-commune|2027|1|7')!;
    expect(r.at.toISOString()).toBe('2027-07-03T00:30:00.000Z'); // 07:30 on 3 July in Vietnam
    expect(r.text).toContain('trước ngày 10/07/2027 (còn 7 ngày)');
  });

  it('reminds 14, 7, 3, 1 and 0 days ahead, then daily while overdue up to 5 days', () => {
    const leads = year.sent.filter((x) => x.ruleId === 'am-result-commune' && x.recipient.id === '1').map((x) => x.lead);
    expect(leads).toEqual([14, 7, 3, 1, 0, -1, -2, -3, -4, -5]);
  });

  it('gives each person only the rules of their role and place', () => {
    const rulesOf = (id: string) => new Set(year.sent.filter((x) => x.recipient.id === id).map((x) => x.ruleId));
    expect(rulesOf('1')).toContain('am-result-commune');
    expect(rulesOf('1')).not.toContain('am-result-province');
    expect(rulesOf('1')).not.toContain('ls-annual');
    expect(rulesOf('2')).toContain('am-result-province');
    expect(rulesOf('2')).toContain('alt-care-province');
    expect(rulesOf('2')).not.toContain('am-result-commune');
    expect(rulesOf('3')).toContain('ls-annual'); // Đông Kinh ward, on the former Lạng Sơn city
    expect(rulesOf('4')).toContain('lk-quarterly'); // Long Khánh ward
    expect(rulesOf('1')).toContain('mid-autumn');
  });

  it('dates the Mid-Autumn reminder by the lunar calendar (15 Sep 2027)', () => {
    const r = year.sent.find((x) => x.ruleId === 'mid-autumn' && x.recipient.id === '1' && x.lead === 14)!;
    expect(r.due).toBe('2027-09-15');
    expect(localTime(r.at, TZ).date).toBe('2027-09-01');
  });

  it('marks an assumed day in the text and speaks English to an officer who chose it', () => {
    const r = year.sent.find((x) => x.ruleId === 'lk-quarterly')!;
    expect(r.text).toContain('our assumption');
    expect(r.buttons[0]!.payload).toMatch(/^remind:done:lk-quarterly:2027-Q\d$/);
  });
});

describe('catching up after downtime', () => {
  it('sends only the most recent missed step once, not a burst of all of them', () => {
    // Down from 25 June to 4 July 2027: the 14- and 7-day steps of the Action Month report were missed.
    const down = (at: Date) => at >= new Date('2027-06-25T00:00:00+07:00') && at < new Date('2027-07-04T12:00:00+07:00');
    const run = simulate('2027-06-20T00:00:00+07:00', '2027-07-20T00:00:00+07:00', { skip: down });
    const mine = run.sent.filter((x) => x.ruleId === 'am-result-commune' && x.recipient.id === '1');
    expect(mine.map((x) => x.lead)).toEqual([7, 3, 1, 0, -1, -2, -3, -4, -5]);
    expect(mine[0]!.at.toISOString()).toBe('2027-07-04T05:00:00.000Z'); // the first tick after coming back
    expect(mine[0]!.text).toContain('còn 6 ngày');
  });

  it('sends nothing for a period that is over', () => {
    const down = (at: Date) => at < new Date('2027-08-01T00:00:00+07:00');
    const run = simulate('2027-06-01T00:00:00+07:00', '2027-08-10T00:00:00+07:00', { skip: down });
    expect(run.sent.filter((x) => x.ruleId === 'am-result-commune')).toEqual([]);
    expect(run.sent.filter((x) => x.ruleId === 'action-month')).toEqual([]);
  });
});

describe('done and muted', () => {
  it('"Đã nộp báo cáo" stops the rest of that period for that officer only', () => {
    const done = new Set([doneKey('am-result-commune', '2027', '1')]);
    const run = simulate('2027-06-20T00:00:00+07:00', '2027-07-20T00:00:00+07:00', { done });
    expect(run.sent.filter((x) => x.ruleId === 'am-result-commune' && x.recipient.id === '1')).toEqual([]);
    const other = simulate('2027-06-20T00:00:00+07:00', '2027-07-20T00:00:00+07:00', { done: new Set([doneKey('am-result-commune', '2026', '1')]) });
    expect(other.sent.filter((x) => x.ruleId === 'am-result-commune' && x.recipient.id === '1')).toHaveLength(10);
  });

  it('a muted rule sends nothing', () => {
    const run = simulate('2027-06-20T00:00:00+07:00', '2027-07-20T00:00:00+07:00', { muted: ['am-result-commune'] });
    expect(run.sent.filter((x) => x.ruleId === 'am-result-commune')).toEqual([]);
    expect(run.sent.filter((x) => x.ruleId === 'am-result-province')).not.toEqual([]);
  });
});

describe('periodic schedule kinds', () => {
  const base = {
    kind: 'deadline' as const,
    title: { vi: 'Báo cáo thử', en: 'Test report' },
    text: { vi: 'Nộp báo cáo thử.', en: 'Send the test report.' },
    leads: [0],
    audience: { role: 'officer' as const, jurisdiction: { provinces: ['01'] } },
    source: { doc: 'Quy định thử nghiệm' },
    verified: true,
  };
  const dueDates = (schedule: RuleSpec['schedule']) =>
    simulate('2027-01-01T00:00:00+07:00', '2028-01-01T00:00:00+07:00', { rules: [{ ...base, id: 'probe', schedule }] })
      .sent.filter((x) => x.recipient.id === '1')
      .map((x) => `${x.period} ${x.due}`);

  it('monthly, on a day of the month', () => {
    const dates = dueDates({ monthly: { day: 5 } });
    expect(dates).toHaveLength(12);
    expect(dates[6]).toBe('2027-07 2027-07-05');
  });

  it('quarterly, in a month of the quarter or the month after it', () => {
    expect(dueDates({ quarterly: { month: 4, day: 10 } })).toEqual(['2026-Q4 2027-01-10', '2027-Q1 2027-04-10', '2027-Q2 2027-07-10', '2027-Q3 2027-10-10']);
  });

  it('N working days after the end of a period, skipping weekends and holidays', () => {
    // Q1 2027 ends Wed 31 Mar → 5 working days: 1, 2, 5, 6, 7 April.
    // Q2 ends Wed 30 Jun → 1, 2, 5, 6, 7 July. Q3 ends Thu 30 Sep → 1, 4, 5, 6, 7 Oct.
    expect(dueDates({ working_days_after: { period: 'quarter', days: 5 } })).toEqual([
      '2026-Q4 2027-01-08', // 31 Dec 2026 → 4, 5, 6, 7, 8 Jan (1 Jan is a holiday)
      '2027-Q1 2027-04-07',
      '2027-Q2 2027-07-07',
      '2027-Q3 2027-10-07',
    ]);
  });

  it('a one-off date and a province audience', () => {
    const sent = simulate('2027-01-01T00:00:00+07:00', '2028-01-01T00:00:00+07:00', { rules: [{ ...base, id: 'probe', schedule: { once: '2027-03-08' } }] }).sent;
    expect(sent.map((x) => `${x.recipient.id} ${x.period}`)).toEqual(['1 2027-03-08']);
  });
});
