"""A member's message arrives, is edited or is deleted: the guard journals it and
decides, before anything touches Discord, whether it comes down.

The gateway's events run as separate tasks, so an edit or a deletion can be handled
before the message it concerns was journalled; both are remembered for a while, and the
newest text of a message is the one that counts. A message that no longer spoils before
its deletion was sent is left alone; one edited after its repost gets the repost edited.
"""

from __future__ import annotations

import logging
import traceback
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

from bot.app import FamBot
from bot.community.journal import Author, Entry, Outcome, Place, State
from bot.pipeline.lanes import Lanes
from bot.pipeline.rest import Rest
from cogs.spoilers._incoming import Incoming, place_of
from cogs.spoilers._judge import Verdict
from cogs.spoilers._obstacles import Obstacles
from cogs.spoilers._scope import guarded
from cogs.spoilers._webhooks import webhook_name

log = logging.getLogger(__name__)

GONE_KEPT = 10_000  # deletions and edits remembered for messages not journalled yet


def remember(kept: OrderedDict[int, Any], key: int, value: Any, limit: int = GONE_KEPT) -> None:
    """Keep ``value`` under ``key``, forgetting the oldest entries past ``limit``: what is
    remembered per message must not grow with the bot's uptime."""
    kept[key] = value
    while len(kept) > limit:
        kept.popitem(last=False)


