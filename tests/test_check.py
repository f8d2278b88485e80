"""``python -m bot check``: what start-up would find, changing nothing; exit 1 on a problem."""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.__main__ import main
from bot.canon.episodes import EpisodeRef
from bot.check import Finding, exit_code, run_checks
from bot.settings import Settings
from bot.store import Store
from tests.bot_process import UNREACHABLE_API, environment, run_bot
from tests.standin import payloads
from tests.standin.gateway import EVERYONE_PERMISSIONS, GUARD_PERMISSIONS
from tests.standin.harness import Harness

MESSAGE_CONTENT = 1 << 18  # the application flag for the (approved) Message Content intent
MANAGE_WEBHOOKS = 0x20000000


@pytest.fixture
async def discord(settings: Settings) -> AsyncIterator[tuple[Harness, Settings]]:
    """The stand-in, answering as Discord would for a healthy guard-enabled bot."""
    harness = Harness(settings)
    pointed = await harness.serve()
    harness.stand_in.application = {"flags": MESSAGE_CONTENT}
    harness.stand_in.member_of = [
        {
            "id": str(payloads.GUILD_ID),
            "name": "Jamestown Base",
            "permissions": str(GUARD_PERMISSIONS | EVERYONE_PERMISSIONS),
        }
    ]
    yield harness, dataclasses.replace(pointed, spoiler_guard=True)
    await harness.stop()


def _by_topic(findings: list[Finding]) -> dict[str, list[Finding]]:
    found: dict[str, list[Finding]] = {}
    for finding in findings:
        found.setdefault(finding.topic, []).append(finding)
    return found


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


async def test_a_healthy_setup_passes_and_nothing_changes(
    discord: tuple[Harness, Settings],
) -> None:
    _, settings = discord
    before = _snapshot(settings.database_path.parent)
    findings = await run_checks(settings, ask_discord=True)
    assert [f for f in findings if f.status != "ok"] == []
    topics = _by_topic(findings)
    assert {"token", "database", "content", "invite", "intents", "discord", "servers"} <= set(
        topics
    )
    assert "275414903808" in topics["invite"][0].text  # the README's guard invite
    assert "unchanged since the last load" in topics["content"][0].text
    assert exit_code(findings) == 0
    assert _snapshot(settings.database_path.parent) == before, "check writes nothing"


async def test_what_discord_reports_is_checked(discord: tuple[Harness, Settings]) -> None:
    harness, settings = discord
    harness.stand_in.application = {"flags": 0, "interactions_endpoint_url": "https://x.test/i"}
    harness.stand_in.member_of[0]["permissions"] = str(GUARD_PERMISSIONS & ~MANAGE_WEBHOOKS)
    findings = await run_checks(settings, ask_discord=True)
    failed = [f.text for f in findings if f.status == "FAIL"]
    assert any("Interactions Endpoint URL" in text for text in failed)
    assert any("Message Content Intent is off" in text for text in failed)
    servers = _by_topic(findings)["servers"]
    assert servers[0].status == "warn" and "Manage Webhooks" in servers[0].text
    assert exit_code(findings) == 1


async def test_a_rejected_token_fails(discord: tuple[Harness, Settings]) -> None:
    harness, settings = discord
    harness.stand_in.fail_next(
        lambda r: r.path.endswith("/users/@me"), 401, {"message": "401: Unauthorized", "code": 0}
    )
    findings = await run_checks(settings, ask_discord=True)
    assert [f.text for f in findings if f.status == "FAIL"] == [
        "Discord rejected DISCORD_TOKEN: reset it on the Bot tab"
    ]


async def test_malformed_content_warns_when_good_content_is_stored(
    settings: Settings, tmp_path: Path
) -> None:
    content = tmp_path / "canon"
    shutil.copytree(settings.content_dir, content)
    (content / "for-all-mankind" / "timeline.toml").write_text("not = [valid")
    stored = await run_checks(dataclasses.replace(settings, content_dir=content), ask_discord=False)
    (finding,) = _by_topic(stored)["content"]
    assert finding.status == "warn" and "keeps serving" in finding.text
    assert exit_code(stored) == 0
    empty = dataclasses.replace(settings, content_dir=content, database_path=tmp_path / "new.db")
    fresh = await run_checks(empty, ask_discord=False)
    assert _by_topic(fresh)["content"][0].status == "FAIL"
    assert "does not exist yet" in _by_topic(fresh)["database"][0].text
    assert not (tmp_path / "new.db").exists()


