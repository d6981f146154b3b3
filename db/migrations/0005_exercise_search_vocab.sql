-- The full-text index's own word list (fts5vocab, part of FTS5, so embedded libSQL and sqld both have it),
-- read by the search's "Did you mean" (lib/exercises/spelling.ts). It stores nothing: it reads exercises_fts.
CREATE VIRTUAL TABLE `exercises_fts_vocab` USING fts5vocab(`exercises_fts`, 'row');
