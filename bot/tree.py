"""The command tree: one error handler for every slash command, and task tracking."""

from __future__ import annotations

import logging
import secrets
from typing import TYPE_CHECKING

import discord
from discord import app_commands

from bot.errors import UserFacingError
from bot.interactions import send_ephemeral

if TYPE_CHECKING:
    from bot.app import FamBot

log = logging.getLogger(__name__)

UNKNOWN_INTERACTION = 10062  # Discord's error code for an expired interaction token


def refusal_for(error: app_commands.AppCommandError) -> str | None:
    """The member-facing text for an expected failure, or None if it is a bug."""
    if isinstance(error, UserFacingError):
        return str(error)
    if isinstance(error, app_commands.CommandOnCooldown):
        return f"Slow down a little: try again in {error.retry_after:.0f} seconds."
    if isinstance(error, app_commands.MissingPermissions):
        return "You need more permissions on this server to use that command."
    if isinstance(error, app_commands.BotMissingPermissions):
        missing = ", ".join(p.replace("_", " ") for p in error.missing_permissions)
        return f"I'm missing permissions here: {missing}."
    if isinstance(error, app_commands.NoPrivateMessage):
        return "That command only works in a server."
    if isinstance(error, app_commands.TransformerError):
        if error.__cause__ is not None:  # a transformer failed unexpectedly: a bug, not input
            return None
        return "That value doesn't look right for this option. Pick one of the suggestions."
    if isinstance(error, app_commands.CheckFailure):
        return "You can't use that command here."
    return None


class FamTree(app_commands.CommandTree["FamBot"]):
    async def interaction_check(self, interaction: discord.Interaction[FamBot]) -> bool:
        # Runs inside the task that handles the interaction: remember it so shutdown
        # can let in-flight replies finish before the database closes.
        self.client.track_current_task()
        return True

    async def on_error(
        self, interaction: discord.Interaction[FamBot], error: app_commands.AppCommandError
    ) -> None:
        original = getattr(error, "original", None)
        if isinstance(original, discord.NotFound) and original.code == UNKNOWN_INTERACTION:
            # Too late to answer (3 s passed, or the member left): nothing can be sent.
            log.warning("Interaction %s expired before it could be answered", interaction.id)
            return
        message = refusal_for(error)
        if message is None:
            code = secrets.token_hex(3).upper()
            command = interaction.command.qualified_name if interaction.command else "?"
            log.error(
                "Command /%s failed (error %s, guild %s)",
                command,
                code,
                interaction.guild_id,
                exc_info=error,
            )
            message = (
                f"Sorry, something went wrong on my side (error `{code}`). "
                "It has been logged; please try again later."
            )
        await send_ephemeral(interaction, message)
