#!/usr/bin/env python3
"""The README's two commands: ``python3 manage.py start`` and ``python3 manage.py test``.

Standard library only, so it runs on a fresh machine with nothing but Python 3.11+.
Both create ``.venv`` beside this file on first use and reinstall only when
``pyproject.toml`` changes.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".fambot-installed"
# Compiled bytecode for the test run, kept inside .venv so the working tree stays clean.
PYCACHE = VENV / "pycache"
SOURCES = ("bot", "cogs", "tests", "bench", "tools")


def _venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def _ensure_env(extras: str) -> Path:
    if sys.version_info < (3, 11):  # noqa: UP036 - runs before the venv exists
        sys.exit("fambot needs Python 3.11 or newer; this is " + sys.version.split()[0])
    python = _venv_python()
    if not python.exists():
        print("Creating .venv ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest() + extras
    if not STAMP.exists() or STAMP.read_text() != wanted:
        print("Installing dependencies into .venv ...", flush=True)
        target = f".[{extras}]" if extras else "."
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", "--editable", target],
            cwd=ROOT,
            check=True,
        )
        STAMP.write_text(wanted)
    return python


def start(args: list[str]) -> int:
    python = _ensure_env("")
    return subprocess.call([str(python), "-m", "bot", *args], cwd=ROOT)


def _test_environment() -> dict[str, str]:
    """This environment, with bytecode cached under .venv/pycache.

    Without a cache every process compiles every module it imports, each time: pytest's
    workers, and each of the suite's many ``python -m bot`` children (about a fifth of a
    second of CPU apiece). A machine that sets PYTHONDONTWRITEBYTECODE (to keep
    ``__pycache__`` folders out of source trees) loses that; a prefix keeps them out too.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    return env


def test(args: list[str]) -> int:
    python = _ensure_env("test")
    env = _test_environment()
    for step in (["ruff", "check", "."], ["ruff", "format", "--check", "."]):
        print("$", " ".join(step), flush=True)
        code = subprocess.call([str(python), "-m", *step], cwd=ROOT)
        if code != 0:
            return code
    # Compile what the bot's child processes import before any starts: they run as
    # another user when the suite runs as root, so they read the cache but cannot write
    # it. Quick when nothing changed (it compares times).
    subprocess.call([str(python), "-m", "compileall", "-q", *SOURCES], cwd=ROOT, env=env)
    # mypy runs beside pytest (its output is printed after): much of the suite waits on
    # child processes and sockets, so the wall clock is shorter than one after the other.
    # pytest spreads the tests over two workers per core (pytest-xdist): about half of a
    # test's time is spent waiting (on a child process, the stand-in, a timer), and one
    # worker per core left the cores idle meanwhile. "-n 0" as an argument runs them in
    # this process.
    print("$ mypy  (beside pytest)", flush=True)
    mypy = subprocess.Popen(
        [str(python), "-m", "mypy"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    workers = str(2 * (os.cpu_count() or 1))
    pytest = ["pytest", "-n", workers, "--dist", "worksteal", *args]
    print("$", " ".join(pytest), flush=True)
    tests = subprocess.call([str(python), "-m", *pytest], cwd=ROOT, env=env)
    out, _ = mypy.communicate()
    print("$ mypy", flush=True)
    print(out, end="", flush=True)
    return mypy.returncode or tests


def console(args: list[str]) -> int:
    """Try the bot in a terminal against a local stand-in for Discord (no account needed)."""
    python = _ensure_env("")
    return subprocess.call([str(python), "-m", "tools.console", *args], cwd=ROOT)


def main() -> int:
    commands = {"start": start, "test": test, "console": console}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        print("usage: python3 manage.py start [bot arguments] | test [pytest arguments] | console")
        return 2
    return commands[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
