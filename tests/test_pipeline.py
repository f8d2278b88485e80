"""The guard's machinery on its own: the request budget, retry spacing, batching, the
per-channel lanes, and the one-attempt REST client against the stand-in."""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import AsyncIterator, Sequence

import aiohttp
import pytest

from bot.pipeline.backoff import Backoff, Deadline, Rechecks
from bot.pipeline.batching import Batcher
from bot.pipeline.budget import InvalidRequests
from bot.pipeline.lanes import Lanes
from bot.pipeline.rest import Refused, Rest, Route, Transient, Upload
from tests.standin import payloads
from tests.standin.harness import Harness
from tests.standin.ratelimits import RateLimits


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


# --- the invalid-request budget ---------------------------------------------------------


def test_only_401_403_and_429_count_and_shared_429s_do_not() -> None:
    budget = InvalidRequests(clock=Clock())
    for status in (200, 204, 400, 401, 403, 404, 429, 500, 502):
        budget.observe(status)
    budget.observe(429, "shared")
    assert budget.count() == 3


def test_the_window_slides_and_the_guard_pauses_with_hysteresis() -> None:
    clock = Clock()
    budget = InvalidRequests(clock=clock, pause_at=10, resume_at=5)
    for _ in range(9):
        budget.observe(403)
        clock.now += 1
    assert not budget.paused
    budget.observe(429)
    assert budget.paused and budget.count() == 10
    clock.now += 600 - 5  # the first four fall out of the window: 6 left
    assert budget.count() == 6 and budget.paused, "paused until the count is well down"
    clock.now += 1
    assert budget.count() == 5 and not budget.paused


def test_rechecks_after_a_refusal_are_rationed() -> None:
    budget = InvalidRequests(clock=Clock())
    assert budget.may_probe()
    for _ in range(50):
        budget.observe(403)
    assert not budget.may_probe()


async def test_the_budget_sees_every_answer_of_a_session(harness: Harness) -> None:
    budget = InvalidRequests()
    harness.stand_in.missing_permissions_next(lambda r: r.method == "GET", times=2)
    async with aiohttp.ClientSession(trace_configs=[budget.trace()]) as session:
        for _ in range(3):
            async with session.get(harness.stand_in.url + "/users/@me"):
                pass
    assert budget.count() == 2


# --- spacing retries ----------------------------------------------------------------


def test_backoff_doubles_up_to_its_cap_with_jitter() -> None:
    backoff = Backoff(base=0.5, cap=8.0, chance=random.Random(3))
    for attempt, ceiling in [(0, 0.5), (1, 1.0), (3, 4.0), (4, 8.0), (10, 8.0)]:
        delays = {backoff.delay(attempt) for _ in range(20)}
        assert all(ceiling / 2 <= d <= ceiling for d in delays)
        assert len(delays) > 1, "jittered"


def test_a_deadline_passes() -> None:
    clock = Clock()
    deadline = Deadline(10.0, clock)
    clock.now += 4
    assert deadline.remaining() == 6.0 and not deadline.passed
    clock.now += 6
    assert deadline.passed


def test_a_refusal_is_rechecked_later_and_later_never_never() -> None:
    clock = Clock()
    rechecks = Rechecks(first=60, longest=240, clock=clock)
    key = (20, "manage_messages")
    rechecks.refused(key)
    assert rechecks.held(key) and rechecks.wait(key) == 60
    clock.now += 60
    assert not rechecks.held(key), "due for one re-check"
    rechecks.refused(key)
    assert rechecks.wait(key) == 120
    for _ in range(3):
        clock.now += rechecks.wait(key)
        rechecks.refused(key)
    assert rechecks.wait(key) == 240, "capped"
    rechecks.forget(lambda k: k == key)  # a role or channel changed
    assert not rechecks.held(key)
    rechecks.refused(key)
    assert rechecks.wait(key) == 240, "a change that granted nothing costs one request"
    rechecks.granted(key)
    assert not rechecks.known(key)


# --- batching -------------------------------------------------------------------------


def test_the_first_goes_at_once_and_the_rest_wait_for_the_window() -> None:
    clock = Clock()
    batcher: Batcher[str, int] = Batcher(60.0, clock)
    assert batcher.add("#general", 1) == [1]
    assert batcher.add("#general", 2) == []
    assert batcher.add("#other", 3) == [3]
    assert batcher.add("#general", 4) == []
    assert batcher.due() == [] and batcher.next_due() == 60.0
    clock.now += 60
    assert batcher.due() == [("#general", [2, 4])]
    assert batcher.add("#general", 5) == [], "a batch just went: this one waits"
    clock.now += 60
    assert batcher.due() == [("#general", [5])]
    clock.now += 60
    assert batcher.add("#general", 6) == [6], "quiet again: at once"


def test_a_burst_of_300_makes_a_handful_of_messages() -> None:
    clock = Clock()
    notices: Batcher[tuple[int, int], int] = Batcher(180.0, clock)
    sent = 0
    for n in range(300):  # 30 authors, one channel, a message every 0.2 s
        sent += bool(notices.add((n % 30, 20), n))
        clock.now += 0.2
    clock.now += 180
    sent += len(notices.due())
    assert sent == 60, "one at once and one summary per author"


# --- lanes ----------------------------------------------------------------------------


