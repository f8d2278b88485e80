"""The one place story text is placed: cards become message content and embeds.

Each ``Detail`` is shown as the spoiler policy says for the audience: escaped plain
text, or escaped text inside ``||spoiler tags||``. A message carrying tags opens
with a spoiler-free warning line, because previews show the first line. Anything
that does not fit Discord's limits is dropped whole, never cut inside a tag.
"""

from __future__ import annotations

from dataclasses import dataclass

import discord

from bot.render.cards import Card, Field, Line
from bot.spoilers.markup import escape, spoiler
from bot.spoilers.policy import Audience, Detail, Exposure, exposure

TITLE_MAX = 256
DESCRIPTION_MAX = 4096
FIELD_NAME_MAX = 256
FIELD_VALUE_MAX = 1024
FIELDS_MAX = 25
FOOTER_MAX = 2048
EMBED_TOTAL_MAX = 6000


@dataclass(frozen=True)
class Composed:
    content: str | None
    embed: discord.Embed
    tagged_seasons: frozenset[int]


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _Placer:
    def __init__(self, audience: Audience) -> None:
        self.audience = audience
        self.tagged: set[int] = set()

    def segment(self, segment: str | Detail) -> tuple[str, tuple[int, ...]]:
        if isinstance(segment, str):
            return segment, ()
        if exposure(segment.reveal, self.audience) is Exposure.TAG:
            return spoiler(segment.text), segment.reveal.finale_seasons
        return escape(segment.text), ()

    def lines(self, lines: tuple[Line, ...], limit: int) -> str:
        """Join whole lines up to ``limit`` characters; say how many did not fit."""
        kept: list[str] = []
        used = 0
        for index, one in enumerate(lines):
            parts = [self.segment(s) for s in one]
            text = "".join(p for p, _ in parts)
            more = len(lines) - index - 1
            reserve = len(f"\n…and {more} more not shown") if more else 0
            if used + len(text) + 1 + reserve > limit:
                kept.append(f"…and {len(lines) - index} more not shown")
                break
            kept.append(text)
            used += len(text) + 1
            self.tagged.update(season for _, seasons in parts for season in seasons)
        return "\n".join(kept)


def warning_line(seasons: frozenset[int]) -> str:
    """The spoiler-free first line of any message that carries spoiler tags."""
    names = ", ".join(str(s) for s in sorted(seasons))
    plural = "s" if len(seasons) > 1 else ""
    return (
        f"⚠️ Spoiler warning: season{plural} {names} finale details are hidden behind "
        "spoiler tags below. Click a tag only if you have seen it."
    )


def compose(card: Card, audience: Audience) -> Composed:
    placer = _Placer(audience)
    embed = discord.Embed(title=_clip(card.title, TITLE_MAX), colour=card.colour)
    if card.lines:
        embed.description = placer.lines(card.lines, DESCRIPTION_MAX)
    total = len(embed.title or "") + len(embed.description or "")
    if card.footer:
        footer = _clip(card.footer, FOOTER_MAX)
        embed.set_footer(text=footer)
        total += len(footer)
    fields: list[Field] = list(card.fields[:FIELDS_MAX])
    for index, field in enumerate(fields):
        name = _clip(field.name, FIELD_NAME_MAX)
        value = placer.lines(field.lines, FIELD_VALUE_MAX) or "—"
        remaining = len(fields) - index
        if total + len(name) + len(value) > EMBED_TOTAL_MAX - 60:
            embed.add_field(name="More", value=f"{remaining} more sections not shown")
            break
        embed.add_field(name=name, value=value, inline=field.inline)
        total += len(name) + len(value)
    seasons = frozenset(placer.tagged)
    return Composed(warning_line(seasons) if seasons else None, embed, seasons)
