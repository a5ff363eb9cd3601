// The reminders step of the scheduled tick: what is due now → recorded once → queued in the outbox.
import type { Config } from '../config';
import type { Channel } from '../core/types';
import type { Db } from '../db/db';
import { withTransaction } from '../db/tx';
import { enqueueMany, type QueuedMessage } from '../outbox/outbox';
import type { Sealer } from '../reports/crypto';
import type { TickStep } from '../runtime';
import { defaultCalendar } from './calendar';
import { isDaytime, localDate } from './dates';
import { RULES } from './rules.generated';
import type { RuleSpec } from './schema';
import { currentSteps, dueReminders, type Reminder } from './schedule';
import { loadDone, loadMuted, loadRecipients, loadSentKeys, recordSends } from './store';

export type ReminderClockConfig = Pick<Config, 'TZ_REGION' | 'REMINDER_DAY_START' | 'REMINDER_DAY_END'>;

export interface PlanOptions {
  rules?: readonly RuleSpec[];
}

/**
 * What a tick at `at` would send: outside the daytime window nothing; otherwise the current step of
 * every live rule for every matching officer, minus what was sent, marked done or muted.
 * Four queries whatever the size of the directory.
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
    loadSentKeys(db, steps),
    loadDone(db, steps.map((s) => ({ ruleId: s.rule.id, period: s.occurrence.period }))),
  ]);
  return dueReminders({
    at,
    rules: steps.map((s) => s.rule).filter((r, i, all) => all.indexOf(r) === i),
    recipients,
    tz,
    dayStart: config.REMINDER_DAY_START,
    dayEnd: config.REMINDER_DAY_END,
    sent,
    done,
    muted,
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
  // Thousands of officers get the same combination: build each text and button list once.
  const bodies = new Map<string, Pick<QueuedMessage, 'text' | 'buttons'>>();
  const out: QueuedMessage[] = [];
  for (const list of byRecipient.values()) {
    const first = list[0]!;
    const signature = list.map((r) => `${r.ruleId}|${r.period}|${r.daysLeft}|${r.recipient.lang ?? 'vi'}`).join(' ');
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
  const cache = new Map<string, Promise<string>>();
  return {
    seal(plain) {
      let hit = cache.get(plain);
      if (!hit) cache.set(plain, (hit = sealer.seal(plain)));
      return hit;
    },
    open: (sealed) => sealer.open(sealed),
  };
}

/**
 * Records the sends and queues their messages in one transaction: a crash leaves neither, and a
 * reminder another tick already recorded (overlapping ticks, a stale plan) is skipped.
 */
export async function queueReminders(db: Db, sealer: Sealer, due: readonly Reminder[], at: Date): Promise<{ reminders: number; messages: number }> {
  return withTransaction(db, async (tx) => {
    const fresh = await recordSends(tx, due, at);
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
