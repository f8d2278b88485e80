"""What a reader sees of a message without a click, by a small re-implementation of the
rules Discord's client parses messages with (simple-markdown plus Discord's own), written
apart from bot/guard/layout.py so the guard's reading can be checked against it.

Blocks first: "> " quotes a line, ">>> " the rest of the message, "#"/"##"/"###" and
"-# " make a line a heading or subtext, "- "/"* "/"1. " a list item; other lines join
into paragraphs, and a code block may run across lines. Then each block's inline rules,
left to right, the first that matches at a position winning (emphasis: the longest of
bold, italic and underline), each rule's contents parsed on their own: a spoiler opened
inside bold ends inside it or is no spoiler.

Shown as: spoilers " ▒ ", emphasis markers removed, code literally, a masked link by its
label, a mention as "@member", a custom emoji as ":name:" (its name is what a hover, a
reply preview or a notification shows), a timestamp as "sometime", a command as "/name".
"""

from __future__ import annotations

import re

_BLOCK = re.compile(r"[ \t]*(?:>>> |> |#{1,3} |-# |[-*+] |\d+[.)] )")
_CODE_BLOCK = re.compile(r"```(?:[a-z0-9_+\-.#]+?\n)?\n*([^\n][\s\S]*?)\n*```", re.I)
_CODE_SPAN = re.compile(r"(`+)([\s\S]*?[^`])\1(?!`)")
_ESCAPE = re.compile(r"\\([^0-9A-Za-z\s])")
_AUTOLINK = re.compile(r"<(https?://[^ >]+)>")
_URL = re.compile(r"https?://[^\s<]+[^<.,:;\"')\]\s]")
_MASKED = re.compile(r"\[([^\]\n]*)\]\(<?https?://[^)\s]+>?\)")
_MENTION = re.compile(r"<(?:@[!&]?\d+|#\d+)>")
_EMOJI = re.compile(r"<a?:(\w+):\d+>")
_TIME = re.compile(r"<t:-?\d+(?::[tTdDfFR])?>")
_COMMAND = re.compile(r"</([\w -]+):\d+>")
_STRONG = re.compile(r"\*\*((?:\\[\s\S]|[^\\])+?)\*\*(?!\*)")
_UNDERLINE = re.compile(r"__((?:\\[\s\S]|[^\\])+?)__(?!_)")
_EM = re.compile(
    r"_((?:__|\\[\s\S]|[^\\_])+?)_\b"
    r"|\*(?=\S)((?:\*\*|\\[\s\S]|\s+(?:\\[\s\S]|[^\s*\\]|\*\*)|[^\s*\\])+?)\*(?!\*)"
)
_STRIKE = re.compile(r"~~([\s\S]+?)~~(?!_)")
_SPOILER = re.compile(r"\|\|([\s\S]+?)\|\|")


def _blocks(text: str) -> list[str]:
    units: list[str] = []
    paragraph: list[str] = []
    lines = text.split("\n")
    index = 0
    while index < len(lines):
        line = lines[index]
        # a code block opened on this line and closed on a later one keeps them together
        while line.count("```") % 2 == 1 and index + 1 < len(lines):
            index += 1
            line += "\n" + lines[index]
        marker = _BLOCK.match(line)
        if marker and marker.group().strip() == ">>>":
            units += ["\n".join(paragraph)] if paragraph else []
            units.append("\n".join([line[marker.end() :], *lines[index + 1 :]]))
            return units
        if marker:
            if paragraph:
                units.append("\n".join(paragraph))
                paragraph = []
            units.append(line[marker.end() :])
        else:
            paragraph.append(line)
        index += 1
    if paragraph:
        units.append("\n".join(paragraph))
    return units


def seen(text: str) -> str:
    """Everything Discord shows of ``text`` without a click."""
    return "\n".join(_flow(unit, blocks=False) for unit in _blocks(text))


