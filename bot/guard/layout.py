"""Reading a member's message as Discord renders it: what is hidden, what is code, what
is a link, and where its sentences are. Offsets are into the original text."""

from __future__ import annotations

import re
from dataclasses import dataclass

Span = tuple[int, int]  # [start, end)
_LINK_STOP = re.compile(r"[\s|<>]")
_MASKED_LINK = re.compile(r"\[[^\]\n]*\]\((https?://[^)\s]+)\)")
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)|\n")


@dataclass(frozen=True)
class Layout:
    text: str
    hidden: tuple[Span, ...]  # ||spoiler|| regions, markers included
    code: tuple[Span, ...]  # `code` and ```blocks```: still visible, cannot be split
    links: tuple[Span, ...]  # URLs: their words are not prose, and cannot be split
    masked: tuple[Span, ...] = ()  # [text](url) links: the text is prose, but one unit
    unclosed: bool = False  # a lone "||" that a new tag would pair with

    def atoms(self) -> tuple[Span, ...]:
        """Spans a spoiler tag must not be inserted into."""
        return tuple(sorted(self.code + self.links + self.masked))


def layout(text: str) -> Layout:
    hidden: list[Span] = []
    code: list[Span] = []
    links: list[Span] = []
    masked: list[Span] = []
    opened: int | None = None
    i, n = 0, len(text)
    while i < n:
        if text[i] == "\\":
            i += 2  # an escaped character is literal
            continue
        if text.startswith("```", i):
            end = text.find("```", i + 3)
            if end != -1:
                code.append((i, end + 3))
                i = end + 3
                continue
        if text[i] == "`":
            end = text.find("`", i + 1)
            if end != -1:
                code.append((i, end + 1))
                i = end + 1
                continue
        if text.startswith("||", i):
            if opened is None:
                opened = i
            else:
                hidden.append((opened, i + 2))
                opened = None
            i += 2
            continue
        if text[i] == "[":
            masked_link = _MASKED_LINK.match(text, i)
            if masked_link:
                masked.append((i, masked_link.end()))
                links.append(masked_link.span(1))  # the address is not read as prose
                i = masked_link.end()
                continue
        if text.startswith(("http://", "https://"), i) and (i == 0 or not text[i - 1].isalnum()):
            stop = _LINK_STOP.search(text, i)
            end = stop.start() if stop else n
            links.append((i, end))
            i = end
            continue
        i += 1
    return Layout(text, tuple(hidden), tuple(code), tuple(links), tuple(masked), opened is not None)


def _inside(position: int, spans: tuple[Span, ...]) -> bool:
    return any(start < position < end for start, end in spans)


def sentences(page: Layout) -> list[Span]:
    """Sentence spans, trimmed of surrounding space; never split inside code or links."""
    found: list[Span] = []
    start = 0
    atoms = page.atoms()
    for match in _SENTENCE_END.finditer(page.text):
        if _inside(match.start(), atoms):
            continue
        found.append((start, match.end()))
        start = match.end()
    found.append((start, len(page.text)))
    trimmed = []
    for begin, end in found:
        chunk = page.text[begin:end]
        left = len(chunk) - len(chunk.lstrip())
        right = len(chunk.rstrip())
        if right > left:
            trimmed.append((begin + left, begin + right))
    return trimmed


def readable(page: Layout, span: Span) -> str:
    """The words a reader sees in ``span`` without clicking: hidden regions and links
    blanked (offsets kept), code kept, since a code block is still plain to read."""
    chars = list(page.text[span[0] : span[1]])
    for start, end in page.hidden + page.links:
        for position in range(max(start, span[0]), min(end, span[1])):
            chars[position - span[0]] = " "
    return "".join(chars)
