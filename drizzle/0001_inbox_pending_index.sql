DROP INDEX `inbox_status`;--> statement-breakpoint
CREATE INDEX `inbox_status` ON `inbox` (`status`) WHERE status = 'pending';