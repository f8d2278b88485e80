"""Messages a reviewer built to break the guard after round 12: three reposts that left a
finale sentence readable as Discord shows it, and inputs whose cost grew faster than their
length. How long the worst of them takes is a benchmark (bench/guard.py, "slowest hostile
message"), not a timed test; here the work itself is bounded."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator

import pytest

import bot.guard.matcher as vocabulary_matcher
from bot.guard import inspect, normalise, tag_finding
from bot.guard.normalise import _DRAWN_RUNS, tokens
from tests.discord_render import seen
from tests.finale_matcher import matcher


def _words(text: str) -> str:
    return " ".join(re.findall(r"[a-z]+", text.casefold()))


@pytest.mark.parametrize(
    ("text", "finale"),
    [
        # a "**" that opens nothing is two characters of text, tried one at a time, so the
        # "*" before "oon" opens an italic with the second one
        ("Wow**! Gordo dies on the m*oon.", "gordo dies"),
        # ">>> " quotes the rest of the message: bold may run across its lines
        (">>> **Great ep.\nGordo dies** on the moon.", "gordo dies"),
        # a right-to-left override over two sentences: each is turned on its own
        ("\u202e.noom eht no seid odroG? yadot edosipe taerg a saw tI", "seid odrog"),
    ],
)
def test_a_repost_leaves_no_finale_sentence_readable(text: str, finale: str) -> None:
    finding = inspect(text, matcher())
    assert finding
    reposted = tag_finding(finding)
    if reposted is None:
        return  # the safe form: the whole message as a spoiler
    assert reposted.replace("||", "") == text.replace("||", "")
    assert finale not in _words(seen(reposted))


def test_a_word_drawn_out_many_times_is_not_read_every_way(monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[tuple[int, ...]] = []

    def counted(*pools: Iterable[int], repeat: int = 1) -> Iterator[tuple[int, ...]]:
        for item in itertools.product(*pools, repeat=repeat):
            made.append(item)
            assert len(made) <= 2**_DRAWN_RUNS, "every reading of 40 runs: 2**40"
            yield item

    monkeypatch.setattr(normalise, "product", counted)
    (token,) = tokens("aaabbb" * 20)
    assert token.text == "ab" * 20


def test_a_word_longer_than_any_known_is_not_searched_for_typos(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = vocabulary_matcher._deletions

    def deletions(word: str) -> set[str]:
        assert len(word) < 100, "each of a 1,000-letter word's deletions built"
        return real(word)

    monkeypatch.setattr(vocabulary_matcher, "_deletions", deletions)
    matcher().vocabulary.readings(tokens("gordo" * 200)[0])
