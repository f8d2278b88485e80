"""PostgreSQL shared by several processes: what one changes, the others serve within a
second; the change feed survives a cut cable; migrations and refusals. Each store here
is what one bot process holds; two in one test are two processes' views."""

from __future__ import annotations

import asyncio
import dataclasses
import time
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import asyncpg
import pytest

from bot.canon.episodes import EpisodeRef
from bot.community.journal import State
from bot.community.records import Progress
from bot.community.review import Review
from bot.community.store import CommunityStore, StorageUnavailable
from bot.settings import Shards
from bot.store.database import StoreError
from bot.store.postgres.community import PostgresCommunity
from bot.store.postgres.database import migrate, postgres_migrations, schema_version
from bot.store.postgres.journal import PostgresJournal
from tests.journal_entries import entry as _entry
from tests.postgres import Cable, Server

GUILD = 800000000000000001  # shard 1 of 2
OTHER_GUILD = 800000000004194305  # shard 0 of 2
PROPAGATION_SECONDS = 1.0  # the promise: a change reaches every process within it


async def _open(url: str, shards: Shards | None = None, wait: float = 5.0) -> PostgresCommunity:
    return await PostgresCommunity.open(url, wait_seconds=wait, shards=shards)


@pytest.fixture
async def pair(postgres_url: str) -> AsyncIterator[tuple[PostgresCommunity, PostgresCommunity]]:
    first, second = await _open(postgres_url), await _open(postgres_url)
    yield first, second
    await first.close()
    await second.close()


async def _within(seconds: float, seen: Callable[[], bool]) -> float:
    """How long until ``seen()`` holds; fails past ``seconds``."""
    started = time.perf_counter()
    while not seen():
        assert time.perf_counter() - started < seconds, "the change did not arrive in time"
        await asyncio.sleep(0.002)
    return time.perf_counter() - started


async def test_a_change_reaches_the_other_process_within_a_second(
    pair: tuple[PostgresCommunity, PostgresCommunity],
) -> None:
    here, there = pair
    await here.set_progress(7, "", EpisodeRef(2, 4))
    await _within(PROPAGATION_SECONDS, lambda: there.progress(7) == Progress("", EpisodeRef(2, 4)))
    await here.update_server_settings(GUILD, guard_enabled=True, embargo_days=2)
    await _within(PROPAGATION_SECONDS, lambda: there.server_settings(GUILD).guard_enabled)
    assert there.server_settings(GUILD).embargo_days == 2
    await there.set_channel(GUILD, 10, "spoiler", True)
    await _within(PROPAGATION_SECONDS, lambda: 10 in here.server_settings(GUILD).spoiler_channels)
    await there.add_term(GUILD, "purple door", 1)
    await _within(PROPAGATION_SECONDS, lambda: here.server_settings(GUILD).terms != ())
    await here.note_permission_gaps(GUILD, 5, ["manage_webhooks"], from_discord=True)
    await _within(PROPAGATION_SECONDS, lambda: bool(there.permission_gaps(GUILD)))
    await there.clear_permission_gaps(GUILD)
    await _within(PROPAGATION_SECONDS, lambda: not here.permission_gaps(GUILD))
    await here.review.set_threshold(GUILD, 0.45, set_by=1)  # replies and the guard read it
    await _within(PROPAGATION_SECONDS, lambda: there.review.threshold(GUILD) == 0.45)
    await there.review.set_threshold(GUILD, None, set_by=1)
    await _within(PROPAGATION_SECONDS, lambda: here.review.threshold(GUILD) is None)
    await here.clear_progress(7)
    await _within(PROPAGATION_SECONDS, lambda: there.progress(7) is None)
    assert here.server_settings(GUILD) == there.server_settings(GUILD)


async def test_two_processes_writing_at_once_lose_nothing(
    pair: tuple[PostgresCommunity, PostgresCommunity], postgres_url: str
) -> None:
    """Every setting and list entry written through either process sticks, and both
    processes end up serving exactly what the database holds."""
    here, there = pair
    await asyncio.gather(
        here.update_server_settings(GUILD, embargo_days=9),
        there.update_server_settings(GUILD, tag_finales=False),
        here.update_server_settings(GUILD, log_channel_id=77),
        there.update_server_settings(GUILD, guard_enabled=True),
        *(here.set_channel(GUILD, c, "spoiler", True) for c in range(20)),
        *(there.set_channel(GUILD, c, "exempt", True) for c in range(20)),
        *(here.add_term(GUILD, f"here {n}", 1) for n in range(10)),
        *(there.add_term(GUILD, f"there {n}", 2) for n in range(10)),
        *(here.set_progress(u, "", EpisodeRef(1, 2)) for u in range(10)),
        *(there.set_progress(u, "SC", EpisodeRef(1, 3, "SC")) for u in range(10)),
    )
    fresh = await _open(postgres_url)
    try:
        stored = fresh.server_settings(GUILD)
        assert (stored.embargo_days, stored.tag_finales, stored.guard_enabled) == (9, False, True)
        assert stored.log_channel_id == 77
        assert stored.spoiler_channels == set(range(20)) == stored.exempt_channels
        assert len(stored.terms) == 20
        assert all(len(fresh.every_progress(u)) == 2 for u in range(10))

        def agrees(view: CommunityStore) -> bool:
            progress = all(len(view.every_progress(u)) == 2 for u in range(10))
            return progress and view.server_settings(GUILD) == stored

        await _within(PROPAGATION_SECONDS, lambda: agrees(here) and agrees(there))
    finally:
        await fresh.close()


