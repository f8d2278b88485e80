"""Small spoiler-free formatting helpers shared by renderers."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date


def day(value: date) -> str:
    return f"{value.day} {value:%B %Y}"


def seasons_label(seasons: Sequence[int]) -> str:
    """(1, 2, 3, 5) -> "seasons 1–3, 5"."""
    if not seasons:
        return "no seasons recorded"
    runs: list[str] = []
    start = previous = seasons[0]
    for season in [*seasons[1:], None]:
        if season is not None and season == previous + 1:
            previous = season
            continue
        runs.append(str(start) if start == previous else f"{start}–{previous}")
        if season is not None:
            start = previous = season
    noun = "season" if len(seasons) == 1 else "seasons"
    return f"{noun} {', '.join(runs)}"


def sources_footer(sources: Sequence[str], extra: str | None = None) -> str:
    text = "Sources: " + ", ".join(sources) if sources else "No sources recorded"
    return f"{text} · {extra}" if extra else text
