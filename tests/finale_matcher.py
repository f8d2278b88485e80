"""The guard with every finale rule of the shipped content, as the tests of its reading
use it: loaded and compiled once per test process, not once per test module."""

from __future__ import annotations

from bot.canon.content import ContentBundle
from bot.guard import Matcher, compile_rules, inspect
from tests.shipped import shipped_content

BUNDLE: ContentBundle = shipped_content()
MATCHER: Matcher = compile_rules(
    [r for r in BUNDLE.guard_rules if r.reveal.finale_detail], lexicon=BUNDLE.guard_lexicon
)


def spoils(text: str) -> bool:
    """Whether the guard would tag the message (shipped finale rules, default threshold)."""
    return bool(inspect(text, MATCHER))
