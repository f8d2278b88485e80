"""The guard with every finale rule of the shipped content, as the tests of its reading
use it: compiled once per test process, not once per test module, and only by a process
that runs one of those tests (each xdist worker imports every module to collect them).
"""

from __future__ import annotations

from functools import cache

from bot.canon.models import GuardRule
from bot.guard import Matcher, compile_rules, inspect
from tests.shipped import shipped_content


@cache
def finale_rules() -> tuple[GuardRule, ...]:
    return tuple(r for r in shipped_content().guard_rules if r.reveal.finale_detail)


@cache
def matcher() -> Matcher:
    return compile_rules(finale_rules(), lexicon=shipped_content().guard_lexicon)


def spoils(text: str) -> bool:
    """Whether the guard would tag the message (shipped finale rules, default threshold)."""
    return bool(inspect(text, matcher()))
