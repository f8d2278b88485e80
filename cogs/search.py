"""/search."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.app import FamBot
from bot.interactions import audience_of
from bot.render.search import search_cards
from bot.replies import send_reply

RESULT_LIMIT = 8


class Search(commands.Cog):
    def __init__(self, bot: FamBot) -> None:
        self.bot = bot

    @app_commands.command(description="Search names, titles and story text (only you see results)")
    @app_commands.describe(query="Words to look for, e.g. Jamestown, Sea Dragon, Polaris")
    async def search(
        self, interaction: discord.Interaction[FamBot], query: app_commands.Range[str, 2, 100]
    ) -> None:
        hits = await self.bot.store.canon.search(query, RESULT_LIMIT)
        suggestions: list[str] = []
        if not hits:
            catalog = self.bot.catalog
            audience = audience_of(interaction)
            for index in (catalog.characters, catalog.actors, catalog.episodes):
                suggestions.extend(c.name for c in index.suggest(query, audience, limit=2))
        await send_reply(interaction, search_cards(query, hits, suggestions[:5]))


async def setup(bot: FamBot) -> None:
    await bot.add_cog(Search(bot))
