"""Slash-command arguments, parsed once: what a member typed or picked becomes a record.

One transformer per kind of argument owns both halves: the suggestions while typing
(from the in-memory catalog, following the member's progress) and the lookup when the
command runs. A cog receives a ``Series``, ``Character``, ``Actor``, ``Episode`` or
``Season``, never a string to resolve. A miss raises ``NotFoundError``, an
``AppCommandError``, so the tree's error handler shows its message (with the closest
names) privately.

A command with a ``series`` option (``SeriesArg``) narrows its other options to that
series: their suggestions, and what a bare code like "S1E3" or a season number means.
Without it they mean the default series, For All Mankind, unless a picked suggestion or
a prefixed code ("SC S1E3") names another.

    async def character(self, interaction, name: CharacterArg) -> None: ...
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands

from bot.canon.catalog import NameIndex
from bot.canon.episodes import SEASON_MAX, SeasonRef
from bot.canon.models import Actor, Character, Episode, Season, Series
from bot.errors import NotFoundError, UserFacingError
from bot.interactions import audience_of

if TYPE_CHECKING:
    from bot.app import FamBot

NAME_MAX = 100  # Discord's limit for a choice value, and enough for any name or title
Suggestions = list[app_commands.Choice[int | float | str]]


def choices(
    index: NameIndex,
    interaction: discord.Interaction[FamBot],
    current: str,
    group: str | None = None,
) -> Suggestions:
    """At most 25 choices within 100 characters, none past the member's progress; only
    ``group``'s (a series) when one is given."""
    audience = audience_of(interaction)
    return [
        app_commands.Choice(name=c.name, value=c.value)
        for c in index.suggest(current, audience, group=group)
    ]


def named_series(interaction: discord.Interaction[FamBot]) -> Series | None:
    """The series the member put in the command's ``series`` option, if any."""
    typed = getattr(interaction.namespace, "series", None)
    if not isinstance(typed, str) or not typed.strip():
        return None
    catalog = interaction.client.catalog
    found = catalog.find_series(typed)
    if found is None:
        known = [s.name for s in catalog.series]
        raise NotFoundError("a series", typed, known)
    return found


def chosen_series(interaction: discord.Interaction[FamBot]) -> Series:
    """The series the member named, or the default one."""
    named = named_series(interaction)
    if named is not None:
        return named
    return interaction.client.catalog.series[0]


def _group(interaction: discord.Interaction[FamBot]) -> str | None:
    """The series to narrow suggestions to; while typing, a half-typed series narrows
    nothing rather than failing."""
    try:
        named = named_series(interaction)
    except NotFoundError:
        return None
    return named.code if named else None


class SeriesTransformer(app_commands.Transformer["FamBot"]):
    """A series by name: For All Mankind, Star City (1 to 100 characters, like a name)."""

    @property
    def min_value(self) -> int:
        return 1

    @property
    def max_value(self) -> int:
        return NAME_MAX

    async def autocomplete(
        self, interaction: discord.Interaction[FamBot], value: int | float | str, /
    ) -> Suggestions:
        typed = str(value).casefold()
        return [
            app_commands.Choice(name=s.name, value=s.slug)
            for s in interaction.client.catalog.series
            if typed in s.name.casefold() or typed in s.slug
        ]

    async def transform(self, interaction: discord.Interaction[FamBot], value: str, /) -> Series:
        return chosen_series(interaction)


class NameTransformer(app_commands.Transformer["FamBot"]):
    """A string option of 1 to 100 characters that suggests names from one index."""

    @property
    def min_value(self) -> int:
        return 1

    @property
    def max_value(self) -> int:
        return NAME_MAX

    def index(self, bot: FamBot) -> NameIndex:
        raise NotImplementedError

    async def autocomplete(
        self, interaction: discord.Interaction[FamBot], value: int | float | str, /
    ) -> Suggestions:
        return choices(self.index(interaction.client), interaction, str(value), _group(interaction))


class CharacterTransformer(NameTransformer):
    def index(self, bot: FamBot) -> NameIndex:
        return bot.catalog.characters

    async def transform(self, interaction: discord.Interaction[FamBot], value: str, /) -> Character:
        bot = interaction.client
        named = named_series(interaction)
        group = named.code if named else None
        found = bot.catalog.characters.resolve(value, audience_of(interaction), group)
        character = await bot.store.canon.character(found.value) if found.value else None
        if character is None:
            raise NotFoundError("a character", value, found.suggestions)
        return character


class ActorTransformer(NameTransformer):
    def index(self, bot: FamBot) -> NameIndex:
        return bot.catalog.actors

    async def transform(self, interaction: discord.Interaction[FamBot], value: str, /) -> Actor:
        bot = interaction.client
        found = bot.catalog.actors.resolve(value, audience_of(interaction))
        actor = await bot.store.canon.actor(found.value) if found.value else None
        if actor is None:
            raise NotFoundError("an actor", value, found.suggestions)
        return actor


async def find_episode(interaction: discord.Interaction[FamBot], typed: str) -> Episode:
    """The episode meant by a code (``S3E10``, ``3x10``, ``SC S1E3``) or a title, within
    the series the member named if they did, or NotFoundError with the nearest titles
    the member may see."""
    bot = interaction.client
    named = named_series(interaction)
    group = named.code if named else None
    ref = bot.catalog.episode_ref(typed, group)
    episode = await bot.store.canon.episode(ref) if ref else None
    if episode is None:
        near = bot.catalog.episodes.resolve(typed, audience_of(interaction), group)
        raise NotFoundError("an episode", typed, near.suggestions)
    return episode


class EpisodeTransformer(NameTransformer):
    def index(self, bot: FamBot) -> NameIndex:
        return bot.catalog.episodes

    async def transform(self, interaction: discord.Interaction[FamBot], value: str, /) -> Episode:
        return await find_episode(interaction, value)


class SeasonTransformer(app_commands.Transformer["FamBot"]):
    """A season number of the series the member named (or the default series), aired or
    announced; Discord refuses numbers outside 1 to ``SEASON_MAX``."""

    @property
    def type(self) -> discord.AppCommandOptionType:
        return discord.AppCommandOptionType.integer

    @property
    def min_value(self) -> int:
        return 1

    @property
    def max_value(self) -> int:
        return SEASON_MAX

    async def transform(self, interaction: discord.Interaction[FamBot], value: int, /) -> Season:
        series = chosen_series(interaction)
        season = await interaction.client.store.canon.season(SeasonRef(series.code, int(value)))
        if season is None:
            where = "" if series.is_default else f" of {series.name}"
            raise UserFacingError(f"Season {int(value)}{where} is not in my data yet.")
        return season


SeriesArg = app_commands.Transform[Series, SeriesTransformer]
CharacterArg = app_commands.Transform[Character, CharacterTransformer]
ActorArg = app_commands.Transform[Actor, ActorTransformer]
EpisodeArg = app_commands.Transform[Episode, EpisodeTransformer]
SeasonArg = app_commands.Transform[Season, SeasonTransformer]
