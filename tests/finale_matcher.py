"""The guard with every finale rule of the shipped content, as the tests of its reading
use it: loaded and compiled once per test process, not once per test module."""

from __future__ import annotations

from bot.canon.content import ContentBundle, load_content
from bot.guard import Matcher, compile_rules, inspect
from bot.settings import DEFAULT_CONTENT_DIR

BUNDLE: ContentBundle = load_content(DEFAULT_CONTENT_DIR)
MATCHER: Matcher = compile_rules(
    [r for r in BUNDLE.guard_rules if r.reveal.finale_detail], lexicon=BUNDLE.guard_lexicon
)


def spoils(text: str) -> bool:
    """Whether the guard would tag the message (shipped finale rules, default threshold)."""
    return bool(inspect(text, MATCHER))
