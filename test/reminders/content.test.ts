// The deadline and holiday content: every rule from FACTS.md and the seeds is there, sourced, and valid.
import { describe, expect, it } from 'vitest';
import { compileDeadlines } from '../../scripts/content/deadlines';
import { HOLIDAYS, RULES } from '../../src/reminders/rules.generated';
import { lunarToSolar } from '../../src/reminders/lunar';
import { addDays } from '../../src/reminders/dates';

const rule = (id: string) => {
  const r = RULES.find((x) => x.id === id);
  if (!r) throw new Error(`rule ${id} is missing`);
  return r;
};

describe('deadline content', () => {
  it('compiles without problems', () => {
    expect(compileDeadlines().problems).toEqual([]);
  });

  it('holds every deadline of the FACTS.md table and the seeds, each with its source', () => {
    expect(rule('ls-annual').schedule).toEqual({ annual: { month: 11, day: 15 } });
    expect(rule('ls-annual').source.seed).toBe('000_62b03062a36bb9af.txt');
    expect(rule('lk-quarterly').source.seed).toBe('001_104100a957183cb1.txt');
    expect(rule('td-periodic').schedule).toEqual({ semiannual: { h1: { month: 5, day: 25 }, h2: { month: 11, day: 20 } } });
    expect(rule('nt-periodic').schedule).toEqual({ semiannual: { h1: { month: 5, day: 15 }, h2: { month: 11, day: 15 } } });
    expect(rule('am-result-commune').schedule).toEqual({ annual: { month: 7, day: 10 } });
    expect(rule('am-result-commune').audience).toMatchObject({ role: 'officer', jurisdiction: 'national' });
    expect(rule('am-result-province').schedule).toEqual({ annual: { month: 7, day: 31 } });
    expect(rule('am-result-province').audience).toMatchObject({ role: 'supervisor', jurisdiction: 'national' });
    expect(rule('alt-care-province').schedule).toEqual({ annual: { month: 12, day: 25 } });
    expect(rule('action-month').schedule).toEqual({ range: { from: { month: 6, day: 1 }, to: { month: 6, day: 30 } } });
    expect(rule('children-day').schedule).toEqual({ annual: { month: 6, day: 1 } });
    expect(rule('mid-autumn').schedule).toEqual({ lunar: { month: 8, day: 15 } });
    expect(rule('summer-drowning').kind).toBe('event');
    for (const r of RULES) expect(r.source.doc.length).toBeGreaterThan(3);
  });

  it('never presents an invented day as law: the Long Khánh quarterly day is marked as an assumption', () => {
    const lk = rule('lk-quarterly');
    expect(lk.verified).toBe(false);
    expect(lk.notes?.vi).toMatch(/GIẢ ĐỊNH/);
    for (const r of RULES.filter((x) => !x.verified)) expect(r.notes).toBeDefined();
  });

  it('keeps every "done" button payload within 64 characters', () => {
    for (const r of RULES) expect(`remind:done:${r.id}:2027-07-10`.length).toBeLessThanOrEqual(64);
    for (const r of RULES) expect(`remind:annex:${r.id}:2027-07-10`.length).toBeLessThanOrEqual(64);
  });

  it('names the file and the field when content is wrong', () => {
    const { problems } = compileDeadlines('test/reminders/fixtures/bad-deadlines');
    const text = problems.join('\n');
    expect(text).toContain('test/reminders/fixtures/bad-deadlines/broken.yaml: rules.0.id');
    expect(text).toContain('rules.0.schedule');
    expect(text).toContain('rules.0.leads');
    expect(text).toContain('rules.0.notes');
  });
});

describe('holiday content', () => {
  it('covers 2026–2030 with the fixed days of Labour Code Art. 112', () => {
    for (const y of [2026, 2027, 2028, 2029, 2030]) {
      for (const md of ['01-01', '04-30', '05-01', '09-02']) {
        expect(HOLIDAYS.find((h) => h.date === `${y}-${md}`)?.basis).toBe('law');
      }
    }
  });

  it('computes Tết (last day of the year + 4 days) and Hùng Kings from the lunar calendar, marked unverified', () => {
    for (const y of [2026, 2027, 2028, 2029, 2030]) {
      const tet = lunarToSolar(y, 1, 1);
      for (const d of [-1, 0, 1, 2, 3]) {
        const h = HOLIDAYS.find((x) => x.date === addDays(tet, d));
        expect(h?.basis).toBe('computed');
        expect(h?.verified).toBe(false);
      }
      expect(HOLIDAYS.find((x) => x.date === lunarToSolar(y, 3, 10))?.name.vi).toMatch(/Hùng Vương/);
    }
  });
});
