"""One unreadable gateway event must not take every server down: the bot logs it,
connects again, and goes on answering."""

from __future__ import annotations

import asyncio
import logging
import signal
from pathlib import Path

import pytest

from bot.settings import Settings
from tests.bot_process import environment, finish, spawn
from tests.standin import payloads
from tests.standin.harness import Harness

MALFORMED = {
    # orjson refuses a lone surrogate escape (the case seen from outside)
    "a lone surrogate": '{"op": 0, "s": 50, "t": "MESSAGE_CREATE", "d": {"content": "\\ud800"}}',
    "cut-off JSON": '{"op": 0, "s": 50, "t": "MESSAGE_CRE',
    # valid JSON, but an event the library's parser cannot read
    "an event missing its fields": '{"op": 0, "s": 50, "t": "INTERACTION_CREATE", "d": {}}',
}


async def _wait_for_identifies(harness: Harness, count: int) -> None:
    async with asyncio.timeout(15):
        while harness.gateway.identifies < count:  # noqa: ASYNC110 - the bot reconnects
            await asyncio.sleep(0.01)


@pytest.mark.parametrize("frame", MALFORMED)
async def test_an_unreadable_event_reconnects_and_keeps_answering(
    frame: str, harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    assert harness.gateway.identifies == 1
    harness.gateway.ready.clear()
    with caplog.at_level(logging.ERROR, logger="bot.app"):
        await harness.gateway.send_raw(MALFORMED[frame])
        await _wait_for_identifies(harness, 2)
        await asyncio.wait_for(harness.gateway.ready.wait(), 10)
    assert any("Could not read an event from Discord" in r.message for r in caplog.records)
    assert not any(r.exc_info for r in caplog.records if r.levelno >= logging.ERROR)
    reply = await harness.command("episode", {"episode": "S1E1"})
    assert reply.embeds[0]["title"] == "S1E1 · Red Moon"


async def test_the_real_process_survives_an_unreadable_event(settings: Settings) -> None:
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
        harness.gateway.ready.clear()
        await harness.gateway.send_raw(MALFORMED["a lone surrogate"])
        await _wait_for_identifies(harness, 2)
        await asyncio.wait_for(harness.gateway.ready.wait(), 10)
        interaction = payloads.slash("episode", {"episode": "S1E1"})
        answered = harness.stand_in.callback_event(int(interaction["id"]))
        await harness.gateway.dispatch("INTERACTION_CREATE", interaction)
        await asyncio.wait_for(answered.wait(), 10)
        assert process.returncode is None, "still running"
        process.send_signal(signal.SIGTERM)
        done = await finish(process, within=15)
    finally:
        if process.returncode is None:
            process.kill()
        await harness.stop()
    assert done.code == 0, done.stderr
    assert "Could not read an event from Discord (JSONDecodeError" in done.stderr
    assert "Traceback" not in done.stderr
    assert Path(settings.database_path).exists()
