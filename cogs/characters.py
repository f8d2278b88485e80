"""/character and /actor."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.app import FamBot
from bot.arguments import ActorArg, CharacterArg
from bot.render.people import actor_card, character_card
from bot.replies import send_reply


class People(commands.Cog):
    def __init__(self, bot: FamBot) -> None:
        self.bot = bot

    @app_commands.command(description="Who a character is, who plays them, and their story")
    @app_commands.describe(name="The character's name or nickname, e.g. Ed Baldwin or Gordo")
    async def character(self, interaction: discord.Interaction[FamBot], name: CharacterArg) -> None:
        first = (
            await self.bot.store.canon.episode(name.first_appearance)
            if name.first_appearance
            else None
        )
        await send_reply(interaction, character_card(name, first))

    @app_commands.command(description="The roles an actor plays in the show, with seasons")
    @app_commands.describe(name="The actor's name, e.g. Joel Kinnaman")
    async def actor(self, interaction: discord.Interaction[FamBot], name: ActorArg) -> None:
        await send_reply(interaction, actor_card(name))


async def setup(bot: FamBot) -> None:
    await bot.add_cog(People(bot))
