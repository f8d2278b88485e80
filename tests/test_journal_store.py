"""The guard journal's contract, on both backends: SQLite (the test's file) and
PostgreSQL (a real server). Same steps, same answers; and on PostgreSQL, shared by
several processes, each message is acted on by exactly one of them."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import asyncpg
import pytest

from bot.community.journal import Outcome, State
from bot.settings import Shards
from bot.store.postgres.listener import PRESENCE_CLASS, ChangeListener
from tests.community_backends import Backend
from tests.journal_entries import GUILD, T0
from tests.journal_entries import entry as _entry
from tests.postgres import Cable, Server

OTHER_GUILD = 800000000004194305  # shard 0 of 2


async def test_an_entry_keeps_everything_and_is_journalled_once(backend: Backend) -> None:
    journal = await backend.open_journal()
    assert await journal.add(_entry())
    assert not await journal.add(_entry(content="a second sighting")), "one per message"
    assert await journal.get(1001) == _entry()
    assert await journal.known([1001, 1002]) == {1001}
    assert await journal.get(1002) is None
    journal = await backend.reopen_journal(journal)
    assert await journal.get(1001) == _entry(), "it survives a restart"


async def test_the_latest_edit_wins_and_a_repost_follows(backend: Backend) -> None:
    journal = await backend.open_journal()
    await journal.add(_entry())
    later = await journal.revise(1001, "Fixed typo", T0 + timedelta(seconds=5), "r", ("a",))
    assert later is not None and later.content == "Fixed typo" and later.rules == ("a",)
    assert await journal.revise(1001, "older", T0 + timedelta(seconds=2), "r", ()) is None
    assert not later.repost_stale, "nothing reposted yet"
    await journal.mark_hidden([1001])
    await journal.mark_reposted(1001, repost_id=5005, webhook_id=6, sent_text="||x||")
    edited = await journal.revise(1001, "new", T0 + timedelta(seconds=9), "r", ())
    assert edited is not None and edited.repost_stale
    assert await journal.by_repost(5005) == edited
    await journal.mark_repost_current(1001, "new", stale=False)
    current = await journal.get(1001)
    assert current is not None and not current.repost_stale and current.sent_text == "new"
    await journal.forget_repost(1001)


async def test_files_are_kept_until_the_repost_carries_them(backend: Backend) -> None:
    journal = await backend.open_journal()
    await journal.add(_entry())
    await journal.keep_files(1001, [("moon.png", b"\x89PNG\x00"), ("b.txt", b"")])
    assert await journal.files(1001) == [("moon.png", b"\x89PNG\x00"), ("b.txt", b"")]
    await journal.mark_hidden([1001])
    await journal.note_repost_attempt(1001, after=5000, sent_text="||x||", webhook_id=6)
    attempted = await journal.get(1001)
    assert attempted is not None and attempted.repost_after == 5000
    await journal.mark_reposted(1001, 5005, 6, "||x||")
    assert await journal.files(1001) == []


async def test_the_states_move_forward_only(backend: Backend) -> None:
    journal = await backend.open_journal()
    await journal.add(_entry())
    await journal.note_hide_attempt([1001])
    await journal.mark_hidden([1001])
    await journal.give_up([1001], Outcome.DISCORD_DOWN)
    entry = await journal.get(1001)
    assert entry is not None and entry.state is State.HIDDEN, "a hidden message is never given up"
    assert entry.hide_attempts == 1
    await journal.mark_reposted(1001, 5005, 6, "||x||")
    await journal.mark_hidden([1001])
    await journal.mark_notified([1001])
    await journal.mark_done([1001])
    done = await journal.get(1001)
    assert done is not None and done.state is State.DONE and done.reported
    assert done.outcome == Outcome.TAGGED
    since = T0 - timedelta(minutes=1)
    assert await journal.count(GUILD, since) == 1
    assert await journal.count(GUILD, since, State.DONE) == 1
    assert await journal.count(GUILD, since, State.SEEN) == 0
    assert await journal.count(GUILD, T0 + timedelta(minutes=1)) == 0


async def test_only_an_untouched_unreadable_entry_is_reopened_by_a_newer_edit(
    backend: Backend,
) -> None:
    journal = await backend.open_journal()
    for message_id in (1001, 1002, 1003):
        await journal.add(_entry(message_id))
    await journal.give_up([1001], Outcome.UNREADABLE)
    await journal.give_up([1002], Outcome.PERMISSION)  # given up for another reason
    await journal.mark_reported([1001, 1002])
    at = T0 + timedelta(seconds=5)
    assert await journal.reopen(1002, "new", at, "r", ("a",)) is None
    assert await journal.reopen(1003, "new", at, "r", ("a",)) is None, "not given up"
    assert await journal.reopen(1001, "older", T0, "r", ()) is None, "not newer"
    reopened = await journal.reopen(1001, "new", at, "r", ("a",))
    assert reopened is not None and reopened.state is State.SEEN and reopened.outcome is None
    assert not reopened.reported and reopened.edited and reopened.content == "new"
    assert reopened.rules == ("a",) and reopened.reason == "r"
    assert await journal.get(1001) == reopened
    assert await journal.reopen(1001, "newer", at + timedelta(seconds=1), "r", ()) is None
    assert [e.message_id for e in await journal.claim_unfinished()] == [1001, 1003]


async def test_what_start_up_resumes(backend: Backend) -> None:
    journal = await backend.open_journal()
    for message_id in (3, 1, 2, 4, 5, 6):
        await journal.add(_entry(message_id))
    await journal.mark_hidden([2])
    await journal.finish(3, Outcome.WITHDRAWN)  # nothing left to do
    await journal.give_up([4], Outcome.PERMISSION)  # the mod log still to be told
    await journal.give_up([5], Outcome.PERMISSION)
    await journal.mark_reported([5])
    await journal.mark_hidden([6])
    await journal.finish(6, Outcome.CHANNEL_GONE, taken_down=True)
    journal = await backend.reopen_journal(journal)
    expected = [(1, State.SEEN), (2, State.HIDDEN), (4, State.GIVEN_UP)]
    assert [(e.message_id, e.state) for e in await journal.unfinished()] == expected
    assert [(e.message_id, e.state) for e in await journal.claim_unfinished()] == expected
    if backend.url is None:
        assert await journal.adopt_orphans() == [], "one process: nothing is ever orphaned"
    assert await journal.prune(datetime.now(UTC) + timedelta(days=1)) == 3  # 3, 5 and 6
    assert await journal.get(3) is None and await journal.get(1) is not None


async def test_marks_only_move_forward_and_notices_wait(backend: Backend) -> None:
    journal = await backend.open_journal()
    await journal.save_marks({20: (GUILD, 500)})
    await journal.save_marks({20: (GUILD, 400), 21: (GUILD, 10)})
    assert await journal.marks() == {20: 500, 21: 10}
    await journal.note_guard_on(GUILD, 1000)
    await journal.note_guard_on(GUILD, 2000)  # turned off and on again: the latest counts
    assert await journal.guard_since() == {GUILD: 2000}
    await journal.add_notice(77, 20, T0 + timedelta(seconds=20))
    await journal.add_notice(76, 20, T0 + timedelta(seconds=10))
    assert [n[:2] for n in await journal.notices()] == [(76, 20), (77, 20)]
    assert (await journal.notices())[0][2] == T0 + timedelta(seconds=10)
    await journal.drop_notice(76)
    assert [n[0] for n in await journal.notices()] == [77]


# --- several processes on one PostgreSQL ---------------------------------------------

TWO_SHARDS = (Shards(2, (0,)), Shards(2, (1,)))


@pytest.fixture
async def shared(postgres_url: str, tmp_path: Path) -> AsyncIterator[Backend]:
    """PostgreSQL only: each ``open_journal`` is another process's connections."""
    opened = Backend(tmp_path / "unused.sqlite3", postgres_url)
    yield opened
    await opened.close_all()


@pytest.fixture
async def cable(postgres: Server) -> AsyncIterator[Cable]:
    running = Cable(postgres.socket_dir)
    await running.start()
    yield running
    await running.close()


async def test_two_processes_racing_for_the_same_messages_act_once_each(
    shared: Backend,
) -> None:
    """Both receive every message at the same moment (two sessions on one shard): for
    each, exactly one ``add`` says act, and the entry names that one."""
    first, second = await shared.open_journal(), await shared.open_journal()
    ids: list[int] = []
    by_message: list[tuple[bool, bool]] = []
    # Who asks first alternates, so each should win some of the races; the scheduler may
    # still hand one side a whole round, so race again (fresh messages) until both have
    # won some, and check exactly-once in every round.
    for start in range(5000, 6000, 200):
        batch = range(start, start + 200)
        order = [(first, second) if m % 2 else (second, first) for m in batch]
        won = await asyncio.gather(
            *(
                journal.add(_entry(m))
                for m, pair in zip(batch, order, strict=True)
                for journal in pair
            )
        )
        results = [
            (won[i], won[i + 1]) if order[i // 2][0] is first else (won[i + 1], won[i])
            for i in range(0, len(won), 2)
        ]
        assert all(sorted(pair) == [False, True] for pair in results)
        ids.extend(batch)
        by_message.extend(results)
        if 0 < sum(pair[0] for pair in by_message) < len(ids):
            break
    assert 0 < sum(pair[0] for pair in by_message) < len(ids), "both won some (a real race)"
    # Neither takes the other's entries while both are alive; both see them all.
    assert len(await first.unfinished()) == len(await second.unfinished()) == len(ids)
    mine = {e.message_id for e in await first.claim_unfinished()}
    theirs = {e.message_id for e in await second.claim_unfinished()}
    assert mine.isdisjoint(theirs) and mine | theirs == set(ids)
    assert mine == {m for m, pair in zip(ids, by_message, strict=True) if pair[0]}


async def test_a_dead_process_entries_go_to_the_next_one_only(
    shared: Backend,
) -> None:
    """When a process dies (its connections drop), its unfinished entries are resumed by
    the next process to start for those servers, once, and never by two."""
    dying = await shared.open_journal()
    for m in range(1, 41):
        assert await dying.add(_entry(m))
    await dying.mark_hidden([1])
    await shared.close_journal(dying)  # its presence goes with its connections
    heirs = [await shared.open_journal() for _ in range(3)]
    resumed = await asyncio.gather(*(heir.claim_unfinished() for heir in heirs))
    taken = [e.message_id for entries in resumed for e in entries]
    assert sorted(taken) == list(range(1, 41)), "each entry resumed by exactly one heir"
    hidden = next(e for entries in resumed for e in entries if e.message_id == 1)
    assert hidden.state is State.HIDDEN, "resumed where the dead process stopped"
    assert await heirs[0].adopt_orphans() == [], "nothing is left to adopt"
    for heir, entries in zip(heirs, resumed, strict=True):  # a second look keeps its own
        assert {e.message_id for e in await heir.claim_unfinished()} == {
            e.message_id for e in entries
        }


async def test_a_running_process_adopts_what_a_stopped_one_left(shared: Backend) -> None:
    """A process stops while another runs its shards (a restart without downtime):
    the one still running adopts the unfinished entries, and only those."""
    staying, leaving = await shared.open_journal(), await shared.open_journal()
    assert await staying.add(_entry(1)) and await leaving.add(_entry(2))
    assert await staying.adopt_orphans() == [], "the other is alive: nothing to adopt"
    await shared.close_journal(leaving)
    assert [e.message_id for e in await staying.adopt_orphans()] == [2]
    assert await staying.adopt_orphans() == [], "adopted once"
    assert [e.message_id for e in await staying.claim_unfinished()] == [1, 2]


async def test_a_process_is_gone_the_moment_its_listener_has_closed(
    postgres_url: str, cable: Cable
) -> None:
    """What makes the adoption above immediate: closing gives up the presence lock
    before the connection, rather than leaving it to the server to notice the dropped
    socket (it often had not yet, through a relay, or on a loaded machine)."""
    watcher = await asyncpg.connect(postgres_url)
    try:
        for worker in range(990001, 990006):
            listener = ChangeListener(cable.url(postgres_url), lambda _: None, _no_gap, worker)
            await listener.start(wait_seconds=5)
            assert await watcher.fetchval(_HELD, PRESENCE_CLASS, worker) == 1
            await listener.close()
            assert await watcher.fetchval(_HELD, PRESENCE_CLASS, worker) == 0
    finally:
        await watcher.close()


_HELD = """SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted
           AND objsubid = 2 AND classid = $1::bigint::oid AND objid = $2::bigint::oid"""


async def _no_gap() -> None:
    pass


async def test_each_process_resumes_and_catches_up_its_own_shards(
    shared: Backend,
) -> None:
    writer = await shared.open_journal()
    await writer.add(_entry(1, GUILD))
    await writer.add(_entry(2, OTHER_GUILD))
    await writer.save_marks({20: (GUILD, 100), 30: (OTHER_GUILD, 200)})
    await writer.note_guard_on(GUILD, 5)
    await writer.note_guard_on(OTHER_GUILD, 6)
    await shared.close_journal(writer)
    zero, one = [await shared.open_journal(shards) for shards in TWO_SHARDS]
    assert [e.message_id for e in await zero.claim_unfinished()] == [2]
    assert [e.message_id for e in await one.claim_unfinished()] == [1]
    assert [e.message_id for e in await one.unfinished()] == [1]
    assert await zero.marks() == {30: 200} and await one.marks() == {20: 100}
    assert await zero.guard_since() == {OTHER_GUILD: 6}
    assert await one.guard_since() == {GUILD: 5}


async def test_a_retried_add_after_a_lost_answer_still_acts(
    postgres_url: str, cable: Cable, tmp_path: Path
) -> None:
    """The connection drops after PostgreSQL committed the insert but before the answer
    came back: the retry must not read the process's own insert as someone else's."""
    backend = Backend(tmp_path / "unused.sqlite3", cable.url(postgres_url))
    try:
        journal = await backend.open_journal()
        cable.lose_answer(b"COMMIT\x00")
        assert await journal.add(_entry(9)), "the retry knows its own insert"
        assert cable.answers_lost == 1, "the answer to the first attempt was really lost"
        assert not await journal.add(_entry(9)), "a second add of the same message is not"
        entry = await journal.get(9)
        assert entry is not None and entry.content == _entry(9).content
    finally:
        await backend.close_all()
