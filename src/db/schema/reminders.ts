// Tables owned by the reminders capability: what was sent, what officers marked done, muted rules.
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** One row per reminder sent; the key (rule|period|officer|lead) makes repeated ticks harmless. */
export const reminderSends = sqliteTable(
  'reminder_sends',
  {
    key: text('key').primaryKey(),
    /** rule|period|lead: a tick loads the sent keys of the steps that are current, in one query. */
    step: text('step').notNull(),
    ruleId: text('rule_id').notNull(),
    period: text('period').notNull(),
    officerId: integer('officer_id').notNull(),
    lead: integer('lead').notNull(),
    due: text('due').notNull(), // YYYY-MM-DD
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('reminder_sends_step').on(t.step)],
);

/** An officer pressed "Đã nộp báo cáo": no more reminders of that rule for that period. */
export const reminderDone = sqliteTable(
  'reminder_done',
  {
    ruleId: text('rule_id').notNull(),
    period: text('period').notNull(),
    officerId: integer('officer_id').notNull(),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    byUserId: integer('by_user_id'),
  },
  (t) => [primaryKey({ columns: [t.ruleId, t.period, t.officerId] })],
);

/** Rules switched off by an admin. */
export const reminderMutes = sqliteTable('reminder_mutes', {
  ruleId: text('rule_id').primaryKey(),
  muted: integer('muted', { mode: 'boolean' }).notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
});
