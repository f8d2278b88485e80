"""Shard and database settings, and the setups refused in one line: several processes on
one SQLite file, some shards without PostgreSQL, PostgreSQL unreachable at start."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.__main__ import main
from bot.settings import SettingsError, Shards, settings_from_env
from bot.store import Store, StoreError
from tests.standin.harness import FAKE_TOKEN

ROOT = Path(__file__).resolve().parent.parent


def test_shards_are_read_as_a_range() -> None:
    env = {"DISCORD_TOKEN": FAKE_TOKEN, "FAMBOT_DATABASE_URL": "postgresql://bot@db/fambot"}
    assert settings_from_env(env).shards is None  # unsharded: one process, as by default
    four = settings_from_env({**env, "FAMBOT_SHARD_COUNT": "4", "FAMBOT_SHARD_IDS": "2-3"})
    assert four.shards == Shards(4, (2, 3))
    assert four.shards.owns(2 << 22) and four.shards.owns((7 << 22) + 5)  # (id >> 22) % 4
    assert not four.shards.owns(1 << 22) and not four.shards.owns(4 << 22)
    assert settings_from_env({**env, "FAMBOT_SHARD_COUNT": "4", "FAMBOT_SHARD_IDS": "1"}).shards
    assert settings_from_env({**env, "FAMBOT_SHARD_COUNT": "2"}).shards == Shards(2, (0, 1))
    # Every shard in one process needs nothing shared: SQLite is fine.
    alone = settings_from_env({"FAMBOT_SHARD_COUNT": "2", "FAMBOT_SHARD_IDS": "0-1"})
    assert alone.shards == Shards(2, (0, 1)) and alone.database_url is None


def test_the_database_url_is_never_shown() -> None:
    settings = settings_from_env({"FAMBOT_DATABASE_URL": "postgresql://bot:hunter2@db/fambot"})
    assert settings.database_url == "postgresql://bot:hunter2@db/fambot"
    assert "hunter2" not in repr(settings)


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"FAMBOT_SHARD_COUNT": "2", "FAMBOT_SHARD_IDS": "0"}, "through PostgreSQL"),
        ({"FAMBOT_SHARD_IDS": "0-1"}, "needs FAMBOT_SHARD_COUNT"),
        ({"FAMBOT_SHARD_COUNT": "two"}, "FAMBOT_SHARD_COUNT must be"),
        ({"FAMBOT_SHARD_COUNT": "2", "FAMBOT_SHARD_IDS": "1-2"}, "within 0-1"),
        ({"FAMBOT_SHARD_COUNT": "2", "FAMBOT_SHARD_IDS": "1-0"}, "FAMBOT_SHARD_IDS must be"),
        ({"FAMBOT_DATABASE_URL": "mysql://x/y"}, "must be a PostgreSQL URL"),
        ({"FAMBOT_DATABASE_WAIT": "soon"}, "FAMBOT_DATABASE_WAIT"),
    ],
)
def test_unsafe_or_malformed_settings_are_refused(env: dict[str, str], expected: str) -> None:
    with pytest.raises(SettingsError, match=expected):
        settings_from_env(env)


async def test_one_process_per_sqlite_file(db_path: Path) -> None:
    store = await Store.open(db_path)
    try:
        with pytest.raises(StoreError, match=rf"in use by fambot process {os.getpid()}"):
            await Store.open(db_path)
        reader = await Store.open(db_path, exclusive=False)  # a tool reading beside it
        await reader.close()
    finally:
        await store.close()
    again = await Store.open(db_path)  # released on close
    await again.close()


def _bot(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "FAMBOT_"))}
    clean.update(env)
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )


def _one_line(result: subprocess.CompletedProcess[str], *, waited: bool = False) -> str:
    """The one line a refusal prints (after, if ``waited``, one line saying it waits)."""
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 + waited, result.stderr
    if waited:
        assert "trying again for up to" in lines[0]
    assert "Traceback" not in result.stderr + result.stdout
    return lines[-1]


async def test_a_second_process_on_the_file_is_refused_in_one_line(db_path: Path) -> None:
    store = await Store.open(db_path)
    try:
        result = _bot(["migrate"], {"FAMBOT_DATABASE": str(db_path)})
        line = _one_line(result)
        assert f"in use by fambot process {os.getpid()}" in line
        assert "FAMBOT_DATABASE_URL" in line
    finally:
        await store.close()


def test_some_shards_without_postgres_is_refused_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name, value in {
        "DISCORD_TOKEN": FAKE_TOKEN,
        "FAMBOT_DATABASE": str(tmp_path / "db.sqlite3"),
        "FAMBOT_SHARD_COUNT": "2",
        "FAMBOT_SHARD_IDS": "1",
    }.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("FAMBOT_DATABASE_URL", raising=False)
    assert main([]) == 2  # a setting to fix: restarting will not help
    [line] = capsys.readouterr().err.strip().splitlines()
    assert "FAMBOT_DATABASE_URL" in line


def test_unreachable_postgres_is_retried_then_refused_in_one_line() -> None:
    # Port 9 (discard) on this machine: nothing listens, so every attempt is refused.
    env = {"FAMBOT_DATABASE_URL": "postgresql://bot:secret@127.0.0.1:9/fambot"}
    result = _bot(["migrate"], {**env, "FAMBOT_DATABASE_WAIT": "1"})
    line = _one_line(result, waited=True)
    assert "unreachable after 1 s" in line and "127.0.0.1:9/fambot" in line
    assert "secret" not in result.stderr + result.stdout
