-- Feed search (issue 12): the built-in libraries (NASEM 2021, Korean) and owners' own feeds in one table,
-- searched by name (trigram index on the compacted names, FeedSearchText), category and nutrient ranges.
-- The built-in libraries are (re)loaded by the application at start-up (FeedSearchLoader), not here.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE IF NOT EXISTS feed_search
(
    id           text     NOT NULL,
    -- '' for the built-in libraries; otherwise the owner of the feed ('farm:{guid}', 'company:{guid}').
    owner        text     NOT NULL DEFAULT '',
    name         text     NOT NULL,
    name_korean  text,
    category     text     NOT NULL,
    type         text     NOT NULL,
    kind         text     NOT NULL,
    source       text     NOT NULL,
    -- Compacted names joined by '|' (lower-case letters and digits only: spacing never decides a match).
    search_text  text     NOT NULL,
    -- Composition per kg DM in FeedNutrient order (DM itself % as fed); NULL where the feed has no value.
    composition  float8[] NOT NULL,
    PRIMARY KEY (owner, id)
);

CREATE INDEX IF NOT EXISTS feed_search_text_trgm ON feed_search USING gin (search_text gin_trgm_ops);
CREATE INDEX IF NOT EXISTS feed_search_category ON feed_search (lower(category));
