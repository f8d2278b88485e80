"""Scale-out benchmarks: the same mix on SQLite (1 process) and PostgreSQL (1 and 2).

    .venv/bin/python -m bench.scale [--size full|quick|smoke]

Real bot processes (``bench/bot_process.py``) on the local Discord stand-in, with two
servers on two shards; PostgreSQL is a real server started here (``pgserver``). Prints:

- per-command latency (median, p99) at concurrency 1 and throughput at concurrency 64
  for each setup, with the bots' CPU time per request;
- cross-process propagation: from a write made in one process until another process
  serves it (p50, p99);
- the cost of a cache miss: re-reading one entry from PostgreSQL (what a process does
  when it hears of a change), and reloading everything after a gap.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.run import machine, percentile
from bot.canon.episodes import EpisodeRef
from bot.settings import DEFAULT_CONTENT_DIR, Settings
from bot.store.postgres.community import PostgresCommunity
from tests.postgres import Server
from tests.standin import payloads
from tests.standin.gateway import guild_payload
from tests.standin.guilds import relocate
from tests.standin.harness import FAKE_TOKEN, Harness

ROOT = Path(__file__).resolve().parent.parent
Payload = Callable[[], dict[str, Any]]

# The mix: lookups, search, autocomplete, and one write (a member's progress) in ten.
MIX: dict[str, Payload] = {
    "character": lambda: payloads.slash("character", {"name": "Ed Baldwin"}),
    "episode": lambda: payloads.slash("episode", {"episode": "S3E10"}),
    "timeline": lambda: payloads.slash("timeline", {"from_year": 1969, "to_year": 1995}),
    "search": lambda: payloads.slash("search", {"query": "Jamestown reactor"}),
    "autocomplete": lambda: payloads.autocomplete("character", "name", {"name": "gor"}),
    "progress set": lambda: payloads.subcommand("progress set", {"episode": "S2E4"}),
}
WEIGHTS = {"character": 2, "episode": 2, "timeline": 1, "search": 2, "autocomplete": 2}
WEIGHTS["progress set"] = 1


@dataclass(frozen=True)
class Size:
    sequential: int  # requests per command at concurrency 1
    concurrent: int  # requests of the mix at concurrency 64
    propagation: int  # writes timed from one process to another
    misses: int  # single-entry re-reads timed
    rows: int  # members with progress for the reload timing


SIZES = {
    "full": Size(200, 6000, 300, 500, 10000),
    "quick": Size(50, 1500, 100, 100, 2000),
    "smoke": Size(3, 40, 5, 5, 50),  # every stage runs; the figures mean nothing
}


@dataclass(frozen=True)
class Setup:
    name: str
    postgres: bool
    ranges: tuple[str, ...]  # shard ranges, one process each ("0-1": both shards)


SETUPS = (
    Setup("SQLite, 1 process", False, ("0-1",)),
    Setup("PostgreSQL, 1 process", True, ("0-1",)),
    Setup("PostgreSQL, 2 processes", True, ("0", "1")),
)


class Bots:
    """The bot processes of one setup."""

    def __init__(self, harness: Harness, setup: Setup, scratch: Path, url: str) -> None:
        self.harness = harness
        self.setup = setup
        self.scratch = scratch
        self.url = url
        self.processes: list[asyncio.subprocess.Process] = []

    async def start(self) -> None:
        for shards in self.setup.ranges:
            env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "FAMBOT_"))}
            env.update(
                DISCORD_TOKEN=FAKE_TOKEN,
                FAMBOT_API_BASE=self.harness.stand_in.url,
                FAMBOT_GATEWAY_URL=self.harness.gateway.url,
                FAMBOT_LOG_LEVEL="WARNING",
                FAMBOT_SHARD_COUNT="2",
                FAMBOT_SHARD_IDS=shards,
                FAMBOT_DATABASE=str(self.scratch / "bench.sqlite3"),
            )
            if self.setup.postgres:
                env["FAMBOT_DATABASE_URL"] = self.url
            self.processes.append(
                await asyncio.create_subprocess_exec(
                    sys.executable, "-m", "bench.bot_process", cwd=ROOT, env=env
                )
            )
        while len(self.harness.gateway.identified_shards()) < 2:
            if any(p.returncode is not None for p in self.processes):
                raise RuntimeError("a bot exited during start-up")
            await asyncio.sleep(0.02)
        await self.harness.gateway.round_trip()

    def cpu_seconds(self) -> float:
        return sum(_cpu(process.pid) for process in self.processes)

    async def stop(self) -> None:
        for process in self.processes:
            if process.returncode is None:
                process.terminate()
        for process in self.processes:
            await process.wait()


def _cpu(pid: int, children: bool = False) -> float:
    """User+system CPU seconds of a process (and of its reaped children)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = int(fields[11]) + int(fields[12])
    if children:
        ticks += int(fields[13]) + int(fields[14])
    return ticks / os.sysconf("SC_CLK_TCK")


