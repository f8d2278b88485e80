"""What an interaction meets before any work is done on it.

A bot that is shutting down turns new interactions away with a short private line
(the gateway is still up to receive them, but the work would be cut off).
"""

from __future__ import annotations

import contextlib

import discord

from bot.interactions import send_ephemeral

RESTARTING = "I'm restarting; try again in a moment."


async def turn_away(interaction: discord.Interaction[discord.Client], message: str) -> None:
    """Answer without doing the work: no suggestions for autocomplete, else one line."""
    if interaction.type is discord.InteractionType.autocomplete:
        # Suggestions nobody will see are not worth a log line if Discord refuses them.
        with contextlib.suppress(discord.HTTPException):
            await interaction.response.autocomplete([])
        return
    await send_ephemeral(interaction, message)
