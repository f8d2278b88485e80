-- Canon content: rebuilt from data/canon by the content loader, never edited by users.
-- Community data (per-server and per-user rows) lives in community_* tables that
-- later migrations add; reloading canon touches only the canon_* tables.

CREATE TABLE canon_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE canon_source (
    id    TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    url   TEXT NOT NULL
) STRICT;

CREATE TABLE canon_season (
    number      INTEGER PRIMARY KEY,
    years_label TEXT NOT NULL,
    year_start  INTEGER NOT NULL,
    year_end    INTEGER NOT NULL,
    premiere    TEXT NOT NULL,          -- ISO date, US release
    finale      TEXT NOT NULL,
    premise     TEXT,
    sources     TEXT NOT NULL           -- JSON array of canon_source ids
) STRICT;

CREATE TABLE canon_episode (
    id        INTEGER PRIMARY KEY,      -- season * 100 + number, stable across reloads
    season    INTEGER NOT NULL REFERENCES canon_season (number),
    number    INTEGER NOT NULL,
    title     TEXT,                     -- NULL: not confirmed
    air_date  TEXT,                     -- NULL: sources disagree, see air_date_note
    air_date_note TEXT,
    years     TEXT NOT NULL,            -- JSON array of in-universe years
    is_finale INTEGER NOT NULL CHECK (is_finale IN (0, 1)),
    synopsis  TEXT,
    sources   TEXT NOT NULL,
    UNIQUE (season, number)
) STRICT;

CREATE TABLE canon_character (
    id            TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    aliases       TEXT NOT NULL,        -- JSON array
    occupation    TEXT,
    affiliation   TEXT,
    first_episode INTEGER REFERENCES canon_episode (id),
    summary       TEXT,
    sources       TEXT NOT NULL,
    sort_order    INTEGER NOT NULL
) STRICT;

CREATE TABLE canon_actor (
    id   TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
) STRICT;

CREATE TABLE canon_role (
    character_id TEXT NOT NULL REFERENCES canon_character (id),
    actor_id     TEXT NOT NULL REFERENCES canon_actor (id),
    credit       TEXT,
    seasons      TEXT NOT NULL,         -- JSON array of season numbers
    sources      TEXT NOT NULL,
    position     INTEGER NOT NULL
) STRICT;
CREATE INDEX canon_role_actor ON canon_role (actor_id);
CREATE INDEX canon_role_character ON canon_role (character_id);

-- Character developments, fates, and season-finale outcomes.
CREATE TABLE canon_fact (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL,
    subject_id TEXT REFERENCES canon_character (id),
    episode_id INTEGER NOT NULL REFERENCES canon_episode (id),
    is_finale  INTEGER NOT NULL CHECK (is_finale IN (0, 1)),
    text       TEXT NOT NULL,
    sources    TEXT NOT NULL
) STRICT;
CREATE INDEX canon_fact_subject ON canon_fact (subject_id);
CREATE INDEX canon_fact_episode ON canon_fact (episode_id);

CREATE TABLE canon_event (
    id         INTEGER PRIMARY KEY,
    year       INTEGER NOT NULL,
    episode_id INTEGER NOT NULL REFERENCES canon_episode (id),
    is_finale  INTEGER NOT NULL CHECK (is_finale IN (0, 1)),
    divergence INTEGER NOT NULL CHECK (divergence IN (0, 1)),
    text       TEXT NOT NULL,
    sources    TEXT NOT NULL
) STRICT;
CREATE INDEX canon_event_year ON canon_event (year);

-- Full-text search over names, aliases, titles and story text.
-- kind/ref locate the record; remove_diacritics lets "Pena" find "Peña".
CREATE VIRTUAL TABLE canon_search USING fts5 (
    kind UNINDEXED,
    ref UNINDEXED,
    name,
    body,
    tokenize = 'unicode61 remove_diacritics 2'
);