def postgres_cpu(postmaster: int) -> float:
    """The PostgreSQL server's CPU seconds: the postmaster, its reaped backends, and the
    backends and helpers still running."""
    total = _cpu(postmaster, children=True)
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # ended meanwhile
        if int(fields[1]) == postmaster:
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def _in_a_server(make: Payload, n: int) -> dict[str, Any]:
    """Alternate the two servers (shard 1, shard 0), as a real load spreads."""
    payload = make()
    moved: dict[str, Any] = relocate(payload) if n % 2 else payload
    return moved


async def _timed(harness: Harness, payload: dict[str, Any]) -> float:
    answered = harness.stand_in.callback_event(int(payload["id"]))
    sent = time.perf_counter()
    await harness.gateway.dispatch("INTERACTION_CREATE", payload)
    await asyncio.wait_for(answered.wait(), 30)
    return time.perf_counter() - sent


@dataclass
class Figures:
    latency: dict[str, list[float]]
    throughput: float
    cpu_us: float  # the bots' CPU per request of the mix at concurrency 64
    driver_us: float  # the stand-in and this driver (one process): the same
    postgres_us: float
    busy: float  # all three, as a share of the machine's cores over the run


async def _measure(harness: Harness, size: Size) -> tuple[dict[str, list[float]], list[float]]:
    latency: dict[str, list[float]] = {name: [] for name in MIX}
    for n in range(size.sequential):
        for name, make in MIX.items():
            latency[name].append(await _timed(harness, _in_a_server(make, n)))
    return latency, []


async def _throughput(harness: Harness, count: int) -> float:
    weighted = [make for name, make in MIX.items() for _ in range(WEIGHTS[name])]
    gate = asyncio.Semaphore(64)

    async def one(n: int) -> None:
        async with gate:
            await _timed(harness, _in_a_server(weighted[n % len(weighted)], n))

    started = time.perf_counter()
    await asyncio.gather(*(one(n) for n in range(count)))
    return count / (time.perf_counter() - started)


async def run_setup(
    harness: Harness, setup: Setup, size: Size, scratch: Path, url: str, postmaster: int
) -> Figures:
    bots = Bots(harness, setup, scratch, url)
    await bots.start()
    try:
        for n in range(4):  # warm up every command in both servers
            for make in MIX.values():
                await _timed(harness, _in_a_server(make, n))
        latency, _ = await _measure(harness, size)
        before = (bots.cpu_seconds(), time.process_time(), postgres_cpu(postmaster))
        started = time.perf_counter()
        rate = await _throughput(harness, size.concurrent)
        elapsed = time.perf_counter() - started
        after = (bots.cpu_seconds(), time.process_time(), postgres_cpu(postmaster))
    finally:
        await bots.stop()
    used = [(b - a) / size.concurrent * 1e6 for a, b in zip(before, after, strict=True)]
    busy = sum(b - a for a, b in zip(before, after, strict=True)) / (
        elapsed * (os.cpu_count() or 1)
    )
    return Figures(latency, rate, used[0], used[1], used[2], busy)


async def propagation(url: str, count: int) -> list[float]:
    """Seconds from a write made in this process until another process serves it."""
    watcher = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bench.watcher",
        url,
        str(count),
        cwd=ROOT,
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
    )
    assert watcher.stdout is not None and watcher.stdin is not None
    assert (await watcher.stdout.readline()).strip() == b"ready"
    writer = await PostgresCommunity.open(url, wait_seconds=10)
    delays = []
    try:
        for n in range(count):
            # Timed from the call: the other process may hear of the commit before the
            # writer itself has returned.
            started = time.monotonic()
            await writer.set_progress(900 + n, "", EpisodeRef(1, 1 + n % 9))
            seen = float((await watcher.stdout.readline()).decode())
            delays.append(seen - started)
    finally:
        await writer.close()
        await watcher.wait()
    return delays


