-- More than one series (For All Mankind, Star City), and seasons announced before they air.
--
-- Keys stay integers and say which series they belong to: a season is
-- series number * 100 + season, an episode series number * 10000 + season * 100 +
-- episode, where the series number comes from its code (bot/canon/episodes.py). For All
-- Mankind's number is 0, so every key stored before this migration keeps its meaning.

-- Canon tables are derived from data/canon. Emptying them (children first) lets
-- canon_season be rebuilt with optional dates; the empty fingerprint makes the next
-- start load the content again.
DELETE FROM canon_guard_idiom;
DELETE FROM canon_guard_rule;
DELETE FROM canon_search;
DELETE FROM canon_event;
DELETE FROM canon_fact;
DELETE FROM canon_role;
DELETE FROM canon_actor;
DELETE FROM canon_character;
DELETE FROM canon_episode;
DELETE FROM canon_season;
DELETE FROM canon_source;
DELETE FROM canon_meta;

DROP TABLE canon_season;
CREATE TABLE canon_season (
    number        INTEGER PRIMARY KEY,  -- series number * 100 + season
    years_label   TEXT,                 -- NULL: an announced season
    year_start    INTEGER,
    year_end      INTEGER,              -- NULL: no source says
    premiere      TEXT,                 -- ISO date, US release; NULL: not announced
    finale        TEXT,
    premise       TEXT,
    sources       TEXT NOT NULL,        -- JSON array of canon_source ids
    carries       TEXT NOT NULL DEFAULT '[]',
    status        TEXT NOT NULL DEFAULT 'aired' CHECK (status IN ('aired', 'announced')),
    final         INTEGER NOT NULL DEFAULT 0 CHECK (final IN (0, 1)),
    episode_count INTEGER
) STRICT;

CREATE TABLE canon_series (
    code       TEXT PRIMARY KEY,        -- '' for For All Mankind, 'SC' for Star City
    slug       TEXT NOT NULL UNIQUE,    -- its folder under data/canon
    name       TEXT NOT NULL UNIQUE,
    is_default INTEGER NOT NULL CHECK (is_default IN (0, 1)),
    position   INTEGER NOT NULL,
    sources    TEXT NOT NULL
) STRICT;

ALTER TABLE canon_character ADD COLUMN series TEXT NOT NULL DEFAULT '';

-- Progress is kept per series: a member can be at S3E4 of one and S1E2 of another.
-- Every stored row was about For All Mankind (series code '').
CREATE TABLE community_series_progress (
    user_id    INTEGER NOT NULL,
    series     TEXT NOT NULL,           -- the series' code
    episode_id INTEGER,                 -- NULL: caught up
    updated_at TEXT NOT NULL,
    PRIMARY KEY (user_id, series)
) STRICT;
INSERT INTO community_series_progress (user_id, series, episode_id, updated_at)
    SELECT user_id, '', episode_id, updated_at FROM community_progress;
DROP TABLE community_progress;
