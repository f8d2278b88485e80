"""Spoilers in a server: its settings (/spoilers), the spoiler guard and its tools."""

from __future__ import annotations

from bot.app import FamBot
from cogs.spoilers._authors import AuthorTools
from cogs.spoilers._guard import SpoilerGuard
from cogs.spoilers._review import GuardReview
from cogs.spoilers._server import ServerSpoilerCommands
from cogs.spoilers._tools import SpoilerTools


async def setup(bot: FamBot) -> None:
    guard = SpoilerGuard(bot)
    await bot.add_cog(ServerSpoilerCommands(bot, guard))
    await bot.add_cog(guard)
    await bot.add_cog(SpoilerTools(bot, guard))
    await bot.add_cog(AuthorTools(bot, guard))
    guard.review = GuardReview(bot, guard)  # the review band (issue 9)
    guard.engine.intake.on_review = guard.review.ask
    await bot.add_cog(guard.review)
