"""/help and /about. /help is read from the command tree, so a new command is listed
as soon as its cog loads, with its own description."""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.app import FamBot
from bot.guild_permissions import permission_names
from bot.render.info import CommandHelp, about_card, help_card
from bot.replies import send_reply

AnyCommand = app_commands.Command[Any, ..., Any] | app_commands.Group | app_commands.ContextMenu


def _needs(command: AnyCommand) -> str | None:
    """The permission a command is hidden behind (and checked for), in Discord's words."""
    allowed = command.default_permissions
    if allowed is None:
        return None
    return permission_names([name for name, granted in allowed if granted]) or None


def _by_name(
    tree: app_commands.CommandTree[FamBot], kind: discord.AppCommandType
) -> list[AnyCommand]:
    return sorted(tree.get_commands(type=kind), key=lambda c: c.name)


def command_help(tree: app_commands.CommandTree[FamBot]) -> list[CommandHelp]:
    """Every command in ``tree``: slash commands by name, then message menus."""
    found: list[CommandHelp] = []
    for command in _by_name(tree, discord.AppCommandType.chat_input):
        if isinstance(command, app_commands.Group):
            usage = f"/{command.name} " + " · ".join(c.name for c in command.commands)
        elif isinstance(command, app_commands.Command):
            options = " · ".join(p.name for p in command.parameters)
            usage = f"/{command.name} {options}".rstrip()
        else:
            continue
        found.append(CommandHelp(usage, command.description, _needs(command)))
    for menu in _by_name(tree, discord.AppCommandType.message):
        description = str(menu.extras.get("help", "A message command"))  # menus have none
        found.append(CommandHelp(f"Apps → {menu.name}", description, _needs(menu)))
    return found


class Meta(commands.Cog):
    def __init__(self, bot: FamBot) -> None:
        self.bot = bot

    @app_commands.command(name="help", description="What fambot can do and how it avoids spoilers")
    async def help_command(self, interaction: discord.Interaction[FamBot]) -> None:
        await send_reply(
            interaction, help_card(command_help(self.bot.tree), self.bot.catalog.series)
        )

    @app_commands.command(description="Data version, counts and sources")
    async def about(self, interaction: discord.Interaction[FamBot]) -> None:
        canon = self.bot.store.canon
        counts = await canon.counts()
        version = await canon.fingerprint() or "none"
        await send_reply(interaction, about_card(counts, version, await canon.loaded_at()))


async def setup(bot: FamBot) -> None:
    await bot.add_cog(Meta(bot))
