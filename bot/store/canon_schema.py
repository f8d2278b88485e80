"""The canon tables, built from this module whenever the canon is loaded.

Canon tables hold nothing but what ``data/canon`` says, so they need no numbered
migrations: a reload drops every ``canon_*`` table and creates them as written here,
inside the reload's transaction. Changing a table is an edit to this file; the next
start sees a different ``SCHEMA_VERSION`` and reloads. Community tables (``community_*``)
are never touched here: they keep their numbered migrations.
"""

from __future__ import annotations

import hashlib
import re

import aiosqlite

STATEMENTS = (
    """CREATE TABLE canon_meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) STRICT""",
    """CREATE TABLE canon_source (
        id    TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        url   TEXT NOT NULL
    ) STRICT""",
    """CREATE TABLE canon_series (
        code       TEXT PRIMARY KEY,        -- '' for For All Mankind, 'SC' for Star City
        slug       TEXT NOT NULL UNIQUE,    -- its folder under data/canon
        name       TEXT NOT NULL UNIQUE,
        is_default INTEGER NOT NULL CHECK (is_default IN (0, 1)),
        position   INTEGER NOT NULL,
        sources    TEXT NOT NULL
    ) STRICT""",
    """CREATE TABLE canon_season (
        number        INTEGER PRIMARY KEY,  -- series number * 100 + season
        years_label   TEXT,                 -- NULL: an announced season
        year_start    INTEGER,
        year_end      INTEGER,              -- NULL: no source says
        premiere      TEXT,                 -- ISO date, US release; NULL: not announced
        finale        TEXT,
        premise       TEXT,
        sources       TEXT NOT NULL,        -- JSON array of canon_source ids
        carries       TEXT NOT NULL DEFAULT '[]',  -- JSON episode keys of finales it restates
        status        TEXT NOT NULL DEFAULT 'aired' CHECK (status IN ('aired', 'announced')),
        final         INTEGER NOT NULL DEFAULT 0 CHECK (final IN (0, 1)),
        episode_count INTEGER
    ) STRICT""",
    """CREATE TABLE canon_episode (
        id            INTEGER PRIMARY KEY,  -- series number * 10000 + season * 100 + number
        season        INTEGER NOT NULL REFERENCES canon_season (number),
        number        INTEGER NOT NULL,
        title         TEXT,                 -- NULL: not confirmed
        air_date      TEXT,                 -- NULL: sources disagree, see air_date_note
        air_date_note TEXT,
        years         TEXT NOT NULL,        -- JSON array of in-universe years
        is_finale     INTEGER NOT NULL CHECK (is_finale IN (0, 1)),
        synopsis      TEXT,
        sources       TEXT NOT NULL,
        carries       TEXT NOT NULL DEFAULT '[]',
        UNIQUE (season, number)
    ) STRICT""",
    """CREATE TABLE canon_character (
        id            TEXT PRIMARY KEY,
        name          TEXT NOT NULL,
        aliases       TEXT NOT NULL,        -- JSON array
        occupation    TEXT,
        affiliation   TEXT,
        first_episode INTEGER REFERENCES canon_episode (id),
        summary       TEXT,
        sources       TEXT NOT NULL,
        sort_order    INTEGER NOT NULL,
        carries       TEXT NOT NULL DEFAULT '[]',
        -- No recorded first appearance: the earliest episode by which what we say is known.
        known_from    INTEGER REFERENCES canon_episode (id),
        series        TEXT NOT NULL DEFAULT ''
    ) STRICT""",
    """CREATE TABLE canon_actor (
        id   TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE
    ) STRICT""",
    """CREATE TABLE canon_role (
        character_id     TEXT NOT NULL REFERENCES canon_character (id),
        actor_id         TEXT NOT NULL REFERENCES canon_actor (id),
        credit           TEXT,
        seasons          TEXT NOT NULL,     -- JSON array of season numbers
        sources          TEXT NOT NULL,
        position         INTEGER NOT NULL,
        -- The fate that ends the role: its last season is shown only as that fate would be.
        ended_by         INTEGER REFERENCES canon_episode (id),
        ended_by_finale  INTEGER NOT NULL DEFAULT 0,
        ended_by_carries TEXT NOT NULL DEFAULT '[]'
    ) STRICT""",
    "CREATE INDEX canon_role_actor ON canon_role (actor_id)",
    "CREATE INDEX canon_role_character ON canon_role (character_id)",
    """CREATE TABLE canon_fact (
        id         INTEGER PRIMARY KEY,
        kind       TEXT NOT NULL,
        subject_id TEXT REFERENCES canon_character (id),
        episode_id INTEGER NOT NULL REFERENCES canon_episode (id),
        is_finale  INTEGER NOT NULL CHECK (is_finale IN (0, 1)),
        text       TEXT NOT NULL,
        sources    TEXT NOT NULL,
        carries    TEXT NOT NULL DEFAULT '[]',
        key        TEXT                     -- finale details: their id; fates: fate:<who>:<code>
    ) STRICT""",
    "CREATE INDEX canon_fact_subject ON canon_fact (subject_id)",
    "CREATE INDEX canon_fact_episode ON canon_fact (episode_id)",
    """CREATE TABLE canon_event (
        id         INTEGER PRIMARY KEY,
        year       INTEGER NOT NULL,
        episode_id INTEGER NOT NULL REFERENCES canon_episode (id),
        is_finale  INTEGER NOT NULL CHECK (is_finale IN (0, 1)),
        divergence INTEGER NOT NULL CHECK (divergence IN (0, 1)),
        text       TEXT NOT NULL,
        sources    TEXT NOT NULL,
        carries    TEXT NOT NULL DEFAULT '[]'
    ) STRICT""",
    "CREATE INDEX canon_event_year ON canon_event (year)",
    # The spoiler guard's detection rules ship with the content, so they reload with it.
    """CREATE TABLE canon_guard_rule (
        id         TEXT PRIMARY KEY,
        episode_id INTEGER NOT NULL REFERENCES canon_episode (id),
        is_finale  INTEGER NOT NULL CHECK (is_finale IN (0, 1)),
        carries    TEXT NOT NULL,           -- JSON episode keys, as on canon_fact
        subjects   TEXT NOT NULL,           -- JSON array of phrases
        actions    TEXT NOT NULL,           -- JSON array of phrases; empty: a subject suffices
        covers     TEXT NOT NULL            -- JSON array of the fact keys the rule detects
    ) STRICT""",
    """CREATE TABLE canon_guard_idiom (
        phrase TEXT PRIMARY KEY
    ) STRICT""",
    # What the guard knows (its vocabulary and every series' names, roles and relations),
    # as one JSON document.
    """CREATE TABLE canon_guard_lexicon (
        id   INTEGER PRIMARY KEY CHECK (id = 1),
        data TEXT NOT NULL
    ) STRICT""",
    # Full-text search over names, aliases, titles and story text; kind/ref locate the
    # record; remove_diacritics lets "Pena" find "Peña".
    """CREATE VIRTUAL TABLE canon_search USING fts5 (
        kind UNINDEXED,
        ref UNINDEXED,
        name,
        body,
        tokenize = 'unicode61 remove_diacritics 2'
    )""",
)

