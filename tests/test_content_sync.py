"""Loading canon files into the store: idempotent, atomic, and blind to community rows."""

from __future__ import annotations

import dataclasses
import shutil
import sqlite3
from pathlib import Path

import pytest

from bot.canon.content import ContentBundle, load_content
from bot.canon.episodes import EpisodeRef
from bot.canon.fields import ContentError
from bot.canon.models import Fact, FactKind
from bot.spoilers.policy import Detail, Reveal
from bot.store import Store, content_sync
from bot.store.content_sync import SyncOutcome, sync_canon


@pytest.fixture
def content_copy(tmp_path: Path, content_dir: Path) -> Path:
    target = tmp_path / "data" / "canon"
    shutil.copytree(content_dir, target)
    return target


async def _count(store: Store, table: str) -> int:
    async with store.conn.execute(f"SELECT count(*) FROM {table}") as cursor:
        row = await cursor.fetchone()
    assert row is not None
    return int(row[0])


async def test_first_start_loads_then_unchanged_files_are_skipped(
    tmp_path: Path, content_dir: Path
) -> None:
    store = await Store.open(tmp_path / "fresh.sqlite3")
    try:
        first = await sync_canon(store.canon, content_dir)
        assert first.outcome is SyncOutcome.LOADED
        loaded_at = await store.canon.loaded_at()
        again = await sync_canon(store.canon, content_dir)
        assert again.outcome is SyncOutcome.UNCHANGED
        assert again.fingerprint == first.fingerprint
        assert await store.canon.loaded_at() == loaded_at
    finally:
        await store.close()


async def test_files_loaded_once_are_read_once_per_process_until_they_change(
    tmp_path: Path, content_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each start on PostgreSQL loads the canon into a fresh in-memory store: unchanged
    files are not parsed again, edited ones are, and either way the store holds them."""
    reads: list[Path] = []

    def counted(root: Path) -> ContentBundle:
        reads.append(root)
        return load_content(root)

    monkeypatch.setattr(content_sync, "load_content", counted)
    titles = []
    for n, edit in enumerate([None, None, "Red Moon (edited)", None]):
        if edit is not None:
            path = content_copy / "for-all-mankind" / "episodes" / "season-1.toml"
            path.write_text(path.read_text().replace('title = "Red Moon"', f'title = "{edit}"'))
        store = await Store.open(tmp_path / f"fresh-{n}.sqlite3")
        try:
            assert (await sync_canon(store.canon, content_copy)).outcome is SyncOutcome.LOADED
            episode = await store.canon.episode(EpisodeRef(1, 1))
            assert episode is not None
            titles.append(episode.title)
        finally:
            await store.close()
    assert titles == ["Red Moon", "Red Moon", "Red Moon (edited)", "Red Moon (edited)"]
    assert len(reads) == 2, "read at first, and again once edited"


async def test_changed_files_reload(store: Store, content_copy: Path) -> None:
    path = content_copy / "for-all-mankind" / "episodes" / "season-1.toml"
    path.write_text(path.read_text().replace('title = "Red Moon"', 'title = "Red Moon (edited)"'))
    result = await sync_canon(store.canon, content_copy)
    assert result.outcome is SyncOutcome.LOADED
    episode = await store.canon.episode(EpisodeRef(1, 1))
    assert episode is not None
    assert episode.title == "Red Moon (edited)"


async def test_malformed_files_keep_the_previous_content(store: Store, content_copy: Path) -> None:
    before = await store.canon.fingerprint()
    characters = await _count(store, "canon_character")
    (content_copy / "for-all-mankind" / "timeline.toml").write_text("not = [valid")
    result = await sync_canon(store.canon, content_copy)
    assert result.outcome is SyncOutcome.KEPT_PREVIOUS
    assert result.error is not None
    assert "timeline.toml" in str(result.error)
    assert await store.canon.fingerprint() == before
    assert await _count(store, "canon_character") == characters


async def test_malformed_files_with_nothing_to_fall_back_on_are_fatal(
    tmp_path: Path, content_copy: Path
) -> None:
    (content_copy / "for-all-mankind" / "timeline.toml").write_text("not = [valid")
    store = await Store.open(tmp_path / "empty.sqlite3")
    try:
        with pytest.raises(ContentError):
            await sync_canon(store.canon, content_copy)
    finally:
        await store.close()


async def test_reload_never_touches_community_tables(store: Store, content_copy: Path) -> None:
    await store.community.set_progress(1, "", EpisodeRef(3, 10))
    await store.community.update_server_settings(2, embargo_days=3, guard_enabled=True)
    await store.community.set_channel(2, 99, "spoiler", True)
    await store.community.add_term(2, "purple door", added_by=1)
    before = {
        table: await _rows(store, table)
        for table in (
            "community_series_progress",
            "community_guild_policy",
            "community_channel",
            "community_guard_term",
        )
    }
    path = content_copy / "for-all-mankind" / "timeline.toml"
    path.write_text(path.read_text() + "\n# edited\n")
    assert (await sync_canon(store.canon, content_copy)).outcome is SyncOutcome.LOADED
    for table, rows in before.items():
        assert rows and await _rows(store, table) == rows, table


async def _rows(store: Store, table: str) -> list[tuple[object, ...]]:
    async with store.conn.execute(f"SELECT * FROM {table} ORDER BY 1") as cursor:
        return [tuple(row) for row in await cursor.fetchall()]


async def test_a_failed_reload_rolls_back_entirely(store: Store, content_dir: Path) -> None:
    bundle = load_content(content_dir)
    broken = Fact(
        FactKind.STORY,
        "nobody",  # no such character: the foreign key fails after many inserts
        Detail("x", Reveal(EpisodeRef(1, 1), False)),
        ("s1",),
    )
    bad = dataclasses.replace(bundle, fingerprint="bad", finale_facts=(broken,))
    before = await _count(store, "canon_episode")
    with pytest.raises(sqlite3.IntegrityError):
        await store.canon.replace_all(bad)
    assert await store.canon.fingerprint() == bundle.fingerprint
    assert await _count(store, "canon_episode") == before
    assert await _count(store, "canon_search") > 0
