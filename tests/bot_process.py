"""Running the real ``python -m bot`` in a child process, as an admin or supervisor would.

File permission tests need a user the permissions apply to: root reads and writes
anything, so when the tests run as root the child runs as ``nobody`` instead.
"""

from __future__ import annotations

import asyncio
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.standin.harness import FAKE_TOKEN

ROOT = Path(__file__).resolve().parent.parent
NOBODY = 65534  # also in conftest's open_dir
UNREACHABLE_API = "http://127.0.0.1:9/api/v10"  # the discard port: nothing answers
# The stand-in sends its servers at once and limits no IDENTIFY: Discord's 2 s wait for
# more servers and 5 s between sessions would only make every child slower to be ready.
STAND_IN_TIMINGS = {"FAMBOT_GUILD_READY_SECONDS": "0.05", "FAMBOT_IDENTIFY_SECONDS": "0"}


def environment(**settings: str) -> dict[str, str]:
    """The child's environment: this one without fambot settings, plus ``settings``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "FAMBOT_"))}
    env.update(DISCORD_TOKEN=FAKE_TOKEN, FAMBOT_LOG_LEVEL="INFO", PYTHONDONTWRITEBYTECODE="1")
    env.update(STAND_IN_TIMINGS)
    env.update(settings)
    return env


# Where a child run as ``nobody`` keeps its bytecode: it cannot write the suite's cache
# (root's), and where root's Python lives in root's home (pyenv), the venv's interpreter
# run as another user cannot read it and runs on the system's Python library and
# standard library instead, whose bytecode nothing had cached: every such child compiled
# the standard library modules it imports (about 0.7 s of CPU each, a third of the
# suite's children). Kept beside the suite's cache, owned by the child's user.
UNPRIVILEGED_CACHE = ROOT / ".venv" / "pycache-unprivileged"


def unprivileged() -> dict[str, Any]:
    """Arguments that run a child as an ordinary user, so file permissions apply."""
    if os.geteuid() != 0:
        return {}
    return {"user": NOBODY, "group": NOBODY, "extra_groups": []}


def give_away(*paths: Path) -> None:
    """Hand files to the user the child runs as (no-op unless the tests run as root)."""
    if os.geteuid() == 0:
        for path in paths:
            os.chown(path, NOBODY, NOBODY)


@dataclass
class Finished:
    code: int | None  # None: still running when the test gave up (then killed)
    stderr: str
    seconds: float
    stdout: str = ""

    @property
    def fambot_lines(self) -> list[str]:
        """The lines fambot itself wrote to say why it stopped."""
        return [line for line in self.stderr.splitlines() if line.startswith("fambot: ")]


def _writable_cache(env: dict[str, str]) -> dict[str, str]:
    """``env`` for a child run as ``nobody``: a bytecode cache it may fill and read."""
    if not UNPRIVILEGED_CACHE.parent.is_dir():
        return env
    UNPRIVILEGED_CACHE.mkdir(exist_ok=True)
    os.chown(UNPRIVILEGED_CACHE, NOBODY, NOBODY)
    env = {k: v for k, v in env.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "PYTHONPYCACHEPREFIX": str(UNPRIVILEGED_CACHE)}


async def spawn(*args: str, env: dict[str, str], **kwargs: Any) -> asyncio.subprocess.Process:
    if kwargs.get("user") == NOBODY:
        env = _writable_cache(env)
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        *args,
        cwd=ROOT,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        **kwargs,
    )


async def finish(process: asyncio.subprocess.Process, within: float, already: str = "") -> Finished:
    """Wait for the child to exit by itself; kill it if it is still there after ``within``.
    ``already``: stderr read before (see ``read_until``)."""
    loop = asyncio.get_running_loop()
    began = loop.time()
    try:
        stdout, stderr = await asyncio.wait_for(process.communicate(), within)
        code = process.returncode
    except TimeoutError:
        process.kill()
        stdout, stderr = await process.communicate()
        code = None
    return Finished(
        code,
        already + stderr.decode(errors="replace"),
        loop.time() - began,
        stdout.decode(errors="replace"),
    )


async def run_bot(*args: str, env: dict[str, str], within: float = 20, **kw: Any) -> Finished:
    return await finish(await spawn(*args, env=env, **kw), within)


async def read_until(process: asyncio.subprocess.Process, marker: str, within: float) -> str:
    """Read the child's stderr until a line containing ``marker``; return what was read.
    (Pass it to ``finish`` as ``already`` so the report has the whole log.)"""
    assert process.stderr is not None
    seen: list[str] = []
    async with asyncio.timeout(within):
        while not seen or marker not in seen[-1]:
            line = await process.stderr.readline()
            if not line:
                break
            seen.append(line.decode(errors="replace"))
    return "".join(seen)
