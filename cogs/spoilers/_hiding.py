"""Step 1: taking a spoiler down, as the guard's first request about it.

Each channel has a hide lane. While one deletion is under way the next spoilers gather,
and go together in one bulk deletion (Discord allows one a second, of up to 100
messages younger than two weeks), so a burst comes down in about one round trip. Before
anything is deleted the channel's webhook must be there (never take down what cannot
go up) and the message's files are kept (Discord deletes them with it). Each attempt
is journalled before it is sent, so "Unknown Message" on a first attempt means its
author deleted it, and on a later one that an earlier attempt did.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable, Sequence

import discord

from bot.app import FamBot
from bot.community.journal import Entry, Outcome, State
from bot.guild_permissions import GUARD_PERMISSIONS
from bot.pipeline.lanes import Lanes
from bot.pipeline.rest import Refused, Rest, Route, Transient
from cogs.spoilers._incoming import Host
from cogs.spoilers._obstacles import Obstacles, channel_of
from cogs.spoilers._webhooks import NoWebhook, Webhooks

BULK_LIMIT = 100
BULK_AGE = 13 * 24 * 3600  # Discord bulk-deletes messages younger than 14 days only
BULK_CONFIRM = 2.0  # how long a bulk deletion's own event is awaited
REASON = "spoiler guard: reposting it with spoiler tags"


class Hider:
    def __init__(
        self,
        bot: FamBot,
        obstacles: Obstacles,
        client: Callable[[], Rest],
        webhooks: Callable[[], Webhooks],
        reposts: Lanes,
    ) -> None:
        self.bot = bot
        self.obstacles = obstacles
        self._client = client
        self._webhooks = webhooks
        self._reposts = reposts
        self.lanes = Lanes("hide", self._hide, batch=BULK_LIMIT)
        # A bulk deletion in flight per channel: the ids its MESSAGE_DELETE_BULK named.
        self._bulk: dict[int, tuple[set[int], asyncio.Event]] = {}

    async def _hide(self, lane: int, ids: Sequence[int]) -> None:
        journal = self.bot.store.journal
        entries = [e for e in await journal.get_many(ids) if e.state is State.SEEN]
        if not entries:
            return
        guild, channel, host = channel_of(self.bot, entries[0].place)
        if guild is None or channel is None or host is None:
            await self.obstacles.give_up(entries, Outcome.CHANNEL_GONE)
            return
        obstacles = self.obstacles
        if not await obstacles.clear_to_act(entries, guild, host, GUARD_PERMISSIONS, self.lanes):
            return
        try:
            await self._webhooks().get(host.id)  # never take down what cannot go up
            await self._keep_files(entries, guild)
        except NoWebhook as gap:
            await obstacles.refused(guild, host.id, gap.gap, entries, self.lanes)
            return
        except Refused as refused:
            await obstacles.refusal(guild, host.id, refused, "manage_webhooks", entries, self.lanes)
            return
        except Transient as error:
            await obstacles.transient(entries, error, self.lanes)
            return
        await journal.note_hide_attempt([e.message_id for e in entries])
        entries = await journal.get_many([e.message_id for e in entries])
        entries = [e for e in entries if e.state is State.SEEN]  # withdrawn meanwhile?
        if not entries:
            return
        young = time.time() - BULK_AGE
        if len(entries) > 1 and all(_seconds(e.message_id) > young for e in entries):
            await self._delete_many(guild, host, entries)
        else:
            for entry in entries:
                await self._delete_one(guild, host, entry)

    async def _delete_many(self, guild: discord.Guild, host: Host, entries: list[Entry]) -> None:
        channel_id = entries[0].place.channel_id
        route = Route("POST", "/channels/{major}/messages/bulk-delete", channel_id)
        body = {"messages": [str(e.message_id) for e in entries]}
        named: set[int] = set()
        arrived = asyncio.Event()
        self._bulk[channel_id] = (named, arrived)
        try:
            await self._client().request(route, body=body, reason=REASON)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(arrived.wait(), BULK_CONFIRM)
        except Transient as error:
            self._bulk.pop(channel_id, None)
            await self.obstacles.transient(entries, error, self.lanes)
            return
        except Refused as refused:
            self._bulk.pop(channel_id, None)
            if refused.missing_permission or refused.unknown_channel:
                await self.obstacles.refusal(
                    guild, host.id, refused, "manage_messages", entries, self.lanes
                )
                return
            for entry in entries:  # e.g. one grew too old for a bulk deletion
                await self._delete_one(guild, host, entry)
            return
        # A bulk deletion skips messages already gone without a word; its event names
        # only those it deleted. One it did not name, on the guard's first attempt, was
        # deleted by its author meanwhile: not reposted. (After an earlier attempt, the
        # guard may have deleted it then; with no event in time, e.g. a reconnect, all
        # are taken as the guard's: reposted rather than lost.)
        self._bulk.pop(channel_id, None)
        if arrived.is_set():
            withdrawn = [e for e in entries if e.message_id not in named and e.hide_attempts <= 1]
            for entry in withdrawn:
                await self.bot.store.journal.finish(entry.message_id, Outcome.WITHDRAWN)
            entries = [e for e in entries if e not in withdrawn]
        await self._hidden(guild, host, entries)

    def bulk_deleted(self, channel_id: int, message_ids: set[int]) -> None:
        """A MESSAGE_DELETE_BULK: which messages a bulk deletion actually deleted."""
        waiting = self._bulk.get(channel_id)
        if waiting is not None:
            waiting[0].update(message_ids)
            waiting[1].set()

    async def _delete_one(self, guild: discord.Guild, host: Host, entry: Entry) -> None:
        route = Route(
            "DELETE",
            "/channels/{major}/messages/{message_id}",
            entry.place.channel_id,
            {"message_id": entry.message_id},
        )
        try:
            await self._client().request(route, reason=REASON)
        except Transient as error:
            await self.obstacles.transient([entry], error, self.lanes)
            return
        except Refused as refused:
            if not refused.unknown_message:
                await self.obstacles.refusal(
                    guild, host.id, refused, "manage_messages", [entry], self.lanes
                )
                return
            if entry.hide_attempts <= 1:  # the first attempt found it gone: its author
                await self.bot.store.journal.finish(entry.message_id, Outcome.WITHDRAWN)
                return
            # An earlier attempt's answer was lost: that one deleted it.
        await self._hidden(guild, host, [entry])

    async def _hidden(self, guild: discord.Guild, host: Host, entries: list[Entry]) -> None:
        await self.bot.store.journal.mark_hidden([e.message_id for e in entries])
        await self.obstacles.granted(guild, host.id, "manage_messages")
        for entry in entries:
            self.obstacles.succeeded(entry.message_id)
            self._reposts.put(entry.place.channel_id, entry.message_id)

    async def _keep_files(self, entries: list[Entry], guild: discord.Guild) -> None:
        """Attachments are downloaded before the original goes: Discord deletes a
        message's files with it."""
        journal = self.bot.store.journal
        for entry in entries:
            if not entry.attachments or await journal.files(entry.message_id):
                continue
            files = []
            for attachment in entry.attachments:
                try:
                    data = await self._client().download(attachment.url, guild.filesize_limit)
                except Refused:
                    continue  # gone already (its author deleted the message)
                files.append((attachment.filename, data))
            await journal.keep_files(entry.message_id, files)


def _seconds(snowflake: int) -> float:
    return discord.utils.snowflake_time(snowflake).timestamp()
