"""Shards across processes, end to end: real ``python -m bot`` processes, each running
its shards of the stand-in's gateway, sharing one real PostgreSQL.

The stand-in hands each server to a shard as Discord does, ``(guild_id >> 22) % count``:
the test server is on shard 1 of 2, the second server on shard 0.
"""

from __future__ import annotations

import asyncio
import dataclasses
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest

from bot.settings import Settings
from tests import crash_scenario
from tests.shard_processes import ShardProcess, ask, guard_on
from tests.standin import payloads
from tests.standin.gateway import guild_payload
from tests.standin.guilds import relocate
from tests.standin.harness import Exchange, Harness
from tests.standin.payloads import BOB
from tests.standin.rest import APPLICATION_ID, Message

SPOILER = "Can't believe Karen dies in the bombing. Great episode though!"
PROPAGATION_SECONDS = 1.0  # the promise: a change made through one process, served by all
GUARD_SECONDS = 10.0  # ample for the guard to take a message down and repost it


@pytest.fixture
async def stand_in(settings: Settings) -> AsyncIterator[Harness]:
    """The stand-in alone (the bots are processes of their own), with both servers."""
    harness = Harness(dataclasses.replace(settings, spoiler_guard=True))
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
    logged = (tmp_path / "bots.log").read_text() if started else ""
    assert "Traceback" not in logged and "ERROR" not in logged, logged[-3000:]


def second(payload: dict[str, Any]) -> dict[str, Any]:
    """The interaction or message as if in the second server (shard 0)."""
    moved: dict[str, Any] = relocate(payload)
    return moved


async def until(seconds: float, attempt: Callable[[], Awaitable[bool]]) -> float:
    """Repeat ``attempt`` (a command, say) until it succeeds; fail after ``seconds``."""
    started = time.perf_counter()
    while not await attempt():
        assert time.perf_counter() - started < seconds, "not served within the time promised"
    return time.perf_counter() - started


def _held_back(reply: Exchange) -> bool:
    return "held back" in reply.content and "Reveal" in reply.button_ids()


async def _post(harness: Harness, payload: dict[str, Any]) -> Message:
    """A member's message reaches Discord (and so its shard's sessions)."""
    message = Message(int(payload["id"]), int(payload["channel_id"]), payload)
    harness.stand_in.messages[message.id] = message
    await harness.gateway.dispatch("MESSAGE_CREATE", payload)
    return message


def _hidden(harness: Harness, message_id: int) -> int:
    """How many times the guard asked Discord to delete this message, alone or in bulk."""
    alone = len(harness.stand_in.calls("DELETE", f"/messages/{message_id}"))
    bulk = sum(
        str(message_id) in [str(m) for m in r.json.get("messages", [])]
        for r in harness.stand_in.calls("POST", "/messages/bulk-delete")
    )
    return alone + bulk


def _reposts_of(harness: Harness, text: str) -> int:
    own = f"/webhooks/{APPLICATION_ID}/"
    return sum(
        1
        for r in harness.stand_in.calls("POST", "/webhooks/")
        if not r.path.startswith(own) and (r.json.get("content") or "").replace("||", "") == text
    )


@pytest.mark.long
async def test_two_shard_processes_serve_one_community(
    stand_in: Harness, processes: Callable[[str], Awaitable[ShardProcess]]
) -> None:
    shard_zero, shard_one = await asyncio.gather(processes("0"), processes("1"))
    assert sorted(stand_in.gateway.identified_shards()) == [(0, 2), (1, 2)]

    # Progress set through shard 0 (the second server) holds back replies from shard 1.
    saved = await ask(stand_in, second(payloads.subcommand("progress set", {"episode": "S1E5"})))
    assert saved.ephemeral and "S1E5" in saved.embeds[0]["description"]

    async def held_back_on_shard_one() -> bool:
        return _held_back(await ask(stand_in, payloads.slash("character", {"name": "Gordo"})))

    await until(PROPAGATION_SECONDS, held_back_on_shard_one)
    # ... and clearing it through shard 1 frees replies from shard 0.
    await ask(stand_in, payloads.subcommand("progress clear", {}))

    async def free_on_shard_zero() -> bool:
        reply = await ask(stand_in, second(payloads.slash("character", {"name": "Gordo"})))
        return not _held_back(reply) and "S2E10: ||" in str(reply.embeds)

    await until(PROPAGATION_SECONDS, free_on_shard_zero)
    # Another member was never affected, on either shard.
    bob = await ask(stand_in, payloads.slash("character", {"name": "Gordo"}, BOB))
    assert not _held_back(bob)

    # The guard acts exactly once per message: each server's shard, and only it.
    await ask(stand_in, payloads.subcommand("spoilers guard on", {}))
    await ask(stand_in, second(payloads.subcommand("spoilers guard on", {})))
    first_text, second_text = SPOILER, SPOILER.replace("Great", "Sad")
    first = await _post(stand_in, payloads.member_message(BOB, first_text))
    other = await _post(stand_in, second(payloads.member_message(BOB, second_text)))

    async def both_reposted() -> bool:
        await asyncio.sleep(0.02)
        return _reposts_of(stand_in, first_text) + _reposts_of(stand_in, second_text) >= 2

    await until(GUARD_SECONDS, both_reposted)
    await stand_in.gateway.round_trip()  # the reposts came back through the gateway
    await asyncio.sleep(0.5)  # and neither process acts again, given time to
    assert _reposts_of(stand_in, first_text) == 1
    assert _reposts_of(stand_in, second_text) == 1
    assert _hidden(stand_in, first.id) == 1 and _hidden(stand_in, other.id) == 1
    assert await shard_zero.stop() == 0 and await shard_one.stop() == 0


