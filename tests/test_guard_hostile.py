"""Messages a reviewer built to break the guard after round 12: three reposts that left a
finale sentence readable as Discord shows it, and inputs whose cost grew faster than their
length. How long the worst of them takes is a benchmark (bench/guard.py, "slowest hostile
message"), not a timed test; here the work itself is bounded."""

from __future__ import annotations

import importlib
import itertools
import re
import sys
from collections.abc import Iterable, Iterator

import pytest

import bot.guard.matcher as vocabulary_matcher
from bench.guard import HOSTILE
from bot.guard import inspect, normalise, segments, tag_finding
from bot.guard.layout import MARKUP_SCAN
from bot.guard.normalise import _DRAWN_RUNS, tokens
from tests.discord_render import seen
from tests.finale_matcher import matcher
from tests.guard_accuracy import CORPORA, TUNING, corpus

# the module (bot.guard's own "layout" is the function of that name)
guard_layout = importlib.import_module("bot.guard.layout")


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


# --- the bound (round 14) -----------------------------------------------------------------


def _ordinary_long_message() -> str:
    """Tuning messages one after another up to 4,000 characters: a long message as members
    write them."""
    text = ""
    for message in corpus(TUNING):
        if len(text) + len(str(message["text"])) + 1 > 4000:
            return text
        text += str(message["text"]) + " "
    return text


def _calls(text: str) -> int:
    """Python and built-in function calls inspecting and tagging ``text`` once its words
    are known to the matcher (a count, not a time: the same on any machine, under load)."""

    def work() -> None:
        finding = inspect(text, matcher())
        if finding:
            tag_finding(finding)

    work()  # what the matcher remembers of each word is read once, first
    count = 0

    def hook(frame: object, event: str, argument: object) -> None:
        nonlocal count
        count += event in ("call", "c_call")

    sys.setprofile(hook)
    try:
        work()
    finally:
        sys.setprofile(None)
    return count


def test_no_hostile_message_costs_much_more_than_an_ordinary_long_one() -> None:
    """Each hostile message (bench/guard.py) takes at most a few times the calls of an
    ordinary message of the same length: before the bound, 'Gordo dies ' x 363 took 22x
    and 'our Gordo in s2 dies' x 190 29x (every name weighed against every outcome)."""
    ordinary = _calls(_ordinary_long_message())
    for text in HOSTILE:
        assert _calls(text) <= 5 * ordinary, text[:40]


class _Offered:
    """A compiled pattern that counts the characters it is offered to scan."""

    def __init__(self, pattern: re.Pattern[str], tally: list[int]) -> None:
        self.pattern = pattern
        self.tally = tally

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        self.tally[0] += min(endpos, len(text)) - pos
        return self.pattern.match(text, pos, endpos)


def test_markup_is_followed_for_a_bounded_number_of_characters(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The patterns that may scan to the end of what is read (code, links in "<" and
    "[", emphasis: quadratic in a flood of "*") are offered at most MARKUP_SCAN
    characters per rule tried (two patterns at most each), whatever the message."""
    tally = [0]
    for name in ("_CODE_BLOCK", "_CODE_SPAN", "_AUTOLINK", "_MASKED_LINK"):
        monkeypatch.setattr(guard_layout, name, _Offered(getattr(guard_layout, name), tally))
    for marker, patterns in guard_layout._EMPHASIS.items():
        counted = tuple(_Offered(p, tally) for p in patterns)
        monkeypatch.setitem(guard_layout._EMPHASIS, marker, counted)
    for text in (*HOSTILE, "*" * 4000, "**a" * 1333, "`a" * 2000, "_a_ " * 1000):
        tally[0] = 0
        guard_layout.layout(text)
        assert tally[0] <= 2 * MARKUP_SCAN, text[:40]


@pytest.mark.parametrize(
    "text",
    [
        "*" * 2000 + " Gordo dies on the moon " + "*" * 1976,
        "_" * 2000 + " Gordo dies on the moon " + "_" * 1976,
        "**a" * 600 + " Gor**do di**es on the moon",  # markers inside the names
        "`a " * 1300 + " Gordo dies on the moon",
        "[" * 2000 + " Gordo dies on the moon",
        "||Gordo dies on the moon|| " + "*" * 3000,  # what it hid is read too
        "*" * 2000 + " G\\*o\\*r\\*d\\*o dies on the moon",
    ],
)
def test_a_spoiler_inside_a_flood_is_read_and_the_whole_message_hidden(text: str) -> None:
    """Past the bound a message is read with every character shown (and with every
    marker left out): whatever spoils in it is found, and the safe form is used rather
    than tags placed in markup the guard did not follow."""
    finding = inspect(text, matcher())
    assert finding.page.unparsed
    assert finding
    assert tag_finding(finding) is None  # the safe form
    assert segments(finding) == [(text, True)]  # a preview hides it all too


@pytest.mark.parametrize(
    "text",
    [
        "*" * 4000,
        "_" * 4000,
        "~" * 4000,
        "**a" * 1333,
        "[" * 4000,
        "`a" * 2000,
        "*" * 2000 + " great episode, loved the moon base " + "*" * 1964,
        "_a_ " * 1000 + "Gordo is the best",
        "*" * 3000 + " Gordo is my favourite astronaut, and his actor is great",
    ],
)
def test_an_innocent_flood_is_not_tagged(text: str) -> None:
    finding = inspect(text, matcher())
    assert not finding, finding.evidence


def test_every_corpus_message_is_read_as_discord_reads_it() -> None:
    """No message anyone wrote for the corpora comes near the bound."""
    for path in CORPORA.values():
        for message in corpus(path):
            assert not guard_layout.layout(str(message["text"])).unparsed


def test_tags_are_not_placed_past_a_bounded_amount_of_work() -> None:
    """160 spoiling sentences: tags would weigh each against every other (the check that
    they hide); the safe form hides them all at once."""
    text = "Gordo dies on the moon. " * 160
    finding = inspect(text, matcher())
    assert finding
    assert tag_finding(finding) is None
    assert tag_finding(inspect(text[: 24 * 20], matcher())) is not None  # 20: tagged
