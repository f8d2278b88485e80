"""A shard process SIGKILLed in the middle of members' writes: the other process keeps
serving, the killed shard comes back, and every change a member was told was saved is
there, in both processes."""

from __future__ import annotations

import asyncio
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

MEMBERS = [Member(710000000000000000 + n, f"fan{n}", MEMBER_PERMISSIONS) for n in range(40)]


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

    async def save(member: Member) -> None:
        payload = payloads.subcommand("progress set", {"episode": "S2E4"}, member)
        answered = stand_in.stand_in.callback_event(int(payload["id"]))
        await stand_in.gateway.dispatch("INTERACTION_CREATE", payload)
        await answered.wait()
        acknowledged.append(member)

    writes = [asyncio.create_task(save(m)) for m in MEMBERS]
    while len(acknowledged) < 5:  # noqa: ASYNC110 - the answers come from another process
        await asyncio.sleep(0.005)
    shard_one.kill()  # mid-burst: some saved and answered, some saved unanswered, some not
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
    for member, server in ((acknowledged[0], False), (acknowledged[-1], True)):
        payload = payloads.subcommand("progress show", {}, member)
        shown = await ask(stand_in, relocate(payload) if server else payload)
        assert "S2E4" in shown.embeds[0]["description"]
    assert await shard_zero.stop() == 0