# The other plausible reading: one pass left to right, as the simple-markdown emulations
# of Discord's client have it (brussell98/discord-markdown, ItzDerock/discord-markdown-
# parser): a quote, heading or list item is recognised only at a line start that no
# inline rule has already taken, so a code span, spoiler or emphasis opened on one line
# may run over the next line's "> " or "- ". Which one Discord really follows was not
# established; the guard must be safe under both. Without blocks, ``_flow`` reads one
# block's inline rules, as ``seen`` does.
_QUOTE_LINE = re.compile(r"[ \t]*> ")
_QUOTE_TO_END = re.compile(r"[ \t]*>>> ")
_LINE_BLOCK = re.compile(r"[ \t]*(?:#{1,3} |-# |[-*+] |\d+[.)] )")
_STOP = re.compile(r"[^0-9A-Za-z \t\u00c0-\uffff]|\bhttps?://")


def _flow(text: str, blocks: bool = True) -> str:
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        if blocks and (i == 0 or text[i - 1] == "\n"):
            if quote := _QUOTE_TO_END.match(text, i):
                out.append(_flow(text[quote.end() :], blocks=False))
                break
            if _QUOTE_LINE.match(text, i):
                lines = []
                while i < n and (quote := _QUOTE_LINE.match(text, i)):
                    end = text.find("\n", i)
                    end = n if end == -1 else end
                    lines.append(text[quote.end() : end])
                    i = end + 1
                out.append(_flow("\n".join(lines), blocks=False) + "\n")
                continue
            if marker := _LINE_BLOCK.match(text, i):
                end = text.find("\n", i)
                end = n if end == -1 else end
                out.append(_flow(text[marker.end() : end], blocks=False) + "\n")
                i = end + 1
                continue
        jump = _STOP.search(text, i)
        if jump is None:
            out.append(text[i:])
            break
        if jump.start() > i:
            out.append(text[i : jump.start()])
            i = jump.start()
            continue
        rest = text[i:]
        if text[i] == "\n":
            out.append("\n")
            i += 1
            continue
        piece = _inline_rule(rest)
        if piece is None:
            out.append(text[i])
            i += 1
            continue
        shown, length = piece
        out.append(shown)
        i += length
    return "".join(out)


def _inline_rule(rest: str) -> tuple[str, int] | None:
    """The first inline rule matching at the start of ``rest``, in the order Discord tries them:
    what it shows and how much it takes (its contents read without blocks)."""
    if found := _CODE_BLOCK.match(rest):
        return " " + found.group(1) + " ", len(found.group())
    if (found := _ESCAPE.match(rest)) or (found := _AUTOLINK.match(rest)):
        return found.group(1), len(found.group())
    if found := _URL.match(rest):
        return found.group(), len(found.group())
    if found := _MASKED.match(rest):
        return _flow(found.group(1), blocks=False), len(found.group())
    if found := _MENTION.match(rest):
        return "@member", len(found.group())
    if found := _EMOJI.match(rest):
        return f":{found.group(1)}:", len(found.group())
    if found := _TIME.match(rest):
        return "sometime", len(found.group())
    if found := _COMMAND.match(rest):
        return f"/{found.group(1)}", len(found.group())
    emphasis = [m for m in (_EM.match(rest), _STRONG.match(rest), _UNDERLINE.match(rest)) if m]
    if emphasis:
        found = max(emphasis, key=lambda m: len(m.group()))
        inner = next(g for g in found.groups() if g is not None)
        return _flow(inner, blocks=False), len(found.group())
    if found := _STRIKE.match(rest):
        return _flow(found.group(1), blocks=False), len(found.group())
    if found := _CODE_SPAN.match(rest):
        return found.group(2), len(found.group())
    if found := _SPOILER.match(rest):
        return " ▒ ", len(found.group())
    return None


def seen_inline_first(text: str) -> str:
    """Everything Discord shows of ``text`` without a click, if it reads inline rules
    first (see ``_flow``)."""
    return _flow(text)
