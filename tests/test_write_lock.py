"""A write waiting on the database lock (another process holding it) defers within
Discord's 3 s window, and the member is told the truth: saved, or not saved (issue 11,
defect 6)."""

from __future__ import annotations

import asyncio
import dataclasses
import sqlite3
import sys
import time
from typing import Any

import pytest

from bot.interactions import BUSY
from bot.settings import Settings
from tests.standin import payloads
from tests.standin.harness import Harness

MEMBER = payloads.Member(730000000000000001, "patient", payloads.MEMBER_PERMISSIONS)
DISCORD_WINDOW_SECONDS = 3.0
LOCK_SECONDS = 2.5


def _final_message(harness: Harness, payload: dict[str, Any]) -> dict[str, Any]:
    """What the member finally sees: the follow-up after a deferral."""
    sent = [
        r.json
        for r in harness.stand_in.requests
        if payload["token"] in r.path and r.method in ("POST", "PATCH") and "callback" not in r.path
    ]
    assert len(sent) == 1, sent
    return sent[0]


def _progress(settings: Settings) -> int | None:
    with sqlite3.connect(settings.database_path) as conn:
        row = conn.execute(
            "SELECT episode_id FROM community_series_progress WHERE user_id = ? AND series = ''",
            (MEMBER.id,),
        ).fetchone()
    conn.close()
    return None if row is None else int(row[0])


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """Writes wait LOCK_SECONDS for the lock (5 s by default): longer than the bot waits
    before deferring, short enough for a test to wait it out."""
    return dataclasses.replace(settings, database_lock_seconds=LOCK_SECONDS)


def _answered_in_the_end(harness: Harness, payload: dict[str, Any]) -> bool:
    return any(
        payload["token"] in r.path and r.method in ("POST", "PATCH") and "callback" not in r.path
        for r in harness.stand_in.requests
    )


@pytest.mark.parametrize("saved", [True, False], ids=["released after the deferral", "held"])
async def test_a_held_lock_defers_and_tells_the_truth(
    saved: bool, harness: Harness, settings: Settings
) -> None:
    """The lock is held until the bot has deferred, then released (the write goes
    through), or held until the bot has given up and said so."""
    other = sqlite3.connect(settings.database_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another process writing, e.g. a backup tool
    try:
        payload = payloads.subcommand("progress set", {"episode": "S2E4"}, MEMBER)
        answered = harness.stand_in.callback_event(int(payload["id"]))
        began = time.perf_counter()
        await harness.gateway.dispatch("INTERACTION_CREATE", payload)
        await asyncio.wait_for(answered.wait(), 10)
        first = time.perf_counter() - began
        if not saved:
            await harness.stand_in.wait_until(lambda: _answered_in_the_end(harness, payload))
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert harness.bot is not None and await harness.bot.wait_until_idle(10)
    assert first < DISCORD_WINDOW_SECONDS, f"first answer after {first:.1f} s"
    callback = harness.stand_in.calls("POST", f"/interactions/{payload['id']}/")[0].json
    assert callback["type"] == 5 and callback["data"]["flags"] & 64, "deferred, privately"
    final = _final_message(harness, payload)
    if saved:
        assert final["embeds"][0]["title"] == "Progress saved"
        assert _progress(settings) == 204
    else:
        assert final["content"] == BUSY
        assert _progress(settings) is None


async def test_a_quick_write_answers_at_once(harness: Harness, settings: Settings) -> None:
    reply = await harness.subcommand("progress set", {"episode": "S2E4"}, MEMBER)
    assert reply.type == 4 and reply.embeds[0]["title"] == "Progress saved"
    assert _progress(settings) == 204


async def test_an_error_after_the_save_does_not_say_it_failed(
    harness: Harness, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("the renderer broke")

    monkeypatch.setattr(sys.modules["cogs.progress"], "send_reply", broken)
    reply = await harness.subcommand("progress set", {"episode": "S2E4"}, MEMBER)
    assert reply.content.startswith("Your change was saved, but something went wrong")
    assert _progress(settings) == 204
