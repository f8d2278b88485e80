"""Spoiler horizons for a server: its policy (/spoilers) and the spoiler guard."""

from __future__ import annotations

from bot.app import FamBot
from cogs.spoilers._policy import SpoilerPolicy


async def setup(bot: FamBot) -> None:
    await bot.add_cog(SpoilerPolicy(bot))
