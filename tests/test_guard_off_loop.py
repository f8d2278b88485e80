"""The guard reads long messages off the event loop (cogs/spoilers/_judge.py): the bot
answers while one is read, messages of a channel are still acted on in their order, and
reads from several threads give the verdicts one thread gives."""

from __future__ import annotations

import asyncio
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from bench.guard import HOSTILE
from bot.guard import Matcher, inspect, tag_finding
from bot.guard.matcher import _stemmer
from bot.spoilers.policy import PUBLIC, Exposure, exposure
from cogs.spoilers import _judge
from cogs.spoilers._guard import SpoilerGuard
from tests.guard_accuracy import CORPORA, corpus
from tests.guarding import SPOILER, TAGGED
from tests.shipped import shipped_content
from tests.standin import payloads
from tests.standin.harness import TIMEOUT, Harness
from tests.standin.payloads import ALICE, BOB
from tests.standin.rest import APPLICATION_ID, Recorded

FILLER = " Great episode though, the music was amazing."
LONG_SPOILER = SPOILER + FILLER * 6  # past READ_INLINE_UNDER: read on the reader thread
LATER_SPOILER = "Wow, Gordo dies on the moon. Sad."


def _executions(harness: Harness) -> list[Recorded]:
    own = f"/webhooks/{APPLICATION_ID}/"
    return [r for r in harness.stand_in.calls("POST", "/webhooks/") if not r.path.startswith(own)]


