// The shape of content/deadlines/*.yaml and content/holidays.yaml, validated by zod at build time.
import * as z from 'zod';

const bilingual = z.object({ vi: z.string().trim().min(1), en: z.string().trim().min(1) }).strict();

const month = z.number().int().min(1).max(12);
const day = z.number().int().min(1).max(31);

/** A day of the year; `next_year` puts it in the year after the period (e.g. an H2 report due in January). */
const dayOfYear = z
  .object({ month, day, next_year: z.boolean().optional() })
  .strict()
  // Feb 29 would silently skip three years out of four.
  .refine((d) => d.day <= [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][d.month - 1]!, {
    message: 'day does not exist in that month (29/2 is not allowed: it skips three years out of four)',
  });

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be YYYY-MM-DD' });

export const scheduleSchema = z.union([
  z.object({ annual: dayOfYear }).strict(),
  z.object({ semiannual: z.object({ h1: dayOfYear, h2: dayOfYear }).strict() }).strict(),
  z
    .object({
      quarterly: z
        .object({
          /** Month counted from the first month of the quarter: 1–3 inside it, 4 = the month after it. */
          month: z.number().int().min(1).max(4),
          day: z.number().int().min(1).max(28),
        })
        .strict(),
    })
    .strict(),
  z
    .object({
      monthly: z
        .object({ day: z.number().int().min(1).max(28), next_month: z.boolean().optional() })
        .strict(),
    })
    .strict(),
  z
    .object({
      /** N working days after the end of each period (weekends and content/holidays.yaml excluded). */
      working_days_after: z
        .object({ period: z.enum(['month', 'quarter', 'half', 'year']), days: z.number().int().min(1).max(60) })
        .strict(),
    })
    .strict(),
  z.object({ once: isoDate }).strict(),
  z.object({ range: z.object({ from: dayOfYear, to: dayOfYear }).strict() }).strict(),
  z.object({ lunar: z.object({ month, day: z.number().int().min(1).max(30) }).strict() }).strict(),
]);
export type ScheduleSpec = z.infer<typeof scheduleSchema>;

const roleSchema = z.enum(['officer', 'supervisor']);
const code = z.string().regex(/^\d{2}$|^\d{5}$/, { message: 'must be a 2-digit province or 5-digit commune code' });

export const audienceSchema = z
  .object({
    role: z.union([roleSchema, z.array(roleSchema).min(1)]),
    jurisdiction: z.union([
      z.literal('national'),
      z.object({ provinces: z.array(z.string().regex(/^\d{2}$/, { message: 'province codes have 2 digits' })).min(1) }).strict(),
      z.object({ communes: z.array(z.string().regex(/^\d{5}$/, { message: 'commune codes have 5 digits' })).min(1) }).strict(),
    ]),
    /** Who this is, in words, for people reading the data (e.g. "communes of the former Lạng Sơn city"). */
    label: bilingual.optional(),
  })
  .strict();

export const sourceSchema = z
  .object({
    /** The document: a circular, decree or plan, as people cite it. */
    doc: z.string().trim().min(3),
    article: z.string().trim().min(1).optional(),
    /** The file in shared/seeds/ the deadline was read from. */
    seed: z.string().regex(/^\d{3}_[0-9a-f]{16}\.txt$/, { message: 'must be a seed file name such as 000_62b03062a36bb9af.txt' }).optional(),
    /** The sentence that states the deadline, quoted, so anyone can check it. */
    quote: z.string().trim().min(1).optional(),
  })
  .strict();

export const RULE_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** Keeps `remind:done:<rule>:<period>` within Telegram's 64-byte callback limit. */
export const MAX_RULE_ID = 24;
/** The longest period label a schedule produces ('2027-07-10' for a one-off date). */
export const LONGEST_PERIOD = '2027-07-10';

export const ruleSchema = z
  .object({
    id: z.string().max(MAX_RULE_ID).regex(RULE_ID, { message: 'lowercase letters, digits and single hyphens' }),
    kind: z.enum(['deadline', 'event']),
    title: bilingual,
    text: bilingual,
    schedule: scheduleSchema,
    /** Days before the due date (or the event's first day) on which to remind; 0 = the day itself. */
    leads: z.array(z.number().int().min(0).max(60)).min(1),
    /** Deadlines only: remind every `every` days after the due date, at most `max` days. */
    overdue: z.object({ every: z.number().int().min(1).max(14), max: z.number().int().min(1).max(30) }).strict().optional(),
    audience: audienceSchema,
    source: sourceSchema,
    /** False when the source gives no day (or no recurrence) and the day in `schedule` is our assumption. */
    verified: z.boolean(),
    notes: bilingual.optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (new Set(r.leads).size !== r.leads.length) ctx.addIssue({ code: 'custom', path: ['leads'], message: 'repeats a lead time' });
    if (r.overdue && r.kind !== 'deadline') ctx.addIssue({ code: 'custom', path: ['overdue'], message: 'only deadlines can be overdue' });
    const s = r.schedule;
    const isEvent = 'range' in s || 'lunar' in s;
    if (isEvent && r.kind !== 'event') ctx.addIssue({ code: 'custom', path: ['kind'], message: 'range and lunar schedules are events' });
    if (!r.verified && !r.notes) ctx.addIssue({ code: 'custom', path: ['notes'], message: 'an unverified rule must say in notes what is assumed' });
    if ('range' in s && !s.range.from.next_year && !s.range.to.next_year) {
      const from = s.range.from.month * 100 + s.range.from.day;
      const to = s.range.to.month * 100 + s.range.to.day;
      if (to < from) ctx.addIssue({ code: 'custom', path: ['schedule', 'range', 'to'], message: 'ends before it starts (use next_year)' });
    }
  });
export type RuleSpec = z.infer<typeof ruleSchema>;

export const deadlineFileSchema = z
  .object({
    /** What this file holds and where it comes from, for people. */
    about: z.string().trim().min(1),
    rules: z.array(ruleSchema).min(1),
  })
  .strict();

export const holidaySchema = z
  .object({
    date: isoDate,
    name: bilingual,
    /** law: the date is fixed by the Labour Code; computed: from the lunar calendar; assumed: our choice
     * where the law leaves the day to the Prime Minister; compensatory: a weekday off for a holiday on a weekend. */
    basis: z.enum(['law', 'computed', 'assumed', 'compensatory']),
    /** For computed days: the lunar date (of the lunar year numbered like `date`'s year) plus a day offset,
     * so the build can check it against the lunar calendar. Tết's eve is lunar 1/1 with plus_days -1. */
    lunar: z
      .object({ month, day: z.number().int().min(1).max(30), plus_days: z.number().int().min(-1).max(4).optional() })
      .strict()
      .optional(),
    verified: z.boolean(),
  })
  .strict();

export const holidaysFileSchema = z
  .object({
    about: z.string().trim().min(1),
    source: z.string().trim().min(1),
    years: z.array(z.number().int().min(2000).max(2100)).min(1),
    holidays: z.array(holidaySchema).min(1),
  })
  .strict();
export type HolidaySpec = z.infer<typeof holidaySchema>;
