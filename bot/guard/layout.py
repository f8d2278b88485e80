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
- block quotes, headings and list items are blocks: a spoiler does not run out of one.

Emphasis (``*``, ``_``, ``~~``) is not modelled: it never hides text, and a tag the
guard adds never contains an unpaired emphasis marker's partner (see rewrite.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

Span = tuple[int, int]  # [start, end)

_CODE_BLOCK = re.compile(r"```(?:[a-z0-9_+\-.#]+?\n)?\n*[^\n][\s\S]*?\n*```", re.IGNORECASE)
_CODE_SPAN = re.compile(r"(`+)([\s\S]*?[^`])\1(?!`)")
_AUTOLINK = re.compile(r"<(https?://[^ >]+)>")
_URL = re.compile(r"https?://[^\s<]+[^<.,:;\"')\]\s]")
# a letter or digit: a regex's \w is exactly str.isalnum() or "_", and one search is
# quicker than a generator over the characters
_ALNUM = re.compile(r"[^\W_]")
_MASKED_LINK = re.compile(r"\[([^\]\n]*)\]\((<?https?://[^)\s]+>?)\)")
BLOCK_START = re.compile(r"[ \t]*(?:>>> |> |#{1,3} |-# |[-*+] |\d+[.)] )")
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
# where a rule can start: "\\", "`", "<", "[", "|", or "http(s)://" not inside a word
_MARKUP = re.compile(r"[\\`<\[|h](?:(?<=[\\`<\[|])|(?<=h)(?<![0-9A-Za-z]h)ttps?://)")


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
        position += len(line) + 1
    return starts


def _closing(text: str, start: int, blocks: list[int]) -> int:
    """Where the spoiler opened at ``start`` closes, or -1: the next "||" at least one
    character on, unless a block boundary comes first."""
    end = text.find("||", start + 3)
    if end == -1:
        return -1
    line_end = text.find("\n", start)
    if line_end != -1 and line_end < end:
        # Crossing lines is allowed in a plain paragraph, not out of (or into) a block.
        here = max((b for b in blocks if b <= start), default=-1)
        inside_block = here != -1 and text.find("\n", here) >= start
        crossed = any(start < b <= end for b in blocks)
        if inside_block or crossed:
            return -1
    return end


def layout(text: str) -> Layout:
    hidden: list[Span] = []
    code: list[Span] = []
    links: list[Span] = []
    masked: list[Span] = []
    escapes: list[int] = []
    blocks = _block_starts(text)
    unclosed = False
    i, n = 0, len(text)
    while i < n:
        jump = _MARKUP.search(text, i)  # plain text between rules needs no look
        if jump is None:
            break
        i = jump.start()
        char = text[i]
        if char == "\\" and i + 1 < n and _ESCAPABLE.match(text[i + 1]):
            escapes.append(i)
            i += 2
            continue
        if char == "`":
            found = _CODE_BLOCK.match(text, i) or _CODE_SPAN.match(text, i)
            if found:
                code.append(found.span())
                i = found.end()
                continue
            while i < n and text[i] == "`":  # an unmatched run of backticks is text
                i += 1
            continue
        if char == "<":
            found = _AUTOLINK.match(text, i)
            if found:
                links.append(found.span())
                i = found.end()
                continue
        if char == "h" and (i == 0 or not text[i - 1].isalnum()):
            found = _URL.match(text, i)
            if found:
                links.append(found.span())
                i = found.end()
                continue
        if char == "[":
            found = _MASKED_LINK.match(text, i)
            if found:
                masked.append(found.span())
                links.append(found.span(2))  # the address is not shown
                i = found.end()
                continue
        if text.startswith("||", i):
            end = _closing(text, i, blocks)
            if end != -1:
                hidden.append((i, end + 2))
                i = end + 2
                continue
            unclosed = True
            i += 1
            continue
        i += 1
    return Layout(
        text,
        tuple(hidden),
        tuple(code),
        tuple(links),
        tuple(masked),
        unclosed,
        tuple(escapes),
        tuple(blocks),
    )


def _inside(position: int, spans: tuple[Span, ...]) -> bool:
    return any(start < position < end for start, end in spans)


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
    covered = atoms + page.hidden
    for match in ends.finditer(page.text):
        if covered and _inside(match.start(), covered):
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
    for start, end in page.links:
        if any(m_start <= start and end <= m_end for m_start, m_end in page.masked):
            blank(start, end)
    for position in page.escapes:
        blank(position, position + 1)
    return "".join(chars)