async def misses(url: str, count: int, rows: int) -> tuple[list[float], list[float], float, int]:
    """Re-reading one member's and one server's entry; reloading ``rows`` members."""
    store = await PostgresCommunity.open(url, wait_seconds=10)
    try:
        await store.update_server_settings(1, embargo_days=3)
        await store.set_channel(1, 2, "spoiler", True)
        users, guilds = [], []
        for n in range(count):
            started = time.perf_counter()
            await store.refresh("user", 900 + n % 5)
            users.append(time.perf_counter() - started)
            started = time.perf_counter()
            await store.refresh("guild", 1)
            guilds.append(time.perf_counter() - started)
        async with store._pool.acquire() as conn:
            await conn.execute(
                "INSERT INTO community_series_progress (user_id, series, episode_id)"
                " SELECT n, '', 104 FROM generate_series(100000, 100000 + $1 - 1) AS n"
                " ON CONFLICT DO NOTHING",
                rows,
            )
            await conn.execute(
                "INSERT INTO community_version SELECT 'user', n, 1"
                " FROM generate_series(100000, 100000 + $1 - 1) AS n ON CONFLICT DO NOTHING",
                rows,
            )
        started = time.perf_counter()
        await store.load()
        reload = time.perf_counter() - started
        held = store.counts()[0]
    finally:
        await store.close()
    return users, guilds, reload, held


def memory_read_ns(rounds: int = 100000) -> float:
    from bot.community.state import CommunityState

    state = CommunityState()
    state.put_progress(1, [])
    started = time.perf_counter()
    for _ in range(rounds):
        state.horizons(1)
        state.server_settings(1)
    return (time.perf_counter() - started) / rounds / 2 * 1e9


def ms(values: list[float], fraction: float) -> str:
    return f"{percentile(values, fraction) * 1000:.2f}"


async def main(size_name: str, server: Server) -> None:
    size = SIZES[size_name]
    scratch = Path(tempfile.mkdtemp(prefix="fambot-scale-"))
    print(f"Machine: {machine()}")
    print(f"Load average before: {' '.join(f'{n:.2f}' for n in os.getloadavg())}")
    harness = Harness(Settings(token=FAKE_TOKEN, content_dir=DEFAULT_CONTENT_DIR))
    await harness.serve()
    harness.gateway.servers.append(lambda denied: relocate(guild_payload(denied)))
    figures: dict[str, Figures] = {}
    try:
        for setup in SETUPS:
            url = await server.emptied()
            figures[setup.name] = await run_setup(
                harness, setup, size, scratch, url, server.postmaster
            )
        url = await server.emptied()
        spread = await propagation(url, size.propagation)
        users, guilds, reload, held = await misses(url, size.misses, size.rows)
    finally:
        await harness.stop()
        shutil.rmtree(scratch, ignore_errors=True)

    base = figures[SETUPS[0].name]
    print()
    print("Latency at concurrency 1 (median / p99 ms), two servers on two shards:")
    print(f"{'command':<14}" + "".join(f"{s.name:>28}" for s in SETUPS))
    for name in MIX:
        row = f"{name:<14}"
        for setup in SETUPS:
            values = figures[setup.name].latency[name]
            ratio = statistics.median(values) / statistics.median(base.latency[name])
            row += f"{ms(values, 0.5):>10} /{ms(values, 0.99):>7} ({ratio:.2f}×)"
        print(row)
    print()
    print("Throughput of the mix at concurrency 64, and CPU per request (µs):")
    print(
        f"  {'':<26}{'req/s':>8}{'':>9}{'bots':>7}{'driver':>8}{'postgres':>10}{'machine busy':>14}"
    )
    for setup in SETUPS:
        f = figures[setup.name]
        print(
            f"  {setup.name:<26}{f.throughput:>8.0f} ({f.throughput / base.throughput:.2f}×)"
            f"{f.cpu_us:>7.0f}{f.driver_us:>8.0f}{f.postgres_us:>10.0f}{f.busy:>13.0%}"
        )
    print()
    print(
        f"cross-process propagation over {len(spread)} writes: p50 {ms(spread, 0.5)} ms, "
        f"p99 {ms(spread, 0.99)} ms, max {max(spread) * 1000:.2f} ms"
    )
    print(
        f"cache miss (one entry re-read from PostgreSQL): member p50 {ms(users, 0.5)} ms, "
        f"p99 {ms(users, 0.99)} ms; server p50 {ms(guilds, 0.5)} ms, p99 {ms(guilds, 0.99)} ms"
    )
    print(f"memory read (progress and settings): {memory_read_ns():.0f} ns")
    print(f"full reload after a gap: {reload * 1000:.0f} ms for {held} members with progress")
    print(f"Load average after: {' '.join(f'{n:.2f}' for n in os.getloadavg())}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", choices=sorted(SIZES), default="full")
    size = parser.parse_args().size
    postgres = Server()  # starts PostgreSQL (synchronously, before the event loop)
    try:
        asyncio.run(main(size, postgres))
    finally:
        postgres.stop()
