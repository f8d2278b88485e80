"""Catch-up: what arrived while the guard was not listening.

After a start, or a new session that could not resume (its missed events are lost), each
guarded channel is read back to the newest message the guard saw there (its "mark"), no
further than the configured hours and messages, and what is new or was edited meanwhile
is passed to the guard as if it had just arrived. Marks are kept in memory and written
every few seconds: one write per channel, not one per message. A read Discord fails (a
5xx, a dropped connection) is tried again after a backoff: a channel skipped would never
be read back, as the next message there moves its mark past what was missed.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import discord

from bot.app import FamBot
from bot.community.journal import Place
from bot.guild_permissions import missing
from bot.pipeline.backoff import Backoff
from bot.pipeline.rest import Refused, Rest, Route, Transient
from cogs.spoilers._incoming import Incoming, host_of, writable_places

log = logging.getLogger(__name__)

READ_PERMISSIONS = ("view_channel", "read_message_history")
PAGE = 100  # Discord's most messages per history request
READ_TRIES = 6  # a channel's read back, tried this often while Discord fails it

# The guard's door for a message: (message, edited) -> whatever it made of it.
Consider = Callable[[Incoming, bool], Awaitable[Any]]


class CatchUp:
    def __init__(
        self,
        bot: FamBot,
        client: Callable[[], Rest],
        consider: Consider,
        closing: Callable[[], bool],
    ) -> None:
        self.bot = bot
        self._client = client
        self._consider = consider
        self._closing = closing
        self._marks: dict[int, tuple[int, int]] = {}  # channel -> (guild, newest message)
        self._running = asyncio.Lock()
        self.backoff = Backoff()

    @property
    def running(self) -> bool:
        return self._running.locked()

    def note(self, place: Place, message_id: int) -> None:
        """The guard saw ``message_id`` in ``place``: catch-up need not read before it."""
        _, newest = self._marks.get(place.channel_id, (place.guild_id, 0))
        self._marks[place.channel_id] = (place.guild_id, max(newest, message_id))

    async def save_marks(self) -> None:
        marks, self._marks = self._marks, {}
        await self.bot.store.journal.save_marks(marks)

    async def run(self) -> None:
        """Read each guarded channel back to the last message the guard saw (at most the
        configured hours and messages) and check what arrived meanwhile."""
        async with self._running:
            settings = self.bot.settings
            hours, most = settings.guard_catchup_hours, settings.guard_catchup_messages
            if not hours or not most:
                return
            journal = self.bot.store.journal
            marks, since = await journal.marks(), await journal.guard_since()
            floor = discord.utils.time_snowflake(datetime.now(UTC) - timedelta(hours=hours))
            for guild in self.bot.guilds:
                if not self.bot.store.community.server_settings(guild.id).guard_enabled:
                    continue
                for channel in writable_places(guild):
                    if self._closing():
                        return
                    start = max(marks.get(channel.id, 0), since.get(guild.id, 0), floor)
                    await self._read_back_retrying(guild, channel, start, most)

    async def _read_back_retrying(
        self, guild: discord.Guild, channel: Any, after: int, most: int
    ) -> None:
        """``_read_back``, again after a backoff while Discord fails it (what was read
        already is known by then, and not considered twice); a refusal skips the channel."""
        for tries in range(1, READ_TRIES + 1):
            try:
                await self._read_back(guild, channel, after, most)
                return
            except Refused as error:
                log.info("Catch-up skipped channel %s: %s", channel.id, error)
                return
            except Transient as error:
                if tries == READ_TRIES or self._closing():
                    log.warning("Catch-up gave up on channel %s: %s", channel.id, error)
                    return
                delay = self.backoff.delay(tries)
                log.info(
                    "Catch-up of channel %s failed (%s); again in %.1f s", channel.id, error, delay
                )
                await asyncio.sleep(delay)

    async def _read_back(self, guild: discord.Guild, channel: Any, after: int, most: int) -> None:
        host = host_of(channel)
        if host is None or missing(host, READ_PERMISSIONS):
            return
        read = 0
        while read < most:
            route = Route("GET", "/channels/{major}/messages", channel.id)
            limit = min(PAGE, most - read)
            page = await self._client().request(
                route, query={"after": str(after), "limit": str(limit)}
            )
            if not page:
                return
            messages = sorted(page, key=lambda m: int(m["id"]))
            known = await self.bot.store.journal.known(int(m["id"]) for m in messages)
            for data in messages:
                edited = int(data["id"]) in known and bool(data.get("edited_timestamp"))
                if int(data["id"]) not in known or edited:  # new, or edited while away
                    await self._consider(Incoming.of_payload(data, guild.id), edited)
            read += len(messages)
            after = int(messages[-1]["id"])
            self.note(Place(guild.id, channel.id, host.id), after)
            if len(messages) < limit:
                return
