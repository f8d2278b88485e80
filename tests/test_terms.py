"""A server's guard terms: normalised, never blank, never twice, capped by the bot
(issue 11, defect 9). Raw payloads bypass the client's own length check."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator

import pytest

from bot.app import FamBot
from bot.settings import Settings
from tests.spoiler_audit import hidden, visible
from tests.standin.harness import Harness
from tests.standin.payloads import GUILD_ID


def _stored(settings: Settings) -> list[str]:
    with sqlite3.connect(settings.database_path) as conn:
        rows = [row[0] for row in conn.execute("SELECT term FROM community_guard_term")]
    conn.close()
    return rows


@pytest.mark.parametrize("blank", ["  ", "\t\n", "!!", "- -", "\u200b\u200b"])
async def test_a_blank_term_is_refused(blank: str, harness: Harness, settings: Settings) -> None:
    reply = await harness.subcommand("spoilers terms add", {"term": blank})
    assert reply.ephemeral
    assert "A term needs 2-60 characters" in reply.content
    assert _stored(settings) == []


async def test_terms_are_normalised_and_duplicates_refused(
    harness: Harness, bot: FamBot, settings: Settings
) -> None:
    first = await harness.subcommand("spoilers terms add", {"term": "  boots \t on   Mars "})
    assert "Term added" in str(first.embeds)
    again = await harness.subcommand("spoilers terms add", {"term": "Boots on MARS!"})
    assert again.ephemeral and "already on the list" in again.content
    assert _stored(settings) == ["boots on Mars"]
    listed = await harness.subcommand("spoilers terms list")
    description = listed.embeds[0]["description"]
    assert hidden(description).count("boots on Mars") == 1
    assert "boots" not in visible(description)
    removed = await harness.subcommand("spoilers terms remove", {"term": "BOOTS ON MARS"})
    assert "Term removed" in str(removed.embeds)
    assert bot.store.community.server_settings(GUILD_ID).terms == ()


async def test_a_blank_term_stored_by_an_older_bot_does_not_break_the_list(
    harness_on: Harness,
) -> None:
    listed = await harness_on.subcommand("spoilers terms list")
    description = listed.embeds[0]["description"]
    assert "Extra terms (1)" in description
    assert "boots" not in visible(description) and "boots on Mars" in hidden(description)


@pytest.fixture
def db_path_with_blank(settings: Settings) -> Settings:
    with sqlite3.connect(settings.database_path) as conn:
        conn.executemany(
            "INSERT INTO community_guard_term VALUES (?, ?, ?, ?)",
            [(GUILD_ID, "", 1, "2026-11-01"), (GUILD_ID, "boots on Mars", 1, "2026-11-01")],
        )
    conn.close()
    return settings


@pytest.fixture
async def harness_on(db_path_with_blank: Settings) -> AsyncIterator[Harness]:
    running = Harness(db_path_with_blank)
    await running.start()
    yield running
    await running.stop()
