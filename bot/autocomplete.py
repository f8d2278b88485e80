"""Autocomplete answers from the in-memory catalog: no disk, no network per keystroke."""

from __future__ import annotations

from discord import app_commands

from bot.canon.catalog import NameIndex


def choices(index: NameIndex, current: str) -> list[app_commands.Choice[str]]:
    """At most 25 spoiler-free choices, each within Discord's 100-character limit."""
    return [app_commands.Choice(name=c.name, value=c.value) for c in index.suggest(current)]
