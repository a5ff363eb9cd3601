// Working days for legal clocks: weekends and public holidays (content/holidays.yaml) do not count.
import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay } from '../../src/reminders/calendar';
import { clockSteps, currentClockStep, nextDaytime } from '../../src/reminders/clock-steps';

const TZ = 'Asia/Ho_Chi_Minh';

describe('working days in Vietnam', () => {
  it('knows weekends and holidays, by the Vietnamese date', () => {
    expect(isWorkingDay(new Date('2027-07-05T09:00:00+07:00'), TZ)).toBe(true); // Monday
    expect(isWorkingDay(new Date('2027-07-03T09:00:00+07:00'), TZ)).toBe(false); // Saturday
    expect(isWorkingDay(new Date('2027-09-02T09:00:00+07:00'), TZ)).toBe(false); // National Day
    expect(isWorkingDay(new Date('2030-02-04T09:00:00+07:00'), TZ)).toBe(false); // Tết 2030 (3rd day)
    // 23:30 UTC on Sunday is already Monday morning in Vietnam.
    expect(isWorkingDay(new Date('2027-07-04T23:30:00Z'), TZ)).toBe(true);
  });

  it('counts "5 working days to the plan" from receipt, ending at the end of that day in Vietnam time', () => {
    // Received Friday 2 July 2027 at 16:00: Mon 5 … Fri 9 July, end of day.
    expect(addWorkingDays(new Date('2027-07-02T16:00:00+07:00'), 5, TZ).toISOString()).toBe('2027-07-09T16:59:59.999Z');
  });

  it('skips Tết: a report received on the eve of Tết 2027 gets its 2 working days after the holiday', () => {
    // Eve 5 Feb (Fri); Tết 6–9 Feb; compensatory 10–11 Feb (assumed); 12 Feb (Fri) is day 1, 15 Feb day 2.
    expect(addWorkingDays(new Date('2027-02-05T10:00:00+07:00'), 2, TZ).toISOString()).toBe('2027-02-15T16:59:59.999Z');
  });
});

describe('case clock steps (for the reports capability)', () => {
  it('gives the latest step reached, once, and nothing before the first', () => {
    const deadline = new Date('2027-07-09T16:59:59.999Z');
    const steps = clockSteps(deadline, [24, 2], { everyHours: 24, max: 2 });
    expect(steps.map((s) => s.id)).toEqual(['before-24h', 'before-2h', 'due', 'over-1', 'over-2']);
    expect(currentClockStep(steps, new Date('2027-07-07T00:00:00Z'))).toBeNull();
    expect(currentClockStep(steps, new Date('2027-07-09T15:30:00Z'))?.id).toBe('before-2h');
    expect(currentClockStep(steps, new Date('2027-07-11T00:00:00Z'))?.id).toBe('over-1');
  });

  it('moves a non-urgent send out of the night to the next morning', () => {
    expect(nextDaytime(new Date('2027-07-09T22:00:00+07:00'), TZ, '07:30', '20:00').toISOString()).toBe('2027-07-10T00:30:00.000Z');
    const noon = new Date('2027-07-09T12:00:00+07:00');
    expect(nextDaytime(noon, TZ, '07:30', '20:00')).toBe(noon);
  });
});