class Intake:
    def __init__(
        self,
        bot: FamBot,
        verdict: Callable[[Place, str, bool], Awaitable[Verdict]],
        client: Callable[[], Rest],
        hides: Lanes,
        reposts: Lanes,
        obstacles: Obstacles,
        note: Callable[[Place, int], None],
        closing: Callable[[], bool],
        defer: Callable[[Place, Incoming, bool], bool] = lambda place, incoming, edited: False,
    ) -> None:
        self.bot = bot
        self._verdict = verdict
        self._client = client
        self.hides = hides
        self.reposts = reposts
        self.obstacles = obstacles
        self._note = note  # the newest message seen in a channel, for catch-up
        self._closing = closing
        # Whether a live message is left for a read back instead of read now (the reader
        # thread is crowded, or its channel has messages left so before it: _catch_up.py).
        self._defer = defer
        # Deletions seen for messages not journalled (yet): the MESSAGE_DELETE's task may
        # run before the MESSAGE_CREATE's has journalled it.
        self._gone: OrderedDict[int, None] = OrderedDict()
        self._edits: OrderedDict[int, Incoming] = OrderedDict()  # likewise for edits
        # Issue 9: a message in the review band goes to the moderators (_review.py).
        self.on_review: Callable[[Incoming, Verdict], Awaitable[None]] | None = None

    async def consider(
        self, incoming: Incoming, *, edited: bool, moderator: bool = False, live: bool = True
    ) -> Entry | None:
        """A new or edited message: journal it and take it down if it spoils. ``live``:
        from the gateway (catch-up's read back passes False: it is never deferred)."""
        if self._closing():
            return None
        guild = self.bot.get_guild(incoming.guild_id)
        channel = guild.get_channel_or_thread(incoming.channel_id) if guild else None
        place = place_of(channel)
        if guild is None or place is None:
            return None
        if not moderator and not await guarded(self.bot, self._client, guild, channel, incoming):
            return None
        seen_first = not edited  # a new message (one taken for its edit below still is)
        if incoming.message_id in self._gone:
            return None  # its author deleted it already
        if live and not moderator and self._defer(place, incoming, edited):
            return None  # read back from Discord's history, in order, soon
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
            if seen_first:
                self._note(place, incoming.message_id)
            return None
        verdict = await self._read(place, incoming, moderator)
        if verdict is None:  # the guard failed on it: given up, the mod log told
            if seen_first:
                self._note(place, incoming.message_id)
            return await self._unreadable(place, incoming, edited, moderator)
        # Catch-up's mark moves past a message only once it is read: a read can wait on
        # the reader thread a while (cogs/spoilers/_judge.py), and one the shutdown cuts
        # short must be read back after the restart, not skipped by the mark.
        if seen_first:
            self._note(place, incoming.message_id)
        if verdict.review and self.on_review is not None:  # issue 9: ask, delete nothing
            await self.on_review(incoming, verdict)
        if not verdict.spoils:
            if edited:  # a racing MESSAGE_CREATE must not act on the older text
                remember(self._edits, incoming.message_id, incoming)
                known = await journal.get(incoming.message_id)
                if known is not None:
                    await self._revise(known, incoming)
            return None
        entry = _entry(place, incoming, edited, moderator, str(verdict.reason), verdict.rules)
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
        await self._take_down(entry)
        return entry

    async def _take_down(self, entry: Entry) -> None:
        """A journalled spoiler, still ``seen``: to the hiding lane (or given up, if its
        files are too large to re-upload)."""
        guild = self.bot.get_guild(entry.place.guild_id)
        limit = guild.filesize_limit if guild is not None else None
        if limit is not None and sum(a.size for a in entry.attachments) > limit:
            await self.obstacles.give_up([entry], Outcome.FILES_TOO_LARGE)
        else:
            self.hides.put(entry.place.channel_id, entry.message_id)

    async def _read(self, place: Place, incoming: Incoming, moderator: bool) -> Verdict | None:
        """The guard's verdict on ``incoming``, or None if reading it raised (a bug in the
        guard on this text): logged by ids and the error's class and place in the code
        only (an error's message or traceback may quote the text), never retried."""
        try:
            return await self._verdict(place, incoming.content, moderator)
        except Exception as error:
            frames = traceback.extract_tb(error.__traceback__)
            where = f"{frames[-1].filename}:{frames[-1].lineno}" if frames else "?"
            log.error(
                "Spoiler guard could not read message %s in channel %s (%s at %s); it is "
                "left up and the mod log links to it",
                incoming.message_id,
                place.channel_id,
                type(error).__name__,
                where,
            )
            return None

    async def _unreadable(
        self, place: Place, incoming: Incoming, edited: bool, moderator: bool
    ) -> Entry | None:
        """A message the guard could not read: journalled and given up at once (it is
        still up; the mod log gets a link for a human to look)."""
        entry = _entry(place, incoming, edited, moderator)
        if not await self.bot.store.journal.add(entry):  # journalled meanwhile
            existing = await self.bot.store.journal.get(entry.message_id)
            if existing is not None:
                await self._unreadable_edit(existing, incoming)
            return existing
        await self.obstacles.give_up([entry], Outcome.UNREADABLE)
        return await self.bot.store.journal.get(entry.message_id)

    async def _unreadable_edit(self, entry: Entry, incoming: Incoming) -> None:
        """An edit of a journalled message could not be read. Not yet acted on: its newer
        text kept, given up (still up, the mod log told). Already acted on (or being
        taken down now): the journal keeps the text that was read, and the mod log gets
        a link to look at the edit."""
        lane = entry.place.channel_id
        untouched = entry.state is State.SEEN and entry.hide_attempts == 0
        if untouched and not self.hides.busy_with(lane, entry.message_id):
            revised = await self.bot.store.journal.revise(
                entry.message_id, incoming.content, incoming.revision, entry.reason, entry.rules
            )
            if revised is None:
                return  # an older edit, delivered late
            self.hides.discard(lane, entry.message_id)
            await self.obstacles.give_up([revised], Outcome.UNREADABLE)
        elif incoming.revision > entry.revision:
            self.obstacles.reports.unreadable_edit(entry)

    async def _revise(self, entry: Entry, incoming: Incoming) -> None:
        if unread(entry):
            await self._read_again(entry, incoming)
            return
        verdict = await self._read(entry.place, incoming, entry.moderator)
        if verdict is None:
            await self._unreadable_edit(entry, incoming)
            return
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

    async def _read_again(self, entry: Entry, incoming: Incoming) -> None:
        """An edit of a message given up as unreadable (still up, untouched): read again.
        It spoils now: taken up again as any edit of a message not yet acted on (the mod
        log told anew when it is done). It still raises, or no longer spoils: it stays
        given up with its newer text kept, and no second card (the first links to it;
        the error is logged by ids, as every failed read)."""
        journal = self.bot.store.journal
        verdict = await self._read(entry.place, incoming, entry.moderator)
        if verdict is None or not verdict.spoils:
            reason = str(verdict.reason) if verdict is not None else ""
            rules = verdict.rules if verdict is not None else ()
            await journal.revise(
                entry.message_id, incoming.content, incoming.revision, reason, rules
            )
            return
        reopened = await journal.reopen(
            entry.message_id,
            incoming.content,
            incoming.revision,
            str(verdict.reason),
            verdict.rules,
        )
        if reopened is None:
            return  # an older edit delivered late, or taken up by another caller
        if reopened.message_id in self._gone:  # deleted meanwhile
            await journal.finish(reopened.message_id, Outcome.WITHDRAWN)
            return
        log.info(
            "Spoiler guard read message %s in channel %s after its edit; it is taken up again",
            reopened.message_id,
            reopened.place.channel_id,
        )
        await self._take_down(reopened)

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
                remember(self._gone, message_id, None)
            return
        if entry.state is State.SEEN and entry.hide_attempts == 0:
            self.hides.discard(entry.place.channel_id, message_id)
            await journal.finish(message_id, Outcome.WITHDRAWN)


def unread(entry: Entry) -> bool:
    """Given up because the guard's read raised, and never touched on Discord: an edit of
    it is read again."""
    return (
        entry.state is State.GIVEN_UP
        and entry.outcome == Outcome.UNREADABLE.value
        and entry.hide_attempts == 0
        and entry.repost_id is None
    )


def _entry(
    place: Place,
    incoming: Incoming,
    edited: bool,
    moderator: bool,
    reason: str = "",
    rules: tuple[str, ...] = (),
) -> Entry:
    """The journal entry for a message as it came in (no reason or rules: unreadable)."""
    return Entry(
        message_id=incoming.message_id,
        place=place,
        author=_author(incoming),
        content=incoming.content,
        revision=incoming.revision,
        reason=reason,
        rules=rules,
        seen_at=datetime.now(UTC),
        edited=edited,
        moderator=moderator,
        reply_to=incoming.reply_to,
        attachments=incoming.attachments,
    )


def _author(incoming: Incoming) -> Author:
    return Author(incoming.author_id, webhook_name(incoming.author_name), incoming.avatar_url)
