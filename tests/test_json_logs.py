"""FAMBOT_LOG_FORMAT=json: every line on stderr is one JSON object, tracebacks included."""

from __future__ import annotations

import io
import json
import logging
import sys
from pathlib import Path

import discord.utils
import pytest

from bot.logs import JsonLines, LibraryLines
from bot.settings import SettingsError, settings_from_env
from tests.bot_process import UNREACHABLE_API, environment, run_bot
from tests.standin.harness import FAKE_TOKEN


def test_a_record_with_a_traceback_stays_on_one_line() -> None:
    try:
        raise ValueError("bad\nthing")
    except ValueError:
        record = logging.getLogger("bot.test").makeRecord(
            "bot.test", logging.ERROR, __file__, 1, "failed: %s", ("x",), sys.exc_info()
        )
    line = JsonLines().format(record)
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["level"] == "ERROR"
    assert entry["logger"] == "bot.test"
    assert entry["message"] == "failed: x"
    assert "ValueError: bad\nthing" in entry["exception"]
    assert entry["time"].endswith("+00:00")


@pytest.mark.parametrize("terminal", [False, True])
def test_text_lines_are_the_librarys(terminal: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    """FAMBOT_LOG_FORMAT=text writes what ``discord.utils.setup_logging`` would, coloured
    where the library colours (a terminal; here, in Docker, anything), though set up before
    the library is imported (``bot.logs.LibraryLines``)."""
    stream = io.StringIO()
    monkeypatch.setattr(stream, "isatty", lambda: terminal)
    record = logging.getLogger("bot.test").makeRecord(
        "bot.test", logging.WARNING, __file__, 1, "Database %s", ("closed",), None
    )
    theirs = logging.StreamHandler(stream)
    library = logging.getLogger("discord")
    level = library.level
    discord.utils.setup_logging(handler=theirs, root=False)  # on the library's logger
    library.removeHandler(theirs)
    library.setLevel(level)
    assert theirs.formatter is not None
    assert LibraryLines(stream).format(record) == theirs.formatter.format(record)


def test_the_setting_is_checked() -> None:
    assert settings_from_env({"FAMBOT_LOG_FORMAT": "JSON"}).log_format == "json"
    assert settings_from_env({}).log_format == "text"
    with pytest.raises(SettingsError, match="FAMBOT_LOG_FORMAT must be text or json"):
        settings_from_env({"FAMBOT_LOG_FORMAT": "yaml"})


async def test_the_real_process_logs_only_json_lines(tmp_path: Path) -> None:
    database = tmp_path / "fambot.sqlite3"
    database.write_text("not a database")
    env = environment(
        DISCORD_TOKEN=FAKE_TOKEN,
        FAMBOT_DATABASE=str(database),
        FAMBOT_API_BASE=UNREACHABLE_API,
        FAMBOT_LOG_FORMAT="json",
    )
    done = await run_bot(env=env)
    assert done.code == 1
    entries = [json.loads(line) for line in done.stderr.splitlines()]
    assert entries, "something was logged"
    final = entries[-1]
    assert final["level"] == "CRITICAL"
    assert final["message"].startswith(f"database {database}: is not a SQLite database")
    assert FAKE_TOKEN not in done.stderr


def test_text_lines_without_the_librarys_private_formatter(monkeypatch: pytest.MonkeyPatch) -> None:
    """Should a discord.py release rename its private colour formatter, the lines are
    plain rather than the first record logged raising AttributeError."""
    stream = io.StringIO()
    monkeypatch.setattr(stream, "isatty", lambda: True)
    monkeypatch.delattr(discord.utils, "_ColourFormatter")
    record = logging.getLogger("bot.test").makeRecord(
        "bot.test", logging.WARNING, __file__, 1, "Database %s", ("closed",), None
    )
    line = LibraryLines(stream).format(record)
    assert line.endswith("[WARNING ] bot.test: Database closed")
    assert "\x1b[" not in line
