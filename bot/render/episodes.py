"""Cards for /episode and /season."""

from __future__ import annotations

from collections.abc import Sequence

from bot.canon.episodes import EPISODES_PER_SEASON
from bot.canon.models import Episode, Fact, Season
from bot.render.cards import Card, Colour, Field, Pages, Reply, line
from bot.render.formatting import day, sources_footer
from bot.spoilers.policy import Label

NO_SYNOPSIS = "No synopsis recorded yet: no source we trust describes this episode."
EPISODES_PER_PAGE = 5


def released(episode: Episode) -> str:
    if episode.air_date is None:
        return episode.air_date_note or "date not confirmed"
    return day(episode.air_date)


def episode_title(episode: Episode) -> Label:
    return episode.heading


def episode_card(episode: Episode, outcomes: Sequence[Fact]) -> Reply:
    place = f"Episode {episode.ref.number} of season {episode.ref.season}"
    if episode.is_finale:
        place += " (season finale)"
    fields = [
        Field("Released", (line(released(episode)),), inline=True),
        Field("Set in", (line(episode.setting or "not recorded"),), inline=True),
        Field("Place", (line(place),), inline=True),
    ]
    if outcomes:
        fields.append(Field("Finale outcomes", tuple(line("• ", f.detail) for f in outcomes)))
    card = Card(
        title=episode_title(episode),
        lines=(line(episode.synopsis or NO_SYNOPSIS),),
        fields=tuple(fields),
        footer=sources_footer(episode.sources),
        colour=Colour.EPISODE,
    )
    return Reply((card,))


def season_cards(season: Season, episodes: Sequence[Episode]) -> Reply:
    """An overview page, then the episodes a few per page."""

    def page(index: int) -> Card:
        if index == 0:
            return _season_overview(season, len(episodes))
        first = (index - 1) * EPISODES_PER_PAGE
        group = episodes[first : first + EPISODES_PER_PAGE]
        return Card(
            title=f"Season {season.number} · episodes {group[0].ref.number}–{group[-1].ref.number}",
            fields=tuple(
                Field(
                    episode_title(episode),
                    (
                        line(f"Released {released(episode)}"),
                        line(episode.synopsis or NO_SYNOPSIS),
                    ),
                )
                for episode in group
            ),
            colour=Colour.SEASON,
        )

    return Reply(Pages(1 + -(-len(episodes) // EPISODES_PER_PAGE), page))


def _season_overview(season: Season, episode_count: int) -> Card:
    return Card(
        title=f"Season {season.number}",
        lines=(line(season.premise or "No premise recorded yet."),),
        fields=(
            Field(
                "Released",
                (line(f"{day(season.premiere)} – {day(season.finale)}"),),
                inline=True,
            ),
            Field("Set in", (line(season.setting),), inline=True),
            Field(
                "Episodes",
                (line(f"{episode_count} of {EPISODES_PER_SEASON} listed"),),
                inline=True,
            ),
        ),
        footer=sources_footer(season.sources, "Use the buttons for the episodes"),
        colour=Colour.SEASON,
    )
