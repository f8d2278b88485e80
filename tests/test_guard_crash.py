"""The bot killed with SIGKILL in the middle of a spoiler burst, and started again: no
member's text lost, no spoiler left up, nothing reposted twice (``crash_scenario.py``;
``bench/guard_crash.py`` runs it fifty times with three hundred messages)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import crash_scenario


@pytest.mark.long
async def test_a_burst_survives_the_bot_being_killed_mid_way(
    db_path: Path, content_dir: Path, tmp_path: Path
) -> None:
    report = await crash_scenario.run(
        seed=11,
        messages=60,
        kills=2,
        workdir=tmp_path,
        content_dir=content_dir,
        template=db_path,
        warm=True,  # forked from a warm starter: the kills, not the start, are checked
    )
    assert report.kills == 2
    assert report.kept, report.line()
    assert report.tracebacks == 0, (tmp_path / "crash-11.log").read_text()[-3000:]
