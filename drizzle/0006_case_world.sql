ALTER TABLE `cases` ADD `world` text DEFAULT 'real' NOT NULL;--> statement-breakpoint
UPDATE `cases` SET `world` = 'demo' WHERE `source_key` LIKE 'demo:%';