// The pure reminder schedule: given a moment, the rules and the people, what must be sent now.
// No database, no clock: the tick and the CLI load what they need and call dueReminders.
import type { Button, Lang } from '../core/types';
import { defaultCalendar, type HolidayCalendar } from './calendar';
import { addDays, dayNumber, isDaytime, localDate, type Ymd } from './dates';
import { doneButtonLabel, reminderMessages, reminderText } from './messages';
import { liveOccurrences, occurrencesBetween, type Occurrence } from './occurrences';
import type { RuleSpec } from './schema';

export const DEFAULT_DAY_START = '07:30';
export const DEFAULT_DAY_END = '20:00';

/** Someone in the directory who can receive reminders. */
export interface Recipient {
  /** Stable id (the officers row id), part of every send key. */
  id: string;
  role: string; // officer | supervisor
  communeCode: string; // a province code for a supervisor
  provinceCode: string;
  channel: string;
  channelUserId: string;
  lang?: Lang;
}

/** One reminder to send now. `key` is unique per rule, period, recipient and lead step. */
export interface Reminder {
  key: string;
  ruleId: string;
  period: string;
  recipient: Recipient;
  /** The lead step: days before the due day (0 = the day itself, negative = days overdue). */
  lead: number;
  due: Ymd;
  /** Days from today to the due day, as printed in the text. */
  daysLeft: number;
  kind: RuleSpec['kind'];
  text: string;
  buttons: Button[];
}

/** The step a rule/period is at today, whoever receives it. */
export interface Step {
  rule: RuleSpec;
  occurrence: Occurrence;
  lead: number;
  daysLeft: number;
  /** `rule|period|lead`: the send key without the recipient. */
  id: string;
}

type KeyCheck = ReadonlySet<string> | ((key: string) => boolean);

export interface DueInput {
  at: Date;
  rules: readonly RuleSpec[];
  recipients: readonly Recipient[];
  tz: string;
  dayStart?: string;
  dayEnd?: string;
  /** Send keys already sent (`rule|period|recipient|lead`). */
  sent?: KeyCheck;
  /** Periods marked done, as `rule|period|recipient`. */
  done?: KeyCheck;
  /** Rule ids that are muted. */
  muted?: Iterable<string>;
  calendar?: HolidayCalendar;
  /** Lists what is due regardless of the hour (the daytime window still applies to real sends). */
  anyHour?: boolean;
}

export function sendKey(ruleId: string, period: string, recipientId: string, lead: number): string {
  return `${ruleId}|${period}|${recipientId}|${lead}`;
}

export function doneKey(ruleId: string, period: string, recipientId: string): string {
  return `${ruleId}|${period}|${recipientId}`;
}

function has(check: KeyCheck | undefined, key: string): boolean {
  if (!check) return false;
  return typeof check === 'function' ? check(key) : check.has(key);
}

/** Lead steps in days before the due day, largest first; deadlines add overdue steps (negative). */
export function leadSteps(rule: RuleSpec): number[] {
  const steps = [...rule.leads].sort((a, b) => b - a);
  if (rule.kind === 'deadline' && rule.overdue) {
    for (let d = rule.overdue.every; d <= rule.overdue.max; d += rule.overdue.every) steps.push(-d);
  }
  return steps;
}

/**
 * The step each live rule/period is at on `today`: the latest lead step already reached. Only that
 * one is sent, so after downtime a reminder that was missed goes out once, never as a burst of all
 * the steps that passed, and nothing is sent once the period's last step is behind us.
 */
export function currentSteps(rules: readonly RuleSpec[], today: Ymd, calendar: HolidayCalendar = defaultCalendar, muted?: ReadonlySet<string>): Step[] {
  const out: Step[] = [];
  const todayN = dayNumber(today);
  for (const rule of rules) {
    if (muted?.has(rule.id)) continue;
    const steps = leadSteps(rule);
    for (const occurrence of liveOccurrences(rule, today, calendar)) {
      const daysLeft = dayNumber(occurrence.due) - todayN;
      let lead: number | undefined;
      for (const s of steps) if (s >= daysLeft) lead = s; // steps run from largest to smallest
      if (lead === undefined) continue;
      out.push({ rule, occurrence, lead, daysLeft, id: `${rule.id}|${occurrence.period}|${lead}` });
    }
  }
  return out;
}

/** Does a rule's audience include this person (role, then national / province / commune)? */
export function audienceMatcher(rule: RuleSpec): (r: Recipient) => boolean {
  const roles = new Set<string>(Array.isArray(rule.audience.role) ? rule.audience.role : [rule.audience.role]);
  const j = rule.audience.jurisdiction;
  if (j === 'national') return (r) => roles.has(r.role);
  if ('provinces' in j) {
    const provinces = new Set(j.provinces);
    return (r) => roles.has(r.role) && provinces.has(r.provinceCode);
  }
  const communes = new Set(j.communes);
  return (r) => roles.has(r.role) && communes.has(r.communeCode);
}

