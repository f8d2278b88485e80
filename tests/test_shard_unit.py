"""The systemd template unit for many shards: one instance per range of shards."""

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

from bot.settings import settings_from_env

ROOT = Path(__file__).resolve().parent.parent
UNIT = ROOT / "deploy" / "fambot@.service"


def _directives() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for line in UNIT.read_text().splitlines():
        match = re.match(r"^([A-Za-z]+)=(.*)$", line)
        if match:
            found.setdefault(match.group(1), []).append(match.group(2).strip())
    return found


def test_the_instance_name_is_the_shard_range() -> None:
    unit = _directives()
    assert "FAMBOT_SHARD_IDS=%i" in unit["Environment"]
    assert unit["ExecStart"] == ["/opt/fambot/.venv/bin/python -m bot"]
    assert unit["Restart"] == ["on-failure"] and "2" in unit["RestartPreventExitStatus"][0]
    # What an instance name like "2-3" becomes is a range the settings accept.
    env = {"FAMBOT_SHARD_COUNT": "4", "FAMBOT_DATABASE_URL": "postgresql://bot@db/fambot"}
    shards = settings_from_env({**env, "FAMBOT_SHARD_IDS": "2-3"}).shards
    assert shards is not None and shards.ids == (2, 3)


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze absent")
def test_systemd_analyze_verify_accepts_an_instance(tmp_path: Path) -> None:
    """Verified as fambot@0-1.service with this checkout's paths and user."""
    text = UNIT.read_text()
    text = text.replace("/opt/fambot/.venv/bin/python", sys.executable)
    text = text.replace("/opt/fambot", str(ROOT))
    text = re.sub(r"(?m)^User=.*$", f"User={getpass.getuser()}", text)
    text = re.sub(r"(?m)^Group=.*$", f"Group={grp.getgrgid(os.getgid()).gr_name}", text)
    (tmp_path / "fambot@.service").write_text(text)
    done = subprocess.run(
        ["systemd-analyze", "verify", str(tmp_path / "fambot@0-1.service")],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert "fambot@" not in done.stdout + done.stderr, done.stdout + done.stderr
