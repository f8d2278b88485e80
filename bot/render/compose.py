"""The one place story text is placed: cards become message content and embeds.

Each ``Detail`` is shown as the spoiler policy says for the audience: escaped plain
text, or escaped text inside ``||spoiler tags||``. A message carrying tags opens
with a spoiler-free warning line, because previews show the first line. Anything
that does not fit Discord's limits is dropped whole, never cut inside a tag.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import discord

from bot.canon.episodes import EpisodeRef, SeasonRef, seasons_text
from bot.render.cards import Card, Field, Line, Link, Listing, Pages, Segment, line
from bot.spoilers.markup import escape
from bot.spoilers.policy import (
    Audience,
    Detail,
    Exposure,
    Label,
    exposure,
    label_text,
    may_withhold,
)

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
    tagged_seasons: frozenset[SeasonRef]  # seasons whose finale details are behind tags
    withheld: tuple[Detail, ...] = ()  # left out: past the viewer's progress
    tagged: bool = False  # anything at all behind tags (finales, embargoed episodes)


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _story(segment: Segment) -> Detail | None:
    """The story text a segment carries, if any."""
    if isinstance(segment, Link):
        return segment.text if isinstance(segment.text, Detail) else None
    return segment if isinstance(segment, Detail) else None


def _linked(text: str, url: str) -> str:
    """A masked link whose address Discord shows no preview for."""
    return f"[{text}](<{url}>)"


class _Placer:
    """Places one card's segments; remembers what it tagged and what it held back."""

    def __init__(self, audience: Audience) -> None:
        self.audience = audience
        self.finale_seasons: set[SeasonRef] = set()
        self.recent: set[EpisodeRef] = set()  # tagged for being inside an embargo
        self.withheld: list[Detail] = []

    def plain(self, text: str | Label) -> str:
        return text if isinstance(text, str) else label_text(text, self.audience)

    def _place(self, line: Line) -> tuple[str, list[Detail]] | None:
        """A line's text, and its tagged details; None when it holds a withheld detail
        (left out whole: "S3E10: " alone would hint)."""
        parts: list[str] = []
        tagged: list[Detail] = []
        for segment in line:
            story = _story(segment)
            url = segment.url if isinstance(segment, Link) else None
            if story is None:
                if isinstance(segment, Link):
                    assert isinstance(segment.text, str)
                    parts.append(_linked(escape(segment.text), segment.url))
                else:
                    assert isinstance(segment, str)
                    parts.append(segment)
                continue
            decision = exposure(story.reveal, self.audience)
            if decision is Exposure.WITHHOLD:
                self.withheld.extend(
                    d
                    for d in map(_story, line)
                    if d is not None and exposure(d.reveal, self.audience) is Exposure.WITHHOLD
                )
                return None
            shown = escape(story.text) if url is None else _linked(escape(story.text), url)
            if decision is Exposure.SHOW:
                parts.append(shown)
            else:
                parts.append(f"||{shown}||")
                tagged.append(story)
        return "".join(parts), tagged

    def _note_tags(self, tagged: list[Detail]) -> None:
        for detail in tagged:
            if detail.reveal.finale_detail:
                self.finale_seasons.update(detail.reveal.finale_seasons)
            else:
                self.recent.add(detail.reveal.episode)

    def lines(self, lines: Sequence[Line], limit: int) -> str:
        """Join whole lines up to ``limit`` characters; say how many did not fit."""
        placed = [p for p in map(self._place, lines) if p is not None]
        kept: list[str] = []
        used = 0
        for index, (text, tagged) in enumerate(placed):
            more = len(placed) - index - 1
            reserve = len(f"\n…and {more} more not shown") if more else 0
            if used + len(text) + 1 + reserve > limit:
                kept.append(f"…and {len(placed) - index} more not shown")
                break
            kept.append(text)
            used += len(text) + 1
            self._note_tags(tagged)
        return "\n".join(kept)


