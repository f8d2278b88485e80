"""Cards for /help and /about."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import discord

from bot import __version__
from bot.canon.models import CanonCounts, Series, SeriesCounts
from bot.render.cards import Card, Colour, Field, Line, Reply, line
from bot.render.episodes import announcement


@dataclass(frozen=True)
class CommandHelp:
    """One line of /help, read from the command tree (so no command can be missing)."""

    usage: str  # "/character name", "/progress set · show · clear"
    description: str
    needs: str | None = None  # the server permission it takes, e.g. "Manage Server"


SPOILER_RULES = (
    "Anything first revealed in a season finale is hidden behind spoiler tags (and, "
    "for a few days, anything from a newly released episode), and a reply that hides "
    "something starts with a warning line. Names and titles in suggestions never give "
    "a finale away. Set /progress and replies leave out what you have not seen."
)


def _help_lines(commands: Sequence[CommandHelp]) -> tuple[Line, ...]:
    return tuple(
        line(f"`{c.usage}` — {c.description}" + (f" ({c.needs})" if c.needs else ""))
        for c in commands
    )


def _shows(series: Sequence[Series]) -> str:
    names = [f"*{s.name}*" for s in series] or ["the show"]
    return ", ".join(names[:-1]) + (" and " if len(names) > 1 else "") + names[-1]


def _series_tips(series: Sequence[Series]) -> list[Line]:
    others = [s for s in series if not s.is_default]
    if not others:
        return []
    default = next((s.name for s in series if s.is_default), "the main show")
    codes = ", ".join(f"{s.name} as `{s.code} S1E1`" for s in others)
    return [
        line(
            f"Commands mean *{default}* unless you pick another `series`. Episode codes "
            f"of the other shows carry a prefix: {codes}."
        )
    ]


def help_card(commands: Sequence[CommandHelp], series: Sequence[Series] = ()) -> Reply:
    """``commands``: every command the bot offers, in the order to list them;
    ``series``: the shows the data covers, the default first."""
    everyone = [c for c in commands if c.needs is None]
    moderators = [c for c in commands if c.needs is not None]
    fields = [Field("Commands", _help_lines(everyone))]
    if moderators:
        fields.append(Field("For moderators", _help_lines(moderators)))
    fields += [
        Field("Spoilers", (line(SPOILER_RULES),)),
        Field(
            "Tips",
            (
                line("Every name option suggests as you type and forgives typos."),
                line("Only the person who ran a command can turn its pages."),
                line(
                    "Anyone can press **Sources** (the pages an answer rests on) or "
                    "**Report a mistake** under an answer; only they see what follows."
                ),
                *_series_tips(series),
            ),
        ),
    ]
    card = Card(
        title="fambot · help",
        lines=(line(f"Answers about {_shows(series)} without spoiling anyone."),),
        fields=tuple(fields),
        colour=Colour.INFO,
    )
    return Reply((card,), ephemeral=True)


def _series_lines(found: SeriesCounts) -> tuple[Line, ...]:
    seasons = f"{found.seasons} season{'s' if found.seasons != 1 else ''}"
    lines = [
        line(f"{seasons}, {found.episodes} episodes"),
        line(f"{found.characters} characters, {found.events} timeline events"),
    ]
    lines += [line(announcement(season, found.series)) for season in found.announced]
    return tuple(lines)


def about_card(counts: CanonCounts, data_version: str, loaded_at: datetime | None) -> Reply:
    shows = _shows([found.series for found in counts.per_series])
    card = Card(
        title="About fambot",
        lines=(
            line(
                f"A fan-made, spoiler-safe guide to {shows}. Every fact in its data "
                "names the episode that reveals it and the public sources it rests on."
            ),
        ),
        fields=(
            Field(
                "Data",
                (
                    line(f"Version `{data_version[:12]}`"),
                    line(
                        f"Loaded {discord.utils.format_dt(loaded_at, 'R')}"
                        if loaded_at
                        else "Not loaded yet"
                    ),
                ),
                inline=True,
            ),
            Field(
                "In all",
                (
                    line(f"{counts.seasons} seasons, {counts.episodes} episodes"),
                    line(f"{counts.characters} characters, {counts.actors} actors"),
                    line(f"{counts.events} timeline events, {counts.facts} character facts"),
                ),
                inline=True,
            ),
            *(
                Field(found.series.name, _series_lines(found), inline=True)
                for found in counts.per_series
            ),
            Field(
                "Sources",
                (
                    line(
                        f"{counts.sources} public sources (recaps, reviews, episode guides), "
                        "listed in the bot's data files; unconfirmed claims are left out. "
                        "Press **Sources** under an answer to see the ones it rests on."
                    ),
                ),
            ),
        ),
        footer=f"fambot {__version__} · unofficial; not affiliated with Apple or Sony",
        colour=Colour.INFO,
    )
    return Reply((card,))
