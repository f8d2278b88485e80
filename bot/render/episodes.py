"""Cards for /episode and /season."""

from __future__ import annotations

from collections.abc import Sequence

from bot.canon.models import Episode, Fact, Season, SeasonStatus, Series
from bot.render.cards import Card, Colour, Field, Pages, Reply, line
from bot.render.formatting import day, sources_footer
from bot.spoilers.policy import Label

NO_SYNOPSIS = "No synopsis recorded yet: no source we trust describes this episode."
EPISODES_PER_PAGE = 5


def from_series(series: Series) -> str:
    """ " · Star City" after a title from a series other than the default; "" otherwise."""
    return "" if series.is_default else f" · {series.name}"


def released(episode: Episode) -> str:
    if episode.air_date is None:
        return episode.air_date_note or "date not confirmed"
    return day(episode.air_date)


def episode_title(episode: Episode, series: Series) -> Label:
    heading = episode.heading
    suffix = from_series(series)
    return Label(heading.text + suffix, heading.reveal, heading.neutral + suffix)


def episode_card(episode: Episode, outcomes: Sequence[Fact], series: Series) -> Reply:
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
        title=episode_title(episode, series),
        lines=(line(episode.synopsis or NO_SYNOPSIS),),
        fields=tuple(fields),
        footer=sources_footer(episode.sources),
        colour=Colour.EPISODE,
    )
    return Reply((card,), subject=f"episode:{episode.ref.key}")


def season_cards(season: Season, episodes: Sequence[Episode], series: Series) -> Reply:
    """An overview page, then the episodes a few per page. An announced season is one
    page saying only what was announced."""
    subject = f"season:{season.ref.key}"
    if season.status is SeasonStatus.ANNOUNCED:
        return Reply((_announced(season, series),), subject=subject)

    def page(index: int) -> Card:
        if index == 0:
            return _season_overview(season, len(episodes), series)
        first = (index - 1) * EPISODES_PER_PAGE
        group = episodes[first : first + EPISODES_PER_PAGE]
        numbers = f"episodes {group[0].ref.number}–{group[-1].ref.number}"
        return Card(
            title=f"Season {season.number}{from_series(series)} · {numbers}",
            fields=tuple(
                Field(
                    episode_title(episode, series),
                    (
                        line(f"Released {released(episode)}"),
                        line(episode.synopsis or NO_SYNOPSIS),
                    ),
                )
                for episode in group
            ),
            colour=Colour.SEASON,
        )

    return Reply(Pages(1 + -(-len(episodes) // EPISODES_PER_PAGE), page), subject=subject)


def announcement(season: Season, series: Series) -> str:
    """What is known of an announced season, and nothing more: that it was announced,
    whether as the last, and that no date has been given."""
    kind = "the final season" if season.final else "a new season"
    return (
        f"Season {season.number} is announced as {kind} of *{series.name}*. "
        "No premiere date has been verified yet."
    )


def _announced(season: Season, series: Series) -> Card:
    return Card(
        title=f"Season {season.number}{from_series(series)}",
        lines=(line(announcement(season, series)),),
        footer=sources_footer(season.sources),
        colour=Colour.SEASON,
    )


def _season_overview(season: Season, episode_count: int, series: Series) -> Card:
    dates = "not recorded"
    if season.premiere and season.finale:
        dates = f"{day(season.premiere)} – {day(season.finale)}"
    listed = f"{episode_count} listed"
    if season.episode_count:
        listed = f"{episode_count} of {season.episode_count} listed"
    return Card(
        title=f"Season {season.number}{from_series(series)}",
        lines=(line(season.premise or "No premise recorded yet."),),
        fields=(
            Field("Released", (line(dates),), inline=True),
            Field("Set in", (line(season.setting or "not recorded"),), inline=True),
            Field("Episodes", (line(listed),), inline=True),
        ),
        footer=sources_footer(season.sources, "Use the buttons for the episodes"),
        colour=Colour.SEASON,
    )
