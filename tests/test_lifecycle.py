"""The real process: connects through the gateway, and shuts down cleanly on a signal."""

from __future__ import annotations

import asyncio
import os
import signal
import sqlite3
import sys
from pathlib import Path

import pytest
from discord.ext import commands

from bot.app import FamBot
from bot.listeners import tracked_listener
from bot.settings import Settings
from tests.bot_process import STAND_IN_TIMINGS
from tests.standin import payloads
from tests.standin.harness import FAKE_TOKEN, Harness

ROOT = Path(__file__).resolve().parent.parent


def _environment(settings: Settings) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "FAMBOT_"))}
    env.update(
        DISCORD_TOKEN=FAKE_TOKEN,
        FAMBOT_DATABASE=str(settings.database_path),
        FAMBOT_API_BASE=settings.api_base or "",
        FAMBOT_GATEWAY_URL=settings.gateway_url or "",
        FAMBOT_LOG_LEVEL="INFO",
        **STAND_IN_TIMINGS,
    )
    return env


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
async def test_a_signal_lets_the_reply_in_flight_finish(
    settings: Settings, signum: signal.Signals
) -> None:
    harness = Harness(settings)
    pointed = await harness.serve()
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        cwd=ROOT,
        env=_environment(pointed),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        await asyncio.wait_for(harness.gateway.ready.wait(), 60)
        assert harness.gateway.identifies == 1

        harness.stand_in.callback_delay = 1.0
        interaction = payloads.slash("character", {"name": "Ed"})
        answered = harness.stand_in.callback_event(int(interaction["id"]))
        await harness.gateway.dispatch("INTERACTION_CREATE", interaction)
        await asyncio.wait_for(harness.stand_in.callback_started.wait(), 30)
        process.send_signal(signum)  # while the reply is still being delivered

        code = await asyncio.wait_for(process.wait(), 30)
        assert process.stderr is not None
        log = (await process.stderr.read()).decode()
        assert code == 0, log
        assert answered.is_set(), "the reply in flight was delivered"
        assert "finishing in-flight replies" in log
        assert "Database closed" in log
        assert "Traceback" not in log
        assert not Path(f"{settings.database_path}-wal").exists(), "WAL checkpointed on close"
        with sqlite3.connect(settings.database_path) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
        await harness.stop()


async def test_the_harness_talks_to_the_bot_over_the_gateway(harness: Harness) -> None:
    assert harness.gateway.identifies == 1
    assert harness.bot is not None
    assert harness.bot.get_guild(payloads.GUILD_ID) is not None  # from GUILD_CREATE
    reply = await harness.command("episode", {"episode": "S1E1"})
    assert reply.embeds[0]["title"] == "S1E1 · Red Moon"


class _Slow(commands.Cog):
    """A listener that holds its work open until the test lets it finish."""

    def __init__(self, bot: FamBot) -> None:
        self.bot = bot
        self.started = asyncio.Event()
        self.release = asyncio.Event()

    @tracked_listener
    async def on_fambot_test_event(self) -> None:
        self.started.set()
        await self.release.wait()


async def test_shutdown_waits_for_tracked_listeners(bot: FamBot) -> None:
    slow = _Slow(bot)
    await bot.add_cog(slow)
    bot.dispatch("fambot_test_event")
    await asyncio.wait_for(slow.started.wait(), 5)
    assert not await bot.wait_until_idle(0.05), "the listener's work is in flight"
    slow.release.set()
    assert await bot.wait_until_idle(5)
