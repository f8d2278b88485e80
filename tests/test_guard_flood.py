"""A flood of long messages (about 25 a second, each 40 ms to read): what waits on the
guard's reader thread stays bounded (cogs/spoilers/_judge.py, QUEUE_CHARS); what arrives
past the bound is read back from Discord's history (cogs/spoilers/_catch_up.py), so no
message is lost and each channel's reposts keep the members' order."""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any

import pytest

from tests.guarding import SPOILER, TAGGED, engine, executions, live, up
from tests.standin.channels import READ_MESSAGE_HISTORY
from tests.standin.harness import Harness
from tests.standin.payloads import BOB, CAROL, CHANNEL_ID, VOICE_ID
from tests.test_guard_fault_cells import _permission_back
from tests.test_guard_fault_matrix import reading_history

FILLER = " Great episode though, the music was amazing."
LONG = len(SPOILER + FILLER * 6) + 6  # each flood message's length (past READ_INLINE_UNDER)
READ_SECONDS = 0.04


def _slow_and_small(monkeypatch: pytest.MonkeyPatch) -> None:
    """Long reads take 40 ms (on the reader thread), and at most three long texts may wait."""
    judge = live("cogs.spoilers._judge")
    reading = judge._reading

    def slow(text: str, *args: Any) -> Any:
        if len(text) >= judge.READ_INLINE_UNDER:
            time.sleep(READ_SECONDS)
        return reading(text, *args)

    monkeypatch.setattr(judge, "_reading", slow)
    monkeypatch.setattr(judge, "QUEUE_CHARS", 3 * LONG)


