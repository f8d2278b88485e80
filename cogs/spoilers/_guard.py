"""The spoiler guard: members' messages that spoil are taken down and reposted tagged.

When a server turns it on, each new or edited message outside spoiler and exempt
channels is checked against the rules the spoiler policy says apply there. The work on
Discord (journal first, delete, repost through the channel's webhook, tell the author
and the mod log) is ``GuardEngine``'s; this cog hands it the gateway's events.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

import discord
from discord.ext import commands

from bot.app import FamBot
from bot.listeners import tracked_listener
from cogs.spoilers._engine import GuardEngine
from cogs.spoilers._incoming import Incoming
from cogs.spoilers._judge import Judge

if TYPE_CHECKING:
    from cogs.spoilers._review import GuardReview

log = logging.getLogger(__name__)


class SpoilerGuard(commands.Cog):
    def __init__(self, bot: FamBot) -> None:
        self.bot = bot
        self.judge = Judge(bot)
        self.engine = GuardEngine(bot, self.judge)
        self._connecting: asyncio.Task[None] | None = None
        self.review: GuardReview | None = None  # the review band (issue 9), set in setup

    async def cog_load(self) -> None:
        # The command tree alone has no store: the engine's background work (the notice
        # sweeper, catch-up marks, adoption) would fail on its first read of it.
        if not self.bot.store_open:
            return
        try:
            if self.bot.freeze_heap:  # python -m bot: compiled before the freeze (app.py)
                await self.judge.matcher_for(None, None)  # a server's default rules
            await self.engine.start()
        except BaseException:  # stopped while starting: no reader thread left behind
            self.judge.close()
            raise

    async def cog_unload(self) -> None:
        # discord.py unloads extensions before it closes the connection, so this runs
        # while Discord may still be reachable; the engine waits briefly either way.
        if self._connecting is not None:
            self._connecting.cancel()
        await self.engine.stop()
        self.judge.close()

    async def settled(self) -> None:
        """Wait until the guard has nothing left it could do right now (for tests)."""
        if self._connecting is not None:
            await asyncio.wait({self._connecting})
        await self.engine.settled()

    # --- messages ------------------------------------------------------------------------

    @tracked_listener
    async def on_message(self, message: discord.Message) -> None:
        incoming = Incoming.of_message(message)
        if incoming is not None:
            await self.engine.consider(incoming, edited=False)

    @tracked_listener
    async def on_raw_message_edit(self, payload: discord.RawMessageUpdateEvent) -> None:
        if "content" not in payload.data:  # embeds unfurling also arrive as edits
            return
        incoming = Incoming.of_message(payload.message)
        if incoming is not None:
            await self.engine.consider(incoming, edited=True)

    @tracked_listener
    async def on_raw_message_delete(self, payload: discord.RawMessageDeleteEvent) -> None:
        await self.engine.deleted(payload.message_id)

    @tracked_listener
    async def on_raw_bulk_message_delete(self, payload: discord.RawBulkMessageDeleteEvent) -> None:
        self.engine.bulk_deleted(payload.channel_id, payload.message_ids)
        for message_id in sorted(payload.message_ids):
            await self.engine.deleted(message_id)

    # --- the connection ------------------------------------------------------------------

    @commands.Cog.listener()
    async def on_ready(self) -> None:
        # A new session (the first, or one Discord would not resume): events sent while
        # the bot was away are lost, so the guard reads back what it missed.
        self._start_connecting(fresh=True)

    @commands.Cog.listener()
    async def on_shard_ready(self, shard_id: int) -> None:
        # A process running several shards hears on_ready once, when all are first up; a
        # new session on one shard later (Discord would not resume it) fires only this.
        if self.bot.is_ready():
            self._start_connecting(fresh=True)

    @commands.Cog.listener()
    async def on_resumed(self) -> None:
        self._start_connecting(fresh=False)

    def _start_connecting(self, *, fresh: bool) -> None:
        if self._connecting is not None and not self._connecting.done():
            if not fresh:
                return
            self._connecting.cancel()
        self._connecting = asyncio.create_task(self._connected(fresh), name="guard catch-up")

    async def _connected(self, fresh: bool) -> None:
        try:
            await self.engine.connected(fresh=fresh)
        except Exception:
            log.exception("Spoiler guard could not resume after connecting")

    # --- permissions and webhooks ---------------------------------------------------------

    @tracked_listener
    async def on_webhooks_update(self, channel: discord.abc.GuildChannel) -> None:
        self.engine.webhooks_changed(channel.id)

    @tracked_listener
    async def on_guild_channel_update(
        self, before: discord.abc.GuildChannel, after: discord.abc.GuildChannel
    ) -> None:
        await self.engine.permissions_changed(after.guild, after)

    @tracked_listener
    async def on_guild_role_update(self, before: discord.Role, after: discord.Role) -> None:
        await self.engine.permissions_changed(after.guild)

    @tracked_listener
    async def on_guild_role_delete(self, role: discord.Role) -> None:
        await self.engine.permissions_changed(role.guild)

    @tracked_listener
    async def on_guild_role_create(self, role: discord.Role) -> None:
        await self.engine.permissions_changed(role.guild)

    @tracked_listener
    async def on_member_update(self, before: discord.Member, after: discord.Member) -> None:
        if self.bot.user is not None and after.id == self.bot.user.id:  # the bot's own roles
            await self.engine.permissions_changed(after.guild)
