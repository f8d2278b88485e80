"""Cards for /timeline."""

from __future__ import annotations

from collections.abc import Sequence

from bot.canon.models import TimelineEvent
from bot.render.cards import Card, Colour, Reply, line
from bot.render.formatting import chunks

EVENTS_PER_PAGE = 8
DIVERGENCE_MARK = "🔀 "


def timeline_cards(events: Sequence[TimelineEvent], scope: str) -> Reply:
    """``scope`` is a spoiler-free description of the request, e.g. "1969–1974"."""
    if not events:
        return Reply((Card(title=f"Timeline · {scope}", lines=(line("No events recorded."),)),))
    pages = []
    groups = chunks(events, EVENTS_PER_PAGE)
    for group in groups:
        lines = tuple(
            line(
                DIVERGENCE_MARK if event.divergence else "▪️ ",
                event.dated,
                f" *({event.detail.reveal.episode.code})*",
            )
            for event in group
        )
        pages.append(
            Card(
                title=f"Timeline · {scope}",
                lines=lines,
                footer=f"{len(events)} events · 🔀 marks where the show's history departs "
                "from ours · (S1E1) is the episode that first shows it",
                colour=Colour.TIMELINE,
            )
        )
    return Reply(tuple(pages))
