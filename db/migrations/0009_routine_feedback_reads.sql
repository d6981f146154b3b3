CREATE TABLE `routine_feedback_reads` (
	`routine_id` integer PRIMARY KEY NOT NULL,
	`read_until` integer NOT NULL,
	`read_by` integer,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`routine_id`) REFERENCES `routines`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`read_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
