"""A canon reload is one transaction, and start-up checks the stored canon is whole."""

from __future__ import annotations

import dataclasses
import shutil
import sqlite3
from pathlib import Path

import pytest

from bot.canon.content import load_content
from bot.canon.episodes import EpisodeRef
from bot.canon.fields import ContentError
from bot.store import Store
from bot.store.content_sync import SyncOutcome, sync_canon


async def _count(store: Store, table: str) -> int:
    async with store.conn.execute(f"SELECT count(*) FROM {table}") as cursor:
        row = await cursor.fetchone()
    assert row is not None
    return int(row[0])


def _retitled(content_dir: Path, target: Path) -> Path:
    shutil.copytree(content_dir, target)
    path = target / "for-all-mankind" / "episodes" / "season-1.toml"
    path.write_text(path.read_text().replace('title = "Red Moon"', 'title = "Red Moon (new)"'))
    return target


async def test_a_reload_failing_after_the_search_index_leaves_nothing_behind(
    store: Store, content_dir: Path, tmp_path: Path
) -> None:
    """The last step (the fingerprint) fails: the new titles, the new index and the
    deleted rows must all roll back with it."""
    before = await store.canon.fingerprint()
    searchable = await _count(store, "canon_search")
    bundle = load_content(_retitled(content_dir, tmp_path / "canon"))
    await store.conn.execute(
        "CREATE TEMP TRIGGER fail_at_the_end BEFORE INSERT ON canon_meta "
        "BEGIN SELECT RAISE(ABORT, 'injected failure'); END"
    )
    with pytest.raises(sqlite3.IntegrityError, match="injected failure"):
        await store.canon.replace_all(bundle)
    await store.conn.execute("DROP TRIGGER fail_at_the_end")

    assert not store.conn.in_transaction
    assert await store.canon.fingerprint() == before
    episode = await store.canon.episode(EpisodeRef(1, 1))
    assert episode is not None and episode.title == "Red Moon"
    assert await _count(store, "canon_search") == searchable
    assert await store.canon.incompleteness() is None


async def test_a_fresh_load_records_what_it_wrote(store: Store) -> None:
    assert await store.canon.incompleteness() is None


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        ("DELETE FROM canon_search", "canon_search has 0 rows"),
        ("DELETE FROM canon_fact WHERE id % 3 = 0", "canon_fact has"),
        ("DELETE FROM canon_meta WHERE key = 'counts'", "without row counts"),
        # The tables of the series and the guard's lexicon count like the rest.
        ("DELETE FROM canon_guard_lexicon", "canon_guard_lexicon has 0 rows"),
        ("DELETE FROM canon_series WHERE code = 'SC'", "canon_series has 1 rows"),
        # Counts written before a table existed (an older fambot) do not vouch for it.
        (
            "UPDATE canon_meta SET value = json_remove(value, '$.canon_guard_lexicon')"
            " WHERE key = 'counts'",
            "canon_guard_lexicon was not counted",
        ),
    ],
)
async def test_an_incomplete_canon_is_reloaded_at_start(
    db_path: Path, content_dir: Path, damage: str, reason: str
) -> None:
    """What a reload cut short by an older fambot left: the fingerprint of the files,
    but not all their rows (an empty search index answered "Nothing matched")."""
    with sqlite3.connect(db_path) as conn:
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute(damage)
    conn.close()
    store = await Store.open(db_path)
    try:
        gap = await store.canon.incompleteness()
        assert gap is not None and reason in gap
        result = await sync_canon(store.canon, content_dir)
        assert result.outcome is SyncOutcome.LOADED
        assert await store.canon.incompleteness() is None
        hits = await store.canon.search("Baldwin")
        assert any(hit.ref == "ed-baldwin" for hit in hits)
    finally:
        await store.close()


async def test_an_incomplete_canon_with_malformed_files_is_refused(
    db_path: Path, content_dir: Path, tmp_path: Path
) -> None:
    content = tmp_path / "canon"
    shutil.copytree(content_dir, content)
    (content / "for-all-mankind" / "timeline.toml").write_text("not = [valid")
    with sqlite3.connect(db_path) as conn:
        conn.execute("DELETE FROM canon_search")
    conn.close()
    store = await Store.open(db_path)
    try:
        with pytest.raises(ContentError, match="stored canon is incomplete") as raised:
            await sync_canon(store.canon, content)
        assert "timeline.toml" in str(raised.value)
    finally:
        await store.close()


async def test_an_unchanged_whole_canon_is_not_reloaded(store: Store, content_dir: Path) -> None:
    loaded_at = await store.canon.loaded_at()
    result = await sync_canon(store.canon, content_dir)
    assert result.outcome is SyncOutcome.UNCHANGED
    assert await store.canon.loaded_at() == loaded_at
    assert dataclasses.asdict(result)["error"] is None
