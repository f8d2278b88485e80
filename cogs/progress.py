"""/progress: how far a member has watched, so replies they trigger hold back the rest.

Progress is kept per series: a member can be at S3E4 of For All Mankind and S1E2 of
Star City. Setting an episode sets its series; "caught up" is for the series named (or
the default one).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

import discord
from discord import app_commands
from discord.ext import commands

from bot.app import FamBot
from bot.arguments import NameTransformer, SeriesArg, Suggestions, chosen_series, find_episode
from bot.canon.catalog import NameIndex
from bot.canon.episodes import EpisodeRef
from bot.canon.models import Episode, Series
from bot.interactions import saving
from bot.render.progress import Watched, progress_card
from bot.replies import send_reply
from bot.text import normalise
from bot.views import PAGE_TIMEOUT_SECONDS, OwnedView

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
        canon = self.bot.store.canon
        found = []
        for series in self.bot.catalog.series:
            progress = self.bot.store.community.progress(user_id, series.code)
            if progress is None:
                continue
            if progress.episode is None:
                found.append(Watched(series, None))
                continue
            episode = await canon.episode(progress.episode)
            if episode is None:  # saved before the canon changed: say so, offer a move
                stored = progress.episode
                earlier = [
                    e.ref
                    for e in await canon.episodes()
                    if e.ref.series == stored.series and e.ref < stored
                ]
                nearest = earlier[-1] if earlier else None
                found.append(Watched(series, None, missing=stored, move_to=nearest))
            else:
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
        ref = episode.ref if episode else None
        community = self.bot.store.community
        await saving(interaction, community.set_progress(interaction.user.id, show.code, ref))
        await send_reply(interaction, progress_card([Watched(show, episode)], action="saved"))

    @app_commands.command(name="show", description="See the progress you have set")
    async def show(self, interaction: discord.Interaction[FamBot]) -> None:
        watched = await self._watched(interaction.user.id)
        movable = [w for w in watched if w.move_to is not None]
        actions = MoveProgress(interaction.user.id, movable) if movable else None
        await send_reply(interaction, progress_card(watched, action="shown"), actions)

    @app_commands.command(name="clear", description="Forget your progress")
    @app_commands.describe(series="Forget only this show's progress (default: every show's)")
    async def clear(
        self, interaction: discord.Interaction[FamBot], series: SeriesArg | None = None
    ) -> None:
        community = self.bot.store.community
        await saving(
            interaction,
            community.clear_progress(interaction.user.id, series.code if series else None),
        )
        watched = await self._watched(interaction.user.id)
        await send_reply(interaction, progress_card(watched, action="cleared"))


class MoveProgress(OwnedView):
    """A button per series whose progress is saved at an episode the canon no longer
    lists: move it to the last listed episode before that one."""

    def __init__(self, owner_id: int, lost: Sequence[Watched]) -> None:
        super().__init__(owner_id, timeout=PAGE_TIMEOUT_SECONDS)
        for watched in lost:
            if watched.move_to is not None:
                self.add_item(MoveButton(watched.series, watched.move_to))


class MoveButton(discord.ui.Button[MoveProgress]):
    def __init__(self, series: Series, target: EpisodeRef) -> None:
        super().__init__(label=f"Move to {target.code}", style=discord.ButtonStyle.primary)
        self.series = series
        self.target = target

    async def callback(self, interaction: discord.Interaction[discord.Client]) -> None:
        # The library types items for any client; the bot is checked, not assumed.
        if not isinstance(interaction.client, FamBot):
            return
        pressed = cast("discord.Interaction[FamBot]", interaction)
        store = pressed.client.store
        await saving(
            pressed, store.community.set_progress(pressed.user.id, self.series.code, self.target)
        )
        episode = await store.canon.episode(self.target)
        await send_reply(pressed, progress_card([Watched(self.series, episode)], action="saved"))


async def setup(bot: FamBot) -> None:
    await bot.add_cog(Progress(bot))