async def test_lanes_keep_order_one_worker_per_channel_and_run_channels_side_by_side() -> None:
    done: list[tuple[int, int]] = []
    running: dict[int, int] = {}
    overlap: list[int] = []

    async def work(lane: int, items: Sequence[int]) -> None:
        running[lane] = running.get(lane, 0) + 1
        overlap.append(sum(running.values()))
        assert running[lane] == 1, "one worker per lane"
        await asyncio.sleep(0.01)
        done.extend((lane, i) for i in items)
        running[lane] -= 1

    lanes = Lanes("test", work)
    for item in (5, 3, 4, 3):  # out of order, one twice
        lanes.put(1, item)
    lanes.put(2, 9)
    await lanes.idle()
    assert [i for lane, i in done if lane == 1] == [3, 4, 5]
    assert (2, 9) in done
    assert max(overlap) == 2, "the two channels worked at the same time"


async def test_a_waiting_item_can_be_withdrawn_and_batches_are_taken_whole() -> None:
    batches: list[list[int]] = []
    gate = asyncio.Event()

    async def work(lane: int, items: Sequence[int]) -> None:
        batches.append(list(items))
        await gate.wait()

    lanes = Lanes("test", work, batch=100)
    lanes.put(1, 1)
    await asyncio.sleep(0)
    for item in (2, 3, 4):
        lanes.put(1, item)
    assert lanes.busy_with(1, 1) and not lanes.discard(1, 1)
    assert lanes.discard(1, 3)
    gate.set()
    await lanes.idle()
    assert batches == [[1], [2, 4]]


async def test_closing_lanes_waits_briefly_then_cancels() -> None:
    started = asyncio.Event()

    async def stuck(lane: int, items: Sequence[int]) -> None:
        started.set()
        await asyncio.sleep(3600)  # Discord unreachable

    lanes = Lanes("test", stuck)
    lanes.put(1, 1)
    lanes.put(1, 2)
    await started.wait()
    began = time.monotonic()
    await lanes.close(grace=0.1)
    assert time.monotonic() - began < 1.0
    lanes.put(1, 3)
    assert lanes.waiting() == 0, "closed lanes take no more work"


# --- the REST client --------------------------------------------------------------------


@pytest.fixture
async def rest(harness: Harness) -> AsyncIterator[Rest]:
    client = Rest(harness.stand_in.url, "token", user_agent="fambot tests", timeout=0.5)
    await client.open()
    yield client
    await client.close()


def _delete(message_id: int) -> Route:
    return Route(
        "DELETE",
        "/channels/{major}/messages/{message_id}",
        payloads.CHANNEL_ID,
        {"message_id": message_id},
    )


async def test_one_attempt_per_call_even_for_a_502(harness: Harness, rest: Rest) -> None:
    message = await harness.member_says(payloads.BOB, "hello")
    harness.stand_in.lost_answer_next(lambda r: r.method == "DELETE")
    with pytest.raises(Transient) as lost:
        await rest.request(_delete(message.id))
    assert lost.value.status == 502
    assert len(harness.stand_in.calls("DELETE")) == 1, "not retried behind the caller's back"
    with pytest.raises(Refused) as again:
        await rest.request(_delete(message.id))
    assert again.value.unknown_message  # the first attempt had done it


async def test_a_reset_connection_is_transient_and_not_silently_retried(
    harness: Harness, rest: Rest
) -> None:
    message = await harness.member_says(payloads.BOB, "hello")
    harness.stand_in.reset_next(lambda r: r.method == "DELETE", after=True)
    with pytest.raises(Transient):
        await rest.request(_delete(message.id))
    assert len(harness.stand_in.calls("DELETE")) == 1


async def test_a_hung_request_times_out_as_transient(harness: Harness, rest: Rest) -> None:
    harness.stand_in.hang_next(lambda r: r.method == "DELETE", 5.0)
    with pytest.raises(Transient):
        await rest.request(_delete(1))


async def test_refusals_say_why(harness: Harness, rest: Rest) -> None:
    message = await harness.member_says(payloads.BOB, "hello")
    await harness.gateway.deny(payloads.CHANNEL_ID, 0x2000)
    with pytest.raises(Refused) as refused:
        await rest.request(_delete(message.id))
    assert refused.value.missing_permission and refused.value.code == 50013


async def test_a_429_is_waited_out_as_told_and_the_request_sent_again(
    harness: Harness, rest: Rest
) -> None:
    message = await harness.member_says(payloads.BOB, "hello")
    harness.stand_in.rate_limit_next(lambda r: r.method == "DELETE", retry_after=0.3)
    began = time.monotonic()
    assert await rest.request(_delete(message.id)) is None
    assert time.monotonic() - began >= 0.3
    assert len(harness.stand_in.calls("DELETE")) == 2
    assert message.id not in harness.stand_in.messages


async def test_buckets_are_waited_for_so_no_429_is_collected(harness: Harness, rest: Rest) -> None:
    harness.stand_in.rate_limits = RateLimits()
    messages = [await harness.member_says(payloads.BOB, f"m{n}") for n in range(11)]
    began = time.monotonic()
    for message in messages:
        await rest.request(_delete(message.id))
    assert harness.stand_in.invalid_within(600) == 0
    assert time.monotonic() - began >= 2.0, "5 a second: 11 deletions span two resets"


async def test_webhook_posts_carry_files(harness: Harness, rest: Rest) -> None:
    hook = await rest.request(
        Route("POST", "/channels/{major}/webhooks", payloads.CHANNEL_ID), body={"name": "g"}
    )
    route = Route("POST", "/webhooks/{major}/{token}", int(hook["id"]), {"token": hook["token"]})
    posted = await rest.request(
        route,
        body={"content": "||x||"},
        files=[Upload("SPOILER_moon.png", b"png")],
        query={"wait": "true"},
    )
    assert posted["attachments"][0]["filename"] == "SPOILER_moon.png"
