"""Settings: read once, typed, and refused with one clear line when wrong."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.__main__ import EXIT_BAD_SETTING, main
from bot.settings import DEFAULT_DATABASE, SettingsError, settings_from_env
from tests.standin.harness import FAKE_TOKEN

ROOT = Path(__file__).resolve().parent.parent


def test_defaults_apply_when_only_the_token_is_set() -> None:
    settings = settings_from_env({"DISCORD_TOKEN": FAKE_TOKEN})
    assert settings.require_token() == FAKE_TOKEN
    assert settings.database_path == DEFAULT_DATABASE
    assert settings.dev_guild_id is None
    assert settings.log_level == "INFO"
    assert (settings.guild_ready_seconds, settings.identify_seconds) == (2.0, 5.0)  # discord.py's


def test_every_setting_is_read() -> None:
    settings = settings_from_env(
        {
            "DISCORD_TOKEN": FAKE_TOKEN,
            "FAMBOT_DATABASE": "/tmp/x.sqlite3",
            "FAMBOT_DEV_GUILD_ID": "123456789012345678",
            "FAMBOT_LOG_LEVEL": "debug",
            "FAMBOT_GUARD_CATCHUP_HOURS": "1.5",
            "FAMBOT_GUARD_CATCHUP_MESSAGES": "50",
            "FAMBOT_GUILD_READY_SECONDS": "0.05",
            "FAMBOT_IDENTIFY_SECONDS": "0",
            "FAMBOT_GUARD_ANSWER_SECONDS": "1",
            "FAMBOT_DATABASE_LOCK_SECONDS": "2.5",
        }
    )
    assert settings.database_path == Path("/tmp/x.sqlite3")
    assert settings.dev_guild_id == 123456789012345678
    assert settings.log_level == "DEBUG"
    assert (settings.guard_catchup_hours, settings.guard_catchup_messages) == (1.5, 50)
    assert (settings.guild_ready_seconds, settings.identify_seconds) == (0.05, 0)
    assert (settings.guard_answer_seconds, settings.database_lock_seconds) == (1, 2.5)


def test_token_is_never_in_the_repr() -> None:
    assert FAKE_TOKEN not in repr(settings_from_env({"DISCORD_TOKEN": FAKE_TOKEN}))


@pytest.mark.parametrize(
    ("env", "names"),
    [
        ({"DISCORD_TOKEN": "not a token"}, "DISCORD_TOKEN"),
        ({"FAMBOT_LOG_LEVEL": "LOUD"}, "FAMBOT_LOG_LEVEL"),
        ({"FAMBOT_DEV_GUILD_ID": "my-server"}, "FAMBOT_DEV_GUILD_ID"),
        ({"FAMBOT_API_BASE": "ftp://x"}, "FAMBOT_API_BASE"),
        ({"FAMBOT_GUARD_CATCHUP_HOURS": "400"}, "FAMBOT_GUARD_CATCHUP_HOURS"),
        ({"FAMBOT_GUARD_CATCHUP_MESSAGES": "lots"}, "FAMBOT_GUARD_CATCHUP_MESSAGES"),
        ({"FAMBOT_IDENTIFY_SECONDS": "-1"}, "FAMBOT_IDENTIFY_SECONDS"),
    ],
)
def test_malformed_settings_name_the_variable(env: dict[str, str], names: str) -> None:
    with pytest.raises(SettingsError, match=names):
        settings_from_env(env)


def test_missing_token_is_refused_only_when_needed() -> None:
    settings = settings_from_env({})
    with pytest.raises(SettingsError, match="DISCORD_TOKEN is not set"):
        settings.require_token()


def _run_bot(env: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "FAMBOT_"))}
    clean.update({"DISCORD_TOKEN": "", "FAMBOT_DATABASE": str(tmp_path / "db.sqlite3")})
    clean.update(env)
    return subprocess.run(
        [sys.executable, "-m", "bot"],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_start_without_a_token_prints_one_line_and_fails(tmp_path: Path) -> None:
    """The real process: the token is asked for once the bot starts (logging is set up
    and the event loop runs), and the process still says only this and exits."""
    result = _run_bot({}, tmp_path)
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "DISCORD_TOKEN is not set" in lines[0]
    assert "Traceback" not in result.stderr + result.stdout


def test_a_malformed_setting_stops_the_command_in_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Refused before anything starts (no logging, no event loop): ``main`` in this
    process shows what the process would (the test above runs one)."""
    for name in list(os.environ):
        if name.startswith(("DISCORD_", "FAMBOT_")):
            monkeypatch.delenv(name)
    monkeypatch.setenv("FAMBOT_LOG_LEVEL", "LOUD")
    assert main([]) == EXIT_BAD_SETTING
    shown = capsys.readouterr()
    lines = shown.err.strip().splitlines()
    assert len(lines) == 1, shown.err
    assert lines[0].startswith("fambot: FAMBOT_LOG_LEVEL must be one of")
    assert shown.out == ""
