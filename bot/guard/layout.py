"""Reading a member's message as Discord renders it: what is hidden, what is code, what
is a link, and where its sentences are. Offsets are into the original text.

Discord's markdown (simple-markdown rules) reads left to right and, at each position,
takes the first rule that matches there. The rules that decide what a reader sees:

- ``\\`` before a punctuation character makes it literal (``\\||`` shows the pipes);
- a code block (three backticks) or a code span (one or more backticks) shows its
  contents literally: ``||`` inside code is not a tag;
- a bare ``https://`` address or ``<https://...>`` is a link, and ``||`` inside it is
  part of the address; a masked link ``[label](address)`` shows only its label;
- ``||`` opens a spoiler that ends at the *next* ``||`` at least one character later,
  whatever lies between (a code span inside does not protect a ``||``); an empty
  ``||||`` hides nothing;
- block quotes, headings and list items are blocks: a spoiler does not run out of one;
  but whether Discord reads them first, or reads inline rules first and takes a "> " or
  "- " at a line start only where no code span, spoiler or emphasis opened earlier runs
  over it (as the simple-markdown emulations of its client do), is not established.
  Where markup crosses the edge of a block, the message is read both ways; a region is
  hidden only if both readings hide it, and if they disagree at all the layout is
  ``ambiguous`` and no tag is placed in it (the safe form);
- emphasis (``**bold**``, ``*italic*``/``_italic_``, ``__underline__``, ``~~strike~~``)
  is a rule like the others, matched where it opens (the longest of bold, italic and
  underline), and its contents are parsed on their own: a ``||`` opened inside
  ``**...**`` closes inside it or is text, and one opened before it runs over it. Its
  markers are not shown, so "Gor**do di**es" reads "Gordo dies".

Following Discord's nesting costs a scan to the end of the block for every marker tried
(a flood of "*" is quadratic in its length). Past ``MARKUP_SCAN`` characters offered to
such patterns (code, ``<`` and ``[`` links, emphasis), the message is read conservatively
instead: nothing hidden, nothing code, nothing a link, every character shown
(``Layout.unparsed``); the guard then reads it both with every marker shown and with
every marker left out, and a message that spoils gets the safe form, never tags placed
in markup it did not follow.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

Span = tuple[int, int]  # [start, end)

_CODE_BLOCK = re.compile(r"```(?:[a-z0-9_+\-.#]+?\n)?\n*[^\n][\s\S]*?\n*```", re.IGNORECASE)
_CODE_SPAN = re.compile(r"(`+)([\s\S]*?[^`])\1(?!`)")
_AUTOLINK = re.compile(r"<(https?://[^ >]+)>")
_URL = re.compile(r"https?://[^\s<]+[^<.,:;\"')\]\s]")
# a letter or digit: a regex's \w is exactly str.isalnum() or "_", and one search is
# quicker than a generator over the characters
_ALNUM = re.compile(r"[^\W_]")
# emphasis, as simple-markdown matches it (its "\\b_" before the underscore always holds
# where a rule is tried); the marker's width is the group's start
_STRONG = re.compile(r"\*\*((?:\\[\s\S]|[^\\])+?)\*\*(?!\*)")
_UNDERLINE = re.compile(r"__((?:\\[\s\S]|[^\\])+?)__(?!_)")
_EM_STAR = re.compile(
    r"\*(?=\S)((?:\*\*|\\[\s\S]|\s+(?:\\[\s\S]|[^\s*\\]|\*\*)|[^\s*\\])+?)\*(?!\*)"
)
_EM_UNDERSCORE = re.compile(r"_((?:__|\\[\s\S]|[^\\_])+?)_\b")
_STRIKE = re.compile(r"~~([\s\S]+?)~~(?!_)")
_EMPHASIS = {"*": (_EM_STAR, _STRONG), "_": (_EM_UNDERSCORE, _UNDERLINE), "~": (_STRIKE,)}
_MASKED_LINK = re.compile(r"\[([^\]\n]*)\]\((<?https?://[^)\s]+>?)\)")
BLOCK_START = re.compile(r"[ \t]*(?:>>> |> |#{1,3} |-# |[-*+] |\d+[.)] )")
_QUOTE_TO_END = re.compile(r"[ \t]*>>> ")
# The dot closing an initialism ("R.I.P. Karen", "a.k.a.") ends no sentence
# (a run of stops before a space or the end; a Japanese or Chinese stop anywhere; a line
# break). The patterns here open with the characters they may start at: the regex engine
# then skips to those, instead of trying each alternative everywhere (several times
# quicker than "(?<!\.[A-Za-z])[.!?…。！？]+(?=\s|$)|[。！？]|\n", with the same matches).
_SENTENCE_END = re.compile(
    r"[.!?…。！？\n](?:(?<=\n)|(?<!\.[A-Za-z][.!?…。！？])[.!?…。！？]*(?=\s|$)|(?<=[。！？]))"
)
# the same, in ASCII
_ASCII_SENTENCE_END = re.compile(r"[.!?\n](?:(?<=\n)|(?<!\.[A-Za-z][.!?])[.!?]*(?=\s|$))")
_ESCAPABLE = re.compile(r"[^0-9A-Za-z\s]")
# where a rule can start: "\\", "`", "<", "[", "|", an emphasis marker, or "http(s)://"
# not inside a word
# Rules whose pattern may scan to the end of what is being read (code, "<" and "[" links,
# emphasis): the characters they may scan, summed over every try in one message, at most
# this many (64 scans of a whole 4,000-character message; an ordinary message of that
# length with a hundred markers spread over it offers its patterns about 200,000)
MARKUP_SCAN = 64 * 4000
# the characters a conservative reading leaves out as markers ("Gor**do" reads "Gordo")
MARKER_CHARACTERS = frozenset("*_~`|\\")
_MARKUP = re.compile(r"[\\`<\[|*_~h](?:(?<=[\\`<\[|*_~])|(?<=h)(?<![0-9A-Za-z]h)ttps?://)")


@dataclass(frozen=True)
class Layout:
    text: str
    hidden: tuple[Span, ...]  # ||spoiler|| regions, markers included
    code: tuple[Span, ...]  # `code` and ```blocks```: still visible, cannot be split
    links: tuple[Span, ...]  # link addresses: shown (bare) or not (masked), never split
    masked: tuple[Span, ...] = ()  # [label](address): the label is prose, but one unit
    unclosed: bool = False  # a "||" that opens nothing: a new tag could pair with it
    escapes: tuple[int, ...] = ()  # offsets of escaping backslashes (not shown)
    blocks: tuple[int, ...] = ()  # offsets where a block (quote, heading, list item) starts
    # emphasis as (start, end, marker width): shown, markers not; a tag must be wholly
    # inside its contents or wholly outside it
    emphasis: tuple[tuple[int, int, int], ...] = ()
    # more markup than the guard follows (MARKUP_SCAN): read conservatively, every
    # character shown; tags are never placed in it (the safe form instead)
    unparsed: bool = False
    # read two ways that disagree (markup crossing the edge of a block, which Discord may
    # read blocks first or inline rules first): hidden only what both hide, and tags are
    # never placed in it (the safe form instead)
    ambiguous: bool = False

    def atoms(self) -> tuple[Span, ...]:
        """Spans a spoiler tag must not be inserted into."""
        return tuple(sorted(self.code + self.links + self.masked))


def _block_starts(text: str) -> list[int]:
    if "\n" not in text:  # one line: the usual message
        return [0] if BLOCK_START.match(text) else []
    starts = []
    position = 0
    for line in text.split("\n"):
        if BLOCK_START.match(line):
            starts.append(position)
            if _QUOTE_TO_END.match(line):
                break  # ">>> " quotes the rest: one block, whatever its lines look like
        position += len(line) + 1
    return starts


def _block_end(text: str, start: int, blocks: list[int]) -> int:
    """Where the block (a block's line, or a paragraph up to the next block) around
    ``start`` ends."""
    at = bisect_right(blocks, start)  # blocks are in order: the last one at or before
    here = blocks[at - 1] if at else -1
    if here != -1 and _QUOTE_TO_END.match(text, here):
        return len(text)  # ">>> " quotes the rest of the message
    if here != -1:
        line_end = text.find("\n", here)
        if line_end == -1 or line_end >= start:
            return len(text) if line_end == -1 else line_end
    return blocks[at] if at < len(blocks) else len(text)


def _closing(text: str, start: int, blocks: list[int], limit: int) -> int:
    """Where the spoiler opened at ``start`` closes, or -1: the next "||" at least one
    character on (before ``limit``, the end of the emphasis it is in), unless a block
    boundary comes first (then -2: read inline rules first, it would close there).
    Crossing lines is allowed in a plain paragraph (a ">>> " quote's lines are one), not
    out of (or into) a block."""
    end = text.find("||", start + 3, limit)
    if end == -1:
        return -1
    if text.find("\n", start, end) != -1 and end >= _block_end(text, start, blocks):
        return -2
    return end


def layout(text: str) -> Layout:
    blocks = _block_starts(text)
    page, crossed = _read(text, blocks)
    if not crossed or page.unparsed:
        return page
    # Something may cross a line that opens a block: read it both ways and keep what
    # both readings agree on
    readings = [page]
    if crossed & _CROSSED_BLOCK:  # inline rules first: the block's marker is text
        readings.append(_read(text, [])[0])
    if crossed & _CROSSED_CODE:  # blocks first: a code span ends where its block does
        readings.append(_read(text, blocks, bound_code=True)[0])
    return _agreed(readings)


# what a reading found crossing the edge of a block: a code span (read across it, where
# a blocks-first reading ends it), or a spoiler or emphasis (ended there, where an
# inline-first reading runs on)
_CROSSED_CODE = 1
_CROSSED_BLOCK = 2


def _read(text: str, blocks: list[int], *, bound_code: bool = False) -> tuple[Layout, int]:
    """One reading of ``text`` with the given block starts (none: inline rules first),
    and what in it crossed, or would have crossed, the edge of a block."""
    hidden: list[Span] = []
    code: list[Span] = []
    links: list[Span] = []
    masked: list[Span] = []
    escapes: list[int] = []
    emphasis: list[tuple[int, int, int]] = []
    opened: list[tuple[int, int]] = []  # emphasis being read: (contents' end, marker width)
    unclosed = False
    crossed = 0
    edges = _edges(text, blocks) if blocks and "\n" in text else []
    i, n = 0, len(text)
    limit = n
    scanned = 0  # characters offered to patterns that may scan to the end
    while True:
        jump = _MARKUP.search(text, i, limit)  # plain text between rules needs no look
        if jump is None:
            if not opened:
                break
            inner_end, width = opened.pop()  # the emphasis' contents are read: close it
            i = inner_end + width
            limit = opened[-1][0] if opened else n
            continue
        i = jump.start()
        char = text[i]
        if char in "`<[*_~":  # a rule whose pattern may scan to the end of its window
            if char in _EMPHASIS:  # emphasis is tried only up to its block's end
                within = min(limit, _block_end(text, i, blocks))
                scanned += within - i
            elif char != "<" or text.startswith("<http", i):  # "<:emoji:1>", "<3": no link
                scanned += limit - i
            if scanned > MARKUP_SCAN:
                return _unparsed(text, blocks), 0
        if char == "\\" and i + 1 < n and _ESCAPABLE.match(text[i + 1]):
            escapes.append(i)
            i += 2
            continue
        if char == "`":
            found = _CODE_BLOCK.match(text, i, limit)
            if not found:
                within = min(limit, _block_end(text, i, blocks)) if bound_code else limit
                found = _CODE_SPAN.match(text, i, within)
                if found and edges and _across(edges, i, found.end()):
                    crossed |= _CROSSED_CODE
            if found:
                code.append(found.span())
                i = found.end()
                continue
            while i < limit and text[i] == "`":  # an unmatched run of backticks is text
                i += 1
            continue
        if char == "<" and text.startswith("<http", i):
            found = _AUTOLINK.match(text, i, limit)
            if found:
                links.append(found.span())
                i = found.end()
                continue
        if char == "h" and (i == 0 or not text[i - 1].isalnum()):
            found = _URL.match(text, i, limit)
            if found:
                links.append(found.span())
                i = found.end()
                continue
        if char == "[":
            found = _MASKED_LINK.match(text, i, limit)
            if found:
                masked.append(found.span())
                links.append(found.span(2))  # the address is not shown
                i = found.end()
                continue
        if char in _EMPHASIS:  # "within": its block's end, reckoned above
            best = _emphasis(text, i, within)
            if within < limit and not crossed & _CROSSED_BLOCK:
                unbounded = _emphasis(text, i, limit)
                # read on past the block: to its close, or (each pattern) to the end
                if unbounded is None:
                    scanned += (limit - within) * len(_EMPHASIS[char])
                else:
                    scanned += max(0, unbounded.end() - within)
                if scanned > MARKUP_SCAN:
                    return _unparsed(text, blocks), 0
                if unbounded and (best is None or unbounded.span() != best.span()):
                    crossed |= _CROSSED_BLOCK  # read on past the block, it differs
            if best is not None:
                width = best.start(1) - i
                emphasis.append((i, best.end(), width))
                opened.append((best.end() - width, width))
                limit = best.end() - width
                i += width
                continue
            i += 1  # this marker is text; Discord tries the next one on its own
            continue
        if text.startswith("||", i):
            end = _closing(text, i, blocks, limit)
            if end == -2:  # it would close past the edge of a block
                crossed |= _CROSSED_BLOCK
                end = -1
            if end != -1:
                hidden.append((i, end + 2))
                i = end + 2
                continue
            unclosed = True
            i += 1
            continue
        i += 1
    page = Layout(
        text,
        tuple(hidden),
        tuple(code),
        tuple(links),
        tuple(masked),
        unclosed,
        tuple(escapes),
        tuple(blocks),
        tuple(emphasis),
    )
    return page, crossed


def _emphasis(text: str, i: int, within: int) -> re.Match[str] | None:
    """The emphasis opened at ``i`` and closed before ``within``: the longest of the
    patterns its marker may open."""
    best = None
    for pattern in _EMPHASIS[text[i]]:
        found = pattern.match(text, i, within)
        if found and (best is None or found.end() > best.end()):
            best = found
    return best


def _edges(text: str, blocks: list[int]) -> list[int]:
    """The line breaks at the edge of a block: before a block's line, and after one (a
    ">>> " quote's lines are one paragraph with each other)."""
    edges = []
    for start in blocks:
        if start:
            edges.append(start - 1)
        if _QUOTE_TO_END.match(text, start):
            break
        end = text.find("\n", start)
        if end != -1:
            edges.append(end)
    return sorted(set(edges))


def _across(edges: list[int], start: int, end: int) -> bool:
    at = bisect_right(edges, start)
    return at < len(edges) and edges[at] < end


def _agreed(readings: list[Layout]) -> Layout:
    """What the readings agree on: a region is hidden only where every reading hides it
    (the same tag pair); code, links and emphasis are those of any reading (a tag may
    split none of them). Where they disagree the layout is ``ambiguous``: no tag is
    placed in it (the safe form)."""
    first = readings[0]
    if all(_same(first, other) for other in readings[1:]):
        return first
    hidden = set(first.hidden)
    for other in readings[1:]:
        hidden &= set(other.hidden)

    def union(spans: list[tuple[Span, ...]]) -> tuple[Span, ...]:
        return tuple(sorted({s for group in spans for s in group}))

    return Layout(
        first.text,
        tuple(sorted(hidden)),
        union([r.code for r in readings]),
        union([r.links for r in readings]),
        union([r.masked for r in readings]),
        any(r.unclosed for r in readings),
        first.escapes,
        first.blocks,
        tuple(sorted({e for r in readings for e in r.emphasis})),
        ambiguous=True,
    )


def _same(one: Layout, other: Layout) -> bool:
    return (one.hidden, one.code, one.links, one.masked, one.escapes, one.emphasis) == (
        other.hidden,
        other.code,
        other.links,
        other.masked,
        other.escapes,
        other.emphasis,
    )


def _unparsed(text: str, blocks: list[int]) -> Layout:
    """A message with more markup than the guard follows, read conservatively: nothing
    hidden, code or a link, every character shown (its bare addresses are still noted, so
    their previews can be suppressed)."""
    links = tuple(found.span() for found in _URL.finditer(text))
    return Layout(text, (), (), links, blocks=tuple(blocks), unparsed=True)


def _interiors(spans: tuple[Span, ...]) -> tuple[list[int], list[int]]:
    """Spans' insides (start, end exclusive at both ends) merged where they overlap, as
    two sorted lists of starts and ends, to look a position up by bisection."""
    starts: list[int] = []
    ends: list[int] = []
    for start, end in sorted(spans):
        if ends and start < ends[-1]:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)
    return starts, ends


def _trim(text: str, begin: int, end: int) -> Span | None:
    chunk = text[begin:end]
    left = len(chunk) - len(chunk.lstrip())
    right = len(chunk.rstrip())
    return (begin + left, begin + right) if right > left else None


def sentences(page: Layout) -> list[Span]:
    """Sentence spans, trimmed of surrounding space; never split inside code or links.
    Runs of very short lines ("Gordo / and / Tracy / die") are read as one sentence."""
    found: list[Span] = []
    start = 0
    atoms = page.atoms()
    ends = _ASCII_SENTENCE_END if page.text.isascii() else _SENTENCE_END
    starts, stops = _interiors(atoms + page.hidden)
    for match in ends.finditer(page.text):
        if starts:
            at = bisect_right(starts, match.start()) - 1  # the last span starting before
            if at >= 0 and starts[at] < match.start() < stops[at]:
                continue
        found.append((start, match.end()))
        start = match.end()
    found.append((start, len(page.text)))
    trimmed = [span for begin, end in found if (span := _trim(page.text, begin, end))]
    merged: list[tuple[int, int, bool]] = []
    for begin, end in trimmed:
        chunk = page.text[begin:end]
        short = len(chunk.split(None, 2)) <= 2  # two words at most (no need to split all)
        wordless = _ALNUM.search(chunk) is None  # "⚰️⚰️" after "gordo and tracy?"
        if merged and (wordless or (short and merged[-1][2])):
            merged[-1] = (merged[-1][0], end, merged[-1][2] and short)
        else:
            merged.append((begin, end, short))
    return [(begin, end) for begin, end, _ in merged]


def readable(page: Layout, span: Span) -> str:
    """The words a reader sees in ``span`` without clicking: hidden regions, escaping
    backslashes and masked link addresses blanked (offsets kept); code and bare links
    kept, since they are plain to read."""
    if not (page.hidden or page.links or page.escapes):
        return page.text[span[0] : span[1]]  # plain text: nothing to blank
    chars = list(page.text[span[0] : span[1]])

    def blank(start: int, end: int) -> None:
        for position in range(max(start, span[0]), min(end, span[1])):
            chars[position - span[0]] = " "

    for start, end in page.hidden:
        blank(start, end)
    masked = page.masked  # in order, apart: the one a link is in found by bisection
    for start, end in page.links:
        at = bisect_right(masked, (start, len(page.text))) - 1
        if at >= 0 and masked[at][0] <= start and end <= masked[at][1]:
            blank(start, end)
    for position in page.escapes:
        blank(position, position + 1)
    return "".join(chars)


def visible(page: Layout, span: Span) -> tuple[str, list[int] | None]:
    """``readable`` without the emphasis markers Discord does not show ("Gor**do di**es"
    reads "Gordo dies"), and where each of its characters is in the original text (None:
    no marker, the offsets are the span's own)."""
    shown = readable(page, span)
    if not page.emphasis:
        return shown, None
    markers: set[int] = set()
    text = page.text
    for start, end, width in page.emphasis:
        markers.update(range(start, start + width))
        markers.update(range(end - width, end))
        if _struck_letter(text, start, end, width):
            markers.add(start + width)  # "G~~x~~ordo": the struck letter is crossed out
    keep = [p for p in range(span[0], span[1]) if p not in markers]
    return "".join(shown[p - span[0]] for p in keep), keep


def unmarked(page: Layout, span: Span) -> tuple[str, list[int]]:
    """For a message read conservatively (``Layout.unparsed``): the span with every
    markup character left out, as if each were a marker Discord hides ("Gor**do" reads
    "Gordo"), and where each character left is in the original text."""
    text = page.text
    keep = [p for p in range(span[0], span[1]) if text[p] not in MARKER_CHARACTERS]
    return "".join(text[p] for p in keep), keep


def _struck_letter(text: str, start: int, end: int, width: int) -> bool:
    """Whether emphasis is one letter struck out inside a word ("G~~x~~ordo")."""
    return (
        text.startswith("~~", start)
        and end - start == 2 * width + 1
        and text[start + width].isalpha()
        and start > 0
        and text[start - 1].isalpha()
        and end < len(text)
        and text[end].isalpha()
    )
