"""Meta-tests: extensions load, names are unique, and the tree fits Discord's limits."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path
from typing import Any

from discord import app_commands

from bot.__main__ import _sync
from bot.app import FamBot, create_bot, extensions
from bot.settings import Settings
from tests.standin.harness import Harness

NAME = re.compile(r"^[-_a-z0-9]{1,32}$")
MENU_NAME = re.compile(r"^[\w -]{1,32}$")  # message commands may use capitals and spaces
NAMED_OPTIONS = {"name", "episode"}  # options that take a name or title


def _commands(bot: FamBot) -> list[dict[str, Any]]:
    return [command.to_dict(bot.tree) for command in bot.tree.get_commands()]


def test_every_extension_loads_in_name_order(bot: FamBot) -> None:
    assert list(bot.extensions) == list(extensions())
    assert list(extensions()) == sorted(extensions())
    assert {"ServerSpoilerCommands", "SpoilerGuard", "SpoilerTools", "People"} <= set(bot.cogs)


def test_every_cog_module_is_found() -> None:
    """Discovery finds each cog module and package, and skips _private ones."""
    cogs = Path(__file__).resolve().parent.parent / "cogs"
    modules = {f"cogs.{p.stem}" for p in cogs.glob("*.py") if not p.stem.startswith("_")}
    modules |= {f"cogs.{p.parent.name}" for p in cogs.glob("*/__init__.py")}
    assert modules == set(extensions())
    assert "cogs.characters" in modules


def test_command_names_are_unique(bot: FamBot) -> None:
    names = [c["name"] for c in _commands(bot)]
    assert len(names) == len(set(names))
    core = {"character", "actor", "episode", "season", "timeline", "search", "help", "about"}
    core |= {"progress", "spoilers", "spoilercheck", "Spoiler-tag this message"}
    assert set(names) >= core


def _text_size(command: dict[str, Any]) -> int:
    size = len(command["name"]) + len(command["description"])
    for option in command.get("options", []):
        size += _text_size(option)
        size += sum(len(c["name"]) + len(str(c["value"])) for c in option.get("choices", []))
    return size


def test_the_tree_serialises_within_discord_limits(bot: FamBot) -> None:
    commands = _commands(bot)
    assert len(commands) <= 100
    for command in commands:
        if command.get("type", 1) != 1:  # a message command: a name, no description
            assert MENU_NAME.match(command["name"]), command["name"]
            continue
        assert NAME.match(command["name"]), command["name"]
        assert 1 <= len(command["description"]) <= 100
        options = command.get("options", [])
        assert len(options) <= 25
        for option in options:
            assert NAME.match(option["name"])
            assert 1 <= len(option["description"]) <= 100
            assert len(option.get("choices", [])) <= 25
        assert _text_size(command) <= 4000


def _leaves(bot: FamBot) -> list[app_commands.Command[Any, ..., Any]]:
    return [c for c in bot.tree.walk_commands() if isinstance(c, app_commands.Command)]


def test_every_name_or_title_option_autocompletes(bot: FamBot) -> None:
    for command in _leaves(bot):
        for parameter in command.parameters:
            if parameter.name in NAMED_OPTIONS:
                assert parameter.autocomplete, f"/{command.name} {parameter.name}"


def test_every_option_is_described(bot: FamBot) -> None:
    for command in _leaves(bot):
        for parameter in command.parameters:
            assert parameter.description not in ("", "…"), f"/{command.name} {parameter.name}"


async def test_sync_publishes_to_one_guild_on_request(settings: Settings) -> None:
    stand_in = Harness(settings)
    pointed = await stand_in.serve()
    try:
        await _sync(pointed, 123456789012345678)
        calls = stand_in.stand_in.calls("PUT", "/guilds/123456789012345678/commands")
        assert len(calls) == 1
        assert {c["name"] for c in calls[0].body} >= {"character", "episode"}
        assert not stand_in.stand_in.calls("PUT", "/applications/900000000000000002/commands")
    finally:
        await stand_in.stop()


async def test_the_command_tree_alone_starts_nothing_that_reads_the_store(
    settings: Settings,
) -> None:
    """``sync`` and the tests' /help lines load every extension without a store: the
    guard's background work (its notice sweeper among them) used to start anyway and die
    on its first read ("Task exception was never retrieved")."""
    bot = create_bot(settings, commands_only=True)
    async with bot:
        for extension in extensions():
            await bot.load_extension(extension)
        await asyncio.sleep(0)  # a task started by loading has run its first step
        started = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
        assert [t.get_name() for t in started] == []
        assert not bot.store_open


async def test_login_never_syncs(harness: Harness) -> None:
    assert not harness.stand_in.calls("PUT")


SQL = re.compile(r"\b(SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM|CREATE TABLE)\b")


def test_only_the_store_writes_sql() -> None:
    root = Path(__file__).resolve().parent.parent
    offenders = [
        str(path.relative_to(root))
        for folder in ("bot", "cogs")
        for path in (root / folder).rglob("*.py")
        if "store" not in path.relative_to(root).parts and SQL.search(path.read_text())
    ]
    assert offenders == []


UNTYPED_BOT = re.compile(r"Interaction\[Any\]|getattr\([^)]*client|\.client\.\w+\(.*type: ignore")


def test_the_bot_is_reached_through_typed_interactions() -> None:
    """``Interaction[FamBot]`` everywhere: no ``Any``, ``getattr`` or ignores to reach the bot."""
    root = Path(__file__).resolve().parent.parent
    offenders = [
        f"{path.relative_to(root)}:{number}"
        for folder in ("bot", "cogs")
        for path in (root / folder).rglob("*.py")
        for number, text in enumerate(path.read_text().splitlines(), 1)
        if UNTYPED_BOT.search(text)
    ]
    assert offenders == []
