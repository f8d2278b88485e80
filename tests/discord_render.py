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
_SYMBOL = re.compile(r"[^0-9A-Za-z\s\u00c0-\uffff]|\bhttps?://")


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


def _inline(text: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(text):
        jump = _SYMBOL.search(text, i)
        if jump is None:
            out.append(text[i:])
            break
        out.append(text[i : jump.start()])
        i = jump.start()
        rest = text[i:]
        found = _CODE_BLOCK.match(rest)
        if found:
            out.append(" " + found.group(1) + " ")
        elif (found := _ESCAPE.match(rest)) or (found := _AUTOLINK.match(rest)):
            out.append(found.group(1))
        elif found := _URL.match(rest):
            out.append(found.group())
        elif found := _MASKED.match(rest):
            out.append(_inline(found.group(1)))
        elif found := _MENTION.match(rest):
            out.append("@member")
        elif found := _EMOJI.match(rest):
            out.append(f":{found.group(1)}:")
        elif found := _TIME.match(rest):
            out.append("sometime")
        elif found := _COMMAND.match(rest):
            out.append(f"/{found.group(1)}")
        elif emphasis := [m for m in (_EM.match(rest), _STRONG.match(rest)) if m] + [
            m for m in (_UNDERLINE.match(rest),) if m
        ]:
            found = max(emphasis, key=lambda m: len(m.group()))
            inner = next(g for g in found.groups() if g is not None)
            out.append(_inline(inner))
        elif found := _STRIKE.match(rest):
            out.append(_inline(found.group(1)))
        elif found := _CODE_SPAN.match(rest):
            out.append(found.group(2))
        elif found := _SPOILER.match(rest):
            out.append(" ▒ ")
        else:
            out.append(text[i])
            i += 1
            continue
        i += len(found.group())
    return "".join(out)


def seen(text: str) -> str:
    """Everything Discord shows of ``text`` without a click."""
    return "\n".join(_inline(unit) for unit in _blocks(text))
