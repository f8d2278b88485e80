"""/episode and /season."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.app import FamBot
from bot.arguments import EpisodeArg, SeasonArg, SeriesArg, chosen_series, find_episode
from bot.canon.episodes import EPISODE_MAX, SEASON_MAX, EpisodeRef
from bot.errors import UserFacingError
from bot.render.episodes import episode_card, season_cards
from bot.replies import send_reply

SeasonNumber = app_commands.Range[int, 1, SEASON_MAX]
EpisodeNumber = app_commands.Range[int, 1, EPISODE_MAX]


class Episodes(commands.Cog):
    def __init__(self, bot: FamBot) -> None:
        self.bot = bot

    @app_commands.command(description="An episode by code (S3E10), title, or season and number")
    @app_commands.describe(
        episode="A code like S3E10, or the title",
        season="Season number (use with number)",
        number="Episode number within the season (use with season)",
        series="Which show (default: For All Mankind)",
    )
    async def episode(
        self,
        interaction: discord.Interaction[FamBot],
        episode: EpisodeArg | None = None,
        season: SeasonNumber | None = None,
        number: EpisodeNumber | None = None,
        series: SeriesArg | None = None,
    ) -> None:
        if episode is None:
            if season is None or number is None:
                raise UserFacingError(
                    "Tell me which episode: a code like `S3E10`, a title, "
                    "or both `season` and `number`."
                )
            episode = await find_episode(interaction, EpisodeRef(season, number).code)
        canon = self.bot.store.canon
        outcomes = await canon.finale_facts(episode.ref) if episode.is_finale else []
        shown = self.bot.catalog.series_of(episode.ref.series)
        await send_reply(interaction, episode_card(episode, outcomes, shown))

    @app_commands.command(description="A season's premise, dates and episodes")
    @app_commands.describe(
        number="Season number, e.g. 3", series="Which show (default: For All Mankind)"
    )
    async def season(
        self,
        interaction: discord.Interaction[FamBot],
        number: SeasonArg,
        series: SeriesArg | None = None,
    ) -> None:
        episodes = await self.bot.store.canon.episodes(number.ref)
        shown = series or chosen_series(interaction)
        await send_reply(interaction, season_cards(number, episodes, shown))


async def setup(bot: FamBot) -> None:
    await bot.add_cog(Episodes(bot))
