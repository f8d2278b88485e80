"""/help and /about."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.app import FamBot
from bot.render.info import about_card, help_card
from bot.replies import send_reply


class Meta(commands.Cog):
    def __init__(self, bot: FamBot) -> None:
        self.bot = bot

    @app_commands.command(name="help", description="What fambot can do and how it avoids spoilers")
    async def help_command(self, interaction: discord.Interaction[FamBot]) -> None:
        await send_reply(interaction, help_card())

    @app_commands.command(description="Data version, counts and sources")
    async def about(self, interaction: discord.Interaction[FamBot]) -> None:
        canon = self.bot.store.canon
        counts = await canon.counts()
        version = await canon.fingerprint() or "none"
        await send_reply(interaction, about_card(counts, version, await canon.loaded_at()))


async def setup(bot: FamBot) -> None:
    await bot.add_cog(Meta(bot))
