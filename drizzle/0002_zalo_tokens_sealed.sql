-- The Zalo token pair is sealed with DATA_KEY from now on (access_token_enc, refresh_token_enc).
-- The clear columns stay, nullable, only so a pair stored before this migration is not lost: the
-- first start after it seals that pair and empties them (src/channels/zalo/tokens.ts).
-- Written by hand: drizzle-kit's turso dialect would rebuild every index of the database for this.
CREATE TABLE `__new_zalo_tokens` (
	`id` integer PRIMARY KEY NOT NULL,
	`access_token_enc` text,
	`refresh_token_enc` text,
	`access_token` text,
	`refresh_token` text,
	`expires_at` integer NOT NULL,
	`refresh_expires_at` integer,
	`updated_at` integer NOT NULL,
	`last_error` text,
	`last_error_at` integer
);
--> statement-breakpoint
INSERT INTO `__new_zalo_tokens` (`id`, `access_token`, `refresh_token`, `expires_at`, `refresh_expires_at`, `updated_at`, `last_error`, `last_error_at`)
SELECT `id`, `access_token`, `refresh_token`, `expires_at`, `refresh_expires_at`, `updated_at`, `last_error`, `last_error_at` FROM `zalo_tokens`;
--> statement-breakpoint
DROP TABLE `zalo_tokens`;
--> statement-breakpoint
ALTER TABLE `__new_zalo_tokens` RENAME TO `zalo_tokens`;
