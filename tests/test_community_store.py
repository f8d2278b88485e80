"""The community store's contract, run against both backends: SQLite (the test's file)
and PostgreSQL (a real server the suite starts). Same calls, same answers, same rows
after a restart; writes at the same moment never undo one another."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest

from bot.canon.episodes import EpisodeRef
from bot.community.records import Progress, ServerSettings
from tests.community_backends import Backend

S2E4 = EpisodeRef(2, 4)
SC_S1E3 = EpisodeRef(1, 3, "SC")
GUILD = 800000000000000001  # shard 1 of 2
OTHER_GUILD = 800000000004194305  # shard 0 of 2
ADMIN = 700000000000000001


async def test_progress_per_series_survives_a_restart(backend: Backend) -> None:
    store = await backend.open()
    assert store.progress(1) is None and store.horizons(1) == frozenset()
    await store.set_progress(1, "", S2E4)
    await store.set_progress(1, "SC", SC_S1E3)
    await store.set_progress(2, "", None)  # caught up
    assert store.progress(1) == Progress("", S2E4)
    assert store.horizons(1) == {S2E4, SC_S1E3}
    assert store.horizons(2) == frozenset()
    with pytest.raises(ValueError, match="not an episode of series"):
        await store.set_progress(1, "", SC_S1E3)
    store = await backend.reopen(store)
    assert set(store.every_progress(1)) == {Progress("", S2E4), Progress("SC", SC_S1E3)}
    assert store.progress(2) == Progress("", None)
    assert await store.clear_progress(1, "SC") is True
    assert await store.clear_progress(1, "SC") is False  # nothing left to clear
    assert store.horizons(1) == {S2E4}
    assert await store.clear_progress(1) is True
    assert store.progress(1) is None
    store = await backend.reopen(store)
    assert store.every_progress(1) == ()


async def test_server_settings_change_only_what_is_given(backend: Backend) -> None:
    store = await backend.open()
    assert store.server_settings(GUILD) == ServerSettings(GUILD)
    updated = await store.update_server_settings(GUILD, embargo_days=3)
    assert updated == ServerSettings(GUILD, embargo_days=3)
    await store.update_server_settings(GUILD, guard_enabled=True, log_channel_id=55)
    await store.update_server_settings(GUILD, tag_finales=False)
    expected = ServerSettings(
        GUILD, embargo_days=3, tag_finales=False, guard_enabled=True, log_channel_id=55
    )
    assert store.server_settings(GUILD) == expected
    await store.update_server_settings(GUILD, embargo_days=0)  # the log channel stays
    assert store.server_settings(GUILD).log_channel_id == 55
    await store.update_server_settings(GUILD, log_channel_id=None)  # None: stop logging
    assert store.server_settings(GUILD).log_channel_id is None
    store = await backend.reopen(store)
    assert store.server_settings(GUILD) == ServerSettings(
        GUILD, embargo_days=0, tag_finales=False, guard_enabled=True
    )
    assert store.server_settings(OTHER_GUILD) == ServerSettings(OTHER_GUILD)


async def test_lists_say_whether_anything_changed(backend: Backend) -> None:
    store = await backend.open()
    assert await store.set_channel(GUILD, 10, "spoiler", True) is True
    assert await store.set_channel(GUILD, 10, "spoiler", True) is False
    assert await store.set_channel(GUILD, 11, "exempt", True) is True
    assert await store.set_exempt_role(GUILD, 20, True) is True
    assert await store.set_exempt_role(GUILD, 20, True) is False
    assert await store.add_term(GUILD, "purple door", ADMIN) is True
    assert await store.add_term(GUILD, "purple door", ADMIN) is False
    assert await store.add_term(GUILD, "bamboo", ADMIN) is True
    server = store.server_settings(GUILD)
    assert server.spoiler_channels == {10} and server.exempt_channels == {11}
    assert server.exempt_roles == {20} and server.terms == ("bamboo", "purple door")
    store = await backend.reopen(store)
    assert store.server_settings(GUILD) == server
    assert await store.set_channel(GUILD, 10, "spoiler", False) is True
    assert await store.set_channel(GUILD, 10, "spoiler", False) is False
    assert await store.set_exempt_role(GUILD, 20, False) is True
    assert await store.remove_term(GUILD, "bamboo") is True
    assert await store.remove_term(GUILD, "bamboo") is False
    server = store.server_settings(GUILD)
    assert server.spoiler_channels == frozenset() and server.exempt_roles == frozenset()
    assert server.terms == ("purple door",)


async def test_writes_at_the_same_moment_all_land(backend: Backend) -> None:
    """Different settings of one server, changed at once, all stick (no read-modify-write);
    memory and the database agree afterwards."""
    store = await backend.open()
    await asyncio.gather(
        store.update_server_settings(GUILD, embargo_days=9),
        store.update_server_settings(GUILD, tag_finales=False),
        store.update_server_settings(GUILD, guard_enabled=True),
        store.update_server_settings(GUILD, log_channel_id=77),
        *(store.set_channel(GUILD, c, "spoiler", True) for c in range(30, 40)),
        *(store.add_term(GUILD, f"term {n}", ADMIN) for n in range(10)),
        *(store.set_progress(user, "", S2E4) for user in range(100, 120)),
    )
    server = store.server_settings(GUILD)
    assert (server.embargo_days, server.tag_finales, server.guard_enabled) == (9, False, True)
    assert server.log_channel_id == 77
    assert server.spoiler_channels == set(range(30, 40)) and len(server.terms) == 10
    assert all(store.progress(u) == Progress("", S2E4) for u in range(100, 120))
    reopened = await backend.reopen(store)
    assert reopened.server_settings(GUILD) == server


async def test_a_gap_is_reported_once(backend: Backend) -> None:
    store = await backend.open()
    noted = await asyncio.gather(
        *(
            store.note_permission_gaps(
                GUILD, 5, ["manage_webhooks", "send_messages"], from_discord=False
            )
            for _ in range(8)
        )
    )
    assert sorted(p for found in noted for p in found) == ["manage_webhooks", "send_messages"]
    assert await store.note_permission_gaps(GUILD, 5, ["manage_webhooks"], from_discord=False) == []
    assert await store.note_permission_gaps(GUILD, 6, ["manage_messages"], from_discord=True) == [
        "manage_messages"
    ]
    gaps = store.permission_gaps(GUILD)
    assert [(g.channel_id, g.permission, g.from_discord) for g in gaps] == [
        (5, "manage_webhooks", False),
        (5, "send_messages", False),
        (6, "manage_messages", True),
    ]
    assert all(datetime.now(UTC) - g.reported_at < timedelta(minutes=1) for g in gaps)
    # A restart is a fresh look at what Discord refused; the bot's own findings stay.
    store = await backend.reopen(store)
    assert [(g.channel_id, g.permission) for g in store.permission_gaps(GUILD)] == [
        (5, "manage_webhooks"),
        (5, "send_messages"),
    ]
    await store.clear_permission_gaps(GUILD, 5)
    assert store.permission_gaps(GUILD) == []
    await store.clear_permission_gaps(GUILD)  # nothing held: nothing to do
    store = await backend.reopen(store)
    assert store.permission_gaps(GUILD) == []


async def test_reports_keep_to_the_limit_even_at_once(backend: Backend) -> None:
    store = await backend.open()

    async def report(n: int) -> int | None:
        return await store.file_report(
            reporter_id=9,
            guild_id=GUILD if n % 2 else None,
            channel_id=5,
            message_id=n,
            subject="character:ed-baldwin",
            text=f"report {n}",
            source=None,
            limit=3,
            window=timedelta(hours=1),
        )

    filed = await asyncio.gather(*(report(n) for n in range(6)))
    ids = [i for i in filed if i is not None]
    assert len(ids) == 3 and len(set(ids)) == 3
    hour_ago = datetime.now(UTC) - timedelta(hours=1)
    assert await store.reports_sent_since(9, hour_ago) == 3
    assert await store.reports_sent_since(10, hour_ago) == 0
    await store.mark_report_logged(min(ids))
    stored = await store.reports()
    assert [r.id for r in stored] == sorted(ids)
    assert [r.logged for r in stored] == [True, False, False]
    assert all(r.subject == "character:ed-baldwin" and r.reporter_id == 9 for r in stored)
    assert await store.reports(datetime.now(UTC) + timedelta(minutes=1)) == []
    assert len(await store.reports(hour_ago)) == 3
