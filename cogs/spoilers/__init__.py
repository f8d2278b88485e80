"""Spoiler horizons for a server: its policy (/spoilers) and the spoiler guard."""

from __future__ import annotations

from bot.app import FamBot
from cogs.spoilers._guard import SpoilerGuard
from cogs.spoilers._policy import SpoilerPolicy
from cogs.spoilers._tools import SpoilerTools


async def setup(bot: FamBot) -> None:
    guard = SpoilerGuard(bot)
    await bot.add_cog(SpoilerPolicy(bot))
    await bot.add_cog(guard)
    await bot.add_cog(SpoilerTools(bot, guard))
