"""Writing canon content: the one transaction that swaps in a new content bundle."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime

import aiosqlite

from bot.canon.content import ContentBundle
from bot.canon.models import Character
from bot.spoilers.policy import Reveal
from bot.store.database import transaction

# Reloading deletes children before parents (foreign keys are on). Community tables
# (community_*) are never listed here, so a reload cannot touch them.
CANON_TABLES = (
    "canon_guard_lexicon",
    "canon_guard_idiom",
    "canon_guard_rule",
    "canon_search",
    "canon_event",
    "canon_fact",
    "canon_role",
    "canon_actor",
    "canon_character",
    "canon_episode",
    "canon_season",
    "canon_source",
    "canon_series",
)


def _carries(reveal: Reveal | None) -> str:
    return json.dumps([ref.key for ref in reveal.carries] if reveal else [])


async def replace_canon(conn: aiosqlite.Connection, bundle: ContentBundle) -> None:
    """Swap in new canon content in one transaction; community tables are untouched."""
    async with transaction(conn):
        for table in CANON_TABLES:
            await conn.execute(f"DELETE FROM {table}")
        await conn.executemany(
            "INSERT INTO canon_source (id, title, url) VALUES (?, ?, ?)",
            [(s.id, s.title, s.url) for s in bundle.sources],
        )
        await conn.executemany(
            "INSERT INTO canon_series (code, slug, name, is_default, position, sources)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [
                (s.code, s.slug, s.name, int(s.is_default), n, json.dumps(s.sources))
                for n, s in enumerate(bundle.series)
            ],
        )
        await conn.executemany(
            "INSERT INTO canon_season (number, years_label, year_start, year_end, premiere,"
            " finale, premise, sources, carries, status, final, episode_count)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    s.ref.key,
                    s.setting.text if s.setting else None,
                    s.year_start,
                    s.year_end,
                    s.premiere.isoformat() if s.premiere else None,
                    s.finale.isoformat() if s.finale else None,
                    s.premise.text if s.premise else None,
                    json.dumps(s.sources),
                    _carries(s.setting.reveal if s.setting else None),
                    s.status.value,
                    int(s.final),
                    s.episode_count,
                )
                for s in bundle.seasons
            ],
        )
        await conn.executemany(
            "INSERT INTO canon_episode (id, season, number, title, air_date, air_date_note,"
            " years, is_finale, synopsis, sources, carries)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    e.ref.key,
                    e.ref.season_ref.key,
                    e.ref.number,
                    e.title,
                    e.air_date.isoformat() if e.air_date else None,
                    e.air_date_note,
                    json.dumps(e.years),
                    int(e.is_finale),
                    e.synopsis.text if e.synopsis else None,
                    json.dumps(e.sources),
                    _carries(e.synopsis.reveal if e.synopsis else None),
                )
                for e in bundle.episodes
            ],
        )
        await _insert_characters(conn, bundle.characters)
        facts = [f for c in bundle.characters for f in c.facts] + list(bundle.finale_facts)
        await conn.executemany(
            "INSERT INTO canon_fact (kind, subject_id, episode_id, is_finale, text, sources,"
            " carries, key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    f.kind.value,
                    f.subject_id,
                    f.detail.reveal.episode.key,
                    int(f.detail.reveal.finale),
                    f.detail.text,
                    json.dumps(f.sources),
                    _carries(f.detail.reveal),
                    f.key,
                )
                for f in facts
            ],
        )
        await conn.executemany(
            "INSERT INTO canon_guard_rule VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    r.id,
                    r.reveal.episode.key,
                    int(r.reveal.finale),
                    _carries(r.reveal),
                    json.dumps(r.subjects),
                    json.dumps(r.actions),
                    json.dumps(r.covers),
                )
                for r in bundle.guard_rules
            ],
        )
        await conn.executemany(
            "INSERT INTO canon_guard_idiom (phrase) VALUES (?)",
            [(idiom,) for idiom in bundle.guard_idioms],
        )
        await conn.execute(
            "INSERT INTO canon_guard_lexicon (id, data) VALUES (1, ?)",
            (bundle.guard_lexicon.to_json(),),
        )
        await conn.executemany(
            "INSERT INTO canon_event (year, episode_id, is_finale, divergence, text, sources,"
            " carries) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    e.year,
                    e.detail.reveal.episode.key,
                    int(e.detail.reveal.finale),
                    int(e.divergence),
                    e.detail.text,
                    json.dumps(e.sources),
                    _carries(e.detail.reveal),
                )
                for e in bundle.events
            ],
        )
        await _index_for_search(conn, bundle)
        # Written last, in the same transaction: a fingerprint in the store vouches for
        # every row above, and the counts let a start-up check that they are all there.
        await conn.executemany(
            "INSERT OR REPLACE INTO canon_meta (key, value) VALUES (?, ?)",
            [
                ("fingerprint", bundle.fingerprint),
                ("loaded_at", datetime.now(UTC).isoformat(timespec="seconds")),
                ("counts", json.dumps(await table_counts(conn), sort_keys=True)),
            ],
        )


async def _insert_characters(conn: aiosqlite.Connection, characters: Sequence[Character]) -> None:
    await conn.executemany(
        "INSERT INTO canon_character (id, name, aliases, occupation, affiliation,"
        " first_episode, summary, sources, sort_order, carries, known_from, series)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                c.id,
                c.name,
                json.dumps(c.aliases),
                c.occupation.text if c.occupation else None,
                c.affiliation.text if c.affiliation else None,
                c.first_appearance.key if c.first_appearance else None,
                c.summary.text if c.summary else None,
                json.dumps(c.sources),
                position,
                _carries(c.summary.reveal if c.summary else None),
                c.known_from.key if c.known_from else None,
                c.series,
            )
            for position, c in enumerate(characters)
        ],
    )
    roles = [r for c in characters for r in c.roles]
    await conn.executemany(
        "INSERT OR IGNORE INTO canon_actor (id, name) VALUES (?, ?)",
        [(r.actor_id, r.actor_name) for r in roles],
    )
    await conn.executemany(
        "INSERT INTO canon_role (character_id, actor_id, credit, seasons, sources, position,"
        " ended_by, ended_by_finale, ended_by_carries) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                r.character_id,
                r.actor_id,
                r.credit,
                json.dumps(r.seasons),
                json.dumps(r.sources),
                n,
                r.ended_by.episode.key if r.ended_by else None,
                int(r.ended_by.finale) if r.ended_by else 0,
                _carries(r.ended_by),
            )
            for n, r in enumerate(roles)
        ],
    )


# The search index, built from the rows just written. Each statement runs on its own
# through ``execute``: ``executescript`` would commit the reload's transaction half-way.
SEARCH_INDEX = (
    """INSERT INTO canon_search (kind, ref, name, body)
        SELECT 'character', c.id,
               c.name || ' ' || (SELECT group_concat(value, ' ') FROM json_each(c.aliases)),
               coalesce(c.occupation, '') || ' ' || coalesce(c.affiliation, '') || ' '
                   || coalesce(c.summary, '') || ' '
                   || coalesce((SELECT group_concat(a.name, ' ') FROM canon_role r
                       JOIN canon_actor a ON a.id = r.actor_id
                       WHERE r.character_id = c.id), '')
        FROM canon_character c""",
    """INSERT INTO canon_search (kind, ref, name, body)
        SELECT 'event', v.id, v.year, v.text FROM canon_event v""",
    """INSERT INTO canon_search (kind, ref, name, body)
        SELECT 'fact', f.id, coalesce(c.name, ''), f.text
        FROM canon_fact f LEFT JOIN canon_character c ON c.id = f.subject_id""",
)


async def _index_for_search(conn: aiosqlite.Connection, bundle: ContentBundle) -> None:
    # Episodes are indexed by their codes ("SC S1E8"), which only the records spell.
    await conn.executemany(
        "INSERT INTO canon_search (kind, ref, name, body) VALUES ('episode', ?, ?, ?)",
        [
            (e.ref.key, f"{e.ref.code} {e.title or ''}", e.synopsis.text if e.synopsis else None)
            for e in bundle.episodes
        ],
    )
    for statement in SEARCH_INDEX:
        await conn.execute(statement)


async def table_counts(conn: aiosqlite.Connection) -> dict[str, int]:
    """Rows in every canon table: stored with a reload, compared at start."""
    counts: dict[str, int] = {}
    for table in CANON_TABLES:
        async with conn.execute(f"SELECT count(*) FROM {table}") as cursor:
            row = await cursor.fetchone()
        counts[table] = int(row[0]) if row else 0
    return counts
