"""What the guard tells people, quietly: notices to authors and cards in the mod log.

One notice per author and channel every few minutes (later ones are counted into one
summary) and one mod-log card per channel per minute (a burst is summed up in one).
Each is marked in the journal only once Discord accepted it, so a notice or card lost
to an outage or a restart is sent when the guard resumes. Each carries a nonce Discord
enforces: a retry after a lost answer returns the message already made, not a second one
(a notice posted twice would leave one up for good, its id never known to the sweeper).
Notices are deleted after a few seconds by a sweeper that reads them from the journal:
one due during an outage is deleted later, and a failure is logged, never left to an
unobserved task.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import discord

from bot.app import FamBot
from bot.community.journal import Entry, Outcome, State
from bot.guild_permissions import LOG_PERMISSIONS, missing
from bot.pipeline.backoff import Backoff
from bot.pipeline.batching import Batcher
from bot.pipeline.rest import Refused, Rest, Route, Transient
from bot.render.cards import Card
from bot.render.compose import compose
from bot.render.guard import (
    could_not_act_card,
    delayed_card,
    notice_text,
    paused_card,
    permission_card,
    tagged_card,
    unreadable_card,
)
from bot.spoilers.policy import PUBLIC

log = logging.getLogger(__name__)

NOTICE_SECONDS = 20.0  # a notice stays up this long
NOTICE_WINDOW = 180.0  # one notice per author and channel per window
LOG_WINDOW = 60.0  # one mod-log card per channel (and kind) per window
NOTICE_FRESH = 600.0  # after a restart, authors are told only of recent reposts
SILENT = 1 << 12  # SUPPRESS_NOTIFICATIONS: no push, no sound
NO_MENTIONS: dict[str, list[str]] = {"parse": []}


class Reports:
    def __init__(self, bot: FamBot, rest: Callable[[], Rest]) -> None:
        self.bot = bot
        self._rest = rest
        self.notices: Batcher[tuple[int, int], Entry] = Batcher(NOTICE_WINDOW)
        self.logs: Batcher[tuple[int, str], Entry] = Batcher(LOG_WINDOW)
        self._queued: set[tuple[str, int]] = set()  # (kind, message id) held or being sent
        self._sending: set[asyncio.Task[None]] = set()
        self._reported_once: set[tuple[str, int]] = set()  # (what, channel or guild)
        self._flush_wake = asyncio.Event()  # something was held: check when it is due
        self._sweep_wake = asyncio.Event()  # a notice was posted: check when to delete it
        self._tasks: list[asyncio.Task[None]] = []
        self.backoff = Backoff(base=1.0, cap=60.0)

    def start(self) -> None:
        self._tasks = [
            asyncio.create_task(self._flush_forever(), name="guard mod log and notices"),
            asyncio.create_task(self._sweep_forever(), name="guard notice sweeper"),
        ]

    async def close(self) -> None:
        for task in [*self._tasks, *self._sending]:
            task.cancel()
        await asyncio.gather(*self._tasks, *self._sending, return_exceptions=True)

    @property
    def busy(self) -> int:
        """Sends in flight (held batches waiting for their window do not count)."""
        return len(self._sending)

    # --- what happened ---------------------------------------------------------------

    def tagged(self, entry: Entry, *, notify: bool = True) -> None:
        """A tagged copy is up: tell its author (unless told already) and the mod log."""
        if (
            notify
            and entry.state is State.REPOSTED
            and ("notice", entry.message_id) not in (self._queued)
        ):
            self._queued.add(("notice", entry.message_id))
            key = (entry.place.channel_id, entry.author.id)
            if now := self.notices.add(key, entry):
                self.spawn(self._notify(now))
            self._flush_wake.set()
        self._log(entry, "tagged")

    def could_not_act(self, entry: Entry) -> None:
        unreadable = entry.outcome == Outcome.UNREADABLE.value
        self._log(entry, "unreadable" if unreadable else "failed")

    def unreadable_edit(self, entry: Entry) -> None:
        """An edit of a message the guard already acted on could not be read: the mod
        log gets a link (once per edit; not journalled, so not resent after a restart:
        the entry's own card is still owed by the journal, untouched)."""
        card = unreadable_card(entry.place.channel_id, [entry])
        self.spawn(self._post_card_until_done(entry.place.guild_id, card, "mod log"))

    def resume(self, entry: Entry) -> None:
        """An entry the journal says was not fully reported (after a restart)."""
        if entry.state is State.GIVEN_UP:
            self.could_not_act(entry)
            return
        fresh = datetime.now(UTC) - entry.seen_at < timedelta(seconds=NOTICE_FRESH)
        if entry.state is State.REPOSTED and not fresh:
            self.spawn(self._skip_notice(entry))
        self.tagged(entry, notify=fresh)

    def _log(self, entry: Entry, kind: str) -> None:
        if (kind, entry.message_id) in self._queued:
            return
        self._queued.add((kind, entry.message_id))
        if now := self.logs.add((entry.place.channel_id, kind), entry):
            self.spawn(self._post_log(entry.place.guild_id, entry.place.channel_id, kind, now))
        self._flush_wake.set()

    async def once(self, what: str, about: int, guild_id: int, card: Card) -> None:
        """A card sent once per ``what`` and channel (or guild) until ``again``."""
        if (what, about) in self._reported_once:
            return
        self._reported_once.add((what, about))
        self.spawn(self._post_card_until_done(guild_id, card, what))

    def again(self, what: str, about: int) -> None:
        self._reported_once.discard((what, about))

    async def permission_gap(self, guild_id: int, channel_id: int, names: str) -> None:
        self.spawn(self._post_card_until_done(guild_id, permission_card(channel_id, names), "gap"))

    async def delayed(self, guild_id: int, channel_id: int, count: int) -> None:
        await self.once("delayed", channel_id, guild_id, delayed_card(channel_id, count))

    async def paused(self, guild_id: int, invalid: int) -> None:
        await self.once("paused", guild_id, guild_id, paused_card(invalid))

    # --- sending -----------------------------------------------------------------------

    def spawn(self, work: Coroutine[Any, Any, None]) -> None:
        """Run ``work`` (a post retried until Discord takes it) as the reports' own:
        counted as busy, its failure logged, cancelled at shutdown."""
        task = asyncio.create_task(work)
        self._sending.add(task)
        task.add_done_callback(self._sent)

    def _sent(self, task: asyncio.Task[None]) -> None:
        self._sending.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("Spoiler guard report failed", exc_info=task.exception())

    async def _flush_forever(self) -> None:
        while True:
            for _key, entries in self.notices.due():
                self.spawn(self._notify(entries))
            for (channel_id, kind), entries in self.logs.due():
                guild_id = entries[0].place.guild_id
                self.spawn(self._post_log(guild_id, channel_id, kind, entries))
            waits = [w for w in (self.notices.next_due(), self.logs.next_due()) if w is not None]
            self._flush_wake.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._flush_wake.wait(), min(waits) if waits else None)

    async def until_taken(
        self, what: str, attempt: Callable[[], Awaitable[bool]], *, failed: int = 0
    ) -> bool:
        """Try ``attempt`` until Discord takes it (True) or refuses it (a 4xx: False); a
        transient failure (a 5xx, a dropped connection, a timeout) waits with backoff and
        tries again. ``failed``: tries that failed already, before this was called (the
        first waits its backoff). Cancelled at shutdown: the journal (or the review's
        record) still says what is unsent."""
        tries = failed
        delay = self.backoff.delay(tries) if tries else 0.0
        while True:
            if delay:
                await asyncio.sleep(delay)
            try:
                return await attempt()
            except Transient as error:
                tries += 1
                delay = self.backoff.delay(tries)
                log.info("Could not send the guard's %s (%s); again in %.0f s", what, error, delay)
            except Refused as error:
                log.warning("Discord refused the guard's %s: %s", what, error)
                return False

    async def _notify(self, entries: Sequence[Entry]) -> None:
        first = entries[0]
        if not self._may_post(first.place.guild_id, first.place.channel_id):
            # No permission to post there (the cache says): asking would only collect a
            # 403; the mod log still says what was done.
            await self.bot.store.journal.mark_notified([e.message_id for e in entries])
            return
        reasons = sorted({e.reason for e in entries})
        text = notice_text(first.author.name, " and ".join(reasons[:3]), len(entries))
        route = Route("POST", "/channels/{major}/messages", first.place.channel_id)
        body = {"content": text, "flags": SILENT, "allowed_mentions": NO_MENTIONS, **_once()}
        posted: dict[str, Any] = {}

        async def attempt() -> bool:
            posted.update(await self._rest().request(route, body=body) or {})
            return True

        ids = [e.message_id for e in entries]
        if await self.until_taken("notice", attempt) and posted.get("id"):
            delete_at = datetime.now(UTC) + timedelta(seconds=NOTICE_SECONDS)
            await self.bot.store.journal.add_notice(
                int(posted["id"]), first.place.channel_id, delete_at
            )
            self._sweep_wake.set()
        # Told, or Discord refused the notice (no Send Messages there): either way it is
        # not sent again; the mod log still says what was done.
        await self.bot.store.journal.mark_notified(ids)

    def _may_post(self, guild_id: int, channel_id: int) -> bool:
        guild = self.bot.get_guild(guild_id)
        channel = guild.get_channel_or_thread(channel_id) if guild else None
        if guild is None or guild.me is None or channel is None:
            return False
        granted = channel.permissions_for(guild.me)
        if isinstance(channel, discord.Thread):
            return granted.send_messages_in_threads
        return granted.send_messages

    async def _skip_notice(self, entry: Entry) -> None:
        await self.bot.store.journal.mark_notified([entry.message_id])

    async def _post_log(
        self, guild_id: int, channel_id: int, kind: str, entries: Sequence[Entry]
    ) -> None:
        card = tagged_card(channel_id, entries) if kind == "tagged" else None
        if card is None:
            if kind == "unreadable":
                card = unreadable_card(channel_id, entries)
            else:
                card = could_not_act_card(channel_id, entries)
        await self._post_card_until_done(guild_id, card, "mod log")
        ids = [e.message_id for e in entries]
        if kind == "tagged":
            await self.bot.store.journal.mark_done(ids)
        else:
            await self.bot.store.journal.mark_reported(ids)
        for entry in entries:
            self._queued.discard((kind, entry.message_id))
            self._queued.discard(("notice", entry.message_id))

    async def _post_card_until_done(self, guild_id: int, card: Card, what: str) -> None:
        """Post ``card`` to the server's mod log (if it has one the bot can write in)."""
        guild = self.bot.get_guild(guild_id)
        server = self.bot.store.community.server_settings(guild_id)
        channel = guild.get_channel(server.log_channel_id or 0) if guild else None
        if not isinstance(channel, discord.TextChannel) or missing(channel, LOG_PERMISSIONS):
            return  # no log to write (the gap shows in /spoilers status)
        composed = compose(card, PUBLIC)
        assert composed.embed is not None
        body = {
            "embeds": [composed.embed.to_dict()],
            "flags": SILENT,
            "allowed_mentions": NO_MENTIONS,
            **_once(),
        }
        route = Route("POST", "/channels/{major}/messages", channel.id)

        async def attempt() -> bool:
            await self._rest().request(route, body=body)
            return True

        await self.until_taken(what, attempt)

    # --- deleting notices ----------------------------------------------------------------

    async def _sweep_forever(self) -> None:
        failures = 0
        while True:
            self._sweep_wake.clear()
            due = await self.bot.store.journal.notices()
            now = datetime.now(UTC)
            wait: float | None = None
            for message_id, channel_id, when in due:
                if when > now:
                    wait = (when - now).total_seconds()
                    break
                route = Route(
                    "DELETE",
                    "/channels/{major}/messages/{message_id}",
                    channel_id,
                    {"message_id": message_id},
                )
                try:
                    await self._rest().request(route)
                except Transient as error:
                    failures += 1
                    wait = self.backoff.delay(failures)
                    log.info("Could not delete a guard notice (%s); again in %.0f s", error, wait)
                    break
                except Refused:
                    pass  # already gone, or not ours to delete any more
                failures = 0
                await self.bot.store.journal.drop_notice(message_id)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._sweep_wake.wait(), wait)


def _once() -> dict[str, Any]:
    """A nonce Discord enforces for a few minutes: every retry of one post sends the same,
    so a retry after a lost answer gets the message made, not a second one."""
    return {"nonce": secrets.token_hex(12), "enforce_nonce": True}
