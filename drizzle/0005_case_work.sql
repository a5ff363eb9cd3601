CREATE TABLE `case_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`at` integer NOT NULL,
	`kind` text NOT NULL,
	`actor` text NOT NULL,
	`level` text,
	`tag` text,
	`body_enc` text
);
--> statement-breakpoint
CREATE INDEX `case_events_case` ON `case_events` (`case_id`,`at`);--> statement-breakpoint
ALTER TABLE `cases` ADD `level` text DEFAULT 'commune' NOT NULL;--> statement-breakpoint
ALTER TABLE `cases` ADD `assigned_at` integer;--> statement-breakpoint
ALTER TABLE `cases` ADD `ack_level` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `risk` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `reviewed_at` integer;--> statement-breakpoint
ALTER TABLE `cases` ADD `close_reason` text;--> statement-breakpoint
UPDATE `cases` SET `level` = CASE WHEN `routed_to` = 'unrouted' THEN 'national' WHEN `routed_to` = 'supervisor' OR `status` = 'escalated' THEN 'province' ELSE 'commune' END, `assigned_at` = coalesce(`escalated_at`, `received_at`);
