"""Seeded, hypothesis-driven interactions through the stand-in against the running bot
(tests/fuzzing.py says what is sent and checked). The suite's run is sized to try every
kind of step (about 260 interactions, some 5 s); ``python -m bench.fuzz`` runs 100,000."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import os
from pathlib import Path

import hypothesis
import pytest
from hypothesis import HealthCheck, Phase, given, seed
from hypothesis import strategies as st

from bot.settings import Settings
from tests.fuzzing import ROLL, Fuzzer, LogWatch
from tests.standin.harness import Harness

SEED = int(os.environ.get("FAMBOT_FUZZ_SEED", "20261124"))
# Seven sequences send every kind of step at least eight times (263 interactions, 17
# member messages at this seed); fourteen sent twice as many for twice the CPU.
SEQUENCES = int(os.environ.get("FAMBOT_FUZZ_SEQUENCES", "7"))
STEPS = 40  # per sequence; about 36 of them interactions
MINIMUM = int(os.environ.get("FAMBOT_FUZZ_MINIMUM", "230"))
REPORT = os.environ.get("FAMBOT_FUZZ_REPORT")  # where bench.fuzz wants the figures
INTERACTIONS = {"command", "raw", "autocomplete", "button", "message command", "form"}


@pytest.mark.long
def test_fuzzed_interactions_break_nothing(settings: Settings) -> None:
    loop = asyncio.new_event_loop()
    watch = LogWatch()
    logging.getLogger().addHandler(watch)
    harness = Harness(dataclasses.replace(settings, spoiler_guard=True))
    try:
        loop.run_until_complete(harness.start())
        loop.run_until_complete(harness.subcommand("spoilers guard on"))
        fuzzer = Fuzzer(harness, watch)

        @seed(SEED)
        @hypothesis.settings(
            max_examples=SEQUENCES,
            deadline=None,
            database=None,
            phases=[Phase.generate],  # no shrinking: a failure names its interaction
            suppress_health_check=list(HealthCheck),
        )
        @given(data=st.data())
        def sequence(data: st.DataObject) -> None:
            async def run() -> None:
                for _ in range(STEPS):
                    roll = data.draw(ROLL)
                    try:
                        await fuzzer.step(roll)
                    except Exception as error:  # a stall, the fuzzer's bug, the stand-in's
                        last = [f"{r.method} {r.path}" for r in harness.stand_in.requests[-3:]]
                        fuzzer.figures.harness.append(f"{roll.kind}: {error!r} after {last}")
                await fuzzer.check_database()

            # Problems are collected, not raised: hypothesis would replay the sequence,
            # and the bot's state has moved on since. The figures name each one.
            loop.run_until_complete(run())

        sequence()
    finally:
        loop.run_until_complete(harness.stop())
        # The guard's notices delete themselves later: cancel those timers with the loop,
        # or they are destroyed pending when the worker exits (and logged to no stream).
        left = asyncio.all_tasks(loop)
        for task in left:
            task.cancel()
        if left:  # gather() of nothing asks for a current loop, and this one is not set
            loop.run_until_complete(asyncio.gather(*left, return_exceptions=True))
        loop.close()
        logging.getLogger().removeHandler(watch)
    figures = fuzzer.figures
    if REPORT:
        Path(REPORT).write_text("\n".join(figures.lines()) + "\n")
    report = "\n".join([*figures.lines(), *figures.problems[:15]])
    assert figures.interactions >= MINIMUM, report
    assert set(figures.by_kind) >= INTERACTIONS, f"a kind of step never ran\n{report}"
    assert figures.messages > 0, f"no member message was guarded\n{report}"
    assert figures.problems == [], report