async def test_a_cut_cable_is_mended_and_what_was_missed_is_reloaded(
    postgres: Server, postgres_url: str
) -> None:
    cable = Cable(postgres.socket_dir)
    await cable.start()
    here = await _open(postgres_url)
    there = await _open(cable.url(postgres_url))
    try:
        await here.update_server_settings(GUILD, embargo_days=3)
        await _within(PROPAGATION_SECONDS, lambda: there.server_settings(GUILD).embargo_days == 3)
        await cable.cut()
        await asyncio.sleep(0.3)  # the news sent now is lost to ``there``
        await here.update_server_settings(GUILD, guard_enabled=True)
        await here.set_progress(8, "", EpisodeRef(3, 1))
        # Cut off, ``there`` still answers from memory, and says when it cannot save.
        assert there.server_settings(GUILD).embargo_days == 3
        assert not there.server_settings(GUILD).guard_enabled
        with pytest.raises(StorageUnavailable):
            await there.set_progress(9, "", EpisodeRef(1, 1))
        assert there.progress(9) is None
        cable.mend()
        await _within(10.0, lambda: there.server_settings(GUILD).guard_enabled)
        assert there.progress(8) == Progress("", EpisodeRef(3, 1))
        assert there.listener.reconnects >= 1
        await there.set_progress(9, "", EpisodeRef(1, 1))  # and it saves again
        await _within(PROPAGATION_SECONDS, lambda: here.progress(9) is not None)
    finally:
        await here.close()
        await there.close()
        await cable.close()


async def test_a_restart_forgets_refusals_only_in_its_own_shards(postgres_url: str) -> None:
    first = await _open(postgres_url)
    for guild in (GUILD, OTHER_GUILD):
        await first.note_permission_gaps(guild, 5, ["manage_messages"], from_discord=True)
    shard_zero = await _open(postgres_url, Shards(2, (0,)))
    try:
        assert shard_zero.permission_gaps(OTHER_GUILD) == []  # its own server: a fresh look
        assert [g.permission for g in shard_zero.permission_gaps(GUILD)] == ["manage_messages"]
        # and the process still running the other shard hears of the change
        await _within(PROPAGATION_SECONDS, lambda: first.permission_gaps(OTHER_GUILD) == [])
        assert len(first.permission_gaps(GUILD)) == 1
    finally:
        await first.close()
        await shard_zero.close()


async def test_schema_refusals_and_migrating_at_once(postgres: Server) -> None:
    url = await postgres.fresh_database()
    try:
        with pytest.raises(StoreError, match=r"python -m bot migrate"):
            await _open(url)  # never migrated
        connections = [await asyncpg.connect(url) for _ in range(3)]
        try:
            results = await asyncio.gather(*(migrate(c) for c in connections))
            latest = postgres_migrations()[-1].version
            assert sorted(results) == [(0, latest), (latest, latest), (latest, latest)]
            assert await schema_version(connections[0]) == latest
            store = await _open(url)
            await store.set_progress(1, "", None)  # a migrated database serves
            await store.close()
            await connections[0].execute(
                "INSERT INTO fambot_migration (version, name) VALUES ($1, 'from the future')",
                latest + 1,
            )
            with pytest.raises(StoreError, match="newer fambot"):
                await _open(url)
            with pytest.raises(StoreError, match="newer fambot"):
                await migrate(connections[1])
        finally:
            for conn in connections:
                await conn.close()
    finally:
        await postgres.drop(url)


async def test_an_unreachable_server_is_retried_then_refused_in_one_line(
    postgres: Server, postgres_url: str
) -> None:
    cable = Cable(postgres.socket_dir)
    await cable.start()
    await cable.cut()
    try:
        started = time.perf_counter()
        with pytest.raises(StoreError) as refused:
            await _open(cable.url(postgres_url), wait=1.0)
        assert 1.0 <= time.perf_counter() - started < 5.0
        message = str(refused.value)
        assert "unreachable after 1 s" in message and "\n" not in message
        assert "127.0.0.1" in message and "FAMBOT_DATABASE_URL" in message
        # A server that comes up while start-up waits is used.
        asyncio.get_running_loop().call_later(0.5, cable.mend)
        store = await _open(cable.url(postgres_url), wait=10.0)
        await store.close()
    finally:
        await cable.close()


