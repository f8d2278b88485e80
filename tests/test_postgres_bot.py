"""The bot on PostgreSQL, end to end: the same commands as on SQLite, and a bad day for
the database (the connection cut mid-run): reads keep answering from memory, a change
that cannot be saved is refused in a short private reply, and nothing is half-saved."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator

import pytest

from bot.canon.episodes import EpisodeRef
from bot.community.records import Progress
from bot.settings import Settings
from tests.postgres import Cable, Server
from tests.standin.harness import Harness
from tests.standin.payloads import ALICE


@pytest.fixture
async def cable(postgres: Server) -> AsyncIterator[Cable]:
    running = Cable(postgres.socket_dir)
    await running.start()
    yield running
    await running.close()


@pytest.fixture
async def on_postgres(
    settings: Settings, postgres_url: str, cable: Cable
) -> AsyncIterator[Harness]:
    pointed = dataclasses.replace(settings, database_url=cable.url(postgres_url), database_wait=5)
    running = Harness(pointed)
    await running.start()
    yield running
    await running.stop()


async def test_the_bot_serves_from_postgres_and_survives_a_cut(
    on_postgres: Harness, cable: Cable
) -> None:
    bot = on_postgres.bot
    assert bot is not None and bot.store.path is None  # canon in memory, community shared
    saved = await on_postgres.subcommand("progress set", {"episode": "S1E5"})
    assert "S1E5" in saved.embeds[0]["description"]
    assert bot.store.community.progress(ALICE.id) == Progress("", EpisodeRef(1, 5))
    await cable.cut()
    # Reads never touch the network: lookups and progress still answer.
    reply = await on_postgres.command("character", {"name": "Gordo"})
    assert "held back" in reply.content
    shown = await on_postgres.subcommand("progress show")
    assert "S1E5" in shown.embeds[0]["description"]
    # A change cannot be saved: said privately, in one short line, and not pretended.
    refused = await on_postgres.subcommand("progress set", {"episode": "S2E1"})
    assert refused.ephemeral
    assert "couldn't save that" in refused.content and "try again" in refused.content
    assert "Traceback" not in refused.content and "postgres" not in refused.content.lower()
    assert bot.store.community.progress(ALICE.id) == Progress("", EpisodeRef(1, 5))
    cable.mend()
    again = await on_postgres.subcommand("progress set", {"episode": "S2E1"})
    assert "S2E1" in again.embeds[0]["description"]
    assert bot.store.community.progress(ALICE.id) == Progress("", EpisodeRef(2, 1))
