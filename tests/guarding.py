"""What the spoiler guard's end-to-end tests share: a guarded server on the stand-in,
and ways to read what the guard did there."""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from types import ModuleType
from typing import Any, cast

from bot.app import FamBot
from bot.community.journal import Entry
from bot.pipeline.backoff import Backoff
from bot.settings import Settings
from cogs.spoilers._engine import GuardEngine
from cogs.spoilers._guard import SpoilerGuard
from tests.standin.harness import Harness
from tests.standin.payloads import CHANNEL_ID, MOD_LOG_ID, ChannelOption
from tests.standin.rest import APPLICATION_ID, BOT_USER_ID, Message, Recorded

SPOILER = "Can't believe Karen dies in the bombing. Great episode though!"
TAGGED = "||Can't believe Karen dies in the bombing.|| Great episode though!"


@asynccontextmanager
async def guarded_server(settings: Settings) -> AsyncIterator[Harness]:
    """The bot reading messages, the guard on, its log in #mod-log."""
    running = Harness(dataclasses.replace(settings, spoiler_guard=True))
    running.tune.append(quick_retries)
    await running.start()
    try:
        await running.subcommand("spoilers guard on")
        await running.subcommand("spoilers guard log", {"channel": ChannelOption(MOD_LOG_ID)})
        yield running
    finally:
        await running.stop()


def quick_retries(bot: FamBot) -> None:
    """Retries after a 5xx start at a tenth of the real backoff: the same steps, sooner
    (``tests/test_pipeline.py`` checks the real backoff itself)."""
    guard = bot.get_cog("SpoilerGuard")
    if guard is not None:
        working = cast(SpoilerGuard, guard).engine
        working.obstacles.backoff = Backoff(base=0.05, cap=1.0)
        working.reports.backoff = Backoff(base=0.05, cap=1.0)
        working.catching_up.backoff = Backoff(base=0.05, cap=1.0)


def live(module: str) -> ModuleType:
    """A cog module as the running bot loaded it. The bots may not share the modules
    this file imported (``tests/standin/extension_modules.py``), and discord.py replaces
    extensions in ``sys.modules`` only (not as attributes of their package), so patch
    ``live("cogs.spoilers._engine")``, never a dotted path."""
    return sys.modules[module]


def engine(harness: Harness) -> GuardEngine:
    """The running guard's engine (its class may not be the one imported here: no isinstance)."""
    assert harness.bot is not None
    guard = harness.bot.get_cog("SpoilerGuard")
    assert guard is not None
    return cast(SpoilerGuard, guard).engine


async def entry(harness: Harness, message_id: int) -> Entry:
    assert harness.bot is not None
    found = await harness.bot.store.journal.get(message_id)
    assert found is not None, f"message {message_id} is not in the journal"
    return found


def executions(harness: Harness) -> list[Recorded]:
    """Channel webhook executions (not the application's own interaction webhook)."""
    own = f"/webhooks/{APPLICATION_ID}/"
    return [r for r in harness.stand_in.calls("POST", "/webhooks/") if not r.path.startswith(own)]


def reposts(harness: Harness, channel_id: int | None = None) -> list[Message]:
    """Messages the guard's webhooks posted that are up now."""
    return [
        m
        for m in harness.stand_in.messages.values()
        if m.payload.get("webhook_id") not in (None, str(APPLICATION_ID))
        and (channel_id is None or m.channel_id == channel_id)
    ]


def mod_log(harness: Harness) -> list[dict[str, Any]]:
    """The embeds the bot posted to #mod-log, in order."""
    posts = harness.stand_in.calls("POST", f"/channels/{MOD_LOG_ID}/messages")
    return [embed for post in posts for embed in post.json.get("embeds", [])]


def notices(harness: Harness, channel_id: int = CHANNEL_ID) -> list[Recorded]:
    """The bot's own posts in a channel (its notices to authors)."""
    path = f"/channels/{channel_id}/messages"
    return [r for r in harness.stand_in.calls("POST", path) if r.path == path]


def up(harness: Harness, message: Message) -> bool:
    """Whether a member's original is still in the channel."""
    return message.id in harness.stand_in.messages


def deleting_a_notice(harness: Harness, channel_id: int = CHANNEL_ID) -> Callable[[Any], bool]:
    """Matches a request deleting one of the bot's own posts in a channel (a notice),
    known only by what it deletes: set before the notice exists, the match cannot miss a
    deletion that comes sooner than the test looks."""

    def deleting(request: Any) -> bool:
        tail = str(request.path).rsplit("/", 1)[-1]
        if request.method != "DELETE" or not tail.isdigit():
            return False
        return harness.stand_in.messages.get(int(tail)) in bot_messages(harness, channel_id)

    return deleting


def bot_messages(harness: Harness, channel_id: int) -> list[Message]:
    return [
        m
        for m in harness.stand_in.messages.values()
        if m.channel_id == channel_id
        and m.payload["author"]["id"] == str(BOT_USER_ID)
        and "application_id" not in m.payload  # not a reply to a command
    ]
