// Core tables: people, conversations, inbound dedupe, outbound outbox, cases and the audit log.
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** Everyone who talks to the bot, per channel identity. */
export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    channel: text('channel').notNull(), // telegram | zalo | cli | web
    channelUserId: text('channel_user_id').notNull(),
    role: text('role').notNull().default('citizen'), // citizen | officer | supervisor | admin
    lang: text('lang').notNull().default('vi'), // vi | en
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    lastSeenAt: integer('last_seen_at', { mode: 'timestamp_ms' }),
  },
  (t) => [uniqueIndex('users_channel_uid').on(t.channel, t.channelUserId)],
);

/** Per-user conversation step; `data` is encrypted JSON (a draft report holds personal data). */
export const conversationState = sqliteTable(
  'conversation_state',
  {
    userId: integer('user_id').primaryKey(),
    step: text('step'),
    dataEnc: text('data_enc'),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  // Only rows that hold a draft: the retention step finds the abandoned ones without a scan.
  (t) => [index('conversation_state_drafts').on(t.updatedAt).where(sql`data_enc is not null`)],
);

/** Inbound updates already accepted, so a retried webhook changes nothing twice. */
export const inbox = sqliteTable(
  'inbox',
  {
    key: text('key').primaryKey(), // e.g. telegram:123456, zalo:<msg_id>
    channel: text('channel').notNull(),
    receivedAt: integer('received_at', { mode: 'timestamp_ms' }).notNull(),
    status: text('status').notNull().default('done'), // pending | done | failed | ignored
    payloadEnc: text('payload_enc'), // stored raw event when processing is deferred (Zalo)
    attempts: integer('attempts').notNull().default(0),
    processedAt: integer('processed_at', { mode: 'timestamp_ms' }),
    lastError: text('last_error'),
  },
  // Only the rows still waiting (Zalo events stored for later) are ever looked up by status; almost
  // every row is 'done' at once, and leaving those out spares every update an index write.
  (t) => [index('inbox_status').on(t.status).where(sql`status = 'pending'`)],
);

/** Every outgoing message. Sent by the channel senders, retried with backoff. */
export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    dedupeKey: text('dedupe_key').notNull(),
    channel: text('channel').notNull(),
    recipient: text('recipient').notNull(), // channel user id
    bodyEnc: text('body_enc').notNull(), // encrypted JSON {text, buttons, state}
    kind: text('kind').notNull().default('reply'), // reply | case | reminder | escalation | status
    caseId: integer('case_id'),
    status: text('status').notNull().default('pending'), // pending | sending | sent | dead | held | archived (sent, body dropped)
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }).notNull(),
    lastError: text('last_error'),
    fallbackOf: integer('fallback_of'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    uniqueIndex('outbox_dedupe').on(t.dedupeKey),
    index('outbox_due').on(t.status, t.nextAttemptAt),
  ],
);

/** Append-only trail of every view and change of a case, and of admin actions. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    actor: text('actor').notNull(), // user:<id> | reporter (on their own case, never with the id) | officer:<id> | admin:<name> | system
    action: text('action').notNull(), // case.created | case.viewed | case.ack | ...
    caseId: integer('case_id'),
    detail: text('detail'), // JSON, never personal data
  },
  (t) => [index('audit_case').on(t.caseId)],
);

/** Commune child-protection officers and province supervisors. */
export const officers = sqliteTable(
  'officers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    communeCode: text('commune_code').notNull(), // a commune code, or a province code for a supervisor
    provinceCode: text('province_code').notNull(),
    name: text('name').notNull(),
    role: text('role').notNull(), // officer | supervisor
    channel: text('channel').notNull(), // telegram | zalo | cli
    channelUserId: text('channel_user_id').notNull(),
    phone: text('phone'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    uniqueIndex('officers_identity').on(t.channel, t.channelUserId, t.communeCode),
    index('officers_commune').on(t.communeCode),
  ],
);

/** One-time codes an officer sends as /dangky CODE to link their chat to a commune. */
export const invites = sqliteTable('invites', {
  code: text('code').primaryKey(),
  communeCode: text('commune_code').notNull(),
  role: text('role').notNull().default('officer'),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  usedAt: integer('used_at', { mode: 'timestamp_ms' }),
  usedByOfficerId: integer('used_by_officer_id'),
  /** Withdrawn before use (dashboard or `directory revoke`): the code no longer works. */
  revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
});

