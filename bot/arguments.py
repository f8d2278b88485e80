"""Slash-command arguments, parsed once: what a member typed or picked becomes a record.

One transformer per kind of argument owns both halves: the suggestions while typing
(from the in-memory catalog, following the member's progress) and the lookup when the
command runs. A cog receives a ``Character``, ``Actor``, ``Episode`` or ``Season``,
never a string to resolve. A miss raises ``NotFoundError``, an ``AppCommandError``, so
the tree's error handler shows its message (with the closest names) privately.

    async def character(self, interaction, name: CharacterArg) -> None: ...
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands

from bot.canon.catalog import NameIndex
from bot.canon.episodes import SEASON_COUNT
from bot.canon.models import Actor, Character, Episode, Season
from bot.errors import NotFoundError, UserFacingError
from bot.interactions import audience_of

if TYPE_CHECKING:
    from bot.app import FamBot

NAME_MAX = 100  # Discord's limit for a choice value, and enough for any name or title
Suggestions = list[app_commands.Choice[int | float | str]]


def choices(
    index: NameIndex, interaction: discord.Interaction[FamBot], current: str
) -> Suggestions:
    """At most 25 choices within 100 characters, none past the member's progress."""
    audience = audience_of(interaction)
    return [
        app_commands.Choice(name=c.name, value=c.value) for c in index.suggest(current, audience)
    ]


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
        return choices(self.index(interaction.client), interaction, str(value))


class CharacterTransformer(NameTransformer):
    def index(self, bot: FamBot) -> NameIndex:
        return bot.catalog.characters

    async def transform(self, interaction: discord.Interaction[FamBot], value: str, /) -> Character:
        bot = interaction.client
        found = bot.catalog.characters.resolve(value, audience_of(interaction))
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
    """The episode meant by a code (``S3E10``, ``3x10``) or a title, or NotFoundError
    with the nearest titles the member may see."""
    bot = interaction.client
    ref = bot.catalog.episode_ref(typed)
    episode = await bot.store.canon.episode(ref) if ref else None
    if episode is None:
        near = bot.catalog.episodes.resolve(typed, audience_of(interaction))
        raise NotFoundError("an episode", typed, near.suggestions)
    return episode


class EpisodeTransformer(NameTransformer):
    def index(self, bot: FamBot) -> NameIndex:
        return bot.catalog.episodes

    async def transform(self, interaction: discord.Interaction[FamBot], value: str, /) -> Episode:
        return await find_episode(interaction, value)


class SeasonTransformer(app_commands.Transformer["FamBot"]):
    """A season number, 1 to ``SEASON_COUNT``; Discord refuses anything else."""

    @property
    def type(self) -> discord.AppCommandOptionType:
        return discord.AppCommandOptionType.integer

    @property
    def min_value(self) -> int:
        return 1

    @property
    def max_value(self) -> int:
        return SEASON_COUNT

    async def transform(self, interaction: discord.Interaction[FamBot], value: int, /) -> Season:
        season = await interaction.client.store.canon.season(value)
        if season is None:
            raise UserFacingError(f"Season {value} is not in my data yet.")
        return season


CharacterArg = app_commands.Transform[Character, CharacterTransformer]
ActorArg = app_commands.Transform[Actor, ActorTransformer]
EpisodeArg = app_commands.Transform[Episode, EpisodeTransformer]
SeasonArg = app_commands.Transform[Season, SeasonTransformer]
