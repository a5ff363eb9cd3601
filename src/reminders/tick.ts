// The reminders step of the scheduled tick: what is due now → recorded once → queued in the outbox.
import type { Config } from '../config';
import type { Button, Channel } from '../core/types';
import type { Db } from '../db/db';
import { withTransaction } from '../db/tx';
import { enqueueMany, type QueuedMessage } from '../outbox/outbox';
import type { Sealer } from '../ground/crypto';
import type { TickStep } from '../runtime';
import { defaultCalendar } from './calendar';
import { isDaytime, localDate } from './dates';
import { RULES } from './rules.generated';
import type { RuleSpec } from './schema';
import { currentSteps, remindersForSteps, type Reminder } from './schedule';
import { loadDone, loadMuted, loadRecipients, loadSentOfficers, recordSendsLocked } from './store';

export type ReminderClockConfig = Pick<Config, 'TZ_REGION' | 'REMINDER_DAY_START' | 'REMINDER_DAY_END'>;

export interface PlanOptions {
  rules?: readonly RuleSpec[];
}

/**
 * What a tick at `at` would send: outside the daytime window nothing; otherwise the current step of
 * every live rule for every matching officer, minus what was sent, marked done or muted.
 * Four queries whatever the size of the directory; each step is worked out once, not per officer.
 */
export async function planReminders(db: Db, config: ReminderClockConfig, at: Date, opts: PlanOptions = {}): Promise<Reminder[]> {
  const tz = config.TZ_REGION;
  if (!isDaytime(at, tz, config.REMINDER_DAY_START, config.REMINDER_DAY_END)) return [];
  const rules = opts.rules ?? RULES;
  const muted = await loadMuted(db);
  const steps = currentSteps(rules, localDate(at, tz), defaultCalendar, muted);
  if (steps.length === 0) return [];
  const [recipients, sent, done] = await Promise.all([
    loadRecipients(db),
    loadSentOfficers(db, steps.map((s) => s.id)),
    loadDone(db, steps.map((s) => ({ ruleId: s.rule.id, period: s.occurrence.period }))),
  ]);
  return remindersForSteps(steps, recipients, (step) => {
    const got = sent.get(step.id);
    const prefix = `${step.rule.id}|${step.occurrence.period}|`;
    if (done.size === 0) return got && ((r) => got.has(r.id));
    return (r) => got?.has(r.id) === true || done.has(prefix + r.id); // doneKey(rule, period, officer)
  });
}

/**
 * One message per person per tick: several reminders due together are numbered in one text, each
 * with its own button. Fewer messages keep within Telegram's per-chat rate and Zalo's quota.
 * The dedupe key is the first reminder's key, which can be new only once.
 */
export function outgoingReminders(reminders: readonly Reminder[]): QueuedMessage[] {
  const byRecipient = new Map<string, Reminder[]>();
  for (const r of reminders) {
    const list = byRecipient.get(r.recipient.id);
    if (list) list.push(r);
    else byRecipient.set(r.recipient.id, [r]);
  }
  // Thousands of officers get the same combination: build each text and button list once. A part is
  // a reminder's text with its buttons; reminders of one step and language share both objects, so
  // numbering the parts by identity (a text's hash is cached by V8) makes the signature a few digits.
  const parts = new Map<string, Map<readonly Button[], number>>();
  let nextPart = 0;
  const partOf = (r: Reminder): number => {
    let byButtons = parts.get(r.text);
    if (!byButtons) parts.set(r.text, (byButtons = new Map()));
    let id = byButtons.get(r.buttons);
    if (id === undefined) byButtons.set(r.buttons, (id = nextPart++));
    return id;
  };
  const bodies = new Map<string, Pick<QueuedMessage, 'text' | 'buttons'>>();
  const out: QueuedMessage[] = [];
  for (const list of byRecipient.values()) {
    const first = list[0]!;
    const signature = list.length === 1 ? String(partOf(first)) : list.map(partOf).join(',');
    let body = bodies.get(signature);
    if (!body) {
      const several = list.length > 1;
      body = {
        text: several ? list.map((r, i) => `(${i + 1}/${list.length}) ${r.text}`).join('\n\n') : first.text,
        buttons: list.flatMap((r, i) => r.buttons.map((b) => (several ? { ...b, label: `${b.label} (${i + 1})` } : b))),
      };
      bodies.set(signature, body);
    }
    out.push({
      to: { channel: first.recipient.channel as Channel, userId: first.recipient.channelUserId },
      ...body,
      state: null,
      kind: 'reminder',
      dedupeKey: `remind:${first.key}`,
    });
  }
  return out;
}

/**
 * Seals each distinct body once per tick. A reminder body holds no personal data and thousands of
 * officers get the same text; copying one AES-GCM output is safe (no nonce is reused for another
 * plaintext) and saves ~50 µs per message.
 */
function onceSealer(sealer: Sealer): Sealer {
  // Looked up by length, then compared: hashing every 2 kB body for a Map key cost more than the
  // comparison, and a tick has only a handful of distinct bodies.
  const cache = new Map<number, Array<{ plain: string; sealed: Promise<string> }>>();
  return {
    seal(plain) {
      let same = cache.get(plain.length);
      if (!same) cache.set(plain.length, (same = []));
      for (const hit of same) if (hit.plain === plain) return hit.sealed;
      const sealed = sealer.seal(plain);
      if (same.length < 16) same.push({ plain, sealed }); // keeps a pathological tick linear
      return sealed;
    },
    open: (sealed) => sealer.open(sealed),
    tag: (plain) => sealer.tag(plain),
    tags: (plain) => sealer.tags(plain),
  };
}

/**
 * Records the sends and queues their messages in one transaction: a crash leaves neither, and a
 * reminder another tick already recorded (overlapping ticks, a stale plan) is skipped.
 */
export async function queueReminders(db: Db, sealer: Sealer, due: readonly Reminder[], at: Date): Promise<{ reminders: number; messages: number }> {
  return withTransaction(db, async (tx) => {
    const fresh = await recordSendsLocked(tx, due, at);
    const messages = outgoingReminders(due.filter((r) => fresh.has(r.key)));
    await enqueueMany(tx, onceSealer(sealer), messages, at);
    return { reminders: fresh.size, messages: messages.length };
  });
}

/** Builds the tick step; `rules` defaults to the compiled content. */
export function createRemindersTick(opts: PlanOptions = {}): TickStep {
  return async (rt, at) => {
    const { db, config, sealer } = rt.core;
    const due = await planReminders(db, config, at, opts);
    if (due.length === 0) return { reminders_due: 0, reminders_queued: 0, reminder_messages: 0 };
    const queued = await queueReminders(db, sealer, due, at);
    return { reminders_due: due.length, reminders_queued: queued.reminders, reminder_messages: queued.messages };
  };
}

export const remindersTick: TickStep = createRemindersTick();
