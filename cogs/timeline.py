"""/timeline."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.app import FamBot
from bot.arguments import SeriesArg, chosen_series
from bot.canon.episodes import SEASON_MAX, SeasonRef
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
        series="Which show's timeline (default: For All Mankind)",
    )
    async def timeline(
        self,
        interaction: discord.Interaction[FamBot],
        from_year: Year | None = None,
        to_year: Year | None = None,
        season: app_commands.Range[int, 1, SEASON_MAX] | None = None,
        series: SeriesArg | None = None,
    ) -> None:
        if from_year is not None and to_year is not None and from_year > to_year:
            raise UserFacingError(f"`from_year` ({from_year}) is after `to_year` ({to_year}).")
        show = series or chosen_series(interaction)
        events = await self.bot.store.canon.events(
            year_from=from_year,
            year_to=to_year,
            season=SeasonRef(show.code, season) if season is not None else None,
            series=show.code,
        )
        scope = [] if show.is_default else [show.name]
        if from_year is not None or to_year is not None:
            scope.append(f"{from_year or '…'}–{to_year or '…'}")
        if season is not None:
            scope.append(f"season {season}")
        subject = f"timeline:{show.code}:{from_year or ''}:{to_year or ''}:{season or ''}"
        reply = timeline_cards(events, ", ".join(scope) or "all years", subject)
        await send_reply(interaction, reply)


async def setup(bot: FamBot) -> None:
    await bot.add_cog(Timeline(bot))