/** A report from a citizen. Personal details are encrypted at rest (AES-GCM, DATA_KEY). */
export const cases = sqliteTable(
  'cases',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ref: text('ref').notNull(),
    sourceKey: text('source_key').notNull(), // the inbound update that filed it: no duplicate cases
    receivedAt: integer('received_at', { mode: 'timestamp_ms' }).notNull(),
    status: text('status').notNull().default('received'), // received | acknowledged | assessed | plan | closed | escalated
    emergency: integer('emergency', { mode: 'boolean' }).notNull().default(false),
    ageBand: text('age_band'),
    communeCode: text('commune_code'),
    provinceCode: text('province_code'),
    routedTo: text('routed_to').notNull().default('unrouted'), // officer | supervisor | unrouted
    /**
     * Before migration 0007 the reporter's user id in clear. Now always 0: who filed the case is in
     * `reporter_enc` (sealed) and `reporter_tag` (keyed tag), see cases/reporter-link.ts. The column
     * stays because SQLite cannot drop a NOT NULL column cheaply; start-up zeroes the old values.
     */
    legacyReporterUserId: integer('reporter_user_id').notNull().$defaultFn(() => 0),
    /** The reporter's user id, sealed with DATA_KEY (null only on a row start-up has not converted yet). */
    reporterEnc: text('reporter_enc'),
    /** HMAC tag of the reporter's user id (cases/reporter-link.ts): finds a chat's own cases without the id. */
    reporterTag: text('reporter_tag'),
    /** The channel it came in by (telegram | zalo | web | cli), for the statistics: never who. */
    channel: text('channel'),
    anonymous: integer('anonymous', { mode: 'boolean' }).notNull().default(true),
    descriptionEnc: text('description_enc').notNull(),
    contactEnc: text('contact_enc'),
    addressEnc: text('address_enc'),
    locationEnc: text('location_enc'),
    photoEnc: text('photo_enc'),
    acknowledgedAt: integer('acknowledged_at', { mode: 'timestamp_ms' }),
    assessedAt: integer('assessed_at', { mode: 'timestamp_ms' }),
    planAt: integer('plan_at', { mode: 'timestamp_ms' }),
    approvedAt: integer('approved_at', { mode: 'timestamp_ms' }), // the commune chairman approved the plan (Art. 28(4))
    closedAt: integer('closed_at', { mode: 'timestamp_ms' }),
    escalatedAt: integer('escalated_at', { mode: 'timestamp_ms' }),
    /** Who holds the case now: the commune officer, the province supervisor, or the national queue. */
    level: text('level').notNull().default('commune'), // commune | province | national
    /** When the current holder got it (filing, transfer, escalation): the wait for "Tiếp nhận" counts from here. */
    assignedAt: integer('assigned_at', { mode: 'timestamp_ms' }),
    /** The level of whoever pressed "Tiếp nhận" (a national admin is recorded as the national level). */
    ackLevel: text('ack_level'), // commune | province | national
    /** The verification's risk level (Art. 26, Form 02): low | medium | high. */
    risk: text('risk'),
    reviewedAt: integer('reviewed_at', { mode: 'timestamp_ms' }),
    /** Why the case was closed: safe | transferred | referred | unfounded | other. */
    closeReason: text('close_reason'),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
    /**
     * real: from Telegram, Zalo or the public web chat, only for real officers. demo: the demo data
     * and the demo web chat, only for demo officers (cli and web channels). local: typed into the
     * `baove chat` CLI on the server itself, for either (reports/officers.ts `sameWorld`).
     */
    world: text('world').notNull().default('real'),
  },
  (t) => [
    uniqueIndex('cases_ref').on(t.ref),
    uniqueIndex('cases_source').on(t.sourceKey),
    index('cases_commune_status').on(t.communeCode, t.status),
    index('cases_reporter').on(t.reporterTag),
  ],
);

/**
 * The work done on a case, step by step (Decree 56/2017 Art. 26–30): assessment, plan, approval,
 * implementation notes, review, referral, transfer, closing, and what the reporter added later.
 * `tag` is the non-personal part (risk level, agency, reason, commune codes) for statistics; the
 * notes themselves are sealed in `body_enc`.
 */
export const caseEvents = sqliteTable(
  'case_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id').notNull(),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    kind: text('kind').notNull(), // assessment | plan | approval | note | review | referral | transfer | close | reporter_info
    actor: text('actor').notNull(), // officer:<id> | admin:<name> | reporter | system
    level: text('level'), // commune | province | national (of the actor), null for the reporter
    tag: text('tag'),
    bodyEnc: text('body_enc'),
  },
  (t) => [index('case_events_case').on(t.caseId, t.at)],
);

/** Per-user sliding counters for the message rate limit. */
export const rateLimits = sqliteTable('rate_limits', {
  key: text('key').primaryKey(),
  windowStart: integer('window_start', { mode: 'timestamp_ms' }).notNull(),
  count: integer('count').notNull().default(0),
  warned: integer('warned', { mode: 'boolean' }).notNull().default(false),
});

/** Small key/value facts about the installation: seed version, last tick, and so on. */
export const meta = sqliteTable('meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch() * 1000)`),
});
