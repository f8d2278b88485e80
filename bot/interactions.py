"""Small typed helpers every reply path shares: who is reading, and a refusal that
cannot fail."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import Awaitable
from typing import TYPE_CHECKING, TypeVar

import discord

from bot.errors import UserFacingError
from bot.spoilers.policy import Audience

if TYPE_CHECKING:
    from bot.app import FamBot

log = logging.getLogger(__name__)

T = TypeVar("T")
# Discord allows 3 s for the first answer. A write waiting on the database's lock
# (another process holding it, up to FAMBOT_DATABASE_LOCK_SECONDS, 5 by default) defers
# after this long, and then has 15 minutes to say how it went.
DEFER_AFTER_SECONDS = 1.0
BUSY = "The database is busy, so nothing was saved; try again in a moment."


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


async def saving(interaction: discord.Interaction[FamBot], write: Awaitable[T]) -> T:
    """Run a write for a command whose reply is private: if it is slow (the database is
    locked), defer first so the reply can still arrive. The outcome is recorded on the
    interaction (``extras["write"]``: "saving", then "saved"), so an error after it
    never says a saved change failed, nor a failed one saved (see bot/tree.py)."""
    interaction.extras["write"] = "saving"
    task = asyncio.ensure_future(write)
    done, _ = await asyncio.wait({task}, timeout=DEFER_AFTER_SECONDS)
    if not done and not interaction.response.is_done():
        await interaction.response.defer(ephemeral=True, thinking=True)
    try:
        result = await task
    except sqlite3.OperationalError as error:
        if "locked" not in str(error) and "busy" not in str(error):
            raise
        log.warning("A write gave up waiting for the database lock")
        raise UserFacingError(BUSY) from None
    interaction.extras["write"] = "saved"
    return result
