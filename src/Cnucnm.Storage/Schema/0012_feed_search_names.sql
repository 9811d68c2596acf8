-- Feed search ranking (issue 23): the displayed names (English, Korean) compacted as FeedSearchText.Names, so that
-- results are ranked by the name that matched (docs/feeds.md, "Ranking"), not by the whole index text with the id.
-- Rows written before this script get their names at the next start (FeedSearchLoader) or farm search.
ALTER TABLE feed_search ADD COLUMN IF NOT EXISTS names text[] NOT NULL DEFAULT '{}';
