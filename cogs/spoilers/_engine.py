"""The spoiler guard's work on Discord, driven by its journal.

A spoiling message is journalled first (text, author, channel, reply, files), then:

1. **hidden** (``_hiding``): deleted, as the guard's first request about it; a burst
   comes down in one bulk deletion, in about one round trip.
2. **reposted** (``_reposting``): posted again, tagged, through the channel's webhook,
   one at a time in the members' order, from the journal's latest text.
3. the author told and the mod log written, few at a time (``_reports``).

Each step is recorded before the next is taken, so after a crash or a reconnect the
guard resumes every unfinished entry; after a new session it also reads back what it
missed (``_catch_up``). What stands in the way, and what Discord's answers mean, is
``_obstacles``'s; whose messages are its business, ``_scope``'s; new messages, edits
and deletions go to ``_intake``. This module starts and stops the whole, resumes it,
passes on permission and webhook changes, and answers the tools and /spoilers status.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import discord

from bot.app import FamBot
from bot.community.journal import JOURNAL_DAYS, Entry, Place, State
from bot.pipeline.rest import Rest, Transient
from bot.render.spoilers import GuardState
from cogs.spoilers._catch_up import CatchUp
from cogs.spoilers._hiding import Hider
from cogs.spoilers._incoming import Incoming, under
from cogs.spoilers._intake import Intake
from cogs.spoilers._judge import READ_INLINE_UNDER, Judge, Verdict
from cogs.spoilers._obstacles import Obstacles
from cogs.spoilers._reports import Reports
from cogs.spoilers._reposting import Deletion, Reposter, Unchanged
from cogs.spoilers._status import guard_state
from cogs.spoilers._webhooks import Webhooks

log = logging.getLogger(__name__)

SHUTDOWN_GRACE = 2.0  # in-flight steps get this long to finish at shutdown
MARK_EVERY = 5.0  # catch-up marks are written this often
PRUNE_EVERY = 6 * 3600.0
ADOPT_EVERY = 30.0  # how often work left by a stopped process is looked for (PostgreSQL)


class GuardEngine:
    def __init__(self, bot: FamBot, judge: Judge) -> None:
        self.bot = bot
        self.judge = judge
        self.rest: Rest | None = None
        self.webhooks: Webhooks | None = None
        self.reports = Reports(bot, self._client)
        self.obstacles = Obstacles(bot, self.reports)
        self.reposter = Reposter(
            bot, self.obstacles, self.reports, self._verdict, self._client, self._hooks
        )
        self.hider = Hider(bot, self.obstacles, self._client, self._hooks, self.reposter.lanes)
        self.hides = self.hider.lanes
        self.reposts = self.reposter.lanes
        self.rechecks = self.obstacles.rechecks
        self.closing = False
        self.catching_up = CatchUp(
            bot,
            self._client,
            lambda m, edited: self.consider(m, edited=edited, live=False),
            self._closed,
        )
        self.intake = Intake(
            bot,
            self._verdict,
            self._client,
            self.hider.lanes,
            self.reposter.lanes,
            self.obstacles,
            self.catching_up.note,
            self._closed,
            self._defer,
        )
        self._background: list[asyncio.Task[None]] = []

    # --- life --------------------------------------------------------------------------

    def _client(self) -> Rest:
        if self.rest is None:
            raise Transient(0, message="the guard is not started")
        return self.rest

    def _hooks(self) -> Webhooks:
        if self.webhooks is None:
            raise Transient(0, message="the guard is not started")
        return self.webhooks

    def _closed(self) -> bool:
        return self.closing

    async def _verdict(self, place: Place, text: str, moderator: bool = False) -> Verdict:
        parent = place.host_id if place.thread_id is not None else None
        return await self.judge.verdict(
            place.guild_id, place.channel_id, parent, text, moderator=moderator
        )

    def _defer(self, place: Place, incoming: Incoming, edited: bool) -> bool:
        """Whether a live message is left for a read back from Discord's history: its
        channel has messages left so before it (the order kept), or it is long and the
        reader thread has more waiting than it may (memory and delay kept bounded). Where
        the bot may not read the history, a long one waits on the reader thread anyway up
        to a second, hard bound; past it, it is left unread and its channel owed a read
        back (logged by id: ``CatchUp.left_unread``)."""
        catching_up = self.catching_up
        long = len(incoming.content) >= READ_INLINE_UNDER
        if not catching_up.deferring(place.channel_id) and not (long and self.judge.crowded):
            return False
        if catching_up.defer(place, incoming.message_id, edited=edited):
            return True
        if long and self.judge.full and not self.closing:
            catching_up.left_unread(place, incoming.message_id, edited=edited)
            return True
        return False

    async def start(self) -> None:
        http = self.bot.http
        self.rest = Rest(
            discord.http.Route.BASE,
            http.token or "",
            user_agent=http.user_agent,
            traces=[self.bot.invalid_requests.trace()],
        )
        await self.rest.open()
        self.webhooks = Webhooks(self.rest, self.bot.application_id)
        self.reports.start()
        marks = self.catching_up.save_marks
        self._background = [
            asyncio.create_task(self._every(MARK_EVERY, marks), name="guard marks"),
            asyncio.create_task(self._every(PRUNE_EVERY, self.prune), name="guard pruning"),
            asyncio.create_task(self._adopting(), name="guard adoption"),
        ]

    async def stop(self) -> None:
        """Take no new work; let steps in flight finish briefly, then stop (the journal
        says how far each got); return promptly even while Discord is unreachable."""
        self.closing = True
        self.nudge()
        await asyncio.gather(self.hides.close(SHUTDOWN_GRACE), self.reposts.close(SHUTDOWN_GRACE))
        for task in self._background:
            task.cancel()
        await asyncio.gather(*self._background, return_exceptions=True)
        await self.reports.close()
        await self.catching_up.close()
        with contextlib.suppress(Exception):
            await self.catching_up.save_marks()
        if self.rest is not None:
            await self.rest.close()

    async def _every(self, seconds: float, work: Callable[[], Any]) -> None:
        while True:
            try:
                await work()
            except Exception:
                log.exception("Spoiler guard upkeep failed")
            await asyncio.sleep(seconds)

    async def prune(self) -> None:
        cutoff = datetime.now(UTC) - timedelta(days=JOURNAL_DAYS)
        if pruned := await self.bot.store.journal.prune(cutoff):
            log.info("Pruned %d finished journal entries", pruned)

    def nudge(self) -> None:
        """Something changed (a permission, a webhook, the budget): parked work looks again."""
        self.obstacles.nudge()

    async def settled(self, within: float = 10.0) -> None:
        """Wait until nothing the guard could do right now is left undone."""
        deadline = time.monotonic() + within
        while time.monotonic() < deadline:
            if self._idle() and not self.catching_up.running:
                await asyncio.sleep(0)
                if self._idle():
                    return
            await asyncio.sleep(0.005)
        raise TimeoutError("the spoiler guard did not settle")

    def _idle(self) -> bool:
        working = self.hides.working + self.reposts.working + self.reports.busy
        return working <= self.obstacles.parked

    # --- events -------------------------------------------------------------------------

    async def consider(
        self, incoming: Incoming, *, edited: bool, moderator: bool = False, live: bool = True
    ) -> Entry | None:
        """A new or edited message: journal it and take it down if it spoils."""
        return await self.intake.consider(incoming, edited=edited, moderator=moderator, live=live)

    async def deleted(self, message_id: int) -> None:
        await self.intake.deleted(message_id)

    async def permissions_changed(
        self, guild: discord.Guild, channel: discord.abc.GuildChannel | None = None
    ) -> None:
        """Roles or channels changed: every refusal the change can touch is checked again,
        and channels catch-up could not read are read back if it now can. ``channel``: its
        overwrites changed, which touch it and, for a category or a channel with threads,
        those under it only; None (a role, the bot's roles): every channel of ``guild``."""
        affected = under(guild, channel) if channel is not None else None
        if affected is None:
            await self.bot.store.community.clear_permission_gaps(guild.id)
            channels = {c.id for c in guild.channels}
        else:
            for channel_id in affected:
                await self.bot.store.community.clear_permission_gaps(guild.id, channel_id)
            channels = set(affected)
        self.rechecks.forget(lambda key: isinstance(key, tuple) and key[0] in channels)
        for channel_id in channels:
            self.reports.again("gap", channel_id)
        self.nudge()
        await self.catching_up.permissions_changed(guild, affected)

    def webhooks_changed(self, channel_id: int) -> None:
        """A webhook was made, moved or deleted there: look it up again; a slot may be free."""
        if self.webhooks is not None:
            self.webhooks.forget(channel_id)
        self.rechecks.forget(lambda key: key == (channel_id, "webhook_limit"))
        self.reports.again("gap", channel_id)
        self.nudge()

    # --- resuming -----------------------------------------------------------------------

    async def connected(self, *, fresh: bool) -> None:
        """After READY (a new session: events may have been missed) or RESUMED."""
        if self.closing:
            return
        if not fresh:
            await self.resume()
            return
        # Messages still up are read back first: one edited while the bot was away is
        # then taken down with its latest text (once deleted, its edit is gone too).
        await self.resume(still_up=False)
        await self.catching_up.run()
        await self.resume()

    async def resume(self, *, still_up: bool = True) -> None:
        """Pick up every unfinished journal entry where it stopped (``still_up``: also
        those not taken down yet)."""
        for entry in await self.bot.store.journal.claim_unfinished():
            if still_up or entry.state is not State.SEEN:
                self._continue(entry)

    async def _adopting(self) -> None:
        """Now and then take over what a process that stopped left unfinished, while
        this one ran its shards too (several processes on PostgreSQL; on SQLite no entry
        is ever left so). Work in this process's own hands is never handed out again."""
        while True:
            await asyncio.sleep(ADOPT_EVERY)
            if self.closing or not self.bot.is_ready():
                continue
            try:
                for entry in await self.bot.store.journal.adopt_orphans():
                    self._continue(entry)
            except Exception:
                log.exception("Spoiler guard upkeep failed")

    def _continue(self, entry: Entry) -> None:
        lane = entry.place.channel_id
        if entry.state is State.SEEN:
            self.hides.put(lane, entry.message_id)
        elif entry.state is State.HIDDEN or entry.repost_stale:
            self.reposts.put(lane, entry.message_id)
        if entry.state in (State.REPOSTED, State.NOTIFIED, State.GIVEN_UP) and not (entry.reported):
            self.reports.resume(entry)

    # --- for the tools ---------------------------------------------------------------------

    def bulk_deleted(self, channel_id: int, message_ids: set[int]) -> None:
        self.hider.bulk_deleted(channel_id, message_ids)

    async def delete_repost(self, entry: Entry) -> Deletion:
        return await self.reposter.delete(entry)

    def unchanged(self, message_id: int) -> Unchanged | None:
        """Why the repost was left without the author's latest correction, if it was
        (told once: taken from the record)."""
        return self.reposter.unchanged.pop(message_id, None)

    async def author_edit(self, entry: Entry, text: str) -> Entry | None:
        return await self.reposter.correct(entry, text)

    async def outcome(self, message_id: int) -> Entry | None:
        """The entry once the guard is through with reposting it, or as it is after
        FAMBOT_GUARD_ANSWER_SECONDS (a moderator is waiting for the answer)."""
        deadline = time.monotonic() + self.bot.settings.guard_answer_seconds
        while True:
            entry = await self.bot.store.journal.get(message_id)
            if entry is None or entry.state not in (State.SEEN, State.HIDDEN):
                return entry
            if time.monotonic() > deadline:
                return entry
            await asyncio.sleep(0.05)

    async def state(self, guild: discord.Guild) -> GuardState:
        return await guard_state(self.bot, guild)
