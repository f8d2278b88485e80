"""Hiding matched sentences: the text stays byte for byte the same, plus "||" pairs.

Only the parts of a sentence not already hidden are wrapped (wrapping across an
existing tag would un-hide it), and a tag never lands inside code or a link, nor with
one half inside emphasis and the other out: the wrap widens to take them whole.

Tags are never placed in a message read conservatively (more markup than the guard
follows), nor where placing them would weigh every sentence against every piece of markup
past ``PLACING_WORK`` (a flood of sentences and markup): the caller uses the safe form.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from bot.guard.layout import BLOCK_START, Layout, Span, layout

MARK = "||"
# sentences to tag x (sentences + code, links, emphasis and tags already there) past
# which tags are not placed (an ordinary long message: a few hundred at most)
PLACING_WORK = 20_000


def placeable(page: Layout, spans: Sequence[Span]) -> bool:
    """Whether tags may be placed in the message around ``spans``: it was read as
    Discord reads it (one way: not two that disagree), and placing them is a bounded
    piece of work."""
    markup = len(page.code) + len(page.links) + len(page.masked) + len(page.emphasis)
    work = len(spans) * (len(spans) + markup + len(page.hidden))
    return not (page.unparsed or page.ambiguous) and work <= PLACING_WORK


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
            start = _after_block_marker(page, start)
            if start >= end:
                continue
            start, end = _widened(page, start, end)
            # A backslash before a tag would escape it: take an escaping backslash
            # inside the opening tag, and leave trailing ones out of the closing tag.
            while _escaped(page.text, start):
                start -= 1
            while end > start and _escaped(page.text, end):
                end -= 1
            if start < end:
                regions.append((start, end))
    merged: list[Span] = []
    for start, end in sorted(regions):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _widened(page: Layout, start: int, end: int) -> Span:
    """The region grown to take whole any code, link or emphasis a tag would land in:
    Discord reads emphasis before a spoiler opened after it, so a tag whose halves fall in
    and out of "**...**" pairs with nothing ("**Great ep. ||Gordo dies** on...||")."""
    atoms = page.atoms()
    while True:
        before = start, end
        for atom_start, atom_end in atoms:
            if atom_start < start < atom_end:
                start = atom_start
            if atom_start < end < atom_end:
                end = atom_end
        for e_start, e_end, width in page.emphasis:
            inside = e_start + width <= start and end <= e_end - width
            if not inside and (e_start < start < e_end or e_start < end < e_end):
                start, end = min(start, e_start), max(end, e_end)
        if (start, end) == before:
            return start, end


def _after_block_marker(page: Layout, start: int) -> int:
    """A quote, heading or list item keeps its marker outside the tag ("- ||...||"), so
    it still renders as one."""
    if start in page.blocks or (start > 0 and page.text[start - 1] == "\n") or start == 0:
        marker = BLOCK_START.match(page.text, start)
        if marker:
            return marker.end()
    return start


def _escaped(text: str, position: int) -> bool:
    """Whether a tag inserted at ``position`` would follow an escaping backslash."""
    slashes = 0
    while position - slashes - 1 >= 0 and text[position - slashes - 1] == "\\":
        slashes += 1
    return slashes % 2 == 1


def tag(page: Layout, spans: Sequence[Span]) -> str | None:
    """The text with the given sentences hidden behind spoiler tags; None when the
    message's own markup (a lone "||", say) means tags cannot be added safely, or the
    message was not read as Discord reads it (see ``placeable``)."""
    if not placeable(page, spans):
        return None
    regions = wraps(page, spans)
    if not regions:
        return page.text
    out: list[str] = []
    cursor = 0
    for start, end in regions:
        out += [page.text[cursor:start], MARK, page.text[start:end], MARK]
        cursor = end
    out.append(page.text[cursor:])
    tagged = "".join(out)
    return tagged if _hides(page, regions, tagged) else None


def _hides(page: Layout, regions: Sequence[Span], tagged: str) -> bool:
    """Read the result back as Discord pairs markers: every wrapped region and every
    region hidden before must now be hidden (a stray "||" of the author's that would pair
    with an added tag shows up here as a region left readable)."""
    result = layout(tagged)

    starts = [s for s, _ in regions]  # in order, apart: counted by bisection
    ends = [e for _, e in regions]

    def shift(position: int) -> int:  # where an original offset lands after insertions
        return position + 2 * bisect_left(starts, position) + 2 * bisect_right(ends, position)

    def covered(span: Span) -> bool:
        start, end = shift(span[0]), shift(span[1])
        return any(h_start <= start and end <= h_end for h_start, h_end in result.hidden)

    if result.ambiguous:  # the tags made it read two ways (a tag paired across a block)
        return False
    return all(map(covered, regions)) and all(map(covered, page.hidden))
