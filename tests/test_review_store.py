"""The review band's store, sensitivity levels and export format (issue 9). The store's
contract runs on both backends: a real SQLite file with the real migrations, and a real
PostgreSQL server (``backend``); the cross-process cases on PostgreSQL only."""

from __future__ import annotations

import asyncio
import sqlite3
import time
import tomllib
from datetime import UTC, datetime, timedelta
from pathlib import Path

import asyncpg
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.community.review import Review
from bot.guard import DEFAULT_THRESHOLD, REVIEW_BAND
from bot.render.guard_review import example_entry
from bot.sensitivity import outcome, parse_level, sensitivity
from tests.community_backends import Backend

NOW = datetime(2026, 12, 1, 6, 0, tzinfo=UTC)


def _review(message_id: int, guild_id: int = 1, seen: datetime = NOW, text: str = "hm") -> Review:
    return Review(message_id, guild_id, 2, 3, text, 0.5, 0.6, ("fate:x:S1E10",), seen)


async def test_the_sensitivity_is_kept_across_a_restart(backend: Backend) -> None:
    review = await backend.open_review()
    assert review.threshold(1) is None
    await review.set_threshold(1, 0.75, set_by=9)
    await review.set_threshold(2, 0.45, set_by=9)
    await review.set_threshold(2, None, set_by=9)
    review = await backend.reopen_review(review)
    assert review.threshold(1) == 0.75
    assert review.threshold(2) is None


async def test_the_database_refuses_a_threshold_out_of_range(backend: Backend) -> None:
    review = await backend.open_review()
    with pytest.raises((sqlite3.IntegrityError, asyncpg.CheckViolationError)):
        await review.set_threshold(1, 0.1, set_by=9)
    assert review.threshold(1) is None  # memory follows only a committed write


async def test_a_message_is_reviewed_once_and_decided_once(backend: Backend) -> None:
    review = await backend.open_review()
    assert await review.open_review(_review(10))
    assert not await review.open_review(_review(10, text="again"))
    assert await review.revise(10, "edited", 0.55, ("r",))
    first, second = await asyncio.gather(
        review.decide(10, "spoiler", 7), review.decide(10, "fine", 8)
    )
    decided = [d for d in (first, second) if d is not None]
    assert len(decided) == 1  # two presses at once: the first counts
    kept = await review.get(10)
    assert kept is not None and kept.label == decided[0].label and kept.content == "edited"
    assert kept == decided[0] and kept.seen_at == NOW and kept.rules == ("r",)
    assert not await review.revise(10, "later", 0.4, ())  # decided: left as it was
    assert await review.decide(11, "fine", 7) is None  # not on record
    await review.card_posted(10, 555)
    posted = await review.get(10)
    assert posted is not None and posted.log_message_id == 555


async def test_examples_are_capped_per_server_oldest_first(backend: Backend) -> None:
    review = await backend.open_review()
    for message_id in range(1, 8):
        await review.open_review(_review(message_id))
        await review.decide(message_id, "fine", 7, keep=5)
    await review.open_review(_review(100, guild_id=2))
    await review.decide(100, "spoiler", 7, keep=5)
    kept = [e.message_id for e in await review.examples(1)]
    assert kept == [7, 6, 5, 4, 3]
    assert [e.message_id for e in await review.examples(2)] == [100]
    assert await review.counts(1) == (0, 5)
    assert await review.counts(3) == (0, 0)


async def test_undecided_reviews_are_pruned_after_thirty_days(backend: Backend) -> None:
    review = await backend.open_review()
    await review.open_review(_review(1, seen=NOW - timedelta(days=31)))
    await review.open_review(_review(2, seen=NOW - timedelta(days=29)))
    await review.open_review(_review(3, seen=NOW - timedelta(days=40)))
    await review.decide(3, "spoiler", 7)  # decided: an example, kept
    assert await review.prune(now=NOW) == 1
    assert await review.get(1) is None
    assert await review.get(2) is not None and await review.get(3) is not None


async def test_two_processes_two_moderators_at_once_the_first_decision_wins(
    postgres_url: str, db_path: Path
) -> None:
    """On PostgreSQL, two processes (each its own connections) press on one card at
    once, many times over: exactly one decision is recorded each time, and it is the
    one both read back; one card is opened per message whichever process saw it."""
    backend = Backend(db_path, postgres_url)
    try:
        here, there = await backend.open_review(), await backend.open_review()
        for message_id in range(1, 21):
            opened = await asyncio.gather(
                here.open_review(_review(message_id)), there.open_review(_review(message_id))
            )
            assert sorted(opened) == [False, True], "one card per message"
            answers = await asyncio.gather(
                here.decide(message_id, "spoiler", 7), there.decide(message_id, "fine", 8)
            )
            won = [a for a in answers if a is not None]
            assert len(won) == 1, "the first decision wins; the second changes nothing"
            for side in (here, there):
                stored = await side.get(message_id)
                assert stored == won[0] and stored.decided_by in (7, 8)
        assert await here.counts(1) == await there.counts(1) == (0, 20)
    finally:
        await backend.close_all()


async def test_a_sensitivity_set_in_one_process_is_read_by_another(
    postgres_url: str, db_path: Path
) -> None:
    """The threshold is read from memory for every message; a change in one process
    reaches the other's memory through the change feed within a second."""
    backend = Backend(db_path, postgres_url)
    try:
        here, there = await backend.open_review(), await backend.open_review()
        await here.set_threshold(1, 0.75, set_by=9)
        started = time.perf_counter()
        while there.threshold(1) != 0.75:
            assert time.perf_counter() - started < 1.0, "the change did not arrive in time"
            await asyncio.sleep(0.002)
        await there.set_threshold(1, None, set_by=9)
        started = time.perf_counter()
        while here.threshold(1) is not None:
            assert time.perf_counter() - started < 1.0, "the change did not arrive in time"
            await asyncio.sleep(0.002)
    finally:
        await backend.close_all()


def test_levels_and_the_band_below_them() -> None:
    default = sensitivity(None)
    assert (default.threshold, default.review_from) == (DEFAULT_THRESHOLD, REVIEW_BAND)
    assert default.level == "balanced" and default.default
    strict, relaxed = sensitivity(0.45), sensitivity(0.75)
    assert (strict.level, strict.review_from) == ("strict", 0.2)
    assert (relaxed.level, relaxed.review_from) == ("relaxed", 0.5)
    assert sensitivity(0.3).review_from == 0.1  # never below the floor
    assert [outcome(s, default) for s in (0.6, 0.59, 0.35, 0.34)] == [
        "tag",
        "review",
        "review",
        "fine",
    ]
    assert [parse_level(t) for t in ("Strict", " relaxed ", "0.5", "55%", "0.96", "x")] == [
        0.45,
        0.75,
        0.5,
        0.55,
        None,
        None,
    ]


@settings(max_examples=200, deadline=None)
@given(st.text(), st.booleans())
def test_an_exported_example_reads_back_exactly(text: str, spoiler: bool) -> None:
    review = Review(
        1, 1, 2, 3, text, 0.5, 0.6, (), NOW, label="spoiler" if spoiler else "fine",
        decided_by=7, decided_at=NOW,
    )  # fmt: skip
    [entry] = tomllib.loads(example_entry(review))["message"]
    assert (entry["text"], entry["spoiler"], entry["kind"]) == (text, spoiler, "server-review")