async def test_a_flood_of_long_messages_is_read_in_order_with_a_bounded_queue(
    guarded: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    _slow_and_small(monkeypatch)
    judge = engine(guarded).judge
    most = 0
    sampling = True

    async def sample() -> None:
        nonlocal most
        while sampling:
            most = max(most, judge._waiting_chars)
            await asyncio.sleep(0.002)

    sampler = asyncio.create_task(sample())
    early = await guarded.member_says(CAROL, "Who else is watching tonight?" + FILLER * 6)
    sent = []
    for n in range(40):
        channel = VOICE_ID if n % 10 == 9 else CHANNEL_ID
        text = f"{SPOILER}{FILLER * 6} ({n:02})" if n % 4 else f"Short and clean ({n:02})"
        sent.append(await guarded.member_says(BOB, text, channel_id=channel))
        if n == 20:  # an edit of a message read before the flood: looked up, not queued
            await guarded.member_edits(early, SPOILER + FILLER * 6)
        await asyncio.sleep(0.04)  # 25 a second
    await guarded.settle()
    sampling = False
    await sampler
    # Bounded: the limit, plus the one long text that found it not yet reached, plus one
    # read back per channel deferred.
    assert most <= 3 * LONG + LONG + 2 * LONG, most
    deferred = guarded.stand_in.calls("GET", f"/channels/{CHANNEL_ID}/messages")
    assert deferred, "the flood was deferred to a read back"
    spoilers = [m for m in sent if "Short" not in m.payload["content"]]
    assert [m for m in spoilers if up(guarded, m)] == [], "none lost"
    assert all(up(guarded, m) for m in sent if m not in spoilers), "clean ones left alone"
    assert not up(guarded, early), "the edit was read"
    reposted = [e.json["content"] for e in executions(guarded)]
    assert len(reposted) == len(spoilers) + 1
    numbers = [r[-3:-1] for r in reposted if r.startswith(TAGGED[:10]) and r.endswith(")")]
    by_channel: dict[int, list[str]] = {}
    for m in spoilers:
        by_channel.setdefault(m.channel_id, []).append(m.payload["content"][-3:-1])
    for wanted in by_channel.values():
        assert [n for n in numbers if n in wanted] == wanted, "each channel's order kept"
    assert not engine(guarded).catching_up.running


def _looking_up(message_id: int) -> Any:
    def match(request: Any) -> bool:
        path = f"/channels/{CHANNEL_ID}/messages/{message_id}"
        return bool(request.method == "GET" and request.path.endswith(path))

    return match


@pytest.mark.parametrize(
    ("event", "fault"),
    [("channel overwrite", "none"), ("role", "503"), ("bot's roles", "reset")],
)
async def test_an_edit_waiting_for_a_lookup_when_a_403_cuts_the_read_back_is_kept(
    guarded: Harness, monkeypatch: pytest.MonkeyPatch, event: str, fault: str
) -> None:
    """A 403 in the middle of a deferred read back makes the channel owed; an edit that
    was waiting there for a lookup is looked up once the owed read back reads the channel
    through (the lookup itself under a 5xx or a dropped connection: tried again)."""
    early = await guarded.member_says(CAROL, "Who else is watching tonight?" + FILLER * 6)
    await guarded.settle()
    judge = live("cogs.spoilers._judge")
    monkeypatch.setattr(judge, "QUEUE_CHARS", 0)  # crowded: every long live message deferred
    # The read back's first page waits out a 429; meanwhile the edit arrives, and the
    # bot loses Read Message History before the page is asked for again.
    guarded.stand_in.rate_limit_next(reading_history(CHANNEL_ID), retry_after=0.6)
    deferred = await guarded.member_says(BOB, f"{SPOILER}{FILLER * 6} (1)")
    await guarded.stand_in.wait_for("GET", f"/channels/{CHANNEL_ID}/messages")
    await guarded.member_edits(early, f"{SPOILER}{FILLER * 6} (0)")
    await asyncio.sleep(0.2)
    guarded.stand_in.denied[CHANNEL_ID] = READ_MESSAGE_HISTORY
    await guarded.settle()
    assert not guarded.stand_in.failures
    assert up(guarded, deferred) and up(guarded, early), "owed: nothing read yet"
    monkeypatch.setattr(judge, "QUEUE_CHARS", 3 * LONG)
    if fault == "503":
        guarded.stand_in.server_error_next(_looking_up(early.id))
    elif fault == "reset":
        guarded.stand_in.reset_next(_looking_up(early.id))
    await _permission_back(guarded, event)
    await guarded.settle()
    assert not guarded.stand_in.failures, "the fault was served"
    assert not up(guarded, deferred), "the owed read back read it"
    assert not up(guarded, early), "the edit kept and looked up: acted on as last edited"
    reposted = sorted(e.json["content"] for e in executions(guarded))
    assert len(reposted) == 2 and all(r.startswith(TAGGED[:10]) for r in reposted), reposted
    assert not engine(guarded).catching_up.running


@pytest.mark.parametrize("fault", ["none", "429", "503", "reset"])
async def test_a_flood_where_the_bot_may_not_read_history_holds_a_hard_bound(
    guarded: Harness,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    fault: str,
) -> None:
    """Without Read Message History a channel's long messages cannot be deferred: they
    wait on the reader thread, but only up to a second bound (HELD_CHARS); past it each
    is left up, logged by id, its channel owed a read back, and read once the bot may
    (that read back under a 429, a 5xx or a dropped connection)."""
    _slow_and_small(monkeypatch)
    judge = live("cogs.spoilers._judge")
    monkeypatch.setattr(judge, "HELD_CHARS", 5 * LONG)
    await guarded.gateway.deny(CHANNEL_ID, READ_MESSAGE_HISTORY)
    await guarded.settle()
    reader = engine(guarded).judge
    most = 0
    sampling = True

    async def sample() -> None:
        nonlocal most
        while sampling:
            most = max(most, reader._waiting_chars)
            await asyncio.sleep(0.002)

    sampler = asyncio.create_task(sample())
    sent = []
    with caplog.at_level(logging.INFO):
        for n in range(30):
            text = f"{SPOILER}{FILLER * 6} ({n:02})" if n % 5 else f"Short and clean ({n:02})"
            sent.append(await guarded.member_says(BOB, text))
        await guarded.settle()
    sampling = False
    await sampler
    assert most <= 5 * LONG + LONG, most  # the hard bound, plus the one that found it free
    spoilers = [m for m in sent if "Short" not in m.payload["content"]]
    assert guarded.bot is not None
    journal = guarded.bot.store.journal
    # Read ones wait for the permission too (a repost needs it); unread ones are unknown.
    left = [m for m in spoilers if await journal.get(m.id) is None]
    assert left, "the flood went past the hard bound"
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert all(str(m.id) in logged for m in left), "each left unread is logged by id"
    assert "Karen" not in logged and "bombing" not in logged
    monkeypatch.setattr(judge, "QUEUE_CHARS", 50_000)
    monkeypatch.setattr(judge, "HELD_CHARS", 100_000)
    history = reading_history(CHANNEL_ID)
    if fault == "429":
        guarded.stand_in.rate_limit_next(history, retry_after=0.3)
    elif fault == "503":
        guarded.stand_in.server_error_next(history)
    elif fault == "reset":
        guarded.stand_in.reset_next(history)
    await guarded.gateway.deny(CHANNEL_ID, 0)  # the permission back
    await guarded.settle()
    assert not guarded.stand_in.failures, "the fault was served"
    assert [m for m in spoilers if up(guarded, m)] == [], "each read once the bot may"
    assert all(up(guarded, m) for m in sent if m not in spoilers), "clean ones left alone"
    numbers = sorted(e.json["content"][-3:-1] for e in executions(guarded))
    assert numbers == sorted(m.payload["content"][-3:-1] for m in spoilers), "each once"
    assert not engine(guarded).catching_up.running
