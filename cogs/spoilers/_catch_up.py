"""Catch-up: what arrived while the guard was not listening.

After a start, or a new session that could not resume (its missed events are lost), each
guarded channel is read back to the newest message the guard saw there (its "mark"), no
further than the configured hours and messages, and what is new or was edited meanwhile
is passed to the guard as if it had just arrived. Marks are kept in memory and written
every few seconds: one write per channel, not one per message. A read Discord fails (a
5xx, a dropped connection) is tried again after a backoff.

A channel is "owed" a read back from the moment catch-up means to read it until it has
been read through, and while it is owed no new message moves its mark: a message seen
live after a gap does not say the gap was read. A channel the bot may not read (its
cache says so, or Discord answers 403) stays owed, as does one the bot loses View
Channel in while running (Discord then sends it nothing from there); each is read back
when the bot's permissions there may have changed (a channel's overwrites, a role, the
bot's own roles), and at every new session. Owed channels are remembered in memory only,
a bounded number: the stored mark, held back while a channel is owed, is what makes a
restart read them back.

Deferred messages (the guard's reader crowded: ``cogs/spoilers/_judge.py``): a long live
message arriving while too much waits on the reader thread is not queued but left in
Discord's history, and from then on every new message of its channel too (the order
kept), until a read back of that channel (one message read at a time, so it adds at most
one text to the queue) reaches the present. An edit of a message read already is kept
as its id and read with one lookup. Nothing is dropped: Discord keeps the messages, and
the channel's mark does not move past them until they are read (after a restart the
usual catch-up reads them back, within its hours and messages). A refusal cutting a
deferred read back short makes the channel owed, and the edits waiting there for a lookup
are kept with it until its owed read back reads it through. A channel whose history the
bot may not read cannot be deferred: past the reader's hard bound (``HELD_CHARS``) its
long messages are left unread, logged by id, and the channel owed (``left_unread``).

A permission event reads back only the owed channels it can touch: a channel's overwrites
that channel and what is under it (``_incoming.under``), a role or the bot's roles the
owed channels of that guild.
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Collection
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import Any

import discord

from bot.app import FamBot
from bot.community.journal import Place
from bot.guild_permissions import missing
from bot.pipeline.backoff import Backoff
from bot.pipeline.rest import Refused, Rest, Route, Transient
from cogs.spoilers._incoming import Incoming, host_of, writable_places
from cogs.spoilers._intake import remember

log = logging.getLogger(__name__)

READ_PERMISSIONS = ("view_channel", "read_message_history")
PAGE = 100  # Discord's most messages per history request
READ_TRIES = 6  # a channel's read back, tried this often while Discord fails it
OWED_KEPT = 10_000  # channels remembered as owed a read back (the oldest forgotten first)


@dataclass
class _Deferred:
    """A channel's messages left to a read back (the reader thread was crowded)."""

    guild_id: int
    after: int | None  # messages after this id are read back; None: none deferred
    newest: int = 0  # the newest message deferred: read back at least this far
    lookups: dict[int, bool] = field(default_factory=dict)  # id -> edited, read one by one


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
        # channel -> (guild, where its read back starts): not read through yet
        self._owed: OrderedDict[int, tuple[int, int]] = OrderedDict()
        # guilds whose owed channels are to be tried again: those of these ids (None: all)
        self._again: dict[int, frozenset[int] | None] = {}
        self._reading_again: asyncio.Task[None] | None = None
        self._running = asyncio.Lock()
        self.backoff = Backoff()
        self._deferred: dict[int, _Deferred] = {}  # channel -> what is left to read there
        # channel -> edits (id -> edited) of messages read already, left to be looked up
        # once an owed channel is read through (a refusal cut its deferred read back short)
        self._owed_lookups: dict[int, dict[int, bool]] = {}
        self._draining: dict[int, asyncio.Task[None]] = {}

    @property
    def running(self) -> bool:
        again = self._reading_again is not None and not self._reading_again.done()
        return self._running.locked() or again or bool(self._draining)

    # --- deferred messages ------------------------------------------------------------

    def deferring(self, channel_id: int) -> bool:
        """Whether new messages of ``channel_id`` wait for a read back (the order kept)."""
        deferred = self._deferred.get(channel_id)
        return deferred is not None and deferred.after is not None

    def defer(self, place: Place, message_id: int, *, edited: bool) -> bool:
        """Leave ``message_id`` to be read back from Discord, after those deferred before
        it; False if the bot may not read the channel's history (then it is read now)."""
        if self._closing():
            return False
        guild = self.bot.get_guild(place.guild_id)
        channel = guild.get_channel_or_thread(place.channel_id) if guild else None
        host = host_of(channel)
        if host is None or missing(host, READ_PERMISSIONS):
            return False
        deferred = self._deferred.get(place.channel_id)
        if deferred is None:
            deferred = self._deferred[place.channel_id] = _Deferred(place.guild_id, None)
        if deferred.after is not None and message_id > deferred.after:
            deferred.newest = max(deferred.newest, message_id)  # the read back gets to it
        elif deferred.after is not None or edited:  # read already, or past the read back
            deferred.lookups[message_id] = deferred.lookups.get(message_id, True) and edited
        else:
            deferred.after, deferred.newest = message_id - 1, message_id
            log.info(
                "The guard's reader is crowded: channel %s is read back from message %s",
                place.channel_id,
                message_id,
            )
        if place.channel_id not in self._draining:
            self._draining[place.channel_id] = asyncio.create_task(
                self._drain(place.channel_id), name="guard deferred read back"
            )
        return True

    def left_unread(self, place: Place, message_id: int, *, edited: bool) -> None:
        """A long live message in a channel whose history the bot may not read, arriving
        while the reader thread holds all it may: not read now. Its channel is owed a
        read back from just before it (an edit: kept for a lookup once the channel is
        read through), so once the bot may read there (a permission event, or the next
        session's catch-up) the guard reads it; until then it stays up."""
        _, unsaved = self._marks.get(place.channel_id, (place.guild_id, message_id))
        start = max(unsaved, message_id) if edited else message_id - 1
        self._owe(place.guild_id, place.channel_id, start)
        if edited:
            self._keep_lookups(place.channel_id, {message_id: True})
        log.warning(
            "The guard's reader is full and channel %s cannot be read back (no Read Message "
            "History): message %s is left unread until the bot may read there",
            place.channel_id,
            message_id,
        )

    async def _drain(self, channel_id: int) -> None:
        """Read what was deferred in a channel until nothing is left deferred there."""
        try:
            while (deferred := self._deferred.get(channel_id)) and not self._closing():
                guild = self.bot.get_guild(deferred.guild_id)
                channel = guild.get_channel_or_thread(channel_id) if guild else None
                host = host_of(channel)
                if guild is None or host is None:  # gone meanwhile
                    break
                place = Place(guild.id, channel_id, host.id)
                if deferred.after is not None:
                    reading = partial(self._read_deferred, guild, channel_id, deferred)
                    read = await self._until_read(channel_id, reading)
                    after = deferred.after
                    if after is None:
                        pass
                    elif not read:  # refused: owed, read back when permissions change
                        self._owe(guild.id, channel_id, after)
                        self._keep_lookups(channel_id, deferred.lookups)
                        break
                    elif deferred.newest <= after:  # up to the present: read live again
                        self._advance(place, after)
                        deferred.after = None
                while deferred.lookups and not self._closing():
                    message_id, edited = deferred.lookups.popitem()
                    looking = partial(self._look_up, guild, place, message_id, edited)
                    if not await self._until_read(channel_id, looking):
                        # refused: owed from the newest read (the edits kept for then)
                        deferred.lookups[message_id] = edited
                        start = deferred.after if deferred.after is not None else deferred.newest
                        self._owe(guild.id, channel_id, start)
                        self._keep_lookups(channel_id, deferred.lookups)
                        deferred.after = None
                        deferred.lookups = {}
                if deferred.after is None and not deferred.lookups:
                    break
        finally:
            if not self._closing():
                self._deferred.pop(channel_id, None)
            self._draining.pop(channel_id, None)

    def _keep_lookups(self, channel_id: int, lookups: dict[int, bool]) -> None:
        """Edits waiting for a lookup in a channel now owed: looked up once its owed read
        back reads it through (so it acts on each message as last edited), at most
        ``OWED_KEPT`` ids a channel (the oldest forgotten, logged by id)."""
        if not lookups:
            return
        kept = self._owed_lookups.setdefault(channel_id, {})
        for message_id, edited in lookups.items():
            kept[message_id] = kept.get(message_id, True) and edited
        while len(kept) > OWED_KEPT:
            forgotten = next(iter(kept))
            del kept[forgotten]
            log.warning(
                "Catch-up forgot an edit of message %s in channel %s (too many waiting)",
                forgotten,
                channel_id,
            )
        for owed in [c for c in self._owed_lookups if c not in self._owed]:
            del self._owed_lookups[owed]  # forgotten as owed (the bound): nothing reads it

    async def _until_read(
        self,
        channel_id: int,
        reading: Callable[[], Awaitable[bool | None]],
        tries: int | None = None,
    ) -> bool:
        """``reading()``, again after a backoff while Discord fails it (what was read is
        known by then and not considered twice), at most ``tries`` times (None: until the
        bot stops). Whether it read through: a refusal, ``reading()`` saying False, or
        failures past the tries leave the channel to be read back later."""
        failed = 0
        while True:
            try:
                return await reading() is not False
            except Refused as error:
                log.info(
                    "Catch-up cannot read channel %s (%s); it is read back when the bot's "
                    "permissions there change",
                    channel_id,
                    error,
                )
                return False
            except Transient as error:
                failed += 1
                if self._closing() or (tries is not None and failed >= tries):
                    if tries is not None:
                        log.warning("Catch-up gave up on channel %s for now: %s", channel_id, error)
                    return False
                delay = self.backoff.delay(min(failed, READ_TRIES))
                log.info(
                    "A read back of channel %s failed (%s); again in %.1f s",
                    channel_id,
                    error,
                    delay,
                )
                await asyncio.sleep(delay)

    async def _read_deferred(
        self, guild: discord.Guild, channel_id: int, deferred: _Deferred
    ) -> None:
        """Read the channel back from ``deferred.after`` to the present, one message at a
        time, the place kept as each is read."""
        while deferred.after is not None and not self._closing():
            route = Route("GET", "/channels/{major}/messages", channel_id)
            query = {"after": str(deferred.after), "limit": str(PAGE)}
            page = await self._client().request(route, query=query)
            messages = sorted(page or [], key=lambda m: int(m["id"]))
            known = await self.bot.store.journal.known(int(m["id"]) for m in messages)
            for data in messages:
                message_id = int(data["id"])
                if deferred.after is None or message_id <= deferred.after:
                    continue  # read meanwhile (a lookup)
                await self._consider_if_new(data, known, guild.id)
                deferred.after = message_id
            if len(messages) < PAGE:
                return

    async def _consider_if_new(
        self, data: dict[str, Any], known: Collection[int], guild_id: int
    ) -> None:
        """A message read back from history goes to the guard if it is new to the
        journal, or was edited while the guard was not reading."""
        message_id = int(data["id"])
        edited = message_id in known and bool(data.get("edited_timestamp"))
        if message_id not in known or edited:
            await self._consider(Incoming.of_payload(data, guild_id), edited)

    async def _look_up(
        self, guild: discord.Guild, place: Place, message_id: int, edited: bool
    ) -> None:
        """One message read back by id (an edit of one read already); gone: nothing."""
        route = Route(
            "GET",
            "/channels/{major}/messages/{message_id}",
            place.channel_id,
            {"message_id": message_id},
        )
        try:
            data = await self._client().request(route)
        except Refused as error:
            if error.unknown_message:
                return  # deleted meanwhile
            raise
        if data:
            await self._consider(Incoming.of_payload(data, guild.id), edited)

    def owed(self, channel_id: int) -> bool:
        """Whether ``channel_id`` waits to be read back."""
        return channel_id in self._owed

    def note(self, place: Place, message_id: int) -> None:
        """The guard saw ``message_id`` in ``place``: catch-up need not read before it,
        unless the channel is owed a read back (what came before was not all seen)."""
        if place.channel_id not in self._owed and not self.deferring(place.channel_id):
            self._advance(place, message_id)

    def _advance(self, place: Place, message_id: int) -> None:
        _, newest = self._marks.get(place.channel_id, (place.guild_id, 0))
        self._marks[place.channel_id] = (place.guild_id, max(newest, message_id))

    def _owe(self, guild_id: int, channel_id: int, start: int, *, bounded: bool = True) -> None:
        earlier = self._owed.get(channel_id)
        if earlier is not None:
            start = min(start, earlier[1])
        if bounded:
            remember(self._owed, channel_id, (guild_id, start), OWED_KEPT)
        else:
            self._owed[channel_id] = (guild_id, start)

    def _forget_past_bound(self) -> None:
        """Keep at most ``OWED_KEPT`` channels owed (the oldest forgotten): applied once a
        run has read every channel, so the bound drops only channels left unreadable, never
        one still waiting for its first read."""
        forgotten = 0
        while len(self._owed) > OWED_KEPT:
            channel_id, _ = self._owed.popitem(last=False)
            self._owed_lookups.pop(channel_id, None)
            forgotten += 1
        if forgotten:
            log.warning(
                "Catch-up forgot %d channels it could not read back (more than %d owed)",
                forgotten,
                OWED_KEPT,
            )

    async def save_marks(self) -> None:
        marks, self._marks = self._marks, {}
        await self.bot.store.journal.save_marks(marks)

    async def run(self) -> None:
        """Read each guarded channel back to the last message the guard saw (at most the
        configured hours and messages) and check what arrived meanwhile."""
        async with self._running:
            settings = self.bot.settings
            if not settings.guard_catchup_hours or not settings.guard_catchup_messages:
                return
            marks = await self.bot.store.journal.marks()
            guilds = [g for g in self.bot.guilds if self._guarded(g)]
            # Owed, all of them, before the first is read (however many: the guild cache
            # holds them anyway); the bound applies to those still owed afterwards.
            for guild in guilds:
                for channel in writable_places(guild):
                    self._owe(guild.id, channel.id, marks.get(channel.id, 0), bounded=False)
            try:
                since = await self.bot.store.journal.guard_since()
                for guild in guilds:
                    self._again.pop(guild.id, None)
                    for channel in writable_places(guild):
                        if self._closing():
                            return
                        await self._read_owed(guild, channel, since)
            finally:
                self._forget_past_bound()

    def _guarded(self, guild: discord.Guild) -> bool:
        return self.bot.store.community.server_settings(guild.id).guard_enabled

    async def permissions_changed(
        self, guild: discord.Guild, affected: frozenset[int] | None = None
    ) -> None:
        """The bot's permissions in ``guild`` may have changed, in the ``affected``
        channels only (None: in any of the guild's): one of those it can no longer see is
        owed a read back from its mark (Discord sends nothing from there now), and those
        owed a read back are tried again. No other channel, nor another guild's, is read."""
        if self._closing() or not self._guarded(guild):
            return
        blind = [
            channel
            for channel in writable_places(guild)
            if (affected is None or channel.id in affected)
            and channel.id not in self._owed
            and ((host := host_of(channel)) is None or missing(host, ("view_channel",)))
        ]
        if blind:
            marks = await self.bot.store.journal.marks()
            for channel in blind:
                _, unsaved = self._marks.get(channel.id, (guild.id, 0))
                self._owe(guild.id, channel.id, max(marks.get(channel.id, 0), unsaved))
                log.info("Channel %s cannot be read now; it is read back later", channel.id)
        if not any(
            owner == guild.id and (affected is None or channel_id in affected)
            for channel_id, (owner, _) in self._owed.items()
        ):
            return
        if guild.id in self._again:
            earlier = self._again[guild.id]
            affected = None if earlier is None or affected is None else earlier | affected
        self._again[guild.id] = affected
        if self._reading_again is None or self._reading_again.done():
            self._reading_again = asyncio.create_task(self._read_again(), name="guard read back")

    async def _read_again(self) -> None:
        async with self._running:
            while self._again and not self._closing():
                guild_id, affected = self._again.popitem()
                guild = self.bot.get_guild(guild_id)
                if guild is None or not self._guarded(guild):
                    continue
                owed = [
                    c
                    for c, (owner, _) in self._owed.items()
                    if owner == guild.id and (affected is None or c in affected)
                ]
                since = await self.bot.store.journal.guard_since() if owed else {}
                for channel_id in owed:
                    channel = guild.get_channel_or_thread(channel_id)
                    if channel is None:  # deleted meanwhile
                        self._owed.pop(channel_id, None)
                    elif not self._closing():
                        await self._read_owed(guild, channel, since)

    async def close(self) -> None:
        draining = list(self._draining.values())
        for task in draining:
            task.cancel()
        await asyncio.gather(*draining, return_exceptions=True)
        if self._reading_again is not None:
            self._reading_again.cancel()
            await asyncio.gather(self._reading_again, return_exceptions=True)

    async def _read_owed(self, guild: discord.Guild, channel: Any, since: dict[int, int]) -> None:
        """Read ``channel`` back from where it is owed (no further than the configured
        hours, nor from before the guard was on: ``since``, read once per pass, not once
        per channel); once read through it is owed no more."""
        owed = self._owed.get(channel.id)
        if owed is None:
            return
        settings = self.bot.settings
        hours, most = settings.guard_catchup_hours, settings.guard_catchup_messages
        if not hours or not most:
            return
        floor = discord.utils.time_snowflake(datetime.now(UTC) - timedelta(hours=hours))
        start = max(owed[1], since.get(guild.id, 0), floor)
        reading = partial(self._read_back, guild, channel, start, most)
        if not await self._until_read(channel.id, reading, tries=READ_TRIES):
            return
        lookups = self._owed_lookups.pop(channel.id, {})
        host = host_of(channel)
        while lookups and host is not None and not self._closing():
            message_id, edited = lookups.popitem()
            place = Place(guild.id, channel.id, host.id)
            looking = partial(self._look_up, guild, place, message_id, edited)
            if not await self._until_read(channel.id, looking, tries=READ_TRIES):
                lookups[message_id] = edited
                self._keep_lookups(channel.id, lookups)
                return  # still owed, the edits with it
        if lookups:  # stopping: the edits go with the process
            return
        self._owed.pop(channel.id, None)

    async def _read_back(self, guild: discord.Guild, channel: Any, after: int, most: int) -> bool:
        host = host_of(channel)
        if host is None:
            return True  # not a place members write in
        if lacking := missing(host, READ_PERMISSIONS):
            log.info(
                "Catch-up cannot read channel %s (missing %s); it is read back when the "
                "bot's permissions there change",
                channel.id,
                ", ".join(lacking),
            )
            return False
        read = 0
        while read < most:
            route = Route("GET", "/channels/{major}/messages", channel.id)
            limit = min(PAGE, most - read)
            page = await self._client().request(
                route, query={"after": str(after), "limit": str(limit)}
            )
            if not page:
                return True
            messages = sorted(page, key=lambda m: int(m["id"]))
            known = await self.bot.store.journal.known(int(m["id"]) for m in messages)
            for data in messages:
                await self._consider_if_new(data, known, guild.id)
            read += len(messages)
            after = int(messages[-1]["id"])
            self._advance(Place(guild.id, channel.id, host.id), after)
            if len(messages) < limit:
                return True
        return True  # as far as catch-up reads
