"""The guard finds finale spoilers in realistic messages, and leaves the rest alone.

Floors, not targets: each is a little under the figure measured when it was set, so a
change that makes the guard worse fails. The figures that count are the held-out ones
(docs/benchmarks.md); the tuning part is what the rules were fitted to.
"""

from __future__ import annotations

import os

import pytest

from tests.guard_accuracy import HOLDOUT, OLD, OLD_HOLDOUT, TUNING, corpus, score, score_by_kind

KINDS = {
    "plain",
    "figurative",
    "lookalike",
    "namesake",
    "history",
    "non-finale",
    "role",
    "cross-sentence",
    "obfuscated",
    "multilingual",
    "slang",
    "question",
    "markup",
    "other-show",
}
# Tuning part: (precision, recall) floors per kind: the figures measured when last set,
# less 0.015, rounded down (issue 9 aims for 0.97 / 0.95 overall and 0.90 recall per kind).
TUNING_FLOORS = {
    "cross-sentence": (0.98, 0.89),
    "figurative": (0.98, 0.98),
    "history": (0.98, 0.92),
    "lookalike": (0.98, 0.98),
    "markup": (0.98, 0.95),
    "multilingual": (0.98, 0.96),
    "namesake": (0.98, 0.93),
    "non-finale": (0.98, 0.98),
    "obfuscated": (0.98, 0.98),
    "other-show": (0.87, 0.98),
    "plain": (0.98, 0.98),
    "question": (0.98, 0.94),
    "role": (0.98, 0.95),
    "slang": (0.98, 0.95),
    "all": (0.98, 0.96),
}


def test_the_tuning_part_is_big_and_covers_every_kind() -> None:
    messages = corpus(TUNING)
    assert len(messages) >= 900
    assert {str(m["kind"]) for m in messages} == KINDS
    texts = [str(m["text"]) for m in messages]
    assert len(set(texts)) == len(texts), "no duplicate messages"


@pytest.mark.parametrize("kind", sorted(TUNING_FLOORS))
def test_tuning_part_floors(kind: str) -> None:
    result = score_by_kind(TUNING)[kind]
    precision, recall = TUNING_FLOORS[kind]
    assert result.precision >= precision, result.false_positives
    assert result.recall >= recall, result.false_negatives


def test_the_first_corpus_still_does_well() -> None:
    """The first corpus (332 messages, 2026-11) stays a regression test."""
    result = score(OLD)
    assert result.precision >= 0.98, result.false_positives
    assert result.recall >= 0.94, result.false_negatives


def test_the_first_held_out_corpus_still_does_well() -> None:
    """The first held-out corpus (120 messages) stays a regression test."""
    result = score(OLD_HOLDOUT)
    assert result.precision >= 0.91, result.false_positives
    assert result.recall >= 0.91, result.false_negatives


@pytest.mark.skipif(
    not os.environ.get("FAMBOT_SCORE_HOLDOUT"),
    reason="scored only by the lead (FAMBOT_SCORE_HOLDOUT=1): whoever tunes never sees it",
)
@pytest.mark.xfail(strict=False, reason="floors are set by the lead after the held-out run")
def test_held_out_messages() -> None:
    """The held-out part (tests/corpus/holdout.toml) was written before the matcher
    changed and nothing is fitted to it. The floors below are issue 9's targets, to be
    set by the lead after the held-out run; this test only loads it through the scorer."""
    results = score_by_kind(HOLDOUT)
    overall = results["all"]
    assert overall.size >= 300
    assert overall.precision >= 0.97  # set by the lead after the held-out run
    assert overall.recall >= 0.95  # set by the lead after the held-out run
    for kind in KINDS:
        assert results[kind].recall >= 0.90, kind  # set by the lead after the held-out run
