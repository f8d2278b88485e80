"""Cards for /help and /about."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import discord

from bot import __version__
from bot.canon.models import CanonCounts
from bot.render.cards import Card, Colour, Field, Line, Reply, line


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


def help_card(commands: Sequence[CommandHelp]) -> Reply:
    """``commands``: every command the bot offers, in the order to list them."""
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
            ),
        ),
    ]
    card = Card(
        title="fambot · help",
        lines=(line("Answers about *For All Mankind* without spoiling anyone."),),
        fields=tuple(fields),
        colour=Colour.INFO,
    )
    return Reply((card,), ephemeral=True)


def about_card(counts: CanonCounts, data_version: str, loaded_at: datetime | None) -> Reply:
    card = Card(
        title="About fambot",
        lines=(
            line(
                "A fan-made, spoiler-safe guide to *For All Mankind*. Every fact in its data "
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
                "Counts",
                (
                    line(f"{counts.seasons} seasons, {counts.episodes} episodes"),
                    line(f"{counts.characters} characters, {counts.actors} actors"),
                    line(f"{counts.events} timeline events, {counts.facts} character facts"),
                ),
                inline=True,
            ),
            Field(
                "Sources",
                (
                    line(
                        f"{counts.sources} public sources (recaps, reviews, episode guides), "
                        "listed in the bot's data files; unconfirmed claims are left out."
                    ),
                ),
            ),
        ),
        footer=f"fambot {__version__} · unofficial; not affiliated with Apple or Sony",
        colour=Colour.INFO,
    )
    return Reply((card,))