@pytest.mark.long
async def test_two_processes_on_one_shard_share_settings_and_act_once_per_message(
    stand_in: Harness, processes: Callable[[str], Awaitable[ShardProcess]]
) -> None:
    """A restart without downtime: the new process for shard 1 connects while the old
    one still runs (Discord allows several sessions per shard), so both receive every
    message. An admin turns the guard on through the old one; the journal's claim lets
    exactly one process take each message down and repost it. Then the old one crashes:
    the new one, running all along, must enforce the change it heard about (within a
    second) on its own. (One test: each ``python -m bot`` costs about a second.)"""
    old = await processes("1")
    new = await processes("1")  # loads the settings as they are: the guard off
    assert stand_in.gateway.identified_shards().count((1, 2)) == 2
    turned_on = await ask(stand_in, payloads.subcommand("spoilers guard on", {}))  # to the old
    changed_at = time.perf_counter()
    assert "on" in turned_on.embeds[0]["description"]
    # The time promised for the change to arrive (it takes milliseconds).
    await asyncio.sleep(max(0.0, changed_at + PROPAGATION_SECONDS - time.perf_counter()))

    texts = [f"{SPOILER} #{n}" for n in range(30)]
    posted = [await _post(stand_in, payloads.member_message(BOB, text)) for text in texts]

    async def all_reposted() -> bool:
        await asyncio.sleep(0.05)
        return all(_reposts_of(stand_in, text) >= 1 for text in texts)

    await until(GUARD_SECONDS * 2, all_reposted)
    await stand_in.gateway.round_trip()
    await asyncio.sleep(0.5)  # time for a second, wrongful attempt to show
    assert [_reposts_of(stand_in, text) for text in texts] == [1] * len(texts)
    assert [_hidden(stand_in, message.id) for message in posted] == [1] * len(texts)
    # Had both acted on one, it would show twice above: each process reads every
    # message and asks the journal; which one wins each race is up to the scheduler.

    old.kill()
    while stand_in.gateway.identified_shards().count((1, 2)) > 1:  # noqa: ASYNC110 - its socket
        await asyncio.sleep(0.01)
    message = await _post(stand_in, payloads.member_message(BOB, SPOILER))

    async def reposted() -> bool:
        await asyncio.sleep(0.02)
        return _reposts_of(stand_in, SPOILER) >= 1

    await until(GUARD_SECONDS, reposted)
    assert _reposts_of(stand_in, SPOILER) == 1 and _hidden(stand_in, message.id) == 1
    status = await ask(stand_in, payloads.subcommand("spoilers status", {}))
    assert status.ephemeral and "on" in str(status.embeds).lower()
    assert await new.stop() == 0


async def _read_back(harness: Harness, since: int) -> None:
    """Wait until the guard has read back each of the test server's channels (catch-up)."""

    def read_all() -> bool:
        read = {r.path for r in harness.stand_in.requests[since:] if r.method == "GET"}
        return all(f"/channels/{c}/messages" in read for c in crash_scenario.CHANNELS)

    await harness.stand_in.wait_until(read_all)


@pytest.mark.long
async def test_messages_a_shard_missed_are_caught_up_in_a_process_of_two_shards(
    stand_in: Harness, postgres_url: str, processes: Callable[[str], Awaitable[ShardProcess]]
) -> None:
    """One process runs both shards; long after start, shard 1's connection drops and
    Discord will not resume it. Messages sent meanwhile reach no session; the guard
    reads them back."""
    await guard_on(postgres_url)
    both = await processes("0-1")
    await _read_back(stand_in, 0)  # the process is ready: its first catch-up is done
    stand_in.gateway.refuse_resume = True
    stand_in.gateway.answering.clear()  # shard 1 cannot connect again until the posts are in
    for session in list(stand_in.gateway.sessions):
        if session.shard == (1, 2):
            await session.socket.close(code=4000, message=b"stand-in dropped shard 1")
    texts = [f"{SPOILER} (missed {n})" for n in range(3)]
    for text in texts:
        await _post(stand_in, payloads.member_message(BOB, text))
    assert (1, 2) not in stand_in.gateway.identified_shards(), "the posts reached no session"
    stand_in.gateway.answering.set()

    async def all_reposted() -> bool:
        await asyncio.sleep(0.05)
        return all(_reposts_of(stand_in, text) == 1 for text in texts)

    await until(GUARD_SECONDS * 2, all_reposted)
    assert stand_in.gateway.invalidated >= 1  # it really could not resume
    assert await both.stop() == 0
