"""/episode and /season."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.app import FamBot
from bot.arguments import EpisodeArg, SeasonArg, find_episode
from bot.canon.episodes import EPISODES_PER_SEASON, SEASON_COUNT, EpisodeRef
from bot.errors import UserFacingError
from bot.render.episodes import episode_card, season_cards
from bot.replies import send_reply

SeasonNumber = app_commands.Range[int, 1, SEASON_COUNT]
EpisodeNumber = app_commands.Range[int, 1, EPISODES_PER_SEASON]


class Episodes(commands.Cog):
    def __init__(self, bot: FamBot) -> None:
        self.bot = bot

    @app_commands.command(description="An episode by code (S3E10), title, or season and number")
    @app_commands.describe(
        episode="A code like S3E10, or the title",
        season="Season number (use with number)",
        number="Episode number within the season (use with season)",
    )
    async def episode(
        self,
        interaction: discord.Interaction[FamBot],
        episode: EpisodeArg | None = None,
        season: SeasonNumber | None = None,
        number: EpisodeNumber | None = None,
    ) -> None:
        if episode is None:
            if season is None or number is None:
                raise UserFacingError(
                    "Tell me which episode: a code like `S3E10`, a title, "
                    "or both `season` and `number`."
                )
            episode = await find_episode(interaction, EpisodeRef(season, number).code)
        outcomes = await self.bot.store.canon.finale_facts(episode.ref) if episode.is_finale else []
        await send_reply(interaction, episode_card(episode, outcomes))

    @app_commands.command(description="A season's premise, dates and episodes")
    @app_commands.describe(number="Season number, 1 to 5")
    async def season(self, interaction: discord.Interaction[FamBot], number: SeasonArg) -> None:
        episodes = await self.bot.store.canon.episodes(number.number)
        await send_reply(interaction, season_cards(number, episodes))


async def setup(bot: FamBot) -> None:
    await bot.add_cog(Episodes(bot))
