"""Real ``python -m bot`` processes on the stand-in, each running the shards it is given,
and driving them from outside: send an interaction, wait for its answer. (Forked warm,
``tests/warm_bot.py``: these tests check what the processes do once started.)"""

from __future__ import annotations

import asyncio
import os
import signal
import time
from collections import Counter
from pathlib import Path
from typing import Any

from bot.store.postgres.community import PostgresCommunity
from bot.store.postgres.journal import PostgresJournal
from tests import warm_bot
from tests.bot_process import STAND_IN_TIMINGS
from tests.standin import ids, payloads
from tests.standin.harness import FAKE_TOKEN, TIMEOUT, Exchange, Harness

START_SECONDS = 30.0


class ShardProcess:
    """One bot process: ``shards`` (a range such as "0" or "0-1") of ``count``."""

    def __init__(
        self, harness: Harness, database_url: str, shards: str, count: int, log: Path
    ) -> None:
        self.harness = harness
        self.shards = shards
        self.count = count
        self.log = log
        self.env = {
            k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "FAMBOT_"))
        }
        self.env.update(
            DISCORD_TOKEN=FAKE_TOKEN,
            FAMBOT_DATABASE_URL=database_url,
            FAMBOT_SHARD_COUNT=str(count),
            FAMBOT_SHARD_IDS=shards,
            FAMBOT_SPOILER_GUARD="on",
            FAMBOT_API_BASE=harness.stand_in.url,
            FAMBOT_GATEWAY_URL=harness.gateway.url,
            FAMBOT_LOG_LEVEL="WARNING",
            **STAND_IN_TIMINGS,
        )
        self.process: warm_bot.WarmProcess | None = None

    def _ids(self) -> list[int]:
        first, _, last = self.shards.partition("-")
        return list(range(int(first), int(last or first) + 1))

    async def start(self) -> float:
        """Spawn it and wait until every one of its shards has identified and read what
        the stand-in sent it; return the seconds that took."""
        started = time.perf_counter()
        mine = [(shard, self.count) for shard in self._ids()]
        before = Counter(self.harness.gateway.identified_shards())
        with self.log.open("ab") as out:
            self.process = await warm_bot.start(env=self.env, output=out)
        while not all(
            Counter(self.harness.gateway.identified_shards())[shard] > before[shard]
            for shard in mine
        ):
            if self.process.returncode is not None:
                raise RuntimeError(f"the bot exited: {self.log.read_text()[-2000:]}")
            if time.perf_counter() - started > START_SECONDS:
                raise TimeoutError(f"shards {self.shards} did not connect")
            await asyncio.sleep(0.02)
        await self.harness.gateway.round_trip()
        return time.perf_counter() - started

    def kill(self) -> None:
        """SIGKILL: no shutdown, no goodbye, as a crash or the OOM killer would."""
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)

    async def stop(self) -> int:
        """SIGTERM, as systemd stops it; return the exit code."""
        if self.process is None:
            return 0
        if self.process.returncode is None:
            self.process.terminate()
        try:
            return await asyncio.wait_for(self.process.wait(), TIMEOUT)
        except TimeoutError:
            self.process.kill()
            return await self.process.wait()


async def ask(harness: Harness, payload: dict[str, Any]) -> Exchange:
    """Send an interaction over the gateway; return once some process answered it."""
    before = len(harness.stand_in.requests)
    answered = harness.stand_in.callback_event(int(payload["id"]))
    await harness.gateway.dispatch("INTERACTION_CREATE", payload)
    await asyncio.wait_for(answered.wait(), TIMEOUT)
    return Exchange(payload, harness.stand_in.requests[before:], harness.stand_in)


async def guard_on(url: str) -> None:
    """The test server (shard 1 of 2) guards, since a minute ago, with a mod log: set in
    the database before a process starts, so its first catch-up reads the channels."""
    community = await PostgresCommunity.open(url, wait_seconds=5)
    try:
        await community.update_server_settings(
            payloads.GUILD_ID, guard_enabled=True, log_channel_id=payloads.MOD_LOG_ID
        )
        journal = PostgresJournal(url, community.pool, community.worker, None)
        await journal.note_guard_on(payloads.GUILD_ID, ids.id_at(time.time() - 60))
    finally:
        await community.close()
