"""The spoiler guard's text work: find finale details in a message, and hide them.

Pure functions; the Discord side (reading messages, reposting) is in
``cogs/spoilers/_guard.py``. Which rules apply where is the spoiler policy's call.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bot.canon.models import GuardRule
from bot.guard.layout import Layout, Span, layout, readable, sentences
from bot.guard.matcher import Matcher, Pattern, asks, phrase
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


def compile_rules(
    rules: Iterable[GuardRule], terms: Sequence[str] = (), idioms: Sequence[str] = ()
) -> Matcher:
    patterns = [
        Pattern(
            rule.id,
            tuple(p for p in map(phrase, rule.subjects) if p),
            tuple(p for p in map(phrase, rule.actions) if p),
        )
        for rule in rules
    ]
    patterns += [Pattern(f"term:{t}", (phrase(t),), ()) for t in terms if phrase(t)]
    return Matcher(patterns, idioms)


def inspect(text: str, matcher: Matcher) -> Finding:
    """Which sentences of ``text``, read as a member sees them, match a rule."""
    page = layout(text)
    spans = sentences(page)
    texts = [readable(page, span) for span in spans]
    hits: set[int] = set()
    keys: set[str] = set()
    for index, sentence in enumerate(texts):
        found = matcher.find(sentence)
        if found:
            hits.add(index)
            keys |= found
    # "What happened to Danny? They exiled him." A name in one sentence and what
    # happened in the next still spoil together: both are hidden.
    for index in range(1, len(texts)):
        if index - 1 in hits or index in hits or asks(texts[index - 1]):
            continue
        found = matcher.find(texts[index - 1] + " \n " + texts[index])
        if found:
            hits |= {index - 1, index}
            keys |= found
    return Finding(page, tuple(spans[i] for i in sorted(hits)), frozenset(keys))


def tag_finding(finding: Finding) -> str | None:
    """The message with its spoiling sentences tagged, or None when its own markup
    (a lone "||") would make added tags pair up wrongly."""
    return tag(finding.page, finding.sentences)


def everything(text: str) -> Finding:
    """A finding covering the whole message (a moderator's "tag this" request)."""
    page = layout(text)
    return Finding(page, tuple(sentences(page)), frozenset())


def segments(finding: Finding) -> list[tuple[str, bool]]:
    """The text cut into (piece, hidden) runs for a preview: what the guard would tag,
    and what the author already tagged (without its markers), are both hidden."""
    page = finding.page
    hidden = [(s, e, True) for s, e in wraps(page, finding.sentences)]
    hidden += [(s, e, False) for s, e in page.hidden]
    runs: list[tuple[str, bool]] = []
    cursor = 0
    for start, end, added in sorted(hidden):
        if start > cursor:
            runs.append((page.text[cursor:start], False))
        piece = page.text[start:end] if added else page.text[start + 2 : end - 2]
        runs.append((piece, True))
        cursor = end
    if cursor < len(page.text):
        runs.append((page.text[cursor:], False))
    return runs
