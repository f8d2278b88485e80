"""Autocomplete answers from the in-memory catalog: no disk, no network per keystroke."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands

from bot.canon.catalog import NameIndex
from bot.interactions import audience_of

if TYPE_CHECKING:
    from bot.app import FamBot


def choices(
    index: NameIndex, interaction: discord.Interaction[FamBot], current: str
) -> list[app_commands.Choice[str]]:
    """At most 25 choices within 100 characters, none past the member's progress."""
    audience = audience_of(interaction)
    return [
        app_commands.Choice(name=c.name, value=c.value) for c in index.suggest(current, audience)
    ]
