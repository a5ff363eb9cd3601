// An annex made before its period is over (the one a reminder brings ahead of the deadline): clocks
// that fall due after that moment are "not due yet", not "overdue", and the first sheet says so.
import { describe, expect, it } from 'vitest';
import { buildAnnex, type AnnexCase, type AnnexInput } from '../../src/annex/build';

const vn = (s: string) => new Date(`${s}+07:00`);
const TZ = 'Asia/Ho_Chi_Minh';

function input(at: Date, cases: AnnexCase[]): AnnexInput {
  return {
    scope: { level: 'province', code: '01' },
    scopeName: 'Thành phố Hà Nội',
    from: '2027-01-01',
    to: '2027-06-30',
    tz: TZ,
    generatedAt: at,
    cases,
    events: [],
    escalations: [],
    coverage: { communes: 10, covered: 3 },
    communeNames: new Map(),
    reminders: [],
  };
}

// Received Monday 1 March 2027, acknowledged, no plan yet: the plan is due 5 working days later (8 March).
const waiting: AnnexCase = {
  receivedAt: vn('2027-03-01T08:00:00'), emergency: false, ageBand: '6-10', communeCode: '00004', channel: 'telegram', routedTo: 'officer',
  acknowledgedAt: vn('2027-03-01T09:00:00'), assessedAt: null, planAt: null, approvedAt: null, closedAt: null, closeReason: null,
};

const planRow = (annex: ReturnType<typeof buildAnnex>) => annex.tables.find((t) => t.id === 'clocks')!.rows.find((r) => String(r[0]).startsWith('Kế hoạch'))!;
const general = (annex: ReturnType<typeof buildAnnex>, label: string) => annex.tables.find((t) => t.id === 'general')!.rows.find((r) => r[0] === label)?.[1];

describe('an annex made before the period ends', () => {
  it('counts a plan not yet due as "chưa đến hạn" and says the period is not over', () => {
    const early = buildAnnex(input(vn('2027-03-03T10:00:00'), [waiting]));
    // applies, met, late, không thực hiện, overdue, missed, not due yet
    expect(planRow(early).slice(1)).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(general(early, 'Kỳ chưa kết thúc')).toBe('số liệu tính đến 10:00 03/03/2027; thời hạn nào chưa đến lúc này được tính là "chưa đến hạn"');
  });

  it('once the period is over, the same plan never made is overdue and the note is gone', () => {
    const after = buildAnnex(input(vn('2027-07-10T10:00:00'), [waiting]));
    expect(planRow(after).slice(1)).toEqual([1, 0, 0, 0, 1, 1, 0]);
    expect(general(after, 'Kỳ chưa kết thúc')).toBeUndefined();
  });
});
