"""Discord markup: escaping text and wrapping it in spoiler tags that cannot break."""

from __future__ import annotations

import re

# Every character Discord's markdown gives meaning to, escaped wherever it occurs,
# links included: a link containing "||" must not close a spoiler early.
_SPECIAL = re.compile(r"([\\*_~`|>#\-\[\]()<:@])")


def escape(text: str) -> str:
    """Escape member- or data-supplied text so it renders literally."""
    return _SPECIAL.sub(r"\\\1", text)


def spoiler(text: str) -> str:
    """Wrap text in spoiler tags after escaping it, so nothing inside can end the tag."""
    return f"||{escape(text)}||"
