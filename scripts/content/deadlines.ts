// Validates content/deadlines/*.yaml and content/holidays.yaml and compiles them into
// src/reminders/rules.generated.ts. Every problem names the file and the field.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { z } from 'zod';
import { lunarToSolar } from '../../src/reminders/lunar';
import { addDays } from '../../src/reminders/dates';
import {
  deadlineFileSchema,
  holidaysFileSchema,
  LONGEST_PERIOD,
  type HolidaySpec,
  type RuleSpec,
} from '../../src/reminders/schema';


const root = fileURLToPath(new URL('../../', import.meta.url));
const MAX_PAYLOAD = 64;

export interface CompiledContent {
  rules: RuleSpec[];
  holidays: HolidaySpec[];
  holidayYears: number[];
  problems: string[];
}

function issuesOf(file: string, error: z.ZodError): string[] {
  return error.issues.map((i) => `${file}: ${i.path.join('.') || '(file)'}: ${i.message}`);
}

function readYaml(file: string, problems: string[]): unknown {
  try {
    return parse(readFileSync(join(root, file), 'utf8'));
  } catch (err) {
    problems.push(`${file}: not valid YAML: ${err instanceof Error ? err.message : String(err)}`);
    return undefined;
  }
}

/** Seed sentences are compared without markdown emphasis and with collapsed spaces. */
function normalise(text: string): string {
  return text.normalize('NFC').replace(/[*_]/g, '').replace(/\s+/g, ' ').trim();
}

/** Reads and checks all reminder content; returns the compiled data and every problem found. */
export function compileDeadlines(dir = 'content/deadlines', holidaysFile = 'content/holidays.yaml'): CompiledContent {
  const problems: string[] = [];
  const rules: RuleSpec[] = [];
  const seen = new Map<string, string>();
  const seedsDir = [join(root, '../shared/seeds'), join(root, 'shared/seeds')].find((d) => existsSync(d));

  const files = existsSync(join(root, dir))
    ? readdirSync(join(root, dir)).filter((f) => f.endsWith('.yaml') || f.endsWith('.yml')).sort()
    : [];
  if (files.length === 0) problems.push(`${dir}: no .yaml files`);
  for (const name of files) {
    const file = `${dir}/${name}`;
    const raw = readYaml(file, problems);
    if (raw === undefined) continue;
    const parsed = deadlineFileSchema.safeParse(raw);
    if (!parsed.success) {
      problems.push(...issuesOf(file, parsed.error));
      continue;
    }
    parsed.data.rules.forEach((rule, i) => {
      const where = `${file}: rules.${i}`;
      const other = seen.get(rule.id);
      if (other) problems.push(`${where}.id: "${rule.id}" is already used in ${other}`);
      seen.set(rule.id, file);
      const payload = `remind:done:${rule.id}:${LONGEST_PERIOD}`;
      if (payload.length > MAX_PAYLOAD) problems.push(`${where}.id: button payload would be ${payload.length} > ${MAX_PAYLOAD} characters`);
      if (rule.source.quote && rule.source.seed && seedsDir) {
        const seedPath = join(seedsDir, rule.source.seed);
        if (!existsSync(seedPath)) problems.push(`${where}.source.seed: ${rule.source.seed} is not in shared/seeds`);
        else if (!normalise(readFileSync(seedPath, 'utf8')).includes(normalise(rule.source.quote))) {
          problems.push(`${where}.source.quote: not found in ${rule.source.seed}`);
        }
      }
      rules.push({ ...rule, leads: [...rule.leads].sort((a, b) => b - a) });
    });
  }

  let holidays: HolidaySpec[] = [];
  let holidayYears: number[] = [];
  const rawHolidays = readYaml(holidaysFile, problems);
  if (rawHolidays !== undefined) {
    const parsed = holidaysFileSchema.safeParse(rawHolidays);
    if (!parsed.success) problems.push(...issuesOf(holidaysFile, parsed.error));
    else {
      holidayYears = parsed.data.years;
      const dates = new Set<string>();
      parsed.data.holidays.forEach((h, i) => {
        const where = `${holidaysFile}: holidays.${i}`;
        if (dates.has(h.date)) problems.push(`${where}.date: ${h.date} is listed twice`);
        dates.add(h.date);
        const year = Number(h.date.slice(0, 4));
        if (!holidayYears.includes(year)) problems.push(`${where}.date: ${h.date} is outside years ${holidayYears.join(', ')}`);
        if (h.basis === 'computed' && !h.lunar) problems.push(`${where}.lunar: a computed day must give its lunar date`);
        if (h.lunar) {
          const expected = addDays(lunarToSolar(year, h.lunar.month, h.lunar.day), h.lunar.plus_days ?? 0);
          if (expected !== h.date) {
            problems.push(`${where}.date: lunar ${h.lunar.day}/${h.lunar.month}${h.lunar.plus_days ? ` ${h.lunar.plus_days > 0 ? '+' : ''}${h.lunar.plus_days} days` : ''} of ${year} is ${expected}, not ${h.date}`);
          }
        }
      });
      holidays = [...parsed.data.holidays].sort((a, b) => a.date.localeCompare(b.date));
    }
  }
  return { rules, holidays, holidayYears, problems };
}

export async function build(): Promise<string> {
  const compiled = compileDeadlines();
  if (compiled.problems.length) throw new Error(compiled.problems.join('\n'));
  const out =
    '// Generated by scripts/content/deadlines.ts from content/deadlines/*.yaml and content/holidays.yaml. Do not edit.\n' +
    "import type { HolidaySpec, RuleSpec } from './schema';\n\n" +
    `export const RULES: RuleSpec[] = ${JSON.stringify(compiled.rules, null, 2)};\n\n` +
    `export const HOLIDAYS: HolidaySpec[] = ${JSON.stringify(compiled.holidays, null, 2)};\n\n` +
    `/** Years the holiday list covers; outside them only weekends are days off. */\n` +
    `export const HOLIDAY_YEARS: number[] = ${JSON.stringify(compiled.holidayYears)};\n`;
  writeFileSync(join(root, 'src/reminders/rules.generated.ts'), out);
  const unverified = compiled.rules.filter((r) => !r.verified).length;
  return `${compiled.rules.length} rules (${unverified} with assumed days), ${compiled.holidays.length} holidays for ${compiled.holidayYears.join(', ')}`;
}
