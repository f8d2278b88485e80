"""The guard's journal on SQLite and on PostgreSQL: what a claim costs.

    .venv/bin/python -m bench.journal [--messages N]

Prints, per backend, the latency of ``add`` (journalling a message: the claim) and of
one step (``mark_hidden``); then, on PostgreSQL, two processes (each its own pool and
presence) racing to journal the same N messages, with how many each won and whether
any was won twice; and the time one process takes to claim N entries a dead process
left (``claim_unfinished``). PostgreSQL is a real server started here (``pgserver``).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import tempfile
import time
from pathlib import Path

from tests.community_backends import Backend
from tests.journal_entries import entry
from tests.postgres import Server


def _ms(values: list[float], fraction: float) -> str:
    ordered = sorted(values)
    return f"{ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] * 1000:.2f}"


async def _steps(backend: Backend, messages: int, first: int) -> tuple[list[float], list[float]]:
    journal = await backend.open_journal()
    adds: list[float] = []
    hides: list[float] = []
    for m in range(first, first + messages):
        started = time.perf_counter()
        assert await journal.add(entry(m))
        adds.append(time.perf_counter() - started)
        started = time.perf_counter()
        await journal.mark_hidden([m])
        hides.append(time.perf_counter() - started)
    await backend.close_all()
    return adds, hides


async def main(messages: int, server: Server) -> None:
    scratch = Path(tempfile.mkdtemp(prefix="fambot-journal-"))
    print(f"Load average before: {' '.join(f'{n:.2f}' for n in os.getloadavg())}")
    try:
        print(f"One process, {messages} messages one at a time (p50 / p99 ms):")
        for name, url in (("SQLite", None), ("PostgreSQL", await server.emptied())):
            adds, hides = await _steps(Backend(scratch / "bench.sqlite3", url), messages, 1)
            print(
                f"  {name:<11} add {_ms(adds, 0.5)} / {_ms(adds, 0.99)}"
                f"   mark_hidden {_ms(hides, 0.5)} / {_ms(hides, 0.99)}"
            )

        shared = Backend(scratch / "unused.sqlite3", await server.emptied())
        first, second = await shared.open_journal(), await shared.open_journal()
        started = time.perf_counter()
        won = await asyncio.gather(
            *(j.add(entry(m)) for m in range(1, messages + 1) for j in (first, second))
        )
        seconds = time.perf_counter() - started
        pairs = [won[i : i + 2] for i in range(0, len(won), 2)]
        print(
            f"Two processes racing for the same {messages} messages: {seconds * 1000:.0f} ms, "
            f"{messages / seconds:.0f} messages/s; won {sum(p[0] for p in pairs)} and "
            f"{sum(p[1] for p in pairs)}; won by both: {sum(all(p) for p in pairs)}, "
            f"by neither: {sum(not any(p) for p in pairs)}"
        )
        await shared.close_journal(first)  # it dies holding half the work
        started = time.perf_counter()
        taken = await second.claim_unfinished()
        seconds = time.perf_counter() - started
        print(
            f"Claiming what a dead process left: {len(taken)} entries (all {messages} "
            f"unfinished) in {seconds * 1000:.1f} ms"
        )
        await shared.close_all()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print(f"Load average after: {' '.join(f'{n:.2f}' for n in os.getloadavg())}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=1000)
    count = parser.parse_args().messages
    postgres = Server()
    try:
        asyncio.run(main(count, postgres))
    finally:
        postgres.stop()
