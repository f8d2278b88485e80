"""A content file fambot cannot read: with good content already stored the bot keeps
serving it (as the README promises) and logs one line; with nothing stored it stops
with one line naming the file. Run against the real process for the problems that rest
on file permissions; the non-UTF-8 byte takes the same path, checked in this process."""

from __future__ import annotations

import asyncio
import shutil
import signal
from pathlib import Path

import pytest

from bot.canon.content import load_content
from bot.canon.fields import ContentError
from bot.settings import DEFAULT_CONTENT_DIR, Settings
from bot.store import Store
from bot.store.content_sync import SyncOutcome, sync_canon
from tests.bot_process import environment, finish, give_away, spawn, unprivileged
from tests.standin.harness import FAKE_TOKEN, Harness


def _latin1_byte(content: Path) -> tuple[Path, str]:
    path = content / "for-all-mankind" / "characters" / "introduced-in-season-1.toml"
    data = path.read_bytes()
    at = data.index(b"\n", len(data) // 2) + 1
    path.write_bytes(data[:at] + b"# caf\xe9 (saved as Latin-1)\n" + data[at:])
    line = data[:at].count(b"\n") + 1
    return path, f"line {line}: byte 0xE9 is not UTF-8 text: save the file as UTF-8"


def _unreadable(content: Path) -> tuple[Path, str]:
    path = content / "for-all-mankind" / "timeline.toml"
    path.chmod(0o000)
    return path, "cannot be read (Permission denied): let the user running fambot read it"


def _unlistable_folder(content: Path) -> tuple[Path, str]:
    path = content / "for-all-mankind" / "episodes"
    path.chmod(0o000)
    return path, "cannot be listed (Permission denied)"


PROBLEMS = {
    "a non-UTF-8 byte": _latin1_byte,
    "an unreadable file": _unreadable,
    "an unreadable folder": _unlistable_folder,
}
# Permissions apply to the child (run as an ordinary user when the tests run as root). A
# child costs about a second of CPU; for the other problem a real process would show
# nothing more than what sync_canon reports, which is the line it logs or stops with.
REAL_PROCESS = ("an unreadable file", "an unreadable folder")


def test_a_non_utf8_byte_names_the_file_and_line(tmp_path: Path) -> None:
    content = tmp_path / "canon"
    shutil.copytree(DEFAULT_CONTENT_DIR, content)
    path, words = _latin1_byte(content)
    with pytest.raises(ContentError) as raised:
        load_content(content)
    assert str(raised.value) == f"{path}: {words}"


async def _start(database: Path, content: Path) -> tuple[Harness, asyncio.subprocess.Process]:
    harness = Harness(Settings(token=FAKE_TOKEN, database_path=database, content_dir=content))
    pointed = await harness.serve()
    env = environment(
        FAMBOT_DATABASE=str(database),
        FAMBOT_CONTENT_DIR=str(content),
        FAMBOT_API_BASE=pointed.api_base or "",
        FAMBOT_GATEWAY_URL=pointed.gateway_url or "",
    )
    return harness, await spawn(env=env, **unprivileged())


def _prepare(open_dir: Path, template_db: Path | None, problem: str) -> tuple[Path, Path, str]:
    content = open_dir / "canon"
    shutil.copytree(DEFAULT_CONTENT_DIR, content)
    path, words = PROBLEMS[problem](content)
    database = open_dir / "fambot.sqlite3"
    if template_db is not None:
        shutil.copy(template_db, database)
        give_away(database)
    return database, path, words


@pytest.mark.parametrize("problem", REAL_PROCESS)
async def test_good_stored_content_keeps_the_bot_serving(
    problem: str, open_dir: Path, template_db: Path
) -> None:
    database, path, words = _prepare(open_dir, template_db, problem)
    harness, process = await _start(database, open_dir / "canon")
    try:
        ready = asyncio.create_task(harness.gateway.ready.wait())
        exited = asyncio.create_task(process.wait())
        await asyncio.wait({ready, exited}, timeout=20, return_when=asyncio.FIRST_COMPLETED)
        serving = ready.done()
        ready.cancel()
        exited.cancel()
        if process.returncode is None:
            process.send_signal(signal.SIGTERM)
        done = await finish(process, within=15)
    finally:
        await harness.stop()
    assert serving, f"the bot did not connect (exit {done.code})\n{done.stderr}"
    assert done.code == 0, done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    kept = [line for line in done.stderr.splitlines() if "keeping the previous version" in line]
    assert len(kept) == 1, done.stderr
    assert f"{path}: " in kept[0] and words in kept[0]


@pytest.mark.parametrize("problem", REAL_PROCESS)
async def test_with_nothing_stored_the_bot_stops_in_one_line(problem: str, open_dir: Path) -> None:
    database, path, words = _prepare(open_dir, None, problem)
    harness, process = await _start(database, open_dir / "canon")
    try:
        done = await finish(process, within=20)
    finally:
        await harness.stop()
    assert done.code == 1, f"exit {done.code} (None: hung)\n{done.stderr}"
    assert "Traceback" not in done.stderr, done.stderr
    assert len(done.fambot_lines) == 1, done.stderr
    assert f"{path}: " in done.fambot_lines[0] and words in done.fambot_lines[0]
    assert "network" not in done.fambot_lines[0]


@pytest.mark.parametrize(
    "problem", [problem for problem in PROBLEMS if problem not in REAL_PROCESS]
)
async def test_the_line_names_the_file_with_content_stored_or_not(
    problem: str, tmp_path: Path, template_db: Path
) -> None:
    database, path, words = _prepare(tmp_path, template_db, problem)
    store = await Store.open(database)
    try:
        kept = await sync_canon(store.canon, tmp_path / "canon")
    finally:
        await store.close()
    assert kept.outcome is SyncOutcome.KEPT_PREVIOUS
    assert f"{path}: " in str(kept.error) and words in str(kept.error)

    empty = await Store.open(tmp_path / "empty.sqlite3")
    try:
        with pytest.raises(ContentError) as stopped:
            await sync_canon(empty.canon, tmp_path / "canon")
    finally:
        await empty.close()
    assert f"{path}: " in str(stopped.value) and words in str(stopped.value)