async def test_an_incomplete_canon_is_a_warning(settings: Settings) -> None:
    import sqlite3

    with sqlite3.connect(settings.database_path) as conn:
        conn.execute("DELETE FROM canon_search")
    conn.close()
    (finding,) = _by_topic(await run_checks(settings, ask_discord=False))["database"]
    assert finding.status == "warn" and "start-up reloads it" in finding.text


async def test_the_command_prints_a_report_and_exits_1_on_a_problem(tmp_path: Path) -> None:
    database = tmp_path / "fambot.sqlite3"
    database.write_text("a text file")
    env = environment(FAMBOT_DATABASE=str(database), FAMBOT_API_BASE=UNREACHABLE_API)
    done = await run_bot("check", env=env)
    assert done.code == 1, done.stderr
    assert done.stderr == "", "the report is the output; no log chatter"
    lines = done.stdout.splitlines()
    assert lines[0].startswith("ok    token: ")
    assert lines[1].startswith(f"FAIL  database: database {database}: is not a SQLite database")
    assert lines[-1] == "fambot check: would not start (1 failed, 0 warnings)"
    assert database.read_text() == "a text file"


async def test_a_missing_token_fails_the_check(tmp_path: Path) -> None:
    """The command's output is these lines (the process is the test above's)."""
    settings = Settings(token=None, database_path=tmp_path / "fambot.sqlite3")
    findings = await run_checks(settings, ask_discord=False)
    assert "FAIL  token: DISCORD_TOKEN is not set" in "\n".join(f.line() for f in findings)
    assert exit_code(findings) == 1


async def test_members_with_progress_are_counted_once_across_shows(settings: Settings) -> None:
    store = await Store.open(settings.database_path)
    try:
        await store.community.set_progress(1, "", EpisodeRef(2, 4))
        await store.community.set_progress(1, "SC", EpisodeRef(1, 2, "SC"))
        await store.community.set_progress(2, "SC", None)
    finally:
        await store.close()
    findings = await run_checks(settings, ask_discord=False)
    [database] = _by_topic(findings)["database"]
    assert database.status == "ok" and "2 members' progress" in database.text


async def test_with_postgresql_the_database_line_is_the_server(
    settings: Settings, postgres_url: str
) -> None:
    """The URL is checked instead of the file: reachable and migrated passes; the canon
    is in memory, so the content line says start-up loads it."""
    shared = dataclasses.replace(settings, database_url=postgres_url)
    topics = _by_topic(await run_checks(shared, ask_discord=False))
    (database,) = topics["database"]
    assert database.status == "ok"
    assert "PostgreSQL" in database.text and "reachable" in database.text
    assert "secret" not in database.text and "@" not in database.text  # no password shown
    assert "start-up loads this version" in topics["content"][0].text


async def test_with_postgresql_unreachable_the_check_fails(settings: Settings) -> None:
    unreachable = dataclasses.replace(
        settings, database_url="postgresql://fambot:secret@127.0.0.1:9/fambot", database_wait=0.5
    )
    findings = await run_checks(unreachable, ask_discord=False)
    (database,) = _by_topic(findings)["database"]
    assert database.status == "FAIL" and "secret" not in database.text
    assert exit_code(findings) == 1


def test_the_command_line_help_reads_as_plain_text(capsys: pytest.CaptureFixture[str]) -> None:
    """``python -m bot --help`` is read in a terminal: no reStructuredText markup in it."""
    with pytest.raises(SystemExit) as shown:
        main(["--help"])
    assert shown.value.code == 0
    text = capsys.readouterr().out
    assert "``" not in text
    for command in ("run", "check", "sync", "reports"):
        assert command in text
