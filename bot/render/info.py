"""Cards for /help and /about."""

from __future__ import annotations

from datetime import datetime

import discord

from bot import __version__
from bot.canon.models import CanonCounts
from bot.render.cards import Card, Colour, Field, Reply, line

COMMANDS = (
    ("/character name", "Who a character is, who plays them, and their story so far."),
    ("/actor name", "The roles an actor plays, with seasons (recasts included)."),
    ("/episode episode · season · number", "An episode by code (S3E10), title, or numbers."),
    ("/season number", "A season's premise, dates, and its episodes page by page."),
    ("/timeline from_year · to_year · season", "The show's alternate history, in order."),
    ("/search query", "Search names, titles and story text. Results are shown only to you."),
    ("/progress set · show · clear", "Your horizon: replies you trigger hold back the rest."),
    ("/spoilercheck draft", "See privately what the spoiler guard would tag in a draft."),
    ("/spoilers …", "Server admins: embargo, spoiler channels, the spoiler guard."),
    ("/about", "Data version, counts and sources."),
)

SPOILER_RULES = (
    "Anything first revealed in a season finale is hidden behind spoiler tags (and, "
    "for a few days, anything from a newly released episode), and a reply that hides "
    "something starts with a warning line. Names and titles in suggestions never give "
    "a finale away. Set /progress and replies leave out what you have not seen."
)


def help_card() -> Reply:
    card = Card(
        title="fambot · help",
        lines=(line("Answers about *For All Mankind* without spoiling anyone."),),
        fields=(
            Field("Commands", tuple(line(f"`{name}` — {text}") for name, text in COMMANDS)),
            Field("Spoilers", (line(SPOILER_RULES),)),
            Field(
                "Tips",
                (
                    line("Every name option suggests as you type and forgives typos."),
                    line("Only the person who ran a command can turn its pages."),
                ),
            ),
        ),
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
