"""SIGKILL during writes, start-up and canon reloads: no acknowledged write is lost, the
database stays whole, and the canon is always one complete version (a few kills here,
every phase at least once and writes twice; ``python -m bench.crash`` runs hundreds)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.crashes import PHASES, crash_run

KILLS = 4  # PHASES in turn: writes, start-up, reload, writes


@pytest.mark.long
async def test_sigkill_loses_no_acknowledged_write_and_no_canon(tmp_path: Path) -> None:
    figures = await crash_run(tmp_path, kills=KILLS, seed=20261124)
    report = "\n".join(figures.lines())
    assert figures.kills == KILLS
    assert all(figures.by_phase[phase] >= 1 for phase in PHASES), report
    assert figures.acknowledged > 0, f"some writes were acknowledged before a kill\n{report}"
    assert figures.lost == {}, report
    assert figures.damaged == [], report
    assert figures.failed_starts == 0, report
    assert figures.tracebacks == 0, report
