// Tables owned by the Zalo OA channel: the rotating token pair and each user's current numbered menu.
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * The OA token pair; one row (id = 1). The refresh token can be used only once, so every write of a
 * new pair is a compare-and-swap on the refresh token it replaced. Both tokens are sealed with
 * DATA_KEY (`*_enc`, so `baove keys rotate` re-seals them with everything else).
 */
export const zaloTokens = sqliteTable('zalo_tokens', {
  id: integer('id').primaryKey(),
  accessTokenEnc: text('access_token_enc'),
  refreshTokenEnc: text('refresh_token_enc'),
  /**
   * The pair in clear, as stored before migration 0002. The first start after it seals a pair found
   * here and empties these; nothing writes them any more.
   */
  legacyAccessToken: text('access_token'),
  legacyRefreshToken: text('refresh_token'),
  expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  refreshExpiresAt: integer('refresh_expires_at', { mode: 'timestamp_ms' }),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  /** The last refresh failure (code and Zalo's description, never a token); null after a success. */
  lastError: text('last_error'),
  lastErrorAt: integer('last_error_at', { mode: 'timestamp_ms' }),
});

/**
 * Zalo /cs buttons are unverified, so buttons are sent as a numbered list. This is the list the
 * user last saw: payloads in order, so an answer "2" maps back to the second payload.
 */
export const zaloMenus = sqliteTable('zalo_menus', {
  userId: text('user_id').primaryKey(),
  payloads: text('payloads').notNull(), // JSON array of button payloads (short ASCII, no personal data)
  outboxId: integer('outbox_id'),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
});
