"""/timeline."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.app import FamBot
from bot.canon.episodes import SEASON_COUNT
from bot.errors import UserFacingError
from bot.render.timeline import timeline_cards
from bot.replies import send_reply

Year = app_commands.Range[int, 1900, 2100]


class Timeline(commands.Cog):
    def __init__(self, bot: FamBot) -> None:
        self.bot = bot

    @app_commands.command(description="The show's alternate history, in order")
    @app_commands.describe(
        from_year="Earliest in-universe year (e.g. 1969)",
        to_year="Latest in-universe year (e.g. 1983)",
        season="Only events first shown in this season",
    )
    async def timeline(
        self,
        interaction: discord.Interaction[FamBot],
        from_year: Year | None = None,
        to_year: Year | None = None,
        season: app_commands.Range[int, 1, SEASON_COUNT] | None = None,
    ) -> None:
        if from_year is not None and to_year is not None and from_year > to_year:
            raise UserFacingError(f"`from_year` ({from_year}) is after `to_year` ({to_year}).")
        events = await self.bot.store.canon.events(
            year_from=from_year, year_to=to_year, season=season
        )
        scope = []
        if from_year is not None or to_year is not None:
            scope.append(f"{from_year or '…'}–{to_year or '…'}")
        if season is not None:
            scope.append(f"season {season}")
        await send_reply(interaction, timeline_cards(events, ", ".join(scope) or "all years"))


async def setup(bot: FamBot) -> None:
    await bot.add_cog(Timeline(bot))
