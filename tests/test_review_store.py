"""The review band's store, sensitivity levels and export format (issue 9), against a real
SQLite file with the real migrations."""

from __future__ import annotations

import asyncio
import sqlite3
import tomllib
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.community.review import Review
from bot.guard import DEFAULT_THRESHOLD, REVIEW_BAND
from bot.render.guard_review import example_entry
from bot.sensitivity import outcome, parse_level, sensitivity
from bot.store import Store

NOW = datetime(2026, 12, 1, 6, 0, tzinfo=UTC)


def _review(message_id: int, guild_id: int = 1, seen: datetime = NOW, text: str = "hm") -> Review:
    return Review(message_id, guild_id, 2, 3, text, 0.5, 0.6, ("fate:x:S1E10",), seen)


async def test_the_sensitivity_is_kept_across_a_restart(db_path: Path) -> None:
    store = await Store.open(db_path)
    try:
        assert store.review.threshold(1) is None
        await store.review.set_threshold(1, 0.75, set_by=9)
        await store.review.set_threshold(2, 0.45, set_by=9)
        await store.review.set_threshold(2, None, set_by=9)
    finally:
        await store.close()
    store = await Store.open(db_path)
    try:
        assert store.review.threshold(1) == 0.75
        assert store.review.threshold(2) is None
    finally:
        await store.close()


async def test_the_database_refuses_a_threshold_out_of_range(store: Store) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        await store.review.set_threshold(1, 0.1, set_by=9)
    assert store.review.threshold(1) is None  # memory follows only a committed write


async def test_a_message_is_reviewed_once_and_decided_once(store: Store) -> None:
    assert await store.review.open_review(_review(10))
    assert not await store.review.open_review(_review(10, text="again"))
    assert await store.review.revise(10, "edited", 0.55, ("r",))
    first, second = await asyncio.gather(
        store.review.decide(10, "spoiler", 7), store.review.decide(10, "fine", 8)
    )
    decided = [d for d in (first, second) if d is not None]
    assert len(decided) == 1  # two presses at once: the first counts
    kept = await store.review.get(10)
    assert kept is not None and kept.label == decided[0].label and kept.content == "edited"
    assert not await store.review.revise(10, "later", 0.4, ())  # decided: left as it was
    assert await store.review.decide(11, "fine", 7) is None  # not on record


async def test_examples_are_capped_per_server_oldest_first(store: Store) -> None:
    for message_id in range(1, 8):
        await store.review.open_review(_review(message_id))
        await store.review.decide(message_id, "fine", 7, keep=5)
    await store.review.open_review(_review(100, guild_id=2))
    await store.review.decide(100, "spoiler", 7, keep=5)
    kept = [e.message_id for e in await store.review.examples(1)]
    assert kept == [7, 6, 5, 4, 3]
    assert [e.message_id for e in await store.review.examples(2)] == [100]
    assert await store.review.counts(1) == (0, 5)


async def test_undecided_reviews_are_pruned_after_thirty_days(store: Store) -> None:
    await store.review.open_review(_review(1, seen=NOW - timedelta(days=31)))
    await store.review.open_review(_review(2, seen=NOW - timedelta(days=29)))
    await store.review.open_review(_review(3, seen=NOW - timedelta(days=40)))
    await store.review.decide(3, "spoiler", 7)  # decided: an example, kept
    assert await store.review.prune(now=NOW) == 1
    assert await store.review.get(1) is None
    assert await store.review.get(2) is not None and await store.review.get(3) is not None


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
