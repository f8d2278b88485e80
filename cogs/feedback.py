"""Sources and Report a mistake: the buttons under lookup replies (``bot/feedback.py``).

Registering the buttons here makes those on any earlier reply work again after a
restart; the report form's submissions arrive as interactions this cog answers.
"""

from __future__ import annotations

import logging

import discord
from discord.ext import commands

from bot.app import FamBot
from bot.feedback import REPORT_FORM_ID, ReportButton, SourcesButton, take_report
from bot.gate import RESTARTING, turn_away
from bot.interactions import send_ephemeral
from bot.listeners import tracked_listener

log = logging.getLogger(__name__)


class Feedback(commands.Cog):
    def __init__(self, bot: FamBot) -> None:
        self.bot = bot

    @tracked_listener
    async def on_interaction(self, interaction: discord.Interaction[FamBot]) -> None:
        if interaction.type is not discord.InteractionType.modal_submit:
            return
        data = interaction.data
        custom_id = data.get("custom_id") if data is not None else None
        # Only a well-formed id is ours; anything else is answered as expired
        # (cogs/expired.py), so a forged id never reaches the store.
        form = REPORT_FORM_ID.fullmatch(custom_id) if isinstance(custom_id, str) else None
        if form is None:
            return
        if self.bot.draining:  # the report would be cut off: ask for it again
            await turn_away(interaction, RESTARTING)
            return
        try:
            await take_report(interaction, form["subject"])
        except Exception:
            log.exception("A mistake report could not be taken")
            await send_ephemeral(interaction, "Sorry, I could not take that report. Try again.")


async def setup(bot: FamBot) -> None:
    bot.add_dynamic_items(SourcesButton, ReportButton)  # their ids count as answered
    bot.answers_ids(REPORT_FORM_ID)
    await bot.add_cog(Feedback(bot))
