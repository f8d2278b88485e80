"""/progress: how far a member has watched, so replies they trigger hold back the rest."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.app import FamBot
from bot.autocomplete import choices
from bot.errors import NotFoundError
from bot.interactions import audience_of
from bot.render.progress import progress_card
from bot.replies import send_reply
from bot.text import normalise

CAUGHT_UP = "caught-up"
CAUGHT_UP_WORDS = {"caught up", "caught", "all", "everything", "latest", "finished"}


class Progress(commands.GroupCog, group_name="progress", group_description="Your spoiler horizon"):
    def __init__(self, bot: FamBot) -> None:
        self.bot = bot

    @app_commands.command(name="set", description="Say how far you have watched")
    @app_commands.describe(episode="The last episode you have seen (S2E4, a title), or caught up")
    async def set_progress(
        self, interaction: discord.Interaction[FamBot], episode: app_commands.Range[str, 1, 100]
    ) -> None:
        if episode == CAUGHT_UP or normalise(episode) in CAUGHT_UP_WORDS:
            await self.bot.store.community.set_progress(interaction.user.id, None)
            await send_reply(interaction, progress_card(None, caught_up=True, saved=True))
            return
        ref = self.bot.catalog.episode_ref(episode)
        found = await self.bot.store.canon.episode(ref) if ref else None
        if found is None:
            typed = self.bot.catalog.episodes.resolve(episode, audience_of(interaction))
            raise NotFoundError("an episode", episode, typed.suggestions)
        await self.bot.store.community.set_progress(interaction.user.id, found.ref)
        await send_reply(interaction, progress_card(found, caught_up=False, saved=True))

    @set_progress.autocomplete("episode")
    async def episode_names(
        self, interaction: discord.Interaction[FamBot], current: str
    ) -> list[app_commands.Choice[str]]:
        found = choices(self.bot.catalog.episodes, interaction, current)
        if normalise(current) in "caught up":  # also when nothing is typed yet
            caught_up = app_commands.Choice(name="Caught up (seen everything)", value=CAUGHT_UP)
            found = [caught_up, *found[:24]]
        return found

    @app_commands.command(name="show", description="See the progress you have set")
    async def show(self, interaction: discord.Interaction[FamBot]) -> None:
        progress = self.bot.store.community.progress(interaction.user.id)
        episode = None
        if progress and progress.episode:
            episode = await self.bot.store.canon.episode(progress.episode)
        caught_up = progress is not None and progress.episode is None
        await send_reply(interaction, progress_card(episode, caught_up=caught_up, saved=False))

    @app_commands.command(name="clear", description="Forget your progress")
    async def clear(self, interaction: discord.Interaction[FamBot]) -> None:
        await self.bot.store.community.clear_progress(interaction.user.id)
        await send_reply(interaction, progress_card(None, caught_up=False, saved=True))


async def setup(bot: FamBot) -> None:
    await bot.add_cog(Progress(bot))
