"""What stands in the guard's way, and what Discord's answers mean for the work waiting.

Before acting: the invalid-request budget (paused?), the permissions the bot's cache
says it lacks, and refusals Discord gave that are still believed. After an answer: a
5xx, a reset or a timeout is tried again after a backoff with jitter; a refusal for
want of a permission (or a webhook slot) is reported once, believed for a while and
checked again later or when something changes. Work that cannot go ahead waits in its
lane. A message not yet taken down that waits too long is given up (it is still up,
and the mod log links to it); a message taken down is never given up.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import UTC, datetime
from typing import Any

import discord

from bot.app import FamBot
from bot.community.journal import Entry, Outcome, Place, State
from bot.guild_permissions import missing, permission_names
from bot.pipeline.backoff import Backoff, Rechecks
from bot.pipeline.lanes import Lanes
from bot.pipeline.rest import Refused
from cogs.spoilers._incoming import Host, host_of
from cogs.spoilers._reports import Reports

log = logging.getLogger(__name__)

HIDE_DEADLINE = 120.0  # Discord failing this long before a message is hidden: given up
WAIT_LIMIT = 900.0  # waiting this long for a permission or a webhook slot: given up
PAUSED_LOOK = 30.0  # while paused, look at the budget again this often


def channel_of(bot: FamBot, place: Place) -> tuple[discord.Guild | None, Any, Host | None]:
    """The server, the channel (or thread) and the webhook's channel, from the cache."""
    guild = bot.get_guild(place.guild_id)
    channel = guild.get_channel_or_thread(place.channel_id) if guild else None
    return guild, channel, host_of(channel)


class Obstacles:
    def __init__(self, bot: FamBot, reports: Reports) -> None:
        self.bot = bot
        self.reports = reports
        self.rechecks = Rechecks()
        self.backoff = Backoff()
        self.parked = 0  # lanes waiting on a change outside the guard (not a retry)
        self._attempts: dict[int, int] = {}  # message id -> transient failures so far
        self._nudge = asyncio.Event()

    def nudge(self) -> None:
        """Something changed (a permission, a webhook, the budget): waiting work looks again."""
        self._nudge.set()
        self._nudge = asyncio.Event()

    async def park(self, seconds: float, *, idle: bool) -> None:
        """Wait for a nudge or ``seconds``. ``idle``: waiting on something outside the
        guard, not a retry due shortly (tests wait for the guard to have nothing left it
        could do without such a change)."""
        self.parked += idle
        try:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._nudge.wait(), max(0.05, seconds))
        finally:
            self.parked -= idle

    def succeeded(self, message_id: int) -> None:
        self._attempts.pop(message_id, None)

    # --- before acting ------------------------------------------------------------------

    async def clear_to_act(
        self,
        entries: list[Entry],
        guild: discord.Guild,
        host: Host,
        needed: tuple[str, ...],
        lanes: Lanes,
    ) -> bool:
        """Whether nothing stands in the way; otherwise the entries wait in their lane."""
        budget = self.bot.invalid_requests
        if budget.paused:
            await self.reports.paused(guild.id, budget.count())
            await self.wait(entries, Outcome.PAUSED, PAUSED_LOOK, lanes)
            return False
        self.reports.again("paused", guild.id)
        gaps = missing(host, needed)
        if gaps:
            await self.gap(guild, host.id, gaps, from_discord=False)
            await self.wait(entries, Outcome.PERMISSION, 60.0, lanes)
            return False
        for key in [(host.id, p) for p in (*needed, "webhook_limit")]:
            rechecks = self.rechecks
            if rechecks.held(key) or (rechecks.known(key) and not budget.may_probe()):
                outcome = Outcome.NO_WEBHOOK if key[1] == "webhook_limit" else Outcome.PERMISSION
                await self.wait(entries, outcome, max(1.0, rechecks.wait(key)), lanes)
                return False
        return True

    async def wait(
        self, entries: list[Entry], outcome: Outcome, seconds: float, lanes: Lanes
    ) -> None:
        """Park until something changes, then back in the lane; entries not yet hidden
        that waited too long are given up instead."""
        now = datetime.now(UTC)
        late = [
            e
            for e in entries
            if e.state is State.SEEN and (now - e.seen_at).total_seconds() > WAIT_LIMIT
        ]
        if late:
            await self.give_up(late, outcome)
        waiting = [e for e in entries if e not in late]
        if not waiting:
            return
        await self.park(seconds, idle=True)
        for entry in waiting:
            lanes.put(entry.place.channel_id, entry.message_id)

    # --- after an answer -----------------------------------------------------------------

    async def transient(self, entries: list[Entry], error: Exception, lanes: Lanes) -> None:
        """A 5xx, a reset or a timeout: again after a backoff with jitter, unless Discord
        has failed a message not yet hidden past the deadline (given up: still up)."""
        now = datetime.now(UTC)
        late = [
            e
            for e in entries
            if e.state is State.SEEN and (now - e.seen_at).total_seconds() > HIDE_DEADLINE
        ]
        if late:
            await self.give_up(late, Outcome.DISCORD_DOWN)
        waiting = [e for e in entries if e not in late]
        if not waiting:
            return
        tries = max(self._attempts.get(e.message_id, 0) for e in waiting) + 1
        for entry in waiting:
            self._attempts[entry.message_id] = tries
        if tries == 3 and waiting[0].state is State.HIDDEN:
            place = waiting[0].place
            queued = lanes.waiting(place.channel_id) + 1
            await self.reports.delayed(place.guild_id, place.channel_id, queued)
        delay = self.backoff.delay(tries)
        log.info("Discord failed a guard request (%s); again in %.1f s", error, delay)
        await self.park(delay, idle=False)
        for entry in waiting:
            lanes.put(entry.place.channel_id, entry.message_id)

    async def refusal(
        self,
        guild: discord.Guild,
        host_id: int,
        refused: Refused,
        permission: str,
        entries: list[Entry],
        lanes: Lanes,
    ) -> None:
        """A 4xx: the channel is gone, a permission is missing, or Discord will not do it
        as asked (given up if still up; retried later if already taken down)."""
        if refused.unknown_channel:
            await self.give_up(entries, Outcome.CHANNEL_GONE)
            return
        if refused.missing_permission:
            gap = "view_channel" if refused.code == 50001 else permission
            await self.refused(guild, host_id, gap, entries, lanes)
            return
        log.warning("Discord refused a guard request: %s", refused)
        if all(e.state is State.SEEN for e in entries):
            await self.give_up(entries, Outcome.REFUSED)
        else:
            await self.transient(entries, refused, lanes)

    async def refused(
        self, guild: discord.Guild, host_id: int, gap: str, entries: list[Entry], lanes: Lanes
    ) -> None:
        """Discord refused for want of a permission (or a webhook slot): believed for a
        while, reported once, checked again later."""
        self.rechecks.refused((host_id, gap))
        await self.gap(guild, host_id, [gap], from_discord=True)
        outcome = Outcome.NO_WEBHOOK if gap == "webhook_limit" else Outcome.PERMISSION
        await self.wait(entries, outcome, self.rechecks.wait((host_id, gap)), lanes)

    async def gap(
        self, guild: discord.Guild, channel_id: int, gaps: list[str], *, from_discord: bool
    ) -> None:
        new = await self.bot.store.community.note_permission_gaps(
            guild.id, channel_id, gaps, from_discord=from_discord
        )
        if new:
            log.warning("Spoiler guard lacks %s in channel %s", permission_names(new), channel_id)
            await self.reports.permission_gap(guild.id, channel_id, permission_names(new))

    async def granted(self, guild: discord.Guild, host_id: int, permission: str) -> None:
        """A request that needed ``permission`` went through: the refusal is over."""
        if self.rechecks.known((host_id, permission)):
            self.rechecks.granted((host_id, permission))
            self.reports.again("gap", host_id)
            await self.bot.store.community.clear_permission_gaps(guild.id, host_id)

    async def give_up(self, entries: list[Entry], outcome: Outcome) -> None:
        """Only entries still up can be given up: the mod log gets a link to each."""
        ids = [e.message_id for e in entries if e.state is State.SEEN]
        if not ids:
            return
        await self.bot.store.journal.give_up(ids, outcome)
        for message_id in ids:
            self._attempts.pop(message_id, None)
            given_up = await self.bot.store.journal.get(message_id)
            if given_up is not None:
                self.reports.could_not_act(given_up)
