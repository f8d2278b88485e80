"""The shipped systemd unit: valid, and its timeouts match how the bot shuts down."""

from __future__ import annotations

import getpass
import grp
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot import __main__ as entry
from bot.app import SHUTDOWN_CANCEL_SECONDS, SHUTDOWN_GRACE_SECONDS

ROOT = Path(__file__).resolve().parent.parent
UNIT = ROOT / "deploy" / "fambot.service"


def _directives() -> dict[str, str]:
    found: dict[str, str] = {}
    for line in UNIT.read_text().splitlines():
        match = re.match(r"^([A-Za-z]+)=(.*)$", line)
        if match:
            found[match.group(1)] = match.group(2).strip()
    return found


def _seconds(value: str) -> float:
    match = re.fullmatch(r"(\d+)(s|min)?", value)
    assert match, f"a plain time span, not {value!r}"
    return float(match.group(1)) * (60 if match.group(2) == "min" else 1)


def test_the_unit_restarts_on_failure_but_not_on_a_bad_setting() -> None:
    unit = _directives()
    assert unit["ExecStart"].endswith("/.venv/bin/python -m bot")
    assert unit["Restart"] == "on-failure"
    assert str(entry.EXIT_BAD_SETTING) in unit["RestartPreventExitStatus"].split()


def test_the_stop_timeout_covers_the_whole_shutdown() -> None:
    unit = _directives()
    assert unit["KillSignal"] == "SIGTERM"
    worst = SHUTDOWN_GRACE_SECONDS + SHUTDOWN_CANCEL_SECONDS
    worst += entry.RUNNER_GRACE_SECONDS + entry.THREAD_EXIT_SECONDS
    assert _seconds(unit["TimeoutStopSec"]) >= worst + 5, "room to close the database"
    assert _seconds(unit["TimeoutStopSec"]) <= 90, "a hung stop is cut short"
    assert _seconds(unit["RestartSec"]) >= 1


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze absent")
def test_systemd_analyze_verify_accepts_the_unit(tmp_path: Path) -> None:
    """Verified with this checkout's paths and user, since verify checks that the
    program exists and is executable."""
    text = UNIT.read_text()
    text = text.replace("/opt/fambot/.venv/bin/python", sys.executable)
    text = text.replace("/opt/fambot", str(ROOT))
    text = re.sub(r"(?m)^User=.*$", f"User={getpass.getuser()}", text)
    text = re.sub(r"(?m)^Group=.*$", f"Group={grp.getgrgid(os.getgid()).gr_name}", text)
    local = tmp_path / "fambot.service"
    local.write_text(text)
    done = subprocess.run(
        ["systemd-analyze", "verify", str(local)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout + done.stderr == "", "no warnings either"
