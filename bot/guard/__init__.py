"""The spoiler guard's text work: find finale details in a message, and hide them.

Pure functions; the Discord side (reading messages, reposting) is in
``cogs/spoilers/_guard.py``. Which rules apply where is the spoiler policy's call.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bot.canon.models import GuardRule
from bot.guard.layout import Layout, Span, layout, readable, sentences
from bot.guard.matcher import Matcher, Pattern, phrase
from bot.guard.rewrite import tag, wraps

__all__ = [
    "Finding",
    "Matcher",
    "compile_rules",
    "everything",
    "inspect",
    "segments",
    "tag_finding",
]


@dataclass(frozen=True)
class Finding:
    page: Layout
    sentences: tuple[Span, ...]  # the sentences to hide
    keys: frozenset[str]  # the rules (and terms) that matched

    def __bool__(self) -> bool:
        return bool(self.sentences)


def compile_rules(rules: Iterable[GuardRule], terms: Sequence[str] = ()) -> Matcher:
    patterns = [
        Pattern(
            rule.id,
            tuple(p for p in map(phrase, rule.subjects) if p),
            tuple(p for p in map(phrase, rule.actions) if p),
        )
        for rule in rules
    ]
    patterns += [Pattern(f"term:{t}", (phrase(t),), ()) for t in terms if phrase(t)]
    return Matcher(patterns)


def inspect(text: str, matcher: Matcher) -> Finding:
    """Which sentences of ``text``, read as a member sees them, match a rule."""
    page = layout(text)
    hits: list[Span] = []
    keys: set[str] = set()
    for span in sentences(page):
        found = matcher.find(readable(page, span))
        if found:
            hits.append(span)
            keys |= found
    return Finding(page, tuple(hits), frozenset(keys))


def tag_finding(finding: Finding) -> str:
    return tag(finding.page, finding.sentences)


def everything(text: str) -> Finding:
    """A finding covering the whole message (a moderator's "tag this" request)."""
    page = layout(text)
    return Finding(page, tuple(sentences(page)), frozenset())


def segments(finding: Finding) -> list[tuple[str, bool]]:
    """The text cut into (piece, will be hidden) runs, for a preview."""
    runs: list[tuple[str, bool]] = []
    cursor = 0
    for start, end in wraps(finding.page, finding.sentences):
        if start > cursor:
            runs.append((finding.page.text[cursor:start], False))
        runs.append((finding.page.text[start:end], True))
        cursor = end
    if cursor < len(finding.page.text):
        runs.append((finding.page.text[cursor:], False))
    return runs