const matchers = new WeakMap<RuleSpec, (r: Recipient) => boolean>();
export function matchesAudience(rule: RuleSpec, r: Recipient): boolean {
  let m = matchers.get(rule);
  if (!m) matchers.set(rule, (m = audienceMatcher(rule)));
  return m(r);
}

/**
 * Says, for one step, whether a person is to be skipped (already sent, or the period marked done).
 * Returning undefined means nobody is skipped.
 */
export type SkipFor = (step: Step) => ((r: Recipient) => boolean) | undefined;

/**
 * The reminders of the given steps for everyone in their audience, minus those `skipFor` rules out.
 * Each rule's audience is matched once per call, and each step's text and button once per language:
 * a national tick is thousands of people on a handful of steps, so the per-person work is one key.
 * People sharing a step and language share its `text` and `buttons` (treat them as read-only).
 */
export function remindersForSteps(steps: readonly Step[], recipients: readonly Recipient[], skipFor?: SkipFor): Reminder[] {
  const audiences = new Map<RuleSpec, Recipient[]>();
  const out: Reminder[] = [];
  for (const step of steps) {
    const { rule, occurrence, lead, daysLeft } = step;
    let audience = audiences.get(rule);
    if (!audience) {
      const matches = audienceMatcher(rule);
      audiences.set(rule, (audience = recipients.filter(matches)));
    }
    const skip = skipFor?.(step);
    const payload = `remind:done:${rule.id}:${occurrence.period}`;
    const prefix = `${rule.id}|${occurrence.period}|`; // sendKey = prefix + recipient id + suffix
    const suffix = `|${lead}`;
    const bodies = new Map<Lang, { text: string; buttons: Button[] }>();
    for (const recipient of audience) {
      if (skip?.(recipient)) continue;
      const lang = recipient.lang ?? 'vi';
      let body = bodies.get(lang);
      if (!body) {
        const buttons: Button[] = [{ label: doneButtonLabel(rule, lang), payload }];
        // A reporting deadline brings its numbers: the unit's annex for the period, on request.
        if (rule.kind === 'deadline') buttons.push({ label: reminderMessages[lang].annexButton, payload: `remind:annex:${rule.id}:${occurrence.period}` });
        body = { text: reminderText(rule, occurrence, daysLeft, lang), buttons };
        bodies.set(lang, body);
      }
      out.push({
        key: prefix + recipient.id + suffix,
        ruleId: rule.id,
        period: occurrence.period,
        recipient,
        lead,
        due: occurrence.due,
        daysLeft,
        kind: rule.kind,
        text: body.text,
        buttons: body.buttons,
      });
    }
  }
  return out;
}

/** Everything that must be sent at `at`, skipping what was sent, done or muted. Pure. */
export function dueReminders(input: DueInput): Reminder[] {
  const { at, tz } = input;
  if (!input.anyHour && !isDaytime(at, tz, input.dayStart ?? DEFAULT_DAY_START, input.dayEnd ?? DEFAULT_DAY_END)) return [];
  const today = localDate(at, tz);
  const muted = new Set(input.muted ?? []);
  const steps = currentSteps(input.rules, today, input.calendar ?? defaultCalendar, muted);
  const { sent, done } = input;
  if (!sent && !done) return remindersForSteps(steps, input.recipients);
  return remindersForSteps(steps, input.recipients, ({ rule, occurrence, lead }) => (r) =>
    has(sent, sendKey(rule.id, occurrence.period, r.id, lead)) || has(done, doneKey(rule.id, occurrence.period, r.id)),
  );
}

export interface UpcomingItem {
  rule: RuleSpec;
  occurrence: Occurrence;
  daysLeft: number;
}

/** What is coming for one person within `days` days (and what is still overdue), soonest first. */
export function upcomingFor(rules: readonly RuleSpec[], recipient: Recipient, today: Ymd, days: number, calendar: HolidayCalendar = defaultCalendar): UpcomingItem[] {
  const out: UpcomingItem[] = [];
  const todayN = dayNumber(today);
  for (const rule of rules) {
    if (!matchesAudience(rule, recipient)) continue;
    const after = rule.kind === 'deadline' ? (rule.overdue?.max ?? 0) : 0;
    for (const occurrence of occurrencesBetween(rule, addDays(today, -after), addDays(today, days), calendar)) {
      out.push({ rule, occurrence, daysLeft: dayNumber(occurrence.due) - todayN });
    }
  }
  return out.sort((a, b) => a.occurrence.due.localeCompare(b.occurrence.due) || a.rule.id.localeCompare(b.rule.id));
}
