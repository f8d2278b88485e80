"""/character and /actor."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.app import FamBot
from bot.arguments import ActorArg, CharacterArg, SeriesArg
from bot.render.people import actor_card, character_card
from bot.replies import send_reply


class People(commands.Cog):
    def __init__(self, bot: FamBot) -> None:
        self.bot = bot

    @app_commands.command(description="Who a character is, who plays them, and their story")
    @app_commands.describe(
        name="The character's name or nickname, e.g. Ed Baldwin or Gordo",
        series="Only characters of this show (names can repeat across shows)",
    )
    async def character(
        self,
        interaction: discord.Interaction[FamBot],
        name: CharacterArg,
        series: SeriesArg | None = None,
    ) -> None:
        first = (
            await self.bot.store.canon.episode(name.first_appearance)
            if name.first_appearance
            else None
        )
        shown = self.bot.catalog.series_of(name.series)
        await send_reply(interaction, character_card(name, first, shown))

    @app_commands.command(description="The roles an actor plays in the shows, with seasons")
    @app_commands.describe(name="The actor's name, e.g. Joel Kinnaman")
    async def actor(self, interaction: discord.Interaction[FamBot], name: ActorArg) -> None:
        await send_reply(interaction, actor_card(name, self.bot.catalog.series))


async def setup(bot: FamBot) -> None:
    await bot.add_cog(People(bot))
