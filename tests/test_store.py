"""The store against a real SQLite file with the real migrations."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bot.store import Store, StoreError
from bot.store.database import migrations


async def _one(store: Store, sql: str) -> object:
    """The single value ``sql`` selects."""
    async with store.conn.execute(sql) as cursor:
        row = await cursor.fetchone()
    assert row is not None
    return row[0]


async def test_fresh_database_is_migrated_with_safe_pragmas(tmp_path: Path) -> None:
    store = await Store.open(tmp_path / "new.sqlite3")
    try:
        assert await _one(store, "PRAGMA user_version") == migrations()[-1].version
        assert await _one(store, "PRAGMA journal_mode") == "wal"
        assert await _one(store, "PRAGMA foreign_keys") == 1
        busy = await _one(store, "PRAGMA busy_timeout")
        assert isinstance(busy, int)
        assert busy >= 1000
    finally:
        await store.close()


async def test_reopening_applies_nothing_twice(db_path: Path) -> None:
    for _ in range(2):
        store = await Store.open(db_path)
        assert await store.canon.fingerprint() is not None
        await store.close()


async def test_database_from_a_newer_fambot_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {migrations()[-1].version + 1}")
    with pytest.raises(StoreError, match="newer fambot"):
        await Store.open(path)


async def test_units_of_work_at_the_same_moment_take_turns(store: Store) -> None:
    import asyncio

    await asyncio.gather(
        *(store.community.set_progress(user, "", None) for user in range(10)),
        *(store.community.update_server_settings(1, embargo_days=days) for days in range(1, 6)),
        store.community.add_term(1, "purple door", added_by=1),
    )
    assert all(store.community.progress(user) is not None for user in range(10))
    stored = await _one(store, "SELECT embargo_days FROM community_guild_policy")
    assert stored == store.community.server_settings(1).embargo_days


async def test_upgrading_keeps_progress_and_reloads_content(
    tmp_path: Path, content_dir: Path
) -> None:
    """A database from before there were two series (schema 6, content loaded, members'
    progress stored as bare episode keys) keeps that progress as For All Mankind's, and
    its canon content is loaded again on the next start."""
    from bot.canon.content import load_content
    from bot.canon.episodes import EpisodeRef
    from bot.community.records import Progress
    from bot.store.content_sync import SyncOutcome, sync_canon

    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.executescript("\n".join(m.sql for m in migrations() if m.version <= 6))
        conn.execute("PRAGMA user_version = 6")
        conn.execute("INSERT INTO canon_meta VALUES ('fingerprint', 'an old version')")
        conn.execute(
            "INSERT INTO canon_season VALUES (1, '1969', 1969, 1974, '2019-11-01',"
            " '2019-12-20', NULL, '[]', '[]')"
        )
        conn.execute(
            "INSERT INTO canon_episode (id, season, number, years, is_finale, sources)"
            " VALUES (305, 1, 5, '[]', 0, '[]')"
        )
        conn.executemany(
            "INSERT INTO community_progress VALUES (?, ?, '2026-01-01T00:00:00+00:00')",
            [(1, 204), (2, None)],
        )
    store = await Store.open(path)
    try:
        assert await _one(store, "PRAGMA user_version") == migrations()[-1].version
        assert store.community.progress(1) == Progress("", EpisodeRef(2, 4))
        assert store.community.progress(2) == Progress("", None)  # caught up
        assert store.community.progress(1, "SC") is None
        assert await store.canon.fingerprint() is None  # emptied: derived from the files
        result = await sync_canon(store.canon, content_dir)
        assert result.outcome is SyncOutcome.LOADED
        assert (await store.canon.counts()).episodes == len(load_content(content_dir).episodes)
    finally:
        await store.close()
