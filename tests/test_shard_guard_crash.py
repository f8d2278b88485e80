"""The guard on PostgreSQL, its shard process SIGKILLed in the middle of a spoiler burst
and started again, while the other shard's process keeps serving: no member's text lost,
no spoiler left up, nothing reposted twice, and the restarted process resumes what the
killed one had journalled (``crash_scenario.py``'s burst and checks, per shard)."""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import AsyncIterator
from pathlib import Path

import asyncpg
import pytest

from bot.settings import Settings
from tests import crash_scenario
from tests.shard_processes import ShardProcess, ask, guard_on
from tests.standin import payloads
from tests.standin.gateway import guild_payload
from tests.standin.guilds import relocate
from tests.standin.harness import FAKE_TOKEN, Harness

MESSAGES = 50
KILLS = 2


@pytest.fixture
async def stand_in(settings: Settings) -> AsyncIterator[Harness]:
    harness = Harness(settings)
    await harness.serve()
    harness.gateway.servers.append(lambda denied: relocate(guild_payload(denied)))
    yield harness
    await harness.stop()


async def _unfinished(url: str) -> int:
    conn = await asyncpg.connect(url)
    try:
        return int(
            await conn.fetchval(
                "SELECT count(*) FROM community_guard_journal"
                " WHERE state IN ('seen', 'hidden') OR repost_stale"
            )
        )
    finally:
        await conn.close()


async def _working(url: str) -> None:
    """Return as soon as some message is journalled and not yet reposted."""
    conn = await asyncpg.connect(url)
    try:
        async with asyncio.timeout(30):
            while True:
                busy = await conn.fetchval(
                    "SELECT count(*) FROM community_guard_journal WHERE state IN ('seen', 'hidden')"
                )
                if busy:
                    return
                await asyncio.sleep(0.002)
    finally:
        await conn.close()


async def _finished(harness: Harness, url: str, since: int, within: float) -> int:
    """Wait until the restarted process has read back every channel, every journalled
    message is up again, and Discord heard nothing new for a second."""
    requests = harness.stand_in.requests
    deadline = time.monotonic() + within
    quiet_since, seen = time.monotonic(), len(requests)
    while time.monotonic() < deadline:
        await asyncio.sleep(0.2)
        if len(requests) != seen:
            quiet_since, seen = time.monotonic(), len(requests)
        read = {r.path for r in requests[since:] if r.method == "GET"}
        caught_up = all(f"/channels/{c}/messages" in read for c in crash_scenario.CHANNELS)
        left = await _unfinished(url)
        if caught_up and left == 0 and time.monotonic() - quiet_since > 1.0:
            return 0
    return await _unfinished(url)


@pytest.mark.long
async def test_a_killed_shard_resumes_its_journal_with_nothing_lost(
    stand_in: Harness, postgres_url: str, db_path: Path, content_dir: Path, tmp_path: Path
) -> None:
    matcher = await crash_scenario.prepare(db_path, content_dir)  # the checks' judge
    await guard_on(postgres_url)
    log = tmp_path / "bots.log"
    other = ShardProcess(stand_in, postgres_url, "0", 2, log)
    guard = ShardProcess(stand_in, postgres_url, "1", 2, log)
    await asyncio.gather(other.start(), guard.start())
    chance = random.Random(13)
    posts: dict[int, crash_scenario.Post] = {}
    try:
        members = asyncio.create_task(crash_scenario.burst(stand_in, chance, MESSAGES, posts))
        restarted_at, left_behind = 0, []
        for kill in range(KILLS):
            # The first kill lands while the guard has journalled work in hand; the
            # next at a random moment (members keep posting while it is down).
            if kill == 0:
                await _working(postgres_url)
            else:
                await asyncio.sleep(chance.uniform(0.0, 0.3))
            guard.kill()
            assert guard.process is not None
            await guard.process.wait()
            left_behind.append(await _unfinished(postgres_url))  # journalled, not yet done
            # The other shard keeps serving while this one is down.
            reply = await ask(stand_in, relocate(payloads.slash("character", {"name": "Gordo"})))
            assert reply.embeds and "Gordon" in reply.embeds[0]["title"]
            restarted_at = len(stand_in.stand_in.requests)
            await guard.start()
        await members
        left = await _finished(stand_in, postgres_url, restarted_at, within=60 + MESSAGES * 0.2)
        report = crash_scenario.Report(MESSAGES, KILLS, 0.0, unfinished=left)
        crash_scenario.check(stand_in, posts, matcher, report)
        assert report.kept, report.line()
        assert max(left_behind) > 0, "a kill should leave journalled work for the restart"
    finally:
        assert await guard.stop() == 0
        assert await other.stop() == 0
    logged = log.read_text(errors="replace")
    assert "Traceback" not in logged, logged[-3000:]
    assert FAKE_TOKEN not in logged
