"""Hiding matched sentences: the text stays byte for byte the same, plus "||" pairs.

Only the parts of a sentence not already hidden are wrapped (wrapping across an
existing tag would un-hide it), and a tag never lands inside code or a link: the
wrap widens to take them whole.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.guard.layout import Layout, Span

MARK = "||"


def _pieces(page: Layout, span: Span) -> list[Span]:
    """The parts of ``span`` outside existing spoiler tags."""
    pieces = []
    cursor = span[0]
    for start, end in sorted(page.hidden):
        if end <= span[0] or start >= span[1]:
            continue
        pieces.append((cursor, max(cursor, start)))
        cursor = max(cursor, end)
    pieces.append((cursor, span[1]))
    return pieces


def _trim(text: str, span: Span) -> Span:
    start, end = span
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def wraps(page: Layout, spans: Sequence[Span]) -> list[Span]:
    """The regions that will be wrapped in tags, in order, not overlapping."""
    regions: list[Span] = []
    for span in spans:
        for piece in _pieces(page, span):
            start, end = _trim(page.text, piece)
            if start >= end:
                continue
            for atom_start, atom_end in page.atoms():
                if atom_start < start < atom_end:
                    start = atom_start
                if atom_start < end < atom_end:
                    end = atom_end
            regions.append((start, end))
    merged: list[Span] = []
    for start, end in sorted(regions):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def tag(page: Layout, spans: Sequence[Span]) -> str:
    """The text with the given sentences hidden behind spoiler tags."""
    out: list[str] = []
    cursor = 0
    for start, end in wraps(page, spans):
        out += [page.text[cursor:start], MARK, page.text[start:end], MARK]
        cursor = end
    out.append(page.text[cursor:])
    return "".join(out)
