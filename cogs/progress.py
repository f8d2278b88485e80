"""/progress: how far a member has watched, so replies they trigger hold back the rest."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.app import FamBot
from bot.arguments import NameTransformer, Suggestions, find_episode
from bot.canon.catalog import NameIndex
from bot.canon.models import Episode
from bot.render.progress import progress_card
from bot.replies import send_reply
from bot.text import normalise

CAUGHT_UP = "caught-up"
CAUGHT_UP_WORDS = {"caught up", "caught", "all", "everything", "latest", "finished"}


class HorizonTransformer(NameTransformer):
    """An episode, or "caught up" (None): the episodes' suggestions, led by caught up."""

    def index(self, bot: FamBot) -> NameIndex:
        return bot.catalog.episodes

    async def transform(
        self, interaction: discord.Interaction[FamBot], value: str, /
    ) -> Episode | None:
        if value == CAUGHT_UP or normalise(value) in CAUGHT_UP_WORDS:
            return None
        return await find_episode(interaction, value)

    async def autocomplete(
        self, interaction: discord.Interaction[FamBot], value: int | float | str, /
    ) -> Suggestions:
        found = await super().autocomplete(interaction, value)
        if normalise(str(value)) in "caught up":  # also when nothing is typed yet
            caught_up = app_commands.Choice[int | float | str](
                name="Caught up (seen everything)", value=CAUGHT_UP
            )
            found = [caught_up, *found[:24]]
        return found


Horizon = app_commands.Transform[Episode | None, HorizonTransformer]


class Progress(commands.GroupCog, group_name="progress", group_description="Your spoiler horizon"):
    def __init__(self, bot: FamBot) -> None:
        self.bot = bot

    @app_commands.command(name="set", description="Say how far you have watched")
    @app_commands.describe(episode="The last episode you have seen (S2E4, a title), or caught up")
    async def set_progress(
        self, interaction: discord.Interaction[FamBot], episode: Horizon
    ) -> None:
        ref = episode.ref if episode else None
        await self.bot.store.community.set_progress(interaction.user.id, ref)
        await send_reply(interaction, progress_card(episode, caught_up=episode is None, saved=True))

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
