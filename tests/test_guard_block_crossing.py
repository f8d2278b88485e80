"""Inline markup crossing into a line that opens a block (round 14).

Discord's client may read a message blocks first (a "> " line is a quote whatever came
before it: tests/discord_render.py ``seen``) or inline rules first (a code span, spoiler or
emphasis opened on one line runs over the next line's "> " or "- ", as the simple-markdown
emulations of the client have it: ``seen_inline_first``). Which one it follows is not
established, so the guard must be safe under both: text hidden under only one reading is
read as shown, and tags are placed only where they hide under both (else the safe form).

The grid: every inline construct that can span lines (code span, spoiler pair, bold,
italic, underline, strike; a masked link cannot, and is kept as a look-alike) against
every block opener (quote, quote-to-end, list items, headings, subtext, code block),
crossing into a block line, out of one, and across two.
"""

from __future__ import annotations

import itertools
import re

import pytest

from bot.guard import inspect, tag_finding
from tests.discord_render import seen, seen_inline_first
from tests.finale_matcher import matcher

FINALE = "Gordo dies on the moon"
SAFE = "Karen runs the Outpost"
OPENERS = ["`", "``", "||", "**", "*", "__", "_", "~~", "[", "]("]
BLOCKS = ["> ", ">>> ", "- ", "* ", "1. ", "# ", "## ", "-# "]
WORD = re.compile(r"[a-z]+")


def _words(text: str) -> str:
    return " ".join(WORD.findall(text.casefold()))


def _readable(text: str, sentence: str) -> bool:
    """Whether ``sentence`` can be read in ``text`` under either reading."""
    wanted = _words(sentence)
    return any(wanted in _words(reading(text)) for reading in (seen, seen_inline_first))


def _shapes(s: str, o: str, b: str) -> list[str]:
    return [
        f"great episode\n{o}\n{b}{o}||{s}||{o}",  # the leak the property test found in round 14
        f"{s}\n{o}\n{b}{o}||{s}||{o}",
        f"great episode {o}\n{b}{s} {o}",  # into a block line
        f"{b}great episode {o}\n{s} {o}",  # out of one
        f"{b}great episode {o}\n{b}{s} {o}",  # across two
        f"great episode {o}\n{b}||{s}|| {o}",  # the author's tags inside the crossing
        f"great episode {o}\n{b}{o}||{s}||",
        f"{o}great episode\n{b}{s}{o} lol",
        f"great ep ||\n{b}{s}",  # a stray tag of the author's before the block
        f"{b}great ep {o}\n{b}{o} {s}",
        f"great episode {o}\n```\n{o} {s}\n```",  # into a code block
    ]


def _grid(sentence: str) -> list[str]:
    return sorted(
        {t for o, b in itertools.product(OPENERS, BLOCKS) for t in _shapes(sentence, o, b)}
    )


SPOILING = _grid(FINALE)
INNOCENT = _grid(SAFE) + [f"||{FINALE}||\n{t}" for t in _grid(SAFE)]


@pytest.mark.parametrize("text", SPOILING)
def test_a_finale_crossing_a_block_ends_up_hidden_under_both_readings(text: str) -> None:
    verdict = inspect(text, matcher())
    if _readable(text, FINALE):
        assert verdict, "a finale sentence readable under one reading is found"
    if not verdict:
        return
    tagged = tag_finding(verdict)
    if tagged is None:
        return  # the safe form: the whole message hidden
    assert tagged.replace("||", "") == text.replace("||", "")
    assert not _readable(tagged, FINALE), tagged


@pytest.mark.parametrize("text", INNOCENT)
def test_an_innocent_message_crossing_a_block_is_left_alone(text: str) -> None:
    assert not _readable(text, FINALE)  # the look-alike hides its finale under both
    assert not inspect(text, matcher())


def test_the_grid_is_the_size_the_report_gives() -> None:
    assert (len(SPOILING), len(INNOCENT)) == (738, 1476)
