"""Cards for /search."""

from __future__ import annotations

from collections.abc import Sequence

from bot.canon.models import SearchHit
from bot.render.cards import Card, Colour, Field, Reply, line
from bot.render.notices import echo


def search_cards(query: str, hits: Sequence[SearchHit], suggestions: Sequence[str]) -> Reply:
    """Search replies are private: what matched could itself give a story away."""
    title = "Search results"
    asked = f"You searched for “{echo(query, 60)}”."
    if not hits:
        text = f"{asked} Nothing matched."
        if suggestions:
            text += " Names close to that: " + ", ".join(suggestions) + "."
        return Reply((Card(title=title, lines=(line(text),), colour=Colour.SEARCH),), True)
    fields = tuple(
        Field(hit.name, (line(hit.body) if hit.body else line("Name match"),)) for hit in hits
    )
    card = Card(
        title=title,
        lines=(line(f"{asked} {len(hits)} best match{'es' if len(hits) != 1 else ''}:"),),
        fields=fields,
        footer="Use /character, /episode or /timeline for the full entry",
        colour=Colour.SEARCH,
    )
    return Reply((card,), ephemeral=True)
