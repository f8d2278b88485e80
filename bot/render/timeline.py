"""Cards for /timeline."""

from __future__ import annotations

from collections.abc import Sequence

from bot.canon.models import TimelineEvent
from bot.render.cards import Card, Colour, Pages, Reply, line

EVENTS_PER_PAGE = 8
DIVERGENCE_MARK = "🔀 "


def timeline_cards(events: Sequence[TimelineEvent], scope: str) -> Reply:
    """``scope`` is a spoiler-free description of the request, e.g. "1969–1974"."""
    title = f"Timeline · {scope}"
    if not events:
        return Reply((Card(title=title, lines=(line("No events recorded."),)),))

    def page(index: int) -> Card:
        group = events[index * EVENTS_PER_PAGE : (index + 1) * EVENTS_PER_PAGE]
        return Card(
            title=title,
            lines=tuple(
                line(
                    DIVERGENCE_MARK if event.divergence else "▪️ ",
                    event.dated,
                    f" *({event.detail.reveal.episode.code})*",
                )
                for event in group
            ),
            footer=f"{len(events)} events · 🔀 marks where the show's history departs "
            "from ours · (S1E1) is the episode that first shows it",
            colour=Colour.TIMELINE,
        )

    return Reply(Pages(-(-len(events) // EVENTS_PER_PAGE), page))
