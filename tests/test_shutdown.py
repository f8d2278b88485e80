"""SIGTERM drains: new interactions are turned away ("restarting"), work in flight
finishes, then the database closes; and the process exits promptly even while Discord
is unreachable. Run against the real process."""

from __future__ import annotations

import asyncio
import signal
import sqlite3
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.gate import RESTARTING
from bot.settings import Settings
from tests.bot_process import environment, finish, read_until, spawn
from tests.standin import payloads
from tests.standin.harness import Harness

WRITER = payloads.Member(720000000000000001, "writer", payloads.MEMBER_PERMISSIONS)
LATECOMER = payloads.Member(720000000000000002, "latecomer", payloads.MEMBER_PERMISSIONS)


@dataclass
class Running:
    harness: Harness
    process: asyncio.subprocess.Process
    database: Path


@pytest.fixture
async def running(settings: Settings) -> AsyncIterator[Running]:
    harness = Harness(settings)
    pointed = await harness.serve()
    env = environment(
        FAMBOT_DATABASE=str(settings.database_path),
        FAMBOT_API_BASE=pointed.api_base or "",
        FAMBOT_GATEWAY_URL=pointed.gateway_url or "",
    )
    process = await spawn(env=env)
    try:
        await asyncio.wait_for(harness.gateway.ready.wait(), 30)
        yield Running(harness, process, settings.database_path)
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
        await harness.stop()


def _progress(database: Path) -> dict[int, int | None]:
    with sqlite3.connect(database) as conn:
        rows = dict(
            conn.execute(
                "SELECT user_id, episode_id FROM community_series_progress WHERE series = ''"
            )
        )
    conn.close()
    return rows


async def test_interactions_during_shutdown_are_turned_away_and_work_in_flight_finishes(
    running: Running,
) -> None:
    stand_in, gateway = running.harness.stand_in, running.harness.gateway
    stand_in.callback_delay = 1.5  # the writer's reply is still on its way at SIGTERM
    slow = payloads.subcommand("progress set", {"episode": "S2E4"}, WRITER)
    slow_answered = stand_in.callback_event(int(slow["id"]))
    await gateway.dispatch("INTERACTION_CREATE", slow)
    await asyncio.wait_for(stand_in.callback_started.wait(), 10)

    running.process.send_signal(signal.SIGTERM)
    log = await read_until(running.process, "Shutdown requested", 10)
    stand_in.callback_delay = 0
    late = payloads.subcommand("progress set", {"episode": "S3E1"}, LATECOMER)
    late_answered = stand_in.callback_event(int(late["id"]))
    typing = payloads.autocomplete("character", "name", {"name": "Ed"}, LATECOMER)
    typing_answered = stand_in.callback_event(int(typing["id"]))
    await gateway.dispatch("INTERACTION_CREATE", late)
    await gateway.dispatch("INTERACTION_CREATE", typing)
    await asyncio.wait_for(late_answered.wait(), 10)
    await asyncio.wait_for(typing_answered.wait(), 10)

    done = await finish(running.process, 20, already=log)
    assert done.code == 0, done.stderr
    assert slow_answered.is_set(), "the reply in flight was delivered"
    for bad in ("Traceback", "closed database", "never retrieved", "cancelling"):
        assert bad not in done.stderr, done.stderr
    late_reply = stand_in.calls("POST", f"/interactions/{late['id']}/")[0].json
    assert late_reply["data"]["content"] == RESTARTING
    assert late_reply["data"]["flags"] & 64, "ephemeral"
    typing_reply = stand_in.calls("POST", f"/interactions/{typing['id']}/")[0].json
    assert typing_reply == {"type": 8, "data": {"choices": []}}
    saved = _progress(running.database)
    assert saved.get(WRITER.id) == 204, "the write in flight was saved and answered"
    assert LATECOMER.id not in saved, "turned away: nothing written, nothing claimed"


@pytest.mark.parametrize(
    "outage",
    # Refused: discord.py's own reconnect back-off (0-2 s, then 0-4 s) is waited out.
    ["hanging handshake", pytest.param("refused, backing off", marks=pytest.mark.long)],
)
async def test_sigterm_exits_promptly_while_discord_is_unreachable(
    running: Running, outage: str
) -> None:
    """The gateway drops the bot, then either never completes a handshake or refuses
    each one (HTTP 503), so discord.py sleeps its growing reconnect back-off: 0-2 s,
    0-4 s, then 0-8 s after the third refusal, when SIGTERM arrives."""
    gateway = running.harness.gateway
    refusals = 3 if outage.startswith("refused") else 1
    gateway.answering.clear()
    gateway.refusing = outage.startswith("refused")
    attempts = gateway.attempts
    await gateway.drop()
    async with asyncio.timeout(30):
        while gateway.attempts < attempts + refusals:  # noqa: ASYNC110 - the bot retries
            await asyncio.sleep(0.01)
    running.process.send_signal(signal.SIGTERM)
    done = await finish(running.process, 30)
    gateway.answering.set()
    gateway.refusing = False
    assert done.code == 0, done.stderr
    assert done.seconds < 4, f"took {done.seconds:.1f} s"
    assert "Traceback" not in done.stderr, done.stderr
    assert "Database closed" in done.stderr
