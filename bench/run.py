"""Benchmarks: the real bot process, driven through the local Discord stand-in.

    .venv/bin/python -m bench.run [--size full|quick|smoke]

Prints a table of latency (median, p99) and throughput for every command at
concurrency 1 and 64 beside a no-op command from the same run, autocomplete handler
time in process and end to end, cold and warm start to READY, and resident memory of
an idle bot and of one that has answered 10,000 interactions.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import discord
from discord import app_commands

from bot.canon.catalog import Catalog
from bot.canon.content import load_content
from bot.canon.episodes import EpisodeRef
from bot.canon.models import CharacterName
from bot.settings import DEFAULT_CONTENT_DIR, Settings
from bot.spoilers.policy import Audience
from tests.standin import payloads
from tests.standin.harness import FAKE_TOKEN, Harness

ROOT = Path(__file__).resolve().parent.parent
Payload = Callable[[], dict[str, Any]]
ROUNDS = 5

COMMANDS: dict[str, Payload] = {
    "noop": lambda: payloads.slash("noop", {}),
    "character": lambda: payloads.slash("character", {"name": "Ed Baldwin"}),
    "actor": lambda: payloads.slash("actor", {"name": "Coral Peña"}),
    "episode": lambda: payloads.slash("episode", {"episode": "S3E10"}),
    "season": lambda: payloads.slash("season", {"number": 3}),
    "timeline": lambda: payloads.slash("timeline", {"from_year": 1969, "to_year": 1995}),
    "search": lambda: payloads.slash("search", {"query": "Jamestown reactor"}),
    "help": lambda: payloads.slash("help", {}),
    "about": lambda: payloads.slash("about", {}),
    "autocomplete": lambda: payloads.autocomplete("character", "name", {"name": "gor"}),
}


@dataclass
class Result:
    name: str
    concurrency: int
    latencies: list[float]
    elapsed: float
    bot_cpu: float = 0.0  # seconds of the bot process's CPU time spent on these requests

    def add(self, other: Result, cpu: float) -> None:
        self.latencies += other.latencies
        self.elapsed += other.elapsed
        self.bot_cpu += cpu

    @property
    def cpu_us(self) -> float:
        return self.bot_cpu / len(self.latencies) * 1e6

    @property
    def median_ms(self) -> float:
        return statistics.median(self.latencies) * 1000

    @property
    def p99_ms(self) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000

    @property
    def per_second(self) -> float:
        return len(self.latencies) / self.elapsed


class BotProcess:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.process: asyncio.subprocess.Process | None = None

    async def start(self, harness: Harness) -> float:
        """Spawn the bot; return seconds until it identified on the gateway."""
        env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "FAMBOT_"))}
        env.update(
            DISCORD_TOKEN=FAKE_TOKEN,
            FAMBOT_DATABASE=str(self.settings.database_path),
            FAMBOT_API_BASE=harness.stand_in.url,
            FAMBOT_GATEWAY_URL=harness.gateway.url,
            FAMBOT_LOG_LEVEL="WARNING",
        )
        harness.gateway.ready.clear()
        started = time.perf_counter()
        self.process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bench.bot_process", cwd=ROOT, env=env
        )
        identified = asyncio.create_task(harness.gateway.ready.wait())
        exited = asyncio.create_task(self.process.wait())
        await asyncio.wait({identified, exited}, return_when=asyncio.FIRST_COMPLETED)
        if not identified.done():
            identified.cancel()
            raise RuntimeError("the bot exited during start-up")
        exited.cancel()
        return time.perf_counter() - started

    def cpu_seconds(self) -> float:
        """User plus system CPU time of the bot process so far."""
        assert self.process is not None
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def rss_mib(self) -> float:
        assert self.process is not None
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        kib = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS"))
        return kib / 1024

    async def stop(self) -> None:
        if self.process and self.process.returncode is None:
            self.process.terminate()
            await self.process.wait()


async def measure(harness: Harness, make: Payload, count: int, concurrency: int) -> Result:
    gate = asyncio.Semaphore(concurrency)
    latencies: list[float] = []

    async def one() -> None:
        async with gate:
            payload = make()
            answered = harness.stand_in.callback_event(int(payload["id"]))
            sent = time.perf_counter()
            await harness.gateway.dispatch("INTERACTION_CREATE", payload)
            await asyncio.wait_for(answered.wait(), 30)
            latencies.append(time.perf_counter() - sent)

    started = time.perf_counter()
    await asyncio.gather(*(one() for _ in range(count)))
    return Result("", concurrency, latencies, time.perf_counter() - started)


def autocomplete_in_process(rounds: int) -> list[float]:
    bundle = load_content(DEFAULT_CONTENT_DIR)
    catalog = Catalog.build(
        [CharacterName(c.id, c.name, c.aliases, c.introduced) for c in bundle.characters],
        sorted({(r.actor_id, r.actor_name) for c in bundle.characters for r in c.roles}),
        bundle.episodes,
    )
    queries = ["", "g", "gor", "gordo", "ed bald", "margo madisson", "kel", "aleida rosales"]
    queries += ["S3", "S3E10", "polaris", "the grey", "kinnaman", "zzzz", "Danny"]
    indexes = (catalog.characters, catalog.actors, catalog.episodes)
    # A member part-way through season 2, in a server with an embargo: the filtering path.
    audience = Audience(
        horizons=frozenset({EpisodeRef(2, 4)}), embargoed=frozenset({EpisodeRef(5, 10)})
    )
    timings = []
    for _ in range(rounds):
        for index, query in itertools.product(indexes, queries):
            started = time.perf_counter()
            [
                app_commands.Choice(name=c.name, value=c.value)
                for c in index.suggest(query, audience)
            ]
            timings.append(time.perf_counter() - started)
    return timings


def guard_throughput(seconds: float, messages: int | None) -> list[tuple[str, float]]:
    """The spoiler guard's rates and per-stage costs (bench/guard.py)."""
    from bench.guard import measure

    return list(measure(seconds, messages).items())


