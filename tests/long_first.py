"""The suite's long tests (``@pytest.mark.long``) start first, one at the head of each
worker's share.

pytest-xdist's ``worksteal`` hands each worker an equal run of the collection, in order,
and an idle worker later takes the back half of a busy one's queue. A long test in the
middle of a run started whenever its worker got there, often near the end, and the suite
waited for it alone (the benchmark smoke run, the crash and fuzz tests: 10-20 s each on
two busy cores). Dealt to the fronts of the workers' runs, they start at once, and the
short tests fill the gaps around them.
"""

from __future__ import annotations

import os
from itertools import islice

import pytest


def shares(count: int, workers: int) -> list[int]:
    """How many tests xdist's worksteal gives each worker at the start, in order."""
    sizes, left = [], count
    for given in range(workers):
        size = left // (workers - given)
        sizes.append(size)
        left -= size
    return sizes


def deal(items: list[pytest.Item], workers: int) -> list[pytest.Item]:
    """``items`` reordered so the long ones head the workers' shares in turn; the rest
    keep their order."""
    long = [item for item in items if item.get_closest_marker("long")]
    if workers < 2 or not long:
        return items
    rest = iter(item for item in items if not item.get_closest_marker("long"))
    runs: list[list[pytest.Item]] = [[] for _ in range(workers)]
    for index, item in enumerate(long):
        runs[index % workers].append(item)
    ordered: list[pytest.Item] = []
    for run, size in zip(runs, shares(len(items), workers), strict=True):
        ordered += run
        ordered += islice(rest, max(0, size - len(run)))
    ordered += list(rest)
    return ordered


def reorder(items: list[pytest.Item]) -> None:
    """In each xdist worker (they all collect the same tests and must order them alike):
    the long tests first. A run in one process (``-n 0``) keeps the collection's order."""
    workers = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "0"))
    items[:] = deal(items, workers)