class _Gate:
    """Holds every long read until released (a thread waiting on it would hold the
    loop, were the read on the loop), noting where reads ran."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.started = threading.Event()
        self.released = threading.Event()
        self.threads: list[str] = []
        reading = _judge._reading

        def gated(text: str, *args: Any) -> Any:
            self.threads.append(threading.current_thread().name)
            if len(text) >= _judge.READ_INLINE_UNDER:
                self.started.set()
                assert self.released.wait(TIMEOUT), "never released"
            return reading(text, *args)

        monkeypatch.setattr(_judge, "_reading", gated)

    async def wait_started(self) -> None:
        assert await asyncio.to_thread(self.started.wait, TIMEOUT), "the read never started"


def _judge_of(harness: Harness) -> _judge.Judge:
    assert harness.bot is not None
    guard = harness.bot.get_cog("SpoilerGuard")
    assert isinstance(guard, SpoilerGuard)
    return guard.judge


async def _answered(harness: Harness, payload: dict[str, Any]) -> None:
    """Send an interaction and wait for its answer only (not for the bot to be idle:
    it is still reading)."""
    answered = harness.stand_in.callback_event(int(payload["id"]))
    await harness.gateway.dispatch("INTERACTION_CREATE", payload)
    await asyncio.wait_for(answered.wait(), TIMEOUT)


async def test_commands_are_answered_while_a_long_message_is_read(
    guarded: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = _Gate(monkeypatch)
    await guarded.member_says(BOB, LONG_SPOILER)
    await gate.wait_started()
    await _answered(guarded, payloads.slash("character", {"name": "Gordo"}, ALICE))
    await _answered(guarded, payloads.slash("spoilercheck", {"draft": "Karen runs it."}, ALICE))
    assert not gate.released.is_set() and _executions(guarded) == []  # still being read
    gate.released.set()
    await guarded.settle()
    [execution] = _executions(guarded)
    assert execution.json["content"] == TAGGED + FILLER * 6
    long_reads = [t for t in gate.threads if t.startswith("guard-reader")]
    assert long_reads and threading.main_thread().name not in long_reads


async def test_a_short_message_waits_for_a_long_one_before_it(
    guarded: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = _Gate(monkeypatch)
    await guarded.member_says(BOB, LONG_SPOILER)
    await gate.wait_started()
    await guarded.member_says(ALICE, LATER_SPOILER)  # short: inline, were nothing waiting
    judge = _judge_of(guarded)
    deadline = time.monotonic() + TIMEOUT
    while judge._waiting < 2:  # queued behind the long one, not read inline meanwhile
        assert time.monotonic() < deadline, "the short message was not queued"
        await asyncio.sleep(0.01)
    gate.released.set()
    await guarded.settle()
    reposted = [e.json["content"] for e in _executions(guarded)]
    assert reposted == [TAGGED + FILLER * 6, "||Wow, Gordo dies on the moon.|| Sad."]


async def test_short_messages_are_read_inline(
    guarded: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = _Gate(monkeypatch)
    await guarded.member_says(BOB, SPOILER)
    await guarded.settle()
    assert set(gate.threads) == {threading.main_thread().name}
    assert [e.json["content"] for e in _executions(guarded)] == [TAGGED]


# --- several threads -----------------------------------------------------------------


def _fresh_matcher() -> Matcher:
    """A matcher of its own (not compile_rules's shared one): its per-word caches start
    empty, so the threads below fill them together."""
    bundle = shipped_content()
    active = [r for r in bundle.guard_rules if exposure(r.reveal, PUBLIC) is not Exposure.SHOW]
    return Matcher(active, (), bundle.guard_lexicon)


def _reading(matcher: Matcher) -> Callable[[str], tuple[float, tuple[Any, ...], str | None]]:
    def read(text: str) -> tuple[float, tuple[Any, ...], str | None]:
        finding = inspect(text, matcher)
        return finding.score, finding.sentences, tag_finding(finding) if finding else None

    return read


def test_reads_from_several_threads_give_the_verdicts_of_one() -> None:
    texts = [str(m["text"]) for name in ("tuning", "opened") for m in corpus(CORPORA[name])]
    texts = texts[::3] + [h[:1500] for h in HOSTILE]
    expected = list(map(_reading(_fresh_matcher()), texts))
    matcher = _fresh_matcher()
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)  # threads take turns often: races get their chance
    try:
        with ThreadPoolExecutor(4) as pool:  # each reads every text, in its own order
            orders = [texts[k:] + texts[:k] for k in (0, len(texts) // 4, len(texts) // 2)]
            orders.append(texts[::-1])
            results = list(pool.map(lambda order: list(map(_reading(matcher), order)), orders))
    finally:
        sys.setswitchinterval(interval)
    by_text = dict(zip(texts, expected, strict=True))
    for order, got in zip(orders, results, strict=True):
        assert [by_text[t] for t in order] == got


def test_each_thread_stems_with_its_own_stemmer() -> None:
    with ThreadPoolExecutor(2) as pool:
        barrier = threading.Barrier(2)

        def own() -> object:
            barrier.wait()
            assert _stemmer("en")("dies") == "die"
            return _stemmer("en").__self__  # type: ignore[attr-defined]

        first, second = pool.submit(own), pool.submit(own)
        stemmers = [first.result(), second.result(), own_here := _stemmer("en").__self__]  # type: ignore[attr-defined]
        assert len({id(s) for s in stemmers}) == 3 and own_here is stemmers[2]


# --- stopping while a read waits ------------------------------------------------------


async def test_a_message_whose_read_the_shutdown_cut_short_is_read_back_after_a_restart(
    guarded: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A flood of long messages can outlast the shutdown's grace: the reads still queued
    are cancelled. Catch-up's mark must not have moved past them, or no restart reads
    them back and the spoiler stays up for good."""
    gate = _Gate(monkeypatch)
    message = await guarded.member_says(BOB, LONG_SPOILER)
    await gate.wait_started()
    assert guarded.bot is not None
    waiting = guarded.bot.wait_until_idle
    monkeypatch.setattr(guarded.bot, "wait_until_idle", lambda: waiting(0.05))  # grace over
    await guarded.stop_bot()  # the read cancelled, catch-up's marks written
    gate.released.set()
    monkeypatch.undo()
    await guarded.start_bot()
    await guarded.settle()
    assert message.id not in guarded.stand_in.messages, "read back and taken down"
    assert [e.json["content"] for e in _executions(guarded)] == [TAGGED + FILLER * 6]
