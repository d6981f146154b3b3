-- Full-text search over the exercise library (FTS5, external content: the text lives once, in exercises).
-- Columns are weighted at query time with bm25(); prefix indexes make "as you type" prefix queries cheap.
CREATE VIRTUAL TABLE `exercises_fts` USING fts5(
	name, summary, steps, cues, precautions, tags,
	content='exercises', content_rowid='id',
	tokenize='unicode61 remove_diacritics 2', prefix='2 3'
);
--> statement-breakpoint
INSERT INTO `exercises_fts`(rowid, name, summary, steps, cues, precautions, tags)
	SELECT id, name, summary, steps, cues, precautions, tags FROM `exercises`;
--> statement-breakpoint
CREATE TRIGGER `exercises_fts_insert` AFTER INSERT ON `exercises` BEGIN
	INSERT INTO `exercises_fts`(rowid, name, summary, steps, cues, precautions, tags)
	VALUES (new.id, new.name, new.summary, new.steps, new.cues, new.precautions, new.tags);
END;
--> statement-breakpoint
CREATE TRIGGER `exercises_fts_delete` AFTER DELETE ON `exercises` BEGIN
	INSERT INTO `exercises_fts`(`exercises_fts`, rowid, name, summary, steps, cues, precautions, tags)
	VALUES ('delete', old.id, old.name, old.summary, old.steps, old.cues, old.precautions, old.tags);
END;
--> statement-breakpoint
CREATE TRIGGER `exercises_fts_update` AFTER UPDATE OF name, summary, steps, cues, precautions, tags ON `exercises` BEGIN
	INSERT INTO `exercises_fts`(`exercises_fts`, rowid, name, summary, steps, cues, precautions, tags)
	VALUES ('delete', old.id, old.name, old.summary, old.steps, old.cues, old.precautions, old.tags);
	INSERT INTO `exercises_fts`(rowid, name, summary, steps, cues, precautions, tags)
	VALUES (new.id, new.name, new.summary, new.steps, new.cues, new.precautions, new.tags);
END;
