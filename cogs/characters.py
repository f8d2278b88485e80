"""/character and /actor."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.app import FamBot
from bot.autocomplete import choices
from bot.errors import NotFoundError
from bot.interactions import audience_of
from bot.render.people import actor_card, character_card
from bot.replies import send_reply

Name = app_commands.Range[str, 1, 100]


class People(commands.Cog):
    def __init__(self, bot: FamBot) -> None:
        self.bot = bot

    @app_commands.command(description="Who a character is, who plays them, and their story")
    @app_commands.describe(name="The character's name or nickname, e.g. Ed Baldwin or Gordo")
    async def character(self, interaction: discord.Interaction[FamBot], name: Name) -> None:
        found = self.bot.catalog.characters.resolve(name, audience_of(interaction))
        character = await self.bot.store.canon.character(found.value) if found.value else None
        if character is None:
            raise NotFoundError("a character", name, found.suggestions)
        first = (
            await self.bot.store.canon.episode(character.first_appearance)
            if character.first_appearance
            else None
        )
        await send_reply(interaction, character_card(character, first))

    @character.autocomplete("name")
    async def character_names(
        self, interaction: discord.Interaction[FamBot], current: str
    ) -> list[app_commands.Choice[str]]:
        return choices(self.bot.catalog.characters, interaction, current)

    @app_commands.command(description="The roles an actor plays in the show, with seasons")
    @app_commands.describe(name="The actor's name, e.g. Joel Kinnaman")
    async def actor(self, interaction: discord.Interaction[FamBot], name: Name) -> None:
        found = self.bot.catalog.actors.resolve(name, audience_of(interaction))
        actor = await self.bot.store.canon.actor(found.value) if found.value else None
        if actor is None:
            raise NotFoundError("an actor", name, found.suggestions)
        await send_reply(interaction, actor_card(actor))

    @actor.autocomplete("name")
    async def actor_names(
        self, interaction: discord.Interaction[FamBot], current: str
    ) -> list[app_commands.Choice[str]]:
        return choices(self.bot.catalog.actors, interaction, current)


async def setup(bot: FamBot) -> None:
    await bot.add_cog(People(bot))
