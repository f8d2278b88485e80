"""/progress: how far a member has watched, so replies they trigger hold back the rest."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.app import FamBot
from bot.arguments import NameTransformer, Suggestions, find_episode
from bot.canon.catalog import NameIndex
from bot.canon.episodes import EpisodeRef
from bot.canon.models import Episode
from bot.interactions import saving
from bot.render.progress import lost_progress_card, progress_card
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

    @app_commands.command(name="set", description="Say how far you have watched")
    @app_commands.describe(episode="The last episode you have seen (S2E4, a title), or caught up")
    async def set_progress(
        self, interaction: discord.Interaction[FamBot], episode: Horizon
    ) -> None:
        ref = episode.ref if episode else None
        await saving(interaction, self.bot.store.community.set_progress(interaction.user.id, ref))
        await send_reply(interaction, progress_card(episode, caught_up=episode is None, saved=True))

    @app_commands.command(name="show", description="See the progress you have set")
    async def show(self, interaction: discord.Interaction[FamBot]) -> None:
        progress = self.bot.store.community.progress(interaction.user.id)
        episode = None
        if progress and progress.episode:
            episode = await self.bot.store.canon.episode(progress.episode)
            if episode is None:  # saved before the canon changed: say so, offer a move
                await self._lost(interaction, progress.episode)
                return
        caught_up = progress is not None and progress.episode is None
        await send_reply(interaction, progress_card(episode, caught_up=caught_up, saved=False))

    async def _lost(self, interaction: discord.Interaction[FamBot], stored: EpisodeRef) -> None:
        earlier = [e for e in await self.bot.store.canon.episodes() if e.ref < stored]
        nearest = earlier[-1] if earlier else None
        actions = MoveProgress(interaction.user.id, nearest) if nearest else None
        card = lost_progress_card(stored, nearest.ref if nearest else None)
        await send_reply(interaction, card, actions)

    @app_commands.command(name="clear", description="Forget your progress")
    async def clear(self, interaction: discord.Interaction[FamBot]) -> None:
        await saving(interaction, self.bot.store.community.clear_progress(interaction.user.id))
        await send_reply(interaction, progress_card(None, caught_up=False, saved=True))


class MoveProgress(OwnedView):
    """One button: move progress saved at a vanished episode to the one before it."""

    def __init__(self, owner_id: int, target: Episode) -> None:
        super().__init__(owner_id, timeout=PAGE_TIMEOUT_SECONDS)
        self.target = target
        self.move.label = f"Move to {target.ref.code}"

    @discord.ui.button(label="Move", style=discord.ButtonStyle.primary)
    async def move(
        self, interaction: discord.Interaction[FamBot], button: discord.ui.Button[MoveProgress]
    ) -> None:
        community = interaction.client.store.community
        await saving(interaction, community.set_progress(interaction.user.id, self.target.ref))
        self.stop()
        await send_reply(interaction, progress_card(self.target, caught_up=False, saved=True))


async def setup(bot: FamBot) -> None:
    await bot.add_cog(Progress(bot))
