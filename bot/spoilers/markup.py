"""Discord markup: escaping text and wrapping it in spoiler tags that cannot break."""

from __future__ import annotations

import re

# Characters with a meaning anywhere in a line (emphasis, code, spoilers, links,
# mentions and timestamps), escaped wherever they occur, links included: a link
# containing "||" must not close a spoiler early.
_ANYWHERE = re.compile(r"([\\*_~`|\[\]<@])")
# Characters that only mean something at the start of a line (quotes, headings, lists).
_LINE_START = re.compile(r"^(\s*)([>#\-+]|\d+(?=\.))", re.MULTILINE)


def escape(text: str) -> str:
    """Escape member- or data-supplied text so it renders literally."""
    escaped = _ANYWHERE.sub(r"\\\1", text)
    return _LINE_START.sub(_escape_line_start, escaped)


def _escape_line_start(match: re.Match[str]) -> str:
    indent, marker = match.group(1), match.group(2)
    if marker[0].isdigit():  # "1. " starts a list; escape the dot, not the digit
        return f"{indent}{marker}\\"
    return f"{indent}\\{marker}"


def spoiler(text: str) -> str:
    """Wrap text in spoiler tags after escaping it, so nothing inside can end the tag."""
    return f"||{escape(text)}||"


# A scheme Discord turns into a link on its own ("https://", "discord://", "steam://").
_SCHEME = re.compile(r"(?i)\b([a-z][a-z0-9+.-]{1,20}):(/+)")


def unlinked(text: str) -> str:
    """Member text that Discord will not turn into links: a zero-width space after each
    scheme's colon ("https:\u200b//…") stops auto-linking; escaping (``escape``) then stops
    masked links, mentions and markup. The text still reads the same."""
    return _SCHEME.sub(lambda m: f"{m.group(1)}:\u200b{m.group(2)}", text)
