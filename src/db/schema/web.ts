// Tables owned by the web pages: admin dashboard sessions and one-time login codes, and the web chat's
// own lines (what the visitor typed, sealed), so the chat page can show both sides of the conversation.
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** A dashboard login. The cookie holds a random token; only its SHA-256 is stored. */
export const adminSessions = sqliteTable(
  'admin_sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    role: text('role').notNull(), // national | province | commune
    scopeCode: text('scope_code'), // province code (province) or commune code (commune); null for national
    officerId: integer('officer_id'), // the directory row behind a province/commune login
    actor: text('actor').notNull(), // audit actor, e.g. admin:token or officer:12
    csrf: text('csrf').notNull(), // form token bound to this session
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('admin_sessions_expiry').on(t.expiresAt)],
);

/** One-time dashboard login codes for officers, sent to their chat. Only the hash is stored. */
export const adminLoginCodes = sqliteTable('admin_login_codes', {
  codeHash: text('code_hash').primaryKey(),
  officerId: integer('officer_id').notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  usedAt: integer('used_at', { mode: 'timestamp_ms' }),
});

/** What a web chat visitor sent (text or the button label), sealed; the bot's side is in the outbox. */
export const webChatLines = sqliteTable(
  'web_chat_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    session: text('session').notNull(), // the web channel user id (random, from the cookie)
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    bodyEnc: text('body_enc').notNull(),
  },
  (t) => [index('web_chat_lines_session').on(t.session, t.at)],
);
