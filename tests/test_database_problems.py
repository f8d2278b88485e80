"""A database fambot cannot use: one line naming the file, the problem and the fix, a
prompt non-zero exit, and the file exactly as it was. Run against the real process for
the refusals that rest on file permissions and for one that does not; the others are
the same path, checked in this process (the store's error is the line)."""

from __future__ import annotations

import random
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.settings import Settings
from bot.store import Store, StoreError, open_store
from tests.bot_process import UNREACHABLE_API, environment, give_away, run_bot, unprivileged
from tests.standin.harness import FAKE_TOKEN

# Each case makes a bad database path inside a folder; it returns the path and the
# words the one line must contain (the problem, and part of the fix).
Case = Callable[[Path, Path], Path]


def _text_file(folder: Path, template: Path) -> Path:
    path = folder / "fambot.sqlite3"
    path.write_text("DISCORD_TOKEN=oops, this is a text file\n")
    return path


def _garbage(folder: Path, template: Path) -> Path:
    path = folder / "fambot.sqlite3"
    path.write_bytes(random.Random(7).randbytes(20_000))
    return path


def _truncated(folder: Path, template: Path) -> Path:
    path = folder / "fambot.sqlite3"
    data = template.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    return path


def _damaged_page(folder: Path, template: Path) -> Path:
    """Members' progress on one page, and that page overwritten."""
    path = folder / "fambot.sqlite3"
    shutil.copy(template, path)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.executemany(
        "INSERT INTO community_series_progress (user_id, series, episode_id, updated_at)"
        " VALUES (?, '', ?, ?)",
        [(user, 101, "2026-11-01T00:00:00+00:00") for user in range(1, 41)],
    )
    (root,) = conn.execute(
        "SELECT rootpage FROM sqlite_master WHERE name = 'community_series_progress'"
    ).fetchone()
    (page_size,) = conn.execute("PRAGMA page_size").fetchone()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(path.read_bytes())
    start = (root - 1) * page_size
    data[start + 8 : start + page_size] = random.Random(3).randbytes(page_size - 8)
    path.write_bytes(bytes(data))
    return path


def _directory(folder: Path, template: Path) -> Path:
    path = folder / "fambot.sqlite3"
    path.mkdir()
    give_away(path)
    return path


def _read_only_file(folder: Path, template: Path) -> Path:
    path = folder / "fambot.sqlite3"
    shutil.copy(template, path)
    path.chmod(0o444)
    return path


def _read_only_folder(folder: Path, template: Path) -> Path:
    inner = folder / "data"
    inner.mkdir()
    path = inner / "fambot.sqlite3"
    shutil.copy(template, path)
    give_away(inner, path)
    inner.chmod(0o555)
    return path


def _parent_is_a_file(folder: Path, template: Path) -> Path:
    (folder / "data").write_text("not a folder")
    return folder / "data" / "fambot.sqlite3"


def _parent_not_creatable(folder: Path, template: Path) -> Path:
    locked = folder / "locked"
    locked.mkdir()
    give_away(locked)
    locked.chmod(0o555)
    return locked / "new" / "fambot.sqlite3"


CASES: dict[str, tuple[Case, tuple[str, ...]]] = {
    "a text file": (_text_file, ("is not a SQLite database", "move this file aside")),
    "random bytes": (_garbage, ("is not a SQLite database", "move this file aside")),
    "a truncated file": (_truncated, ("is damaged", "restore it from a backup")),
    "a damaged page": (_damaged_page, ("is damaged", "quick_check", "restore it")),
    "a folder": (_directory, ("is a folder", "fambot.sqlite3/fambot.sqlite3")),
    "a read-only file": (_read_only_file, ("is read-only", "chmod u+w")),
    "a read-only folder": (_read_only_folder, ("is not writable", "-wal and -shm")),
    "a parent that is a file": (_parent_is_a_file, ("cannot be created", "create it yourself")),
    "a parent that cannot be created": (_parent_not_creatable, ("cannot be created",)),
}

# Permissions apply to the child (run as an ordinary user when the tests run as root);
# the text file stands for the refusals that do not rest on them. Each child costs about
# a second of CPU, most of it importing discord.py before the database is opened.
REAL_PROCESS = [
    "a text file",
    "a read-only file",
    "a read-only folder",
    "a parent that cannot be created",
]


def _snapshot(folder: Path) -> dict[str, bytes | None]:
    """Every file under ``folder`` and its bytes (None for folders)."""
    return {
        str(p.relative_to(folder)): (p.read_bytes() if p.is_file() else None)
        for p in sorted(folder.rglob("*"))
    }


@pytest.mark.parametrize("case", REAL_PROCESS)
async def test_a_bad_database_stops_the_bot_in_one_line(
    case: str, open_dir: Path, template_db: Path
) -> None:
    make, words = CASES[case]
    path = make(open_dir, template_db)
    for made in open_dir.rglob("*"):
        if made.is_file():
            give_away(made)
    before = _snapshot(open_dir)
    env = environment(FAMBOT_DATABASE=str(path), FAMBOT_API_BASE=UNREACHABLE_API)

    done = await run_bot(env=env, within=20, **unprivileged())

    assert done.code == 1, f"exit {done.code} (None: still running)\n{done.stderr}"
    assert "Traceback" not in done.stderr, done.stderr
    assert len(done.fambot_lines) == 1, done.stderr
    line = done.fambot_lines[0]
    assert str(path) in line
    for word in words:
        assert word in line
    assert "network" not in line
    assert _snapshot(open_dir) == before, "the file (and its folder) left exactly as they were"


@pytest.mark.parametrize("case", [case for case in CASES if case not in REAL_PROCESS])
async def test_a_bad_database_is_refused_in_one_line(
    case: str, tmp_path: Path, template_db: Path
) -> None:
    make, words = CASES[case]
    path = make(tmp_path, template_db)
    before = _snapshot(tmp_path)

    with pytest.raises(StoreError) as refused:
        await open_store(Settings(token=FAKE_TOKEN, database_path=path))

    line = str(refused.value)
    assert "\n" not in line
    assert str(path) in line
    for word in words:
        assert word in line
    assert _snapshot(tmp_path) == before, "the file (and its folder) left exactly as they were"


async def test_a_damaged_page_is_refused_rather_than_served_as_no_progress(
    tmp_path: Path, template_db: Path
) -> None:
    path = _damaged_page(tmp_path, template_db)
    opening = Store.open(path)
    with pytest.raises(StoreError, match="is damaged"):
        await opening


async def test_a_healthy_database_passes_the_checks(db_path: Path) -> None:
    store = await Store.open(db_path)
    await store.close()
