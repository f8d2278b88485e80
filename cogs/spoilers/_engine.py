"""The spoiler guard's work on Discord, driven by its journal.

A spoiling message is journalled first (text, author, channel, reply, files), then:

1. **hidden**: deleted, as the guard's first request, by the channel's hide lane. While
   one deletion is under way the next ones gather, and go in one bulk deletion, so a
   burst comes down in about one round trip, not one deletion at a time.
2. **reposted**: posted again through the channel's webhook, tagged, by the channel's
   repost lane: one at a time, in the members' order, from the journal's latest text
   (an edit while waiting is simply there; a deletion while waiting cancels it).
3. the author told and the mod log written, few at a time (``_reports``).

Each step is recorded before the next is taken, so after a crash or a reconnect the
guard resumes every unfinished entry. Discord's answers are read for what they mean:
a 5xx, a reset or a timeout is retried with backoff (a webhook post only after checking
that Discord did not make it already), a 429 is waited out, a refused permission is
reported once and checked again later, and "Unknown Message" on a first deletion means
its author deleted it. Nothing is taken down that the journal does not hold, and
nothing taken down is ever given up: its text waits in the journal until it is up.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import discord

from bot.app import FamBot
from bot.community.journal import ACTIVE, Author, Entry, Outcome, Place, State
from bot.guild_permissions import GUARD_PERMISSIONS, LOG_PERMISSIONS, missing, permission_names
from bot.pipeline.backoff import Backoff, Rechecks
from bot.pipeline.budget import PAUSE_AT
from bot.pipeline.lanes import Lanes
from bot.pipeline.rest import Refused, Rest, Route, Transient, Upload
from bot.render.spoilers import GuardState
from bot.spoilers.markup import escape
from cogs.spoilers._incoming import Host, Incoming, host_of, not_covered, place_of
from cogs.spoilers._judge import Judge, Verdict
from cogs.spoilers._reports import SILENT, Reports
from cogs.spoilers._webhooks import Hook, NoWebhook, Webhooks, webhook_name

log = logging.getLogger(__name__)

HIDE_DEADLINE = 120.0  # Discord failing this long before a message is hidden: given up
WAIT_LIMIT = 900.0  # waiting this long for a permission or a webhook slot: given up
SHUTDOWN_GRACE = 2.0  # in-flight steps get this long to finish at shutdown
MARK_EVERY = 5.0  # catch-up marks are written this often
PRUNE_EVERY = 6 * 3600.0
JOURNAL_DAYS = 30  # finished entries are kept this long (the README says so)
BULK_LIMIT = 100
GONE_KEPT = 10_000
BULK_CONFIRM = 2.0  # how long a bulk deletion's event is awaited
BULK_AGE = 13 * 24 * 3600  # Discord bulk-deletes messages younger than 14 days only
MESSAGE_MAX = 2000
SUPPRESS_EMBEDS = 1 << 2
READ_PERMISSIONS = ("view_channel", "read_message_history")
# A repost needs the channel's webhook, and reading the channel to check that a repost
# whose answer was lost is not already there.
REPOST_PERMISSIONS = ("view_channel", "manage_webhooks", "read_message_history")
TAGGED_STATES = (State.REPOSTED, State.NOTIFIED, State.DONE)
UNTAGGABLE = "(This message could not be tagged in place; it is in the attached file.)"


class GuardEngine:
    def __init__(self, bot: FamBot, judge: Judge) -> None:
        self.bot = bot
        self.judge = judge
        self.rest: Rest | None = None
        self.webhooks: Webhooks | None = None
        self.hides = Lanes("hide", self._hide, batch=BULK_LIMIT)
        self.reposts = Lanes("repost", self._advance)
        self.reports = Reports(bot, self._client)
        self.rechecks = Rechecks()
        self.backoff = Backoff()
        self.closing = False
        self._attempts: dict[int, int] = {}  # message id -> transient failures so far
        self._marks: dict[int, tuple[int, int]] = {}  # channel -> (guild, newest message)
        # Deletions seen for messages not journalled (yet): the MESSAGE_DELETE's task may
        # run before the MESSAGE_CREATE's has journalled it.
        self._gone: OrderedDict[int, None] = OrderedDict()
        self._edits: OrderedDict[int, Incoming] = OrderedDict()  # likewise for edits
        # A bulk deletion in flight per channel: the ids its MESSAGE_DELETE_BULK named.
        self._bulk: dict[int, tuple[set[int], asyncio.Event]] = {}
        self._nudge = asyncio.Event()
        self._parked = 0
        self._background: list[asyncio.Task[None]] = []
        self._catching_up = asyncio.Lock()

    # --- life --------------------------------------------------------------------------

    def _client(self) -> Rest:
        if self.rest is None:
            raise Transient(0, message="the guard is not started")
        return self.rest

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
        self._nudge.set()
        self._nudge = asyncio.Event()

    async def _park(self, seconds: float, *, idle: bool) -> None:
        """Wait for a nudge or ``seconds``. ``idle``: waiting on something outside the
        guard (a permission, a webhook slot, the budget), not a retry due shortly; tests
        wait for the guard to have nothing left it could do without such a change."""
        self._parked += idle
        try:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._nudge.wait(), max(0.05, seconds))
        finally:
            self._parked -= idle

    async def settled(self, within: float = 10.0) -> None:
        """Wait until nothing the guard could do right now is left undone."""
        deadline = time.monotonic() + within
        while time.monotonic() < deadline:
            working = self.hides.working + self.reposts.working + self.reports.busy
            if working <= self._parked and not self._catching_up.locked():
                await asyncio.sleep(0)
                if self.hides.working + self.reposts.working + self.reports.busy <= self._parked:
                    return
            await asyncio.sleep(0.005)
        raise TimeoutError("the spoiler guard did not settle")

    # --- which messages are the guard's business ---------------------------------------

    def _channel(self, place: Place) -> tuple[discord.Guild | None, Any, Host | None]:
        guild = self.bot.get_guild(place.guild_id)
        channel = guild.get_channel_or_thread(place.channel_id) if guild else None
        return guild, channel, host_of(channel)

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
        known = await journal.get(incoming.message_id)
        if known is not None:
            if edited:
                await self._revise(known, incoming)
            return known
        # The gateway's events run as separate tasks: an edit can be read before the
        # message it edits was journalled. The newer text is the one that counts.
        newer = self._edits.pop(incoming.message_id, None)
        if newer is not None and newer.revision > incoming.revision:
            incoming, edited = newer, True
        if not incoming.content.strip():
            return None
        verdict = await self._judge(place, incoming.content, moderator=moderator)
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
            await self._give_up([entry], Outcome.FILES_TOO_LARGE)
        else:
            self.hides.put(place.channel_id, entry.message_id)
        return entry

    @staticmethod
    def _remember(kept: OrderedDict[int, Any], key: int, value: Any) -> None:
        kept[key] = value
        while len(kept) > GONE_KEPT:
            kept.popitem(last=False)

    async def _revise(self, entry: Entry, incoming: Incoming) -> None:
        verdict = await self._judge(entry.place, incoming.content, moderator=entry.moderator)
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

    # --- step 1: hiding -----------------------------------------------------------------

    async def _hide(self, lane: int, ids: Sequence[int]) -> None:
        journal = self.bot.store.journal
        entries = [e for e in [await journal.get(i) for i in ids] if e and e.state is State.SEEN]
        if not entries or self.closing:
            return
        place = entries[0].place
        guild, channel, host = self._channel(place)
        if guild is None or channel is None or host is None:
            await self._give_up(entries, Outcome.CHANNEL_GONE)
            return
        if not await self._clear_to_act(entries, guild, host, GUARD_PERMISSIONS, self.hides):
            return
        try:
            await self._client_webhooks().get(host.id)  # never take down what cannot go up
            await self._keep_files(entries, guild)
        except NoWebhook as gap:
            await self._refused(guild, host.id, gap.gap, entries, self.hides)
            return
        except Refused as refused:
            await self._refusal(guild, host.id, refused, "manage_webhooks", entries, self.hides)
            return
        except Transient as error:
            await self._transient(entries, error, self.hides)
            return
        await journal.note_hide_attempt([e.message_id for e in entries])
        entries = [e for e in [await journal.get(e.message_id) for e in entries] if e]
        entries = [e for e in entries if e.state is State.SEEN]
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
            await self._client().request(route, body=body, reason="spoiler guard: reposting tagged")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(arrived.wait(), BULK_CONFIRM)
        except Transient as error:
            self._bulk.pop(channel_id, None)
            await self._transient(entries, error, self.hides)
            return
        except Refused as refused:
            self._bulk.pop(channel_id, None)
            if refused.missing_permission or refused.unknown_channel:
                await self._refusal(guild, host.id, refused, "manage_messages", entries, self.hides)
                return
            for entry in entries:  # e.g. one grew too old for a bulk deletion
                await self._delete_one(guild, host, entry)
            return
        # A bulk deletion skips messages already gone without a word; its event names
        # only those it deleted. One it did not name, on the guard's first attempt, was
        # deleted by its author meanwhile: not reposted. (After an earlier attempt, the
        # guard may have deleted it then; with no event in time, e.g. a reconnect, all
        # are taken as the guard's: reposted rather than lost.)
        named, arrived = self._bulk.pop(channel_id, (set(), asyncio.Event()))
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
            await self._client().request(route, reason="spoiler guard: reposting tagged")
        except Transient as error:
            await self._transient([entry], error, self.hides)
            return
        except Refused as refused:
            if refused.unknown_message:
                fresh = await self.bot.store.journal.get(entry.message_id)
                if fresh is not None and fresh.hide_attempts <= 1:
                    # The first attempt found it gone: its author deleted it.
                    await self.bot.store.journal.finish(entry.message_id, Outcome.WITHDRAWN)
                    return
                # An earlier attempt's answer was lost: that one deleted it.
            else:
                await self._refusal(guild, host.id, refused, "manage_messages", [entry], self.hides)
                return
        await self._hidden(guild, host, [entry])

    async def _hidden(self, guild: discord.Guild, host: Host, entries: list[Entry]) -> None:
        ids = [e.message_id for e in entries]
        await self.bot.store.journal.mark_hidden(ids)
        self._granted(guild, host.id, "manage_messages")
        for entry in entries:
            self._attempts.pop(entry.message_id, None)
            self.reposts.put(entry.place.channel_id, entry.message_id)

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
                    data = None  # gone already (its author deleted the message)
                if data is not None:
                    files.append((attachment.filename, data))
            await journal.keep_files(entry.message_id, files)

    # --- step 2: reposting --------------------------------------------------------------

    async def _advance(self, lane: int, ids: Sequence[int]) -> None:
        entry = await self.bot.store.journal.get(ids[0])
        if entry is None or self.closing:
            return
        if entry.state is State.HIDDEN:
            await self._repost(entry)
        elif entry.repost_stale and entry.repost_id is not None:
            await self._edit_repost(entry)

    async def _repost(self, entry: Entry) -> None:
        journal = self.bot.store.journal
        guild, channel, host = self._channel(entry.place)
        if guild is None or channel is None or host is None:
            await journal.finish(entry.message_id, Outcome.CHANNEL_GONE, taken_down=True)
            return
        if not await self._clear_to_act([entry], guild, host, REPOST_PERMISSIONS, self.reposts):
            return
        verdict = await self._judge(entry.place, entry.content, moderator=entry.moderator)
        text, extra = _repost_text(entry, verdict)
        try:
            hook = await self._client_webhooks().get(host.id)
            if entry.repost_after is not None:  # an earlier attempt may have posted it
                found = await self._find_repost(entry, hook, text)
                if found is not None:
                    await self._reposted(entry, found, hook, text)
                    return
            await journal.note_repost_attempt(entry.message_id, entry.message_id, text, hook.id)
            files = [Upload(_spoiler_name(n), d) for n, d in await journal.files(entry.message_id)]
            query = {"wait": "true"}
            if entry.place.thread_id is not None:
                query["thread_id"] = str(entry.place.thread_id)
            posted = await self._client().request(
                hook.route("POST"),
                body=_repost_body(entry, verdict, text),
                files=files + extra,
                query=query,
            )
        except NoWebhook as gap:
            await self._refused(guild, host.id, gap.gap, [entry], self.reposts)
            return
        except Transient as error:
            await self._transient([entry], error, self.reposts)
            return
        except Refused as refused:
            if refused.unknown_webhook or refused.unknown_channel:
                # Deleted, or moved away from this channel's threads: make another.
                self._client_webhooks().forget(host.id)
                self.reposts.put(entry.place.channel_id, entry.message_id)
                return
            await self._refusal(guild, host.id, refused, "manage_webhooks", [entry], self.reposts)
            return
        if str(posted.get("channel_id")) != str(entry.place.channel_id):
            await self._misplaced(hook, posted, host.id, entry)
            return
        await self._reposted(entry, int(posted["id"]), hook, text)

    async def _reposted(self, entry: Entry, repost_id: int, hook: Hook, text: str) -> None:
        journal = self.bot.store.journal
        await journal.mark_reposted(entry.message_id, repost_id, hook.id, text)
        self._attempts.pop(entry.message_id, None)
        self.reports.again("delayed", entry.place.channel_id)
        done = await journal.get(entry.message_id)
        if done is not None:
            if done.content != entry.content:  # edited while the repost was on its way
                await journal.mark_repost_current(done.message_id, text, stale=True)
                self.reposts.put(done.place.channel_id, done.message_id)
            self.reports.tagged(done)

    async def _misplaced(
        self, hook: Hook, posted: dict[str, Any], host_id: int, entry: Entry
    ) -> None:
        """The webhook was moved to another channel: its post landed there. Take it back
        down and post through a webhook of this channel."""
        log.warning("The guard's webhook in %s was moved; making another", host_id)
        route = hook.route("DELETE", "/messages/{message_id}", message_id=int(posted["id"]))
        with contextlib.suppress(Transient, Refused):
            await self._client().request(route)
        self._client_webhooks().forget(host_id)
        self.reposts.put(entry.place.channel_id, entry.message_id)

    async def _find_repost(self, entry: Entry, hook: Hook, text: str) -> int | None:
        """The tagged copy an earlier attempt made, if Discord made it: a message after
        the original, from the guard's webhook, with exactly the text that was sent."""
        hooks = {str(hook.id), str(entry.webhook_id)}
        expected = {text, entry.sent_text}
        before: int | None = None
        for _ in range(5):
            query = {"limit": "100"}
            if before is not None:
                query["before"] = str(before)
            page = await self._client().request(
                Route("GET", "/channels/{major}/messages", entry.place.channel_id), query=query
            )
            for message in page or []:
                if (
                    str(message.get("webhook_id")) in hooks
                    and message.get("content") in expected
                    and int(message["id"]) > entry.message_id
                ):
                    return int(message["id"])
            if not page or len(page) < 100 or int(page[-1]["id"]) < entry.message_id:
                return None
            before = int(page[-1]["id"])
        return None

    async def _edit_repost(self, entry: Entry) -> None:
        """The author edited after the repost: the repost follows (re-checked)."""
        journal = self.bot.store.journal
        verdict = await self._judge(entry.place, entry.content, moderator=entry.moderator)
        text, extra = _repost_text(entry, verdict)
        hook = await self._client_webhooks().by_id(entry.webhook_id or 0)
        if hook is None or extra:
            log.info("Cannot edit repost %s in place; leaving it", entry.repost_id)
            await journal.mark_repost_current(entry.message_id, entry.sent_text or "", stale=False)
            return
        route = hook.route("PATCH", "/messages/{message_id}", message_id=entry.repost_id or 0)
        query = {"thread_id": str(entry.place.thread_id)} if entry.place.thread_id else None
        try:
            await self._client().request(
                route,
                body={
                    "content": text,
                    "allowed_mentions": {"parse": []},
                    "flags": SUPPRESS_EMBEDS if verdict.links else 0,
                },
                query=query,
            )
        except Transient as error:
            await self._transient([entry], error, self.reposts)
            return
        except Refused:
            await journal.forget_repost(entry.message_id)  # deleted by its author or a mod
            return
        now = await journal.get(entry.message_id)
        stale = now is not None and now.content != entry.content
        await journal.mark_repost_current(entry.message_id, text, stale=stale)
        if stale:
            self.reposts.put(entry.place.channel_id, entry.message_id)

    async def delete_repost(self, entry: Entry) -> bool:
        """The author (or a moderator) asked for the repost to go; False if it could not."""
        hook = await self._client_webhooks().by_id(entry.webhook_id or 0)
        if hook is None or entry.repost_id is None:
            return False
        route = hook.route("DELETE", "/messages/{message_id}", message_id=entry.repost_id)
        query = {"thread_id": str(entry.place.thread_id)} if entry.place.thread_id else None
        try:
            await self._client().request(route, query=query)
        except Refused as refused:
            if not refused.unknown_message:
                return False
        await self.bot.store.journal.forget_repost(entry.message_id)
        return True

    async def author_edit(self, entry: Entry, text: str) -> Entry | None:
        """The author's correction from the "Edit" modal: journalled, re-checked, and
        the repost edited in its turn. Returns the entry as it then stands."""
        journal = self.bot.store.journal
        verdict = await self._judge(entry.place, text, moderator=entry.moderator)
        revised = await journal.revise(
            entry.message_id, text, datetime.now(UTC), str(verdict.reason), verdict.rules
        )
        if revised is not None and revised.repost_stale:
            self.reposts.put(revised.place.channel_id, revised.message_id)
        return revised

    # --- what Discord's answers mean ----------------------------------------------------

    def _client_webhooks(self) -> Webhooks:
        if self.webhooks is None:
            raise Transient(0, message="the guard is not started")
        return self.webhooks

    async def _judge(self, place: Place, text: str, *, moderator: bool = False) -> Verdict:
        parent = place.host_id if place.thread_id is not None else None
        return await self.judge.verdict(
            place.guild_id, place.channel_id, parent, text, moderator=moderator
        )

    async def _clear_to_act(
        self,
        entries: list[Entry],
        guild: discord.Guild,
        host: Host,
        needed: tuple[str, ...],
        lanes: Lanes,
    ) -> bool:
        """Whether nothing stands in the way; otherwise the entries wait (or, if not yet
        hidden and waiting too long, are given up) and the lane looks again later."""
        budget = self.bot.invalid_requests
        if budget.paused:
            await self.reports.paused(guild.id, budget.count())
            await self._wait(entries, Outcome.PAUSED, 30.0, lanes)
            return False
        self.reports.again("paused", guild.id)
        gaps = missing(host, needed)
        if gaps:
            await self._gap(guild, host.id, gaps, from_discord=False)
            await self._wait(entries, Outcome.PERMISSION, 60.0, lanes)
            return False
        for key in [(host.id, p) for p in (*needed, "webhook_limit")]:
            if self.rechecks.held(key) or (self.rechecks.known(key) and not budget.may_probe()):
                outcome = Outcome.NO_WEBHOOK if key[1] == "webhook_limit" else Outcome.PERMISSION
                await self._wait(entries, outcome, max(1.0, self.rechecks.wait(key)), lanes)
                return False
        return True

    async def _wait(
        self, entries: list[Entry], outcome: Outcome, seconds: float, lanes: Lanes
    ) -> None:
        """Park until something changes; entries not yet hidden that waited too long are
        given up (their original is still up), the rest go back in their lane."""
        now = datetime.now(UTC)
        late = [
            e
            for e in entries
            if e.state is State.SEEN and (now - e.seen_at).total_seconds() > WAIT_LIMIT
        ]
        if late:
            await self._give_up(late, outcome)
        waiting = [e for e in entries if e not in late]
        if not waiting:
            return
        await self._park(seconds, idle=True)
        for entry in waiting:
            lanes.put(entry.place.channel_id, entry.message_id)

    async def _transient(self, entries: list[Entry], error: Exception, lanes: Lanes) -> None:
        """A 5xx, a reset or a timeout: again after a backoff with jitter. A message not
        yet hidden is given up once Discord has failed it past the deadline (it is still
        up, and the mod log links to it); a hidden one is never given up."""
        now = datetime.now(UTC)
        late = [
            e
            for e in entries
            if e.state is State.SEEN and (now - e.seen_at).total_seconds() > HIDE_DEADLINE
        ]
        if late:
            await self._give_up(late, Outcome.DISCORD_DOWN)
        waiting = [e for e in entries if e not in late]
        if not waiting:
            return
        tries = max(self._attempts.get(e.message_id, 0) for e in waiting) + 1
        for entry in waiting:
            self._attempts[entry.message_id] = tries
        if tries == 3 and waiting[0].state is State.HIDDEN:
            place = waiting[0].place
            await self.reports.delayed(
                place.guild_id, place.channel_id, lanes.waiting(place.channel_id) + 1
            )
        delay = self.backoff.delay(tries)
        log.info("Discord failed a guard request (%s); again in %.1f s", error, delay)
        await self._park(delay, idle=False)
        for entry in waiting:
            lanes.put(entry.place.channel_id, entry.message_id)

    async def _refusal(
        self,
        guild: discord.Guild,
        host_id: int,
        refused: Refused,
        permission: str,
        entries: list[Entry],
        lanes: Lanes,
    ) -> None:
        if refused.unknown_channel:
            await self._give_up([e for e in entries if e.state is State.SEEN], Outcome.CHANNEL_GONE)
            return
        if refused.missing_permission:
            gap = "view_channel" if refused.code == 50001 else permission
            await self._refused(guild, host_id, gap, entries, lanes)
            return
        log.warning("Discord refused a guard request: %s", refused)
        if all(e.state is State.SEEN for e in entries):
            await self._give_up(entries, Outcome.REFUSED)
        else:
            await self._transient(entries, refused, lanes)

    async def _refused(
        self, guild: discord.Guild, host_id: int, gap: str, entries: list[Entry], lanes: Lanes
    ) -> None:
        """Discord refused for want of a permission (or a webhook slot): believed for a
        while, reported once, checked again later."""
        self.rechecks.refused((host_id, gap))
        await self._gap(guild, host_id, [gap], from_discord=True)
        outcome = Outcome.NO_WEBHOOK if gap == "webhook_limit" else Outcome.PERMISSION
        await self._wait(entries, outcome, self.rechecks.wait((host_id, gap)), lanes)

    async def _gap(
        self, guild: discord.Guild, channel_id: int, gaps: list[str], *, from_discord: bool
    ) -> None:
        new = await self.bot.store.community.note_permission_gaps(
            guild.id, channel_id, gaps, from_discord=from_discord
        )
        if new:
            log.warning("Spoiler guard lacks %s in channel %s", permission_names(new), channel_id)
            await self.reports.permission_gap(guild.id, channel_id, permission_names(new))

    def _granted(self, guild: discord.Guild, host_id: int, permission: str) -> None:
        if self.rechecks.known((host_id, permission)):
            self.rechecks.granted((host_id, permission))
            self.reports.again("gap", host_id)
            task = asyncio.create_task(
                self.bot.store.community.clear_permission_gaps(guild.id, host_id)
            )
            self._background.append(task)

    async def _give_up(self, entries: list[Entry], outcome: Outcome) -> None:
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

    # --- for the tools ---------------------------------------------------------------------

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


