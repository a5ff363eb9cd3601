ALTER TABLE `cases` ADD `reporter_enc` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `reporter_tag` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `channel` text;--> statement-breakpoint
CREATE INDEX `cases_reporter` ON `cases` (`reporter_tag`);--> statement-breakpoint
UPDATE `cases` SET `channel` = (SELECT `channel` FROM `users` WHERE `users`.`id` = `cases`.`reporter_user_id`) WHERE `reporter_user_id` <> 0;
