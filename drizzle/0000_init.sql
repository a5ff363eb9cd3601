CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`case_id` integer,
	`detail` text
);
--> statement-breakpoint
CREATE INDEX `audit_case` ON `audit_log` (`case_id`);--> statement-breakpoint
CREATE TABLE `cases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ref` text NOT NULL,
	`source_key` text NOT NULL,
	`received_at` integer NOT NULL,
	`status` text DEFAULT 'received' NOT NULL,
	`emergency` integer DEFAULT false NOT NULL,
	`age_band` text,
	`commune_code` text,
	`province_code` text,
	`routed_to` text DEFAULT 'unrouted' NOT NULL,
	`reporter_user_id` integer NOT NULL,
	`anonymous` integer DEFAULT true NOT NULL,
	`description_enc` text NOT NULL,
	`contact_enc` text,
	`address_enc` text,
	`location_enc` text,
	`photo_enc` text,
	`acknowledged_at` integer,
	`assessed_at` integer,
	`plan_at` integer,
	`approved_at` integer,
	`closed_at` integer,
	`escalated_at` integer,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cases_ref` ON `cases` (`ref`);--> statement-breakpoint
CREATE UNIQUE INDEX `cases_source` ON `cases` (`source_key`);--> statement-breakpoint
CREATE INDEX `cases_commune_status` ON `cases` (`commune_code`,`status`);--> statement-breakpoint
CREATE TABLE `conversation_state` (
	`user_id` integer PRIMARY KEY NOT NULL,
	`step` text,
	`data_enc` text,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `inbox` (
	`key` text PRIMARY KEY NOT NULL,
	`channel` text NOT NULL,
	`received_at` integer NOT NULL,
	`status` text DEFAULT 'done' NOT NULL,
	`payload_enc` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`processed_at` integer,
	`last_error` text
);
--> statement-breakpoint
CREATE INDEX `inbox_status` ON `inbox` (`status`);--> statement-breakpoint
CREATE TABLE `invites` (
	`code` text PRIMARY KEY NOT NULL,
	`commune_code` text NOT NULL,
	`role` text DEFAULT 'officer' NOT NULL,
	`created_at` integer NOT NULL,
	`used_at` integer,
	`used_by_officer_id` integer
);
--> statement-breakpoint
CREATE TABLE `meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer DEFAULT (unixepoch() * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `officers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`commune_code` text NOT NULL,
	`province_code` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`channel` text NOT NULL,
	`channel_user_id` text NOT NULL,
	`phone` text,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `officers_identity` ON `officers` (`channel`,`channel_user_id`,`commune_code`);--> statement-breakpoint
CREATE INDEX `officers_commune` ON `officers` (`commune_code`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`dedupe_key` text NOT NULL,
	`channel` text NOT NULL,
	`recipient` text NOT NULL,
	`body_enc` text NOT NULL,
	`kind` text DEFAULT 'reply' NOT NULL,
	`case_id` integer,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	`fallback_of` integer,
	`created_at` integer NOT NULL,
	`sent_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_dedupe` ON `outbox` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `outbox_due` ON `outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `rate_limits` (
	`key` text PRIMARY KEY NOT NULL,
	`window_start` integer NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	`warned` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`channel` text NOT NULL,
	`channel_user_id` text NOT NULL,
	`role` text DEFAULT 'citizen' NOT NULL,
	`lang` text DEFAULT 'vi' NOT NULL,
	`created_at` integer NOT NULL,
	`last_seen_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_channel_uid` ON `users` (`channel`,`channel_user_id`);--> statement-breakpoint
CREATE TABLE `map_communes` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`full_name` text NOT NULL,
	`type` text NOT NULL,
	`province_code` text NOT NULL,
	`name_en` text NOT NULL,
	`folded_name` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `map_communes_province` ON `map_communes` (`province_code`);--> statement-breakpoint
CREATE INDEX `map_communes_folded` ON `map_communes` (`folded_name`);--> statement-breakpoint
CREATE TABLE `map_names` (
	`key` text NOT NULL,
	`ord` integer NOT NULL,
	`kind` text NOT NULL,
	`code` text NOT NULL,
	`sig` text NOT NULL,
	`numeric` integer NOT NULL,
	`partial` integer NOT NULL,
	PRIMARY KEY(`key`, `ord`)
);
--> statement-breakpoint
CREATE TABLE `map_old_communes` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`full_name` text NOT NULL,
	`type` text NOT NULL,
	`district_code` text NOT NULL,
	`province_code` text NOT NULL,
	`folded_name` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `map_old_communes_district` ON `map_old_communes` (`district_code`);--> statement-breakpoint
CREATE INDEX `map_old_communes_folded` ON `map_old_communes` (`folded_name`);--> statement-breakpoint
CREATE TABLE `map_old_districts` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`full_name` text NOT NULL,
	`type` text NOT NULL,
	`province_code` text NOT NULL,
	`folded_name` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `map_old_districts_province` ON `map_old_districts` (`province_code`);--> statement-breakpoint
CREATE TABLE `map_old_provinces` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`full_name` text NOT NULL,
	`type` text NOT NULL,
	`new_province_code` text,
	`folded_name` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `map_old_to_new` (
	`old_code` text NOT NULL,
	`new_code` text NOT NULL,
	`old_level` text NOT NULL,
	`old_name` text NOT NULL,
	`old_province_code` text NOT NULL,
	`rank` integer NOT NULL,
	PRIMARY KEY(`old_level`, `old_code`, `new_code`)
);
--> statement-breakpoint
CREATE INDEX `map_old_to_new_new` ON `map_old_to_new` (`new_code`);--> statement-breakpoint
CREATE TABLE `map_provinces` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`full_name` text NOT NULL,
	`type` text NOT NULL,
	`name_en` text NOT NULL,
	`folded_name` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `map_resolver_units` (
	`unit` text PRIMARY KEY NOT NULL,
	`info` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `reminder_done` (
	`rule_id` text NOT NULL,
	`period` text NOT NULL,
	`officer_id` integer NOT NULL,
	`at` integer NOT NULL,
	`by_user_id` integer,
	PRIMARY KEY(`rule_id`, `period`, `officer_id`)
);
--> statement-breakpoint
CREATE TABLE `reminder_mutes` (
	`rule_id` text PRIMARY KEY NOT NULL,
	`muted` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `reminder_sends` (
	`key` text PRIMARY KEY NOT NULL,
	`step` text NOT NULL,
	`rule_id` text NOT NULL,
	`period` text NOT NULL,
	`officer_id` integer NOT NULL,
	`lead` integer NOT NULL,
	`due` text NOT NULL,
	`sent_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `reminder_sends_step` ON `reminder_sends` (`step`);--> statement-breakpoint
CREATE TABLE `zalo_menus` (
	`user_id` text PRIMARY KEY NOT NULL,
	`payloads` text NOT NULL,
	`outbox_id` integer,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `zalo_tokens` (
	`id` integer PRIMARY KEY NOT NULL,
	`access_token` text NOT NULL,
	`refresh_token` text NOT NULL,
	`expires_at` integer NOT NULL,
	`refresh_expires_at` integer,
	`updated_at` integer NOT NULL,
	`last_error` text,
	`last_error_at` integer
);
--> statement-breakpoint
CREATE TABLE `ward_shapes` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`province_code` text NOT NULL,
	`min_lon` real NOT NULL,
	`min_lat` real NOT NULL,
	`max_lon` real NOT NULL,
	`max_lat` real NOT NULL,
	`polygons` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `ward_shapes_bbox` ON `ward_shapes` (`min_lon`,`min_lat`,`max_lon`,`max_lat`);--> statement-breakpoint
CREATE INDEX `ward_shapes_province` ON `ward_shapes` (`province_code`);--> statement-breakpoint
CREATE TABLE `admin_login_codes` (
	`code_hash` text PRIMARY KEY NOT NULL,
	`officer_id` integer NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer
);
--> statement-breakpoint
CREATE TABLE `admin_sessions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`role` text NOT NULL,
	`scope_code` text,
	`officer_id` integer,
	`actor` text NOT NULL,
	`csrf` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `admin_sessions_expiry` ON `admin_sessions` (`expires_at`);--> statement-breakpoint
CREATE TABLE `web_chat_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`session` text NOT NULL,
	`at` integer NOT NULL,
	`body_enc` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `web_chat_lines_session` ON `web_chat_lines` (`session`,`at`);