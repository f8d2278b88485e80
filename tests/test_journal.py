"""The guard's journal against a real SQLite file: every step recorded, nothing lost."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.community.journal import Attachment, Author, Entry, Outcome, Place, ReplyTo, State
from bot.store import Store

T0 = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


def _entry(message_id: int = 1001, **changes: object) -> Entry:
    entry = Entry(
        message_id=message_id,
        place=Place(guild_id=1, channel_id=20, host_id=10),
        author=Author(7, "Bob", "https://cdn.example/avatar.png"),
        content="Karen dies in the bombing.",
        revision=T0,
        reason="season 3 finale details",
        rules=("karen-death",),
        seen_at=T0,
        reply_to=ReplyTo(999, 20, "Alice"),
        attachments=(Attachment("moon.png", "https://cdn.example/moon.png", 3),),
    )
    return dataclasses.replace(entry, **changes)  # type: ignore[arg-type]


async def test_an_entry_keeps_everything_needed_to_repost(store: Store) -> None:
    assert await store.journal.add(_entry())
    assert not await store.journal.add(_entry(content="a second sighting")), "one per message"
    entry = await store.journal.get(1001)
    assert entry == _entry()
    assert entry is not None and entry.place.thread_id == 20
    assert entry.jump_url == "https://discord.com/channels/1/20/1001"


async def test_the_latest_edit_wins_however_late_an_older_one_arrives(store: Store) -> None:
    await store.journal.add(_entry())
    later = await store.journal.revise(1001, "Fixed typo", T0 + timedelta(seconds=5), "r", ())
    assert later is not None and later.content == "Fixed typo"
    stale = await store.journal.revise(1001, "older text", T0 + timedelta(seconds=2), "r", ())
    assert stale is None
    entry = await store.journal.get(1001)
    assert entry is not None and entry.content == "Fixed typo"
    assert not entry.repost_stale, "nothing reposted yet: the repost will use the new text"


async def test_an_edit_after_the_repost_marks_the_repost_for_editing(store: Store) -> None:
    await store.journal.add(_entry())
    await store.journal.mark_hidden([1001])
    await store.journal.mark_reposted(1001, repost_id=5005, webhook_id=6, sent_text="||x||")
    entry = await store.journal.revise(1001, "new", T0 + timedelta(seconds=1), "r", ())
    assert entry is not None and entry.repost_stale
    assert await store.journal.by_repost(5005) == entry
    await store.journal.mark_repost_current(1001, "new", stale=False)
    current = await store.journal.get(1001)
    assert current is not None and not current.repost_stale and current.sent_text == "new"


async def test_files_are_kept_until_the_repost_carries_them(store: Store) -> None:
    await store.journal.add(_entry())
    await store.journal.keep_files(1001, [("moon.png", b"\x89PNG")])
    assert await store.journal.files(1001) == [("moon.png", b"\x89PNG")]
    await store.journal.mark_hidden([1001])
    await store.journal.mark_reposted(1001, 5005, 6, "||x||")
    assert await store.journal.files(1001) == []


async def test_the_states_move_forward_only(store: Store) -> None:
    await store.journal.add(_entry())
    await store.journal.note_hide_attempt([1001])
    await store.journal.mark_hidden([1001])
    await store.journal.give_up([1001], Outcome.DISCORD_DOWN)
    entry = await store.journal.get(1001)
    assert entry is not None and entry.state is State.HIDDEN, "a hidden message is never given up"
    assert entry.hide_attempts == 1
    await store.journal.mark_reposted(1001, 5005, 6, "||x||")
    await store.journal.mark_hidden([1001])
    await store.journal.mark_notified([1001])
    await store.journal.mark_done([1001])
    done = await store.journal.get(1001)
    assert done is not None and done.state is State.DONE and done.reported
    assert done.outcome == Outcome.TAGGED


async def test_what_start_up_resumes(store: Store) -> None:
    for message_id in (3, 1, 2, 4, 5):
        await store.journal.add(_entry(message_id))
    await store.journal.mark_hidden([2])
    await store.journal.finish(3, Outcome.WITHDRAWN)  # nothing left to do
    await store.journal.give_up([4], Outcome.PERMISSION)  # the mod log still to be told
    await store.journal.give_up([5], Outcome.PERMISSION)
    await store.journal.mark_reported([5])
    assert [(e.message_id, e.state) for e in await store.journal.unfinished()] == [
        (1, State.SEEN),
        (2, State.HIDDEN),
        (4, State.GIVEN_UP),
    ]


async def test_pruning_keeps_unfinished_entries(store: Store) -> None:
    await store.journal.add(_entry(1))
    await store.journal.add(_entry(2))
    await store.journal.finish(1, Outcome.WITHDRAWN)
    assert await store.journal.prune(datetime.now(UTC) + timedelta(days=1)) == 1
    assert await store.journal.get(1) is None
    assert await store.journal.get(2) is not None


async def test_marks_only_move_forward(store: Store) -> None:
    await store.journal.save_marks({20: (1, 500)})
    await store.journal.save_marks({20: (1, 400), 21: (1, 10)})
    assert await store.journal.marks() == {20: 500, 21: 10}


async def test_notices_wait_to_be_deleted(store: Store) -> None:
    await store.journal.add_notice(77, 20, T0 + timedelta(seconds=20))
    await store.journal.add_notice(76, 20, T0 + timedelta(seconds=10))
    assert [n[0] for n in await store.journal.notices()] == [76, 77]
    await store.journal.drop_notice(76)
    assert [n[0] for n in await store.journal.notices()] == [77]


@pytest.mark.parametrize("step", ["add", "hidden", "reposted"])
async def test_a_second_process_sees_every_committed_step(db_path: Path, step: str) -> None:
    """What one connection committed, another reads at once: nothing waits for a close
    (the crash tests kill the bot for real; this pins the store's side of it)."""
    writer = await Store.open(db_path)
    await writer.journal.add(_entry())
    if step != "add":
        await writer.journal.mark_hidden([1001])
    if step == "reposted":
        await writer.journal.mark_reposted(1001, 5005, 6, "||x||")
    reader = await Store.open(db_path)
    try:
        entry = await reader.journal.get(1001)
        assert entry is not None
        assert entry.state.value == {"add": "seen"}.get(step, step)
    finally:
        await reader.close()
        await writer.close()
