"""/progress: how far a member has watched, so replies they trigger hold back the rest.

Progress is kept per series: a member can be at S3E4 of For All Mankind and S1E2 of
Star City. Setting an episode sets its series; "caught up" is for the series named (or
the default one).
"""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.app import FamBot
from bot.arguments import NameTransformer, SeriesArg, Suggestions, chosen_series, find_episode
from bot.canon.catalog import NameIndex
from bot.canon.models import Episode
from bot.render.progress import Watched, progress_card
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

    async def _watched(self, user_id: int) -> list[Watched]:
        found = []
        for series in self.bot.catalog.series:
            progress = self.bot.store.community.progress(user_id, series.code)
            if progress is None:
                continue
            episode = (
                await self.bot.store.canon.episode(progress.episode) if progress.episode else None
            )
            found.append(Watched(series, episode))
        return found

    @app_commands.command(name="set", description="Say how far you have watched")
    @app_commands.describe(
        episode="The last episode you have seen (S2E4, a title), or caught up",
        series="Which show (default: For All Mankind; an episode you pick says it too)",
    )
    async def set_progress(
        self,
        interaction: discord.Interaction[FamBot],
        episode: Horizon,
        series: SeriesArg | None = None,
    ) -> None:
        show = (
            self.bot.catalog.series_of(episode.ref.series)
            if episode
            else series or chosen_series(interaction)
        )
        await self.bot.store.community.set_progress(
            interaction.user.id, show.code, episode.ref if episode else None
        )
        await send_reply(interaction, progress_card([Watched(show, episode)], action="saved"))

    @app_commands.command(name="show", description="See the progress you have set")
    async def show(self, interaction: discord.Interaction[FamBot]) -> None:
        watched = await self._watched(interaction.user.id)
        await send_reply(interaction, progress_card(watched, action="shown"))

    @app_commands.command(name="clear", description="Forget your progress")
    @app_commands.describe(series="Forget only this show's progress (default: every show's)")
    async def clear(
        self, interaction: discord.Interaction[FamBot], series: SeriesArg | None = None
    ) -> None:
        await self.bot.store.community.clear_progress(
            interaction.user.id, series.code if series else None
        )
        watched = await self._watched(interaction.user.id)
        await send_reply(interaction, progress_card(watched, action="cleared"))


async def setup(bot: FamBot) -> None:
    await bot.add_cog(Progress(bot))
