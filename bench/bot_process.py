"""The bot as ``python -m bot`` runs it, plus a /noop command to measure against.

The no-op answers with a fixed one-word message: no store, no renderer. Its latency is
the floor every real command is compared with. Settings come from the environment.
"""

from __future__ import annotations

import asyncio
import signal

import discord

from bot.app import create_bot
from bot.settings import load_settings


async def run() -> None:
    settings = load_settings()
    bot = create_bot(settings)

    if settings.gateway_url is not None:
        # The stand-in does not rate-limit IDENTIFY: a process running several shards
        # need not wait the library's 5 s between them.
        bot.before_identify_hook = _identify_at_once  # type: ignore[method-assign]

    @bot.tree.command(name="noop", description="Benchmark baseline: answers at once")
    async def noop(interaction: discord.Interaction) -> None:
        await interaction.response.send_message("ok")

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    async with bot:
        runner = asyncio.create_task(bot.start(settings.require_token()))
        await stop.wait()
        await bot.close()
        await runner


async def _identify_at_once(shard_id: int | None, *, initial: bool = False) -> None:
    return None


if __name__ == "__main__":
    discord.utils.setup_logging(level=30)
    asyncio.run(run())
