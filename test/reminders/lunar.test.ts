// Lunar dates land on the right solar day in Vietnam (UTC+7), not China's (UTC+8).
import { describe, expect, it } from 'vitest';
import { lunarToSolar } from '../../src/reminders/lunar';
import { occurrencesInYear } from '../../src/reminders/occurrences';
import { RULES } from '../../src/reminders/rules.generated';

// Expected dates: shared/FACTS.md ("Two independent libraries agree on these dates, except Tết 2030"),
// re-checked on 2026-11-25 against two libraries independent of @dqcai/vn-lunar:
//   - amlich 0.0.2 (npm; Hồ Ngọc Đức's reference implementation, convertLunar2Solar with timeZone 7)
//     gives exactly these dates, including Tết 2030 = 2 Feb;
//   - lunar-javascript 1.7.7 (6tail; the Chinese calendar, UTC+8) agrees on every Mid-Autumn date
//     below but puts Tết 2030 on 3 Feb: the new moon falls just before midnight in UTC+7.
const MID_AUTUMN: Record<number, string> = {
  2026: '2026-09-25',
  2027: '2027-09-15',
  2028: '2028-10-03',
  2029: '2029-09-22',
  2030: '2030-09-12',
};
const TET: Record<number, string> = {
  2026: '2026-02-17',
  2027: '2027-02-06',
  2028: '2028-01-26',
  2029: '2029-02-13',
  2030: '2030-02-02',
};

describe('Vietnamese lunar calendar', () => {
  it('puts Mid-Autumn (lunar 15/8) on the right solar day for 2026–2030', () => {
    for (const [year, date] of Object.entries(MID_AUTUMN)) expect(lunarToSolar(Number(year), 8, 15)).toBe(date);
  });

  it('puts Tết on the Vietnamese day, 2 Feb in 2030 (the Chinese calendar says 3 Feb)', () => {
    for (const [year, date] of Object.entries(TET)) expect(lunarToSolar(Number(year), 1, 1)).toBe(date);
  });

  it('dates the Mid-Autumn reminder rule by the lunar calendar', () => {
    const rule = RULES.find((r) => r.id === 'mid-autumn')!;
    for (const [year, date] of Object.entries(MID_AUTUMN)) {
      expect(occurrencesInYear(rule, Number(year))).toEqual([{ period: year, due: date }]);
    }
  });
});
