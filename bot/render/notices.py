"""Short spoiler-free texts: echoes of member input and refusals."""

from __future__ import annotations

from collections.abc import Sequence

from bot.spoilers.markup import escape


def echo(typed: str, limit: int = 50) -> str:
    """Member-typed text made safe to show: one line, clipped, markdown escaped."""
    flat = " ".join(typed.split())
    if len(flat) > limit:
        flat = flat[: limit - 1] + "…"
    return escape(flat)


def not_found(kind: str, typed: str, suggestions: Sequence[str]) -> str:
    text = f"I couldn't find {kind} matching “{echo(typed)}”."
    if suggestions:
        text += " Did you mean: " + ", ".join(f"**{escape(s)}**" for s in suggestions) + "?"
    else:
        text += " Try the suggestions that appear as you type."
    return text
