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
    assert "cold start to READY" in table
    assert "resident memory" in table
