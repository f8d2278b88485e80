"""Buttons nobody is listening to: a reply from before a restart, or past its timeout.

Discord shows "This interaction failed" for a press nothing answers; this answers it.
"""

from __future__ import annotations

import discord
from discord.ext import commands

from bot.app import FamBot
from bot.gate import RESTARTING, turn_away
from bot.views import is_live

EXPIRED = "This reply has expired; run the command again."


class ExpiredComponents(commands.Cog):
    def __init__(self, bot: FamBot) -> None:
        self.bot = bot

    @commands.Cog.listener()
    async def on_interaction(self, interaction: discord.Interaction[FamBot]) -> None:
        # Fired for every interaction, after any live view has taken its own.
        if interaction.type not in (
            discord.InteractionType.component,
            discord.InteractionType.modal_submit,
        ):
            return
        data: dict[str, object] = dict(interaction.data or {})
        custom_id = str(data.get("custom_id", ""))
        pressed_on = (
            interaction.message if interaction.type is discord.InteractionType.component else None
        )
        if is_live(self.bot, custom_id, pressed_on):
            return
        self.bot.track_current_task()
        await turn_away(interaction, RESTARTING if self.bot.draining else EXPIRED)


async def setup(bot: FamBot) -> None:
    await bot.add_cog(ExpiredComponents(bot))
