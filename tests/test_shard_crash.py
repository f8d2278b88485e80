"""A shard process SIGKILLed in the middle of members' writes: the other process keeps
serving, the killed shard comes back, and every change a member was told was saved is
there, in both processes."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import pytest

from bot.canon.episodes import EpisodeRef
from bot.community.records import Progress
from bot.settings import Settings
from bot.store.postgres.community import PostgresCommunity
from tests.shard_processes import ShardProcess, ask
from tests.standin import payloads
from tests.standin.gateway import guild_payload
from tests.standin.guilds import relocate
from tests.standin.harness import TIMEOUT, Harness
from tests.standin.payloads import MEMBER_PERMISSIONS, Member
from tests.standin.rest import APPLICATION_ID

DEFERRED = 5  # the interaction callback that only says the answer will follow
MEMBERS = [Member(710000000000000000 + n, f"fan{n}", MEMBER_PERMISSIONS) for n in range(40)]
SPACING = 0.01  # seconds between two members' writes


@pytest.fixture
async def stand_in(settings: Settings) -> AsyncIterator[Harness]:
    harness = Harness(settings)
    await harness.serve()
    harness.gateway.servers.append(lambda denied: relocate(guild_payload(denied)))
    yield harness
    await harness.stop()


@pytest.fixture
async def processes(
    stand_in: Harness, postgres_url: str, tmp_path: Path
) -> AsyncIterator[Callable[[str], Awaitable[ShardProcess]]]:
    started: list[ShardProcess] = []

    async def start(shards: str) -> ShardProcess:
        process = ShardProcess(stand_in, postgres_url, shards, 2, tmp_path / "bots.log")
        started.append(process)
        await process.start()
        return process

    yield start
    await asyncio.gather(*(process.stop() for process in started))


@pytest.mark.long
async def test_a_killed_shard_loses_no_acknowledged_write(
    stand_in: Harness,
    processes: Callable[[str], Awaitable[ShardProcess]],
    postgres_url: str,
) -> None:
    shard_zero, shard_one = await asyncio.gather(processes("0"), processes("1"))
    acknowledged: list[Member] = []

    async def save(member: Member, turn: int) -> None:
        # Spread over ~0.4 s, so the kill lands mid-burst however fast the shard answers
        # (sent at once, all 40 were once answered before the kill)
        await asyncio.sleep(turn * SPACING)
        payload = payloads.subcommand("progress set", {"episode": "S2E4"}, member)
        answered = stand_in.stand_in.callback_event(int(payload["id"]))
        await stand_in.gateway.dispatch("INTERACTION_CREATE", payload)
        await answered.wait()
        # Told it was saved: the card, in the answer or, when the write was slow (over
        # a second, as under load) and the answer only a deferral ("thinking..."), in
        # the follow-up after it. A deferral alone promises nothing: the process may die
        # before its write commits (the test counted it as acknowledged before).
        (callback,) = stand_in.stand_in.calls("POST", f"/interactions/{payload['id']}/")
        if callback.json["type"] == DEFERRED:
            await stand_in.stand_in.wait_for(
                "POST", f"/webhooks/{APPLICATION_ID}/{payload['token']}"
            )
        acknowledged.append(member)

    writes = [asyncio.create_task(save(m, turn)) for turn, m in enumerate(MEMBERS)]
    while len(acknowledged) < 5:  # noqa: ASYNC110 - the answers come from another process
        await asyncio.sleep(0.005)
    shard_one.kill()  # mid-burst: some saved and answered, some saved unanswered, some not
    # (writes sent after it go to a closed socket: dropped, as Discord drops them)
    assert shard_one.process is not None
    await asyncio.wait_for(shard_one.process.wait(), TIMEOUT)
    while (1, 2) in stand_in.gateway.identified_shards():  # noqa: ASYNC110 - its socket closing
        await asyncio.sleep(0.005)
    await stand_in.gateway.round_trip()  # answers already on their way have arrived
    for write in writes:
        write.cancel()  # the rest will never be answered: Discord shows those as failed
    await asyncio.gather(*writes, return_exceptions=True)
    assert 5 <= len(acknowledged) < len(MEMBERS), "the kill should land mid-burst"

    # The other shard keeps serving meanwhile.
    other = await ask(stand_in, relocate(payloads.slash("character", {"name": "Gordo"})))
    assert other.embeds and "Gordon" in other.embeds[0]["title"]

    # The killed shard comes back and serves every acknowledged change; so does shard 0.
    await processes("1")
    store = await PostgresCommunity.open(postgres_url, wait_seconds=5)
    try:
        for member in acknowledged:
            assert store.progress(member.id) == Progress("", EpisodeRef(2, 4))
    finally:
        await store.close()
    # The restarted shard read everything when it started: it shows the change at once.
    shown = await ask(stand_in, payloads.subcommand("progress show", {}, acknowledged[0]))
    assert "S2E4" in shown.embeds[0]["description"]
    # Shard 0 hears of each change and reads it itself, one by one: after a burst of 40
    # under load the last can be a few hundred milliseconds behind, and a warm restart
    # is quicker than that (this raced once). It must come, not be there already.
    deadline = time.monotonic() + TIMEOUT
    while True:
        payload = relocate(payloads.subcommand("progress show", {}, acknowledged[-1]))
        if "S2E4" in (await ask(stand_in, payload)).embeds[0]["description"]:
            break
        assert time.monotonic() < deadline, "shard 0 never heard of an acknowledged change"
        await asyncio.sleep(0.05)
    assert await shard_zero.stop() == 0
