"""Cards for /timeline."""

from __future__ import annotations

from collections.abc import Sequence

from bot.canon.models import TimelineEvent
from bot.render.cards import Colour, Line, Listing, Reply, line

EVENTS_PER_PAGE = 8
DIVERGENCE_MARK = "🔀 "


def event_line(event: TimelineEvent) -> Line:
    return line(
        DIVERGENCE_MARK if event.divergence else "▪️ ",
        event.dated,
        f" *({event.detail.reveal.episode.code})*",
    )


def timeline_cards(
    events: Sequence[TimelineEvent], scope: str, subject: str | None = None
) -> Reply:
    """``scope`` is a spoiler-free description of the request, e.g. "1969–1974";
    ``subject`` finds the request again (for its Sources)."""
    return Reply(
        Listing(
            title=f"Timeline · {scope}",
            items=events,
            line_of=event_line,
            per_page=EVENTS_PER_PAGE,
            footer="🔀 marks where the show's history departs from ours · (S1E1) is the "
            "episode that first shows it",
            colour=Colour.TIMELINE,
            empty="No events recorded.",
        ),
        subject=subject,
    )