# The tables holding rows from data/canon (canon_meta holds facts about the load):
# their row counts are stored with each load and compared at start.
COUNTED_TABLES = tuple(
    match.group(1)
    for statement in STATEMENTS
    if (match := re.match(r"CREATE (?:VIRTUAL )?TABLE (\w+)", statement))
    and match.group(1) != "canon_meta"
)

# Stored with each load: a canon built by another version of this file is reloaded.
SCHEMA_VERSION = hashlib.sha256("\n".join(STATEMENTS).encode()).hexdigest()[:16]


async def rebuild(conn: aiosqlite.Connection) -> None:
    """Drop every canon table, whatever shape it is in, and create them as above.

    Runs inside the caller's transaction (each statement on its own: ``executescript``
    would commit half-way). Foreign keys are checked at commit, when every table is
    new again, so the order tables are dropped in does not matter.
    """
    await conn.execute("PRAGMA defer_foreign_keys = ON")
    for kind in ("virtual", "table"):
        # Virtual tables first: dropping one drops its shadow tables with it.
        async with conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'canon\\_%'"
            " ESCAPE '\\' AND (sql LIKE 'CREATE VIRTUAL TABLE%') = ?",
            (kind == "virtual",),
        ) as cursor:
            names = [str(row[0]) async for row in cursor]
        for name in names:
            await conn.execute(f'DROP TABLE IF EXISTS "{name}"')
    for statement in STATEMENTS:
        await conn.execute(statement)
