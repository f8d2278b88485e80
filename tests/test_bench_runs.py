"""The benchmark script keeps working (a smoke run; its figures are not asserted)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_benchmark_prints_every_row() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bench.run", "--size", "smoke"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    table = result.stdout
    rows = [line.split()[:2] for line in table.splitlines() if line.strip()]
    for name in ("noop", "character", "timeline", "search", "autocomplete"):
        assert [name, "1"] in rows, name
        assert [name, "64"] in rows, name
    assert "autocomplete handler in process" in table
    for stage in ("shipped rules", "shipped + 1,000", "read (", "associate + score", "whole guard"):
        assert f"spoiler guard, {stage}" in table, stage
    assert "cold start to READY" in table
    assert "resident memory" in table


async def test_the_scale_benchmark_measures_propagation_and_misses(postgres_url: str) -> None:
    """``bench/scale.py``'s own measurements run (its bot setups are the processes of
    ``test_shards``); the figures are not asserted beyond being possible."""
    from bench.scale import misses, propagation

    spread = await propagation(postgres_url, 3)
    assert len(spread) == 3 and all(0 <= d < 5 for d in spread)
    users, guilds, reload, held = await misses(postgres_url, 3, 20)
    assert len(users) == len(guilds) == 3 and reload > 0
    assert held >= 20
