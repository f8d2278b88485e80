"""The command tree: one error handler for every slash command, and task tracking."""

from __future__ import annotations

import asyncio
import logging
import secrets
from collections import Counter
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands

from bot.errors import UserFacingError
from bot.gate import RESTARTING, turn_away
from bot.interactions import send_ephemeral
from bot.limits import Problem, check_command

if TYPE_CHECKING:
    from bot.app import FamBot

log = logging.getLogger(__name__)

UNKNOWN_INTERACTION = 10062  # Discord's error code for an expired interaction token


def refusal_for(error: app_commands.AppCommandError) -> str | None:
    """The member-facing text for an expected failure, or None if it is a bug."""
    if isinstance(error, UserFacingError):
        return str(error)
    if isinstance(error, app_commands.CommandNotFound | app_commands.CommandSignatureMismatch):
        return OUT_OF_SYNC
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


PER_MEMBER_IN_FLIGHT = 4
BUSY = "You have a few commands running already; try again when they have answered."
OUT_OF_SYNC = (
    "This command has changed since it was last published to Discord: a server admin "
    "needs to run the bot's sync (`python -m bot sync`). Try again after that."
)


def refusal_for_problem(problem: Problem) -> str:
    return OUT_OF_SYNC if problem.kind == "changed" else f"That won't work: {problem.text}"


def apology(code: str, write: object) -> str:
    """For a bug: what happened to the member's change, said truthfully."""
    if write == "saved":
        return (
            f"Your change was saved, but something went wrong showing it (error `{code}`). "
            "It has been logged."
        )
    outcome = " Nothing was saved." if write == "saving" else ""
    return (
        f"Sorry, something went wrong on my side (error `{code}`).{outcome} "
        "It has been logged; please try again later."
    )


class FamTree(app_commands.CommandTree["FamBot"]):
    def __init__(self, client: FamBot, **options: Any) -> None:
        super().__init__(client, **options)
        self._schemas: dict[tuple[str, int], dict[str, Any]] = {}
        self._running: Counter[int] = Counter()  # member -> commands in flight

    async def interaction_check(self, interaction: discord.Interaction[FamBot]) -> bool:
        # Runs inside the task that handles the interaction: remember it so shutdown
        # can let in-flight replies finish before the database closes.
        self.client.track_current_task()
        if self.client.draining:
            await turn_away(interaction, RESTARTING)
            return False
        problem = self.limits_problem(interaction)
        if problem is not None:
            if problem.kind == "changed":
                log.warning("A command does not match its definition (%s)", problem.text)
            await turn_away(interaction, refusal_for_problem(problem))
            return False
        if not self._admit(interaction):
            await turn_away(interaction, BUSY)
            return False
        return True

    def _admit(self, interaction: discord.Interaction[FamBot]) -> bool:
        """At most ``PER_MEMBER_IN_FLIGHT`` commands of one member run at once: one
        member cannot queue unbounded work ahead of everyone else."""
        if interaction.type is discord.InteractionType.autocomplete:
            return True  # answered from memory, within a few milliseconds
        member = interaction.user.id
        task = asyncio.current_task()
        if self._running[member] >= PER_MEMBER_IN_FLIGHT or task is None:
            return False
        self._running[member] += 1
        task.add_done_callback(lambda _: self._done(member))
        return True

    def _done(self, member: int) -> None:
        self._running[member] -= 1
        if not self._running[member]:
            del self._running[member]

    def limits_problem(self, interaction: discord.Interaction[FamBot]) -> Problem | None:
        """Check the raw options against the command as this bot defines it."""
        data: dict[str, Any] = dict(interaction.data or {})
        name, kind = data.get("name"), data.get("type", 1)
        if not isinstance(name, str) or not isinstance(kind, int):
            return Problem("changed", "no command name")
        if (name, kind) not in self._schemas:
            try:
                found = self.get_command(name, type=discord.AppCommandType(kind))
            except ValueError:
                found = None
            if found is None:
                return Problem("changed", f"no command {name[:32]!r}")
            self._schemas[name, kind] = found.to_dict(self)
        typing = interaction.type is discord.InteractionType.autocomplete
        return check_command(self._schemas[name, kind], data, typing=typing)

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
            message = apology(code, interaction.extras.get("write"))
        await send_ephemeral(interaction, message)