async def test_a_bot_outgrowing_sqlite_copies_its_community_once(
    postgres_url: str, db_path: Path
) -> None:
    """``python -m bot migrate --from-sqlite``: every member's and server's data moves
    into PostgreSQL; a process already running reloads it; a second copy is refused."""
    from bot.__main__ import _migrate
    from bot.settings import Settings
    from bot.store import Store

    sqlite = await Store.open(db_path)
    lite = sqlite.community
    await lite.set_progress(1, "", EpisodeRef(2, 4))
    await lite.set_progress(1, "SC", None)
    await lite.update_server_settings(GUILD, embargo_days=3, guard_enabled=True, log_channel_id=5)
    await lite.set_channel(GUILD, 10, "spoiler", True)
    await lite.set_exempt_role(GUILD, 20, True)
    await lite.add_term(GUILD, "purple door", 1)
    await lite.note_permission_gaps(GUILD, 5, ["manage_webhooks"], from_discord=False)
    filed = await lite.file_report(
        reporter_id=9,
        guild_id=None,
        channel_id=None,
        message_id=None,
        subject="character:ed-baldwin",
        text="wrong year",
        source=None,
        limit=3,
        window=timedelta(hours=1),
    )
    assert filed is not None
    # The guard's journal, mid-way through one message: hidden, its file kept.
    unfinished = _entry(1001, GUILD)
    assert await sqlite.journal.add(unfinished)
    await sqlite.journal.keep_files(1001, [("moon.png", b"\x89PNG")])
    await sqlite.journal.mark_hidden([1001])
    await sqlite.journal.save_marks({5: (GUILD, 1001)})
    await sqlite.journal.add_notice(77, 5, datetime(2026, 11, 24, 12, 0, 10, tzinfo=UTC))
    # The review band: a server's sensitivity, a decided example and an open question.
    await sqlite.review.set_threshold(GUILD, 0.75, set_by=9)
    seen = datetime.now(UTC).replace(microsecond=0)
    for message_id in (3001, 3002):
        asked = Review(message_id, GUILD, 5, 6, f"hm {message_id}", 0.5, 0.75, ("r",), seen)
        assert await sqlite.review.open_review(asked)
    decided = await sqlite.review.decide(3001, "spoiler", 9)
    await sqlite.review.card_posted(3002, 4002)
    undecided = await sqlite.review.get(3002)
    expected = lite.server_settings(GUILD), lite.every_progress(1), lite.permission_gaps(GUILD)
    await sqlite.close()

    running = await _open(postgres_url)  # a process already serving the empty database
    settings = Settings(token=None, database_path=db_path, database_url=postgres_url)
    try:
        said = await _migrate(settings, db_path)
        assert "Copied from" in said and "2 series_progress" in said and "1 report" in said
        await _within(5.0, lambda: running.server_settings(GUILD) == expected[0])
        await _within(5.0, lambda: running.review.threshold(GUILD) == 0.75)
        fresh = await _open(postgres_url)
        try:
            assert fresh.server_settings(GUILD) == expected[0]
            assert set(fresh.every_progress(1)) == set(expected[1])
            assert fresh.permission_gaps(GUILD) == expected[2]
            [report] = await fresh.reports()
            assert report.text == "wrong year" and not report.logged
            journal = PostgresJournal(postgres_url, fresh.pool, fresh.worker, None)
            [resumed] = await journal.claim_unfinished()  # nobody was working it: this one may
            assert resumed == dataclasses.replace(unfinished, state=State.HIDDEN)
            assert await journal.files(1001) == [("moon.png", b"\x89PNG")]
            assert await journal.marks() == {5: 1001}
            assert [n[0] for n in await journal.notices()] == [77]
            assert fresh.review.threshold(GUILD) == 0.75
            assert await fresh.review.examples(GUILD) == [decided]
            assert await fresh.review.get(3002) == undecided
            assert await fresh.review.counts(GUILD) == (1, 1)
        finally:
            await fresh.close()
        with pytest.raises(StoreError, match="already holds community data"):
            await _migrate(settings, db_path)
    finally:
        await running.close()


async def test_the_check_reports_on_the_database_in_one_line(
    postgres: Server, postgres_url: str
) -> None:
    from bot.store.postgres.database import probe

    ready, line = await probe(postgres_url, 1.0)
    assert ready and "reachable, schema version" in line and "\n" not in line
    empty = await postgres.fresh_database()
    try:
        ready, line = await probe(empty, 1.0)
        assert not ready and "run `python -m bot migrate`" in line
    finally:
        await postgres.drop(empty)
    ready, line = await probe("postgresql://bot:secret@127.0.0.1:9/fambot", 0.5)
    assert not ready and "unreachable" in line and "secret" not in line