def _spoiler_name(filename: str) -> str:
    return filename if filename.startswith("SPOILER_") else f"SPOILER_{filename}"


def _repost_text(entry: Entry, verdict: Verdict) -> tuple[str, list[Upload]]:
    """The repost's text: the latest text, tagged where it spoils (untagged if an edit
    took the spoiler out); a text that cannot be tagged in place goes into a spoiler
    file, whole."""
    text = verdict.tagged if verdict.spoils else entry.content
    if text is None or len(text) > MESSAGE_MAX:
        return UNTAGGABLE, [Upload("SPOILER_message.txt", entry.content.encode())]
    return text, []


def _repost_body(entry: Entry, verdict: Verdict, text: str) -> dict[str, Any]:
    body: dict[str, Any] = {
        "content": text,
        "username": entry.author.name,
        "avatar_url": entry.author.avatar_url,
        "allowed_mentions": {"parse": []},
        # Silent; and a link preview cannot be hidden, so a spoiling message loses its.
        "flags": SILENT | (SUPPRESS_EMBEDS if verdict.links else 0),
    }
    reply = entry.reply_to
    if reply is not None:  # webhooks cannot reply: the repost says what it answered
        jump = f"https://discord.com/channels/{entry.place.guild_id}/{reply.channel_id}/"
        who = escape(reply.author_name or "a message")
        body["embeds"] = [{"description": f"↪ Replying to [{who}]({jump}{reply.message_id})"}]
    return body
