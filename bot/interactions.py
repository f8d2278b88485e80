"""Small typed helpers every reply path shares: who is reading, and a refusal that
cannot fail."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import discord

from bot.spoilers.policy import Audience

if TYPE_CHECKING:
    from bot.app import FamBot

log = logging.getLogger(__name__)


def parent_id(channel: object) -> int | None:
    """A thread's parent channel (a spoiler channel's threads count as spoiler channels)."""
    return channel.parent_id if isinstance(channel, discord.Thread) else None


def audience_of(interaction: discord.Interaction[FamBot]) -> Audience:
    """Who will read the reply to ``interaction``: the invoker's progress, the server's
    settings and the channel (or the thread's parent channel)."""
    return interaction.client.horizons.audience(
        user_id=interaction.user.id,
        guild_id=interaction.guild_id,
        channel_id=interaction.channel_id,
        parent_id=parent_id(interaction.channel),
    )


async def send_ephemeral(interaction: discord.Interaction[discord.Client], message: str) -> None:
    """A short private answer (a refusal, an apology); if Discord will not take it, log it."""
    try:
        if interaction.response.is_done():
            await interaction.followup.send(message, ephemeral=True)
        else:
            await interaction.response.send_message(message, ephemeral=True)
    except discord.HTTPException as failure:  # the interaction expired or was deleted
        log.warning("Could not deliver an error message: HTTP %s", failure.status)
