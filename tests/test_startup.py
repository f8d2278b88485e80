"""Every start-up path ends in a running bot or a prompt exit: never a process that
looks alive while serving nothing (a supervisor's Restart=on-failure would never fire)."""

from __future__ import annotations

import asyncio
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.settings import DEFAULT_CONTENT_DIR, Settings
from tests.bot_process import ROOT, environment, finish, give_away, spawn, unprivileged
from tests.standin.harness import FAKE_TOKEN, Harness

# Two from each moment (the database open, the first request to Discord), each at a
# random point of the 0.4 s that follows. Six were three of each; every trial is a
# python -m bot child, about 1.5 s of CPU.
TRIALS = 4


async def _pointed(
    path: Path, content: Path = DEFAULT_CONTENT_DIR
) -> tuple[Harness, dict[str, str]]:
    harness = Harness(Settings(token=FAKE_TOKEN, database_path=path, content_dir=content))
    settings = await harness.serve()
    env = environment(
        FAMBOT_DATABASE=str(path),
        FAMBOT_CONTENT_DIR=str(content),
        FAMBOT_API_BASE=settings.api_base or "",
        FAMBOT_GATEWAY_URL=settings.gateway_url or "",
    )
    return harness, env


async def test_a_database_that_fails_after_opening_ends_the_process(
    open_dir: Path, template_db: Path
) -> None:
    """Read-only: SQLite opens it, and only the first write fails. Discord answers, so
    this is the path that used to hang with the database thread still open."""
    path = open_dir / "fambot.sqlite3"
    shutil.copy(template_db, path)
    give_away(path)
    path.chmod(0o444)
    harness, env = await _pointed(path)
    try:
        done = await finish(await spawn(env=env, **unprivileged()), within=20)
    finally:
        await harness.stop()
    assert done.code == 1, f"exit {done.code} (None: hung)\n{done.stderr}"
    assert "Traceback" not in done.stderr
    assert done.fambot_lines == [
        f"fambot: database {path}: is read-only: let the user running fambot write it "
        "(chmod u+w, or chown)"
    ]
    assert "thread(s) still open" not in done.stderr, "closed properly, not by the safety net"


def test_a_start_refused_at_the_database_does_not_import_discord(open_dir: Path) -> None:
    """The settings, the database and the content come before discord.py and aiohttp
    (about half a second of CPU): a refusal there is quick, with the same one line."""
    folder = open_dir / "fambot.sqlite3"
    folder.mkdir()
    run = (
        "import sys; from bot.__main__ import main; code = main([]); "
        "print(code, sorted({'discord', 'aiohttp', 'bot.app'} & set(sys.modules)))"
    )
    env = environment(FAMBOT_DATABASE=str(folder), DISCORD_TOKEN=FAKE_TOKEN)
    done = subprocess.run(
        [sys.executable, "-c", run], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert done.stdout == "1 []\n", done.stderr
    assert done.stderr.splitlines() == [
        f"fambot: database {folder}: is a folder, not a file: set FAMBOT_DATABASE to "
        f"{folder}/fambot.sqlite3"
    ]


async def _wait_for(condition: Callable[[], bool], within: float = 15) -> None:
    """Poll something another process changes (a file appearing, a request arriving)."""
    async with asyncio.timeout(within):
        while not condition():  # noqa: ASYNC110 - the change happens outside this loop
            await asyncio.sleep(0.005)


@pytest.mark.parametrize("trial", range(TRIALS))
async def test_sigterm_during_start_up_exits_promptly(
    trial: int, open_dir: Path, template_db: Path
) -> None:
    """SIGTERM while the database opens, the canon reloads, or the bot logs in."""
    rng = random.Random(trial)
    content = open_dir / "canon"
    shutil.copytree(DEFAULT_CONTENT_DIR, content)
    with (content / "sources.toml").open("a") as handle:
        handle.write(f"\n# trial {trial}: changed, so start-up reloads the canon\n")
    path = open_dir / "fambot.sqlite3"
    shutil.copy(template_db, path)
    harness, env = await _pointed(path, content)
    try:
        process = await spawn(env=env)
        # Even trials: from the moment the database is open (the canon reload follows);
        # odd trials: from the bot's first request to Discord (logging in, setup_hook).
        opened = Path(f"{path}-wal")
        if trial % 2 == 0:
            await _wait_for(opened.exists)
        else:
            await _wait_for(lambda: bool(harness.stand_in.requests))
        await asyncio.sleep(rng.uniform(0, 0.4))
        process.send_signal(signal.SIGTERM)
        done = await finish(process, within=15)
    finally:
        await harness.stop()
    assert done.code == 0, f"exit {done.code} (None: hung)\n{done.stderr}"
    assert done.seconds < 12
    assert "Traceback" not in done.stderr, done.stderr
    assert "thread(s) still open" not in done.stderr, done.stderr
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()
