DROP INDEX `share_ticks_item_day`;--> statement-breakpoint
ALTER TABLE `share_ticks` ADD `session` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `share_ticks` ADD `done` integer DEFAULT true NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `share_ticks_item_day` ON `share_ticks` (`link_id`,`day`,`position`,`exercise_id`,`session`);