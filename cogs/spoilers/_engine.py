"""The spoiler guard's work on Discord, driven by its journal.

A spoiling message is journalled first (text, author, channel, reply, files), then:

1. **hidden** (``_hiding``): deleted, as the guard's first request about it; a burst
   comes down in one bulk deletion, in about one round trip.
2. **reposted** (``_reposting``): posted again, tagged, through the channel's webhook,
   one at a time in the members' order, from the journal's latest text.
3. the author told and the mod log written, few at a time (``_reports``).

Each step is recorded before the next is taken, so after a crash or a reconnect the
guard resumes every unfinished entry; after a new session it also reads back what it
missed. What stands in the way, and what Discord's answers mean, is ``_obstacles``'s.
This module takes the gateway's events (new messages, edits, deletions, permission and
webhook changes) and keeps the whole going.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import OrderedDict
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import discord

from bot.app import FamBot
from bot.community.journal import ACTIVE, Author, Entry, Outcome, Place, State
from bot.guild_permissions import GUARD_PERMISSIONS, LOG_PERMISSIONS, missing
from bot.pipeline.budget import PAUSE_AT
from bot.pipeline.rest import Refused, Rest, Route, Transient
from bot.render.spoilers import GuardState
from cogs.spoilers._hiding import Hider
from cogs.spoilers._incoming import Incoming, host_of, not_covered, place_of
from cogs.spoilers._judge import Judge, Verdict
from cogs.spoilers._obstacles import Obstacles
from cogs.spoilers._reports import Reports
from cogs.spoilers._reposting import Reposter
from cogs.spoilers._webhooks import Webhooks, webhook_name

log = logging.getLogger(__name__)

SHUTDOWN_GRACE = 2.0  # in-flight steps get this long to finish at shutdown
MARK_EVERY = 5.0  # catch-up marks are written this often
PRUNE_EVERY = 6 * 3600.0
JOURNAL_DAYS = 30  # finished entries are kept this long (the README says so)
GONE_KEPT = 10_000
READ_PERMISSIONS = ("view_channel", "read_message_history")
TAGGED_STATES = (State.REPOSTED, State.NOTIFIED, State.DONE)


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
        self._marks: dict[int, tuple[int, int]] = {}  # channel -> (guild, newest message)
        # Deletions seen for messages not journalled (yet): the MESSAGE_DELETE's task may
        # run before the MESSAGE_CREATE's has journalled it.
        self._gone: OrderedDict[int, None] = OrderedDict()
        self._edits: OrderedDict[int, Incoming] = OrderedDict()  # likewise for edits
        self._background: list[asyncio.Task[None]] = []
        self._catching_up = asyncio.Lock()

    # --- life --------------------------------------------------------------------------

    def _client(self) -> Rest:
        if self.rest is None:
            raise Transient(0, message="the guard is not started")
        return self.rest

    def _hooks(self) -> Webhooks:
        if self.webhooks is None:
            raise Transient(0, message="the guard is not started")
        return self.webhooks

    async def _verdict(self, place: Place, text: str, moderator: bool = False) -> Verdict:
        parent = place.host_id if place.thread_id is not None else None
        return await self.judge.verdict(
            place.guild_id, place.channel_id, parent, text, moderator=moderator
        )

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
        self._background = [
            asyncio.create_task(self._every(MARK_EVERY, self.save_marks), name="guard marks"),
            asyncio.create_task(self._every(PRUNE_EVERY, self.prune), name="guard pruning"),
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
        with contextlib.suppress(Exception):
            await self.save_marks()
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
            if self._idle() and not self._catching_up.locked():
                await asyncio.sleep(0)
                if self._idle():
                    return
            await asyncio.sleep(0.005)
        raise TimeoutError("the spoiler guard did not settle")

    def _idle(self) -> bool:
        working = self.hides.working + self.reposts.working + self.reports.busy
        return working <= self.obstacles.parked

    # --- which messages are the guard's business ---------------------------------------

    async def _applies(self, guild: discord.Guild, channel: Any, incoming: Incoming) -> bool:
        server = self.bot.store.community.server_settings(guild.id)
        if not server.guard_enabled or not incoming.from_member:
            return False
        places = {channel.id, getattr(channel, "parent_id", None)}
        if places & (server.exempt_channels | server.spoiler_channels):
            return False
        roles = incoming.role_ids
        if roles is None and server.exempt_roles:
            roles = await self._roles_of(guild.id, incoming.author_id)
            if roles is None:
                return False  # cannot tell whether they are exempt: leave it alone
        return not (roles or frozenset()) & server.exempt_roles

    async def _roles_of(self, guild_id: int, user_id: int) -> frozenset[int] | None:
        route = Route("GET", "/guilds/{major}/members/{user_id}", guild_id, {"user_id": user_id})
        try:
            member = await self._client().request(route)
        except (Transient, Refused):
            return None
        return frozenset(int(r) for r in (member or {}).get("roles", []))

    # --- events -------------------------------------------------------------------------

    async def consider(
        self, incoming: Incoming, *, edited: bool, moderator: bool = False
    ) -> Entry | None:
        """A new or edited message: journal it and take it down if it spoils."""
        if self.closing:
            return None
        guild = self.bot.get_guild(incoming.guild_id)
        channel = guild.get_channel_or_thread(incoming.channel_id) if guild else None
        place = place_of(channel)
        if guild is None or place is None:
            return None
        if not moderator and not await self._applies(guild, channel, incoming):
            return None
        if not edited:
            self._note_mark(place, incoming.message_id)
        if incoming.message_id in self._gone:
            return None  # its author deleted it already
        journal = self.bot.store.journal
        # A new message is looked up only if adding it fails (catch-up reading one the
        # guard knows): a burst then costs one write per message, not a read and a write.
        known = await journal.get(incoming.message_id) if edited else None
        if known is not None:
            await self._revise(known, incoming)
            return known
        # The gateway's events run as separate tasks: an edit can be read before the
        # message it edits was journalled. The newer text is the one that counts.
        newer = self._edits.pop(incoming.message_id, None)
        if newer is not None and newer.revision > incoming.revision:
            incoming, edited = newer, True
        if not incoming.content.strip():
            return None
        verdict = await self._verdict(place, incoming.content, moderator)
        if not verdict.spoils:
            if edited:  # a racing MESSAGE_CREATE must not act on the older text
                self._remember(self._edits, incoming.message_id, incoming)
                known = await journal.get(incoming.message_id)
                if known is not None:
                    await self._revise(known, incoming)
            return None
        entry = Entry(
            message_id=incoming.message_id,
            place=place,
            author=_author(incoming),
            content=incoming.content,
            revision=incoming.revision,
            reason=str(verdict.reason),
            rules=verdict.rules,
            seen_at=datetime.now(UTC),
            edited=edited,
            moderator=moderator,
            reply_to=incoming.reply_to,
            attachments=incoming.attachments,
        )
        if not await journal.add(entry):  # journalled meanwhile: keep the newer text
            existing = await journal.get(entry.message_id)
            if existing is not None:
                await self._revise(existing, incoming)
            return existing
        if entry.message_id in self._gone:  # deleted while it was being journalled
            await journal.finish(entry.message_id, Outcome.WITHDRAWN)
            return entry
        newer = self._edits.pop(entry.message_id, None)
        if newer is not None:  # edited while it was being journalled
            await self._revise(entry, newer)
            fresh = await journal.get(entry.message_id)
            if fresh is None or fresh.state is not State.SEEN:
                return fresh
        if sum(a.size for a in entry.attachments) > guild.filesize_limit:
            await self.obstacles.give_up([entry], Outcome.FILES_TOO_LARGE)
        else:
            self.hides.put(place.channel_id, entry.message_id)
        return entry

    @staticmethod
    def _remember(kept: OrderedDict[int, Any], key: int, value: Any) -> None:
        kept[key] = value
        while len(kept) > GONE_KEPT:
            kept.popitem(last=False)

    async def _revise(self, entry: Entry, incoming: Incoming) -> None:
        verdict = await self._verdict(entry.place, incoming.content, entry.moderator)
        revised = await self.bot.store.journal.revise(
            entry.message_id,
            incoming.content,
            incoming.revision,
            str(verdict.reason),
            verdict.rules,
        )
        if revised is None:
            return  # an older edit, delivered late
        lane = revised.place.channel_id
        if revised.state is State.SEEN and not verdict.spoils and revised.hide_attempts == 0:
            if not self.hides.busy_with(lane, revised.message_id):  # not being deleted now
                self.hides.discard(lane, revised.message_id)
                await self.bot.store.journal.finish(revised.message_id, Outcome.CLEAN)
        elif revised.repost_stale:
            self.reposts.put(revised.place.channel_id, revised.message_id)

    async def deleted(self, message_id: int) -> None:
        """A MESSAGE_DELETE: the author withdrew a message the guard had not touched yet.
        The guard's own deletions need nothing: it journals each attempt before sending
        it, so their events find the entry past ``seen`` or with an attempt noted."""
        journal = self.bot.store.journal
        entry = await journal.get(message_id)
        if entry is None:
            repost = await journal.by_repost(message_id)
            if repost is not None and repost.repost_stale:
                await journal.forget_repost(repost.message_id)
            elif repost is None:
                self._remember(self._gone, message_id, None)
            return
        if entry.state is State.SEEN and entry.hide_attempts == 0:
            self.hides.discard(entry.place.channel_id, message_id)
            await journal.finish(message_id, Outcome.WITHDRAWN)

    async def permissions_changed(self, guild: discord.Guild) -> None:
        """Roles or channels changed: every refusal there is checked again."""
        await self.bot.store.community.clear_permission_gaps(guild.id)
        channels = {c.id for c in guild.channels}
        self.rechecks.forget(lambda key: isinstance(key, tuple) and key[0] in channels)
        for channel_id in channels:
            self.reports.again("gap", channel_id)
        self.nudge()

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
        await self.catch_up()
        await self.resume()

    async def resume(self, *, still_up: bool = True) -> None:
        """Pick up every unfinished journal entry where it stopped (``still_up``: also
        those not taken down yet)."""
        for entry in await self.bot.store.journal.unfinished():
            if still_up or entry.state is not State.SEEN:
                self._continue(entry)

    def _continue(self, entry: Entry) -> None:
        lane = entry.place.channel_id
        if entry.state is State.SEEN:
            self.hides.put(lane, entry.message_id)
        elif entry.state is State.HIDDEN or entry.repost_stale:
            self.reposts.put(lane, entry.message_id)
        if entry.state in (State.REPOSTED, State.NOTIFIED, State.GIVEN_UP) and not (entry.reported):
            self.reports.resume(entry)

    async def catch_up(self) -> None:
        """Read each guarded channel back to the last message the guard saw (at most the
        configured hours and messages) and check what arrived meanwhile."""
        async with self._catching_up:
            settings = self.bot.settings
            hours, most = settings.guard_catchup_hours, settings.guard_catchup_messages
            if not hours or not most:
                return
            marks = await self.bot.store.journal.marks()
            since = await self.bot.store.journal.guard_since()
            floor = discord.utils.time_snowflake(datetime.now(UTC) - timedelta(hours=hours))
            for guild in self.bot.guilds:
                if not self.bot.store.community.server_settings(guild.id).guard_enabled:
                    continue
                for channel in _places(guild):
                    if self.closing:
                        return
                    start = max(marks.get(channel.id, 0), since.get(guild.id, 0), floor)
                    try:
                        await self._catch_up_channel(guild, channel, start, most)
                    except (Transient, Refused) as error:
                        log.info("Catch-up skipped channel %s: %s", channel.id, error)

    async def _catch_up_channel(
        self, guild: discord.Guild, channel: Any, after: int, most: int
    ) -> None:
        host = host_of(channel)
        if host is None or missing(host, READ_PERMISSIONS):
            return
        read = 0
        while read < most:
            route = Route("GET", "/channels/{major}/messages", channel.id)
            limit = min(100, most - read)
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
                    await self.consider(Incoming.of_payload(data, guild.id), edited=edited)
            read += len(messages)
            after = int(messages[-1]["id"])
            self._note_mark(Place(guild.id, channel.id, host.id), after)
            if len(messages) < limit:
                return

    def _note_mark(self, place: Place, message_id: int) -> None:
        _, newest = self._marks.get(place.channel_id, (place.guild_id, 0))
        self._marks[place.channel_id] = (place.guild_id, max(newest, message_id))

    async def save_marks(self) -> None:
        marks, self._marks = self._marks, {}
        await self.bot.store.journal.save_marks(marks)

    # --- for the tools ---------------------------------------------------------------------

    def bulk_deleted(self, channel_id: int, message_ids: set[int]) -> None:
        self.hider.bulk_deleted(channel_id, message_ids)

    async def delete_repost(self, entry: Entry) -> bool:
        return await self.reposter.delete(entry)

    async def author_edit(self, entry: Entry, text: str) -> Entry | None:
        return await self.reposter.correct(entry, text)

    async def outcome(self, message_id: int, within: float = 8.0) -> Entry | None:
        """The entry once the guard is through with reposting it (or ``within`` s)."""
        deadline = time.monotonic() + within
        while True:
            entry = await self.bot.store.journal.get(message_id)
            if entry is None or entry.state not in (State.SEEN, State.HIDDEN):
                return entry
            if time.monotonic() > deadline:
                return entry
            await asyncio.sleep(0.05)

    async def state(self, guild: discord.Guild) -> GuardState:
        """What /spoilers status shows of the guard: its record this week, what waits,
        the invalid-request budget, the permissions it lacks, and what it cannot cover."""
        journal = self.bot.store.journal
        server = self.bot.store.community.server_settings(guild.id)
        week_ago = datetime.now(UTC) - timedelta(days=7)
        waiting = [
            e
            for e in await journal.unfinished()
            if e.place.guild_id == guild.id and e.state in ACTIVE
        ]
        tagged = sum([await journal.count(guild.id, week_ago, s) for s in TAGGED_STATES], start=0)
        gaps: dict[int, set[str]] = {}
        for gap in self.bot.store.community.permission_gaps(guild.id):
            gaps.setdefault(gap.channel_id, set()).add(gap.permission)
        if server.guard_enabled:
            for channel in _places(guild):
                host = host_of(channel)
                if host is None or {channel.id, host.id} & (
                    server.exempt_channels | server.spoiler_channels
                ):
                    continue
                if host is channel:  # a thread shares its parent's gaps
                    gaps.setdefault(host.id, set()).update(missing(host, GUARD_PERMISSIONS))
        log_channel = guild.get_channel(server.log_channel_id or 0)
        if isinstance(log_channel, discord.TextChannel):
            gaps.setdefault(log_channel.id, set()).update(missing(log_channel, LOG_PERMISSIONS))
        budget = self.bot.invalid_requests
        return GuardState(
            reading_messages=self.bot.settings.spoiler_guard,
            missing={c: sorted(p) for c, p in gaps.items() if p},
            tagged_this_week=tagged,
            given_up_this_week=await journal.count(guild.id, week_ago, State.GIVEN_UP),
            still_up=sum(e.state is State.SEEN for e in waiting),
            awaiting_copy=sum(e.state is State.HIDDEN for e in waiting),
            invalid_requests=budget.count(),
            pause_at=PAUSE_AT,
            paused=budget.paused,
            not_covered=not_covered(guild, self.bot.settings),
        )


def _author(incoming: Incoming) -> Author:
    return Author(incoming.author_id, webhook_name(incoming.author_name), incoming.avatar_url)


def _seconds(snowflake: int) -> float:
    return discord.utils.snowflake_time(snowflake).timestamp()


def _places(guild: discord.Guild) -> list[Any]:
    """Every channel and active thread in which members write."""
    direct = [
        c
        for c in guild.channels
        if isinstance(c, discord.TextChannel | discord.VoiceChannel | discord.StageChannel)
    ]
    return [*direct, *guild.threads]
