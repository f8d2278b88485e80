"""/episode and /season."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.app import FamBot
from bot.autocomplete import choices
from bot.canon.episodes import EPISODES_PER_SEASON, SEASON_COUNT, EpisodeRef
from bot.errors import NotFoundError, UserFacingError
from bot.interactions import audience_of
from bot.render.episodes import episode_card, season_cards
from bot.replies import send_reply
from bot.spoilers.policy import Audience

SeasonNumber = app_commands.Range[int, 1, SEASON_COUNT]
EpisodeNumber = app_commands.Range[int, 1, EPISODES_PER_SEASON]


class Episodes(commands.Cog):
    def __init__(self, bot: FamBot) -> None:
        self.bot = bot

    def _ref(
        self,
        episode: str | None,
        season: int | None,
        number: int | None,
        audience: Audience,
    ) -> EpisodeRef:
        if episode:
            ref = self.bot.catalog.episode_ref(episode)
            if ref is None:
                found = self.bot.catalog.episodes.resolve(episode, audience)
                raise NotFoundError("an episode", episode, found.suggestions)
            return ref
        if season is not None and number is not None:
            return EpisodeRef(season, number)
        raise UserFacingError(
            "Tell me which episode: a code like `S3E10`, a title, or both `season` and `number`."
        )

    @app_commands.command(description="An episode by code (S3E10), title, or season and number")
    @app_commands.describe(
        episode="A code like S3E10, or the title",
        season="Season number (use with number)",
        number="Episode number within the season (use with season)",
    )
    async def episode(
        self,
        interaction: discord.Interaction[FamBot],
        episode: app_commands.Range[str, 1, 100] | None = None,
        season: SeasonNumber | None = None,
        number: EpisodeNumber | None = None,
    ) -> None:
        ref = self._ref(episode, season, number, audience_of(interaction))
        found = await self.bot.store.canon.episode(ref)
        if found is None:
            raise NotFoundError("an episode", ref.code, ())
        outcomes = await self.bot.store.canon.finale_facts(ref) if found.is_finale else []
        await send_reply(interaction, episode_card(found, outcomes))

    @episode.autocomplete("episode")
    async def episode_names(
        self, interaction: discord.Interaction[FamBot], current: str
    ) -> list[app_commands.Choice[str]]:
        return choices(self.bot.catalog.episodes, interaction, current)

    @app_commands.command(description="A season's premise, dates and episodes")
    @app_commands.describe(number="Season number, 1 to 5")
    async def season(self, interaction: discord.Interaction[FamBot], number: SeasonNumber) -> None:
        found = await self.bot.store.canon.season(number)
        if found is None:
            raise UserFacingError(f"Season {number} is not in my data yet.")
        episodes = await self.bot.store.canon.episodes(number)
        await send_reply(interaction, season_cards(found, episodes))


async def setup(bot: FamBot) -> None:
    await bot.add_cog(Episodes(bot))