def warning_line(seasons: frozenset[SeasonRef], recent: frozenset[EpisodeRef] = frozenset()) -> str:
    """The spoiler-free first line of any message that carries spoiler tags."""
    reasons = []
    if seasons:
        reasons.append(f"{seasons_text(seasons)} finale details")
    if recent:
        codes = ", ".join(ref.code for ref in sorted(recent))
        reasons.append(f"details from recently released {codes}")
    return (
        f"⚠️ Spoiler warning: {' and '.join(reasons)} are hidden behind spoiler tags below. "
        "Click a tag only if you have seen it."
    )


def withheld_line(count: int, horizons: frozenset[EpisodeRef] = frozenset()) -> str:
    """The neutral line that says how much progress held back (never what)."""
    where = f" ({', '.join(ref.code for ref in sorted(horizons))})" if horizons else ""
    noun = "detail" if count == 1 else "details"
    return (
        f"🔒 {count} {noun} past your progress{where} "
        f"{'is' if count == 1 else 'are'} held back. Press Reveal to see them privately."
    )


def paginate(listing: Listing[Any], audience: Audience) -> tuple[Pages, tuple[Detail, ...]]:
    """Cut a listing into pages of what the viewer may see; return what was held back."""
    shown: Sequence[Any] = listing.items  # shared with the store's records, not copied
    held: list[Detail] = []
    if may_withhold(audience):
        kept = []
        for item in listing.items:
            withheld = [
                d
                for d in map(_story, listing.line_of(item))
                if d is not None and exposure(d.reveal, audience) is Exposure.WITHHOLD
            ]
            held.extend(withheld)
            if not withheld:
                kept.append(item)
        shown = kept
    size = listing.per_page

    def page(index: int) -> Card:
        items = shown[index * size : (index + 1) * size]
        return Card(
            title=listing.title,
            lines=tuple(listing.line_of(item) for item in items) or (line(listing.empty),),
            footer=listing.footer,
            colour=listing.colour,
        )

    return Pages(max(1, -(-len(shown) // size)), page), tuple(held)


def compose(card: Card, audience: Audience, held_back: Sequence[Detail] = ()) -> Composed:
    """Place a card's text for ``audience``. ``held_back``: details a listing already left
    out, counted in the same "held back" line."""
    placer = _Placer(audience)
    placer.withheld.extend(held_back)
    embed = discord.Embed(title=_clip(placer.plain(card.title), TITLE_MAX), colour=card.colour)
    if card.lines:
        embed.description = placer.lines(card.lines, DESCRIPTION_MAX) or None
    total = len(embed.title or "") + len(embed.description or "")
    if card.footer:
        footer = _clip(card.footer, FOOTER_MAX)
        embed.set_footer(text=footer)
        total += len(footer)
    fields: list[Field] = list(card.fields[:FIELDS_MAX])
    for index, field in enumerate(fields):
        value = placer.lines(field.lines, FIELD_VALUE_MAX)
        if not value and field.lines:
            continue  # everything in it was held back: even its name would hint
        name = _clip(placer.plain(field.name), FIELD_NAME_MAX)
        value = value or "—"
        remaining = len(fields) - index
        if total + len(name) + len(value) > EMBED_TOTAL_MAX - 60:
            embed.add_field(name="More", value=f"{remaining} more sections not shown")
            break
        embed.add_field(name=name, value=value, inline=field.inline)
        total += len(name) + len(value)
    seasons = frozenset(placer.finale_seasons)
    recent = frozenset(placer.recent)
    content = []
    if seasons or recent:
        content.append(warning_line(seasons, recent))
    if placer.withheld:
        content.append(withheld_line(len(placer.withheld), audience.horizons))
    return Composed(
        "\n".join(content) or None,
        embed,
        seasons,
        tuple(placer.withheld),
        tagged=bool(seasons or recent),
    )