def machine() -> str:
    cpu = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return (
        f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, discord.py {discord.__version__}"
    )


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


@dataclass(frozen=True)
class Size:
    sequential: int  # requests per command at concurrency 1
    concurrent: int  # requests per command at concurrency 64
    memory_load: int  # interactions before the second memory reading
    warm_up: int  # requests per command before measuring
    settle: float  # seconds after start-up before measuring (the library's guild wait)
    handler_rounds: int  # rounds of the in-process autocomplete timing
    guard_seconds: float  # per guard throughput figure
    guard_messages: int | None = None  # of the tuning corpus (None: all 912)


SIZES = {
    "full": Size(300, 2000, 10000, 50, 2.5, 200, 3.0),
    "quick": Size(50, 320, 2000, 50, 2.5, 20, 1.0),
    # Every stage runs, with the least work that still prints every row: the test suite
    # runs this to show the script works, and its figures mean nothing.
    "smoke": Size(5, 10, 20, 1, 0.0, 1, 0.0, 40),
}


async def main(size_name: str) -> None:
    size = SIZES[size_name]
    sequential, concurrent, memory_load = size.sequential, size.concurrent, size.memory_load
    scratch = Path(tempfile.mkdtemp(prefix="fambot-bench-"))
    settings = Settings(
        token=FAKE_TOKEN,
        database_path=scratch / "bench.sqlite3",
        content_dir=DEFAULT_CONTENT_DIR,
    )
    harness = Harness(settings)
    await harness.serve()
    print(f"Machine: {machine()}")
    try:
        cold = BotProcess(settings)
        cold_seconds = await cold.start(harness)
        await cold.stop()
        bot = BotProcess(settings)
        warm_seconds = await bot.start(harness)
        await asyncio.sleep(size.settle)  # let start-up settle (the library's guild wait)

        results: list[Result] = []
        for concurrency, count in ((1, sequential), (64, concurrent)):
            for make in COMMANDS.values():
                await measure(harness, make, size.warm_up, concurrency)
            # Commands take turns over several rounds, so drift hits them all alike.
            totals = {name: Result(name, concurrency, [], 0.0) for name in COMMANDS}
            for _ in range(ROUNDS):
                for name, make in COMMANDS.items():
                    cpu_before = bot.cpu_seconds()
                    part = await measure(harness, make, count // ROUNDS, concurrency)
                    totals[name].add(part, bot.cpu_seconds() - cpu_before)
            results += totals.values()

        await bot.stop()
        # Memory, each load on a fresh bot: idle with the same guild, then after the load.
        paged = {"season", "timeline"}
        loads = {
            "flat": [m for n, m in COMMANDS.items() if n not in paged],
            "mixed": list(COMMANDS.values()),
        }
        rss: dict[str, tuple[float, float]] = {}
        for load, makers in loads.items():
            bot = BotProcess(settings)
            await bot.start(harness)
            await asyncio.sleep(size.settle)
            before = bot.rss_mib()
            cycle = itertools.cycle(makers)

            def next_payload(cycle: Iterator[Payload] = cycle) -> dict[str, Any]:
                return next(cycle)()

            await measure(harness, next_payload, memory_load, 16)
            rss[load] = (before, bot.rss_mib())
            await bot.stop()
        live_views = memory_load * len(paged) // len(COMMANDS)
    finally:
        await harness.stop()
        shutil.rmtree(scratch, ignore_errors=True)

    print()
    print(
        f"{'command':<13}{'conc':>5}{'median ms':>11}{'p99 ms':>9}{'req/s':>9}{'vs noop':>9}"
        f"{'bot CPU µs':>12}{'vs noop':>9}"
    )
    for concurrency in (1, 64):
        rows = [r for r in results if r.concurrency == concurrency]
        noop = next(r for r in rows if r.name == "noop")
        for r in rows:
            print(
                f"{r.name:<13}{r.concurrency:>5}{r.median_ms:>11.2f}{r.p99_ms:>9.2f}"
                f"{r.per_second:>9.0f}{r.median_ms / noop.median_ms:>8.2f}×"
                f"{r.cpu_us:>12.0f}"
                + (f"{r.cpu_us / noop.cpu_us:>8.2f}×" if noop.cpu_us else f"{'n/a':>9}")
            )
    handler = autocomplete_in_process(size.handler_rounds)
    print()
    print(
        f"autocomplete handler in process: median {statistics.median(handler) * 1e6:.0f} µs, "
        f"p99 {percentile(handler, 0.99) * 1e6:.0f} µs over {len(handler)} calls"
    )
    print()
    for name, rate in guard_throughput(size.guard_seconds, size.guard_messages):
        print(f"spoiler guard, {name:<38} {rate:>10,.1f}")
    print()
    print(f"cold start to READY (fresh database, content load): {cold_seconds:.2f} s")
    print(f"warm start to READY (content unchanged):            {warm_seconds:.2f} s")
    for load, label in (
        ("flat", "commands without page buttons"),
        ("mixed", f"all commands ({live_views} page views live)"),
    ):
        idle, loaded = rss[load]
        print(
            f"resident memory, {memory_load} interactions, {label}: idle {idle:.1f} MiB, "
            f"after {loaded:.1f} MiB ({loaded / idle:.2f}× idle)"
        )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--size", choices=sorted(SIZES), default="full", help="how many requests (default full)"
    )
    asyncio.run(main(parser.parse_args().size))
