"""Step 2: the tagged copy, posted through the channel's webhook, in the members' order.

Each channel has a repost lane working one message at a time, from the journal's latest
text, checked again (an edit while it waited may have added or taken out the spoiler).
A post whose answer was lost may have been made: before trying again the channel is
read for it (a message after the original, from the guard's webhook, with exactly the
text sent), so nothing is posted twice. A post that lands in another channel (a
moderator moved the webhook) is taken back down and made through a new webhook. Later
edits edit the repost; authors and moderators may delete or correct it.
"""

from __future__ import annotations

import contextlib
import enum
import logging
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from bot.app import FamBot
from bot.community.journal import Entry, Outcome, Place, State
from bot.pipeline.lanes import Lanes
from bot.pipeline.rest import Refused, Rest, Route, Transient, Upload
from bot.spoilers.markup import escape
from cogs.spoilers._intake import remember
from cogs.spoilers._judge import Verdict
from cogs.spoilers._obstacles import Obstacles, channel_of
from cogs.spoilers._reports import SILENT, Reports
from cogs.spoilers._webhooks import Hook, NoWebhook, Webhooks

log = logging.getLogger(__name__)

MESSAGE_MAX = 2000
SUPPRESS_EMBEDS = 1 << 2
SEARCH_PAGES = 5  # how far back (x100 messages) a lost repost is looked for
# A repost needs the channel's webhook, and reading the channel to check that a repost
# whose answer was lost is not already there.
REPOST_PERMISSIONS = ("view_channel", "manage_webhooks", "read_message_history")
UNTAGGABLE = "(This message could not be tagged in place; it is in the attached file.)"


class Unchanged(enum.Enum):
    """Why the repost does not show an author's correction (the form says so)."""

    NOT_ALLOWED = "not allowed"  # a 403: kept owed, tried again when permissions change
    NO_WEBHOOK = "no webhook"  # its webhook was deleted: Discord keeps the repost as it is
    UNTAGGABLE = "untaggable"  # the text can only go in a file: the repost is left
    DELETED = "deleted"  # the repost itself was deleted meanwhile


class Deletion(enum.Enum):
    """What came of an author's (or a moderator's) "Delete my reposted message"."""

    DONE = "done"
    LATER = "later"  # Discord failed (5xx, dropped connection): the journal keeps it
    NOT_ALLOWED = "not allowed"  # a 403: the bot lost a permission there


class Reposter:
    def __init__(
        self,
        bot: FamBot,
        obstacles: Obstacles,
        reports: Reports,
        judge: Callable[[Place, str, bool], Awaitable[Verdict]],
        client: Callable[[], Rest],
        webhooks: Callable[[], Webhooks],
    ) -> None:
        self.bot = bot
        self.obstacles = obstacles
        self.reports = reports
        self._judge = judge
        self._client = client
        self._webhooks = webhooks
        self.lanes = Lanes("repost", self.advance)
        # message id -> why its repost was left without the author's latest correction
        # (read by the author's edit form; edits made in Discord never read it, so bounded)
        self.unchanged: OrderedDict[int, Unchanged] = OrderedDict()

    async def advance(self, lane: int, ids: Sequence[int]) -> None:
        entry = await self.bot.store.journal.get(ids[0])
        if entry is None:
            return
        if entry.state is State.HIDDEN:
            await self._repost(entry)
        elif entry.repost_stale and entry.repost_id is not None:
            await self._edit(entry)

    async def _repost(self, entry: Entry) -> None:
        journal = self.bot.store.journal
        guild, channel, host = channel_of(self.bot, entry.place)
        if guild is None or channel is None or host is None:
            await journal.finish(entry.message_id, Outcome.CHANNEL_GONE, taken_down=True)
            return
        obstacles, lanes = self.obstacles, self.lanes
        if not await obstacles.clear_to_act([entry], guild, host, REPOST_PERMISSIONS, lanes):
            return
        verdict = await self._judge(entry.place, entry.content, entry.moderator)
        text, extra = repost_text(entry, verdict)
        try:
            hook = await self._webhooks().get(host.id)
            if entry.repost_after is not None:  # an earlier attempt may have posted it
                found = await self._find(entry, hook, text)
                if found is not None:
                    await self._reposted(entry, found, hook, text)
                    return
            await journal.note_repost_attempt(entry.message_id, entry.message_id, text, hook.id)
            files = [Upload(spoiler_name(n), d) for n, d in await journal.files(entry.message_id)]
            query = {"wait": "true"}
            if entry.place.thread_id is not None:
                query["thread_id"] = str(entry.place.thread_id)
            posted = await self._client().request(
                hook.route("POST"),
                body=repost_body(entry, verdict, text),
                files=files + extra,
                query=query,
            )
        except NoWebhook as gap:
            await obstacles.refused(guild, host.id, gap.gap, [entry], lanes)
            return
        except Transient as error:
            await obstacles.transient([entry], error, lanes)
            return
        except Refused as refused:
            if refused.unknown_webhook or refused.unknown_channel:
                # Deleted, or moved away from this channel's threads: make another.
                self._webhooks().forget(host.id)
                lanes.put(entry.place.channel_id, entry.message_id)
                return
            await obstacles.refusal(guild, host.id, refused, "manage_webhooks", [entry], lanes)
            return
        if str(posted.get("channel_id")) != str(entry.place.channel_id):
            await self._misplaced(hook, posted, host.id, entry)
            return
        await self._reposted(entry, int(posted["id"]), hook, text)

    async def _reposted(self, entry: Entry, repost_id: int, hook: Hook, text: str) -> None:
        journal = self.bot.store.journal
        await journal.mark_reposted(entry.message_id, repost_id, hook.id, text)
        self.obstacles.succeeded(entry.message_id)
        self.reports.again("delayed", entry.place.channel_id)
        done = await journal.get(entry.message_id)
        if done is not None:
            if done.content != entry.content:  # edited while the repost was on its way
                await journal.mark_repost_current(done.message_id, text, stale=True)
                self.lanes.put(done.place.channel_id, done.message_id)
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
        self._webhooks().forget(host_id)
        self.lanes.put(entry.place.channel_id, entry.message_id)

    async def _find(self, entry: Entry, hook: Hook, text: str) -> int | None:
        """The tagged copy an earlier attempt made, if Discord made it: a message after
        the original, from the guard's webhook, with exactly the text that was sent."""
        hooks = {str(hook.id), str(entry.webhook_id)}
        expected = {text, entry.sent_text}
        before: int | None = None
        for _ in range(SEARCH_PAGES):
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

    async def _edit(self, entry: Entry) -> None:
        """The author edited after the repost: the repost follows (checked again)."""
        journal = self.bot.store.journal
        self.unchanged.pop(entry.message_id, None)
        verdict = await self._judge(entry.place, entry.content, entry.moderator)
        text, extra = repost_text(entry, verdict)
        try:  # after a restart the webhook is looked up again: Discord may fail that too
            hook = await self._webhooks().by_id(entry.webhook_id or 0)
        except Transient as error:
            await self.obstacles.transient([entry], error, self.lanes)
            return
        if hook is None or extra:
            log.info("Cannot edit repost %s in place; leaving it", entry.repost_id)
            why = Unchanged.UNTAGGABLE if hook is not None else Unchanged.NO_WEBHOOK
            await self._left(entry, why)
            return
        route = hook.route("PATCH", "/messages/{message_id}", message_id=entry.repost_id or 0)
        body = {
            "content": text,
            "allowed_mentions": {"parse": []},
            "flags": SUPPRESS_EMBEDS if verdict.links else 0,
        }
        try:
            await self._client().request(route, body=body, query=_in_thread(entry))
        except Transient as error:
            await self.obstacles.transient([entry], error, self.lanes)
            return
        except Refused as refused:
            await self._edit_refused(entry, hook, refused)
            return
        now = await journal.get(entry.message_id)
        stale = now is not None and now.content != entry.content
        await journal.mark_repost_current(entry.message_id, text, stale=stale)
        if stale:
            self.lanes.put(entry.place.channel_id, entry.message_id)

    async def _edit_refused(self, entry: Entry, hook: Hook, refused: Refused) -> None:
        """A 403 leaves the edit owed (tried again when permissions change); a deleted
        webhook leaves the repost as Discord keeps it (its author can still delete it:
        the bot does, with Manage Messages); a deleted repost leaves nothing to edit."""
        guild, _, host = channel_of(self.bot, entry.place)
        if refused.missing_permission and guild is not None and host is not None:
            remember(self.unchanged, entry.message_id, Unchanged.NOT_ALLOWED)
            await self.obstacles.refused(guild, host.id, "manage_webhooks", [entry], self.lanes)
            return
        if refused.unknown_webhook:
            self._webhooks().forget(hook.channel_id)
            await self._left(entry, Unchanged.NO_WEBHOOK)
            return
        await self._left(entry, Unchanged.DELETED if refused.unknown_message else None)

    async def _left(self, entry: Entry, why: Unchanged | None) -> None:
        """The repost stays as it is: the journal keeps what it shows, no edit owed."""
        if why is not None:
            remember(self.unchanged, entry.message_id, why)
        await self.bot.store.journal.mark_repost_current(
            entry.message_id, entry.sent_text or "", stale=False
        )

    async def delete(self, entry: Entry) -> Deletion:
        """The author (or a moderator) asked for the repost to go. On a 5xx or a dropped
        connection the journal keeps the repost, so asking again deletes it, or finds it
        gone if Discord did delete it and the answer was lost. A repost whose webhook was
        deleted is deleted by the bot itself (Manage Messages)."""
        if entry.repost_id is None:
            return Deletion.LATER
        try:
            hook = await self._webhooks().by_id(entry.webhook_id or 0)
        except Transient as error:
            log.info("Could not delete repost %s: %s", entry.repost_id, error)
            return Deletion.LATER
        if hook is not None:
            route = hook.route("DELETE", "/messages/{message_id}", message_id=entry.repost_id)
            done = await self._delete_by(entry, route, query=_in_thread(entry))
            if done is not None:
                return done
        route = Route(
            "DELETE",
            "/channels/{major}/messages/{message_id}",
            entry.place.channel_id,
            {"message_id": entry.repost_id},
        )
        return await self._delete_by(entry, route, reason="its author asked") or Deletion.LATER

    async def _delete_by(
        self,
        entry: Entry,
        route: Route,
        *,
        query: dict[str, str] | None = None,
        reason: str | None = None,
    ) -> Deletion | None:
        """One request deleting the repost; None when its webhook was deleted."""
        try:
            await self._client().request(route, query=query, reason=reason)
        except Transient as error:
            log.info("Could not delete repost %s: %s", entry.repost_id, error)
            return Deletion.LATER
        except Refused as refused:
            if refused.unknown_webhook:
                return None
            if refused.missing_permission:
                log.info("Not allowed to delete repost %s: %s", entry.repost_id, refused)
                return Deletion.NOT_ALLOWED
            if not refused.unknown_message:
                return Deletion.LATER
        await self.bot.store.journal.forget_repost(entry.message_id)
        return Deletion.DONE

    async def correct(self, entry: Entry, text: str) -> Entry | None:
        """The author's correction from the "Edit" form: journalled, checked again, and
        the repost edited in its turn. Returns the entry as it then stands."""
        verdict = await self._judge(entry.place, text, entry.moderator)
        revised = await self.bot.store.journal.revise(
            entry.message_id, text, datetime.now(UTC), str(verdict.reason), verdict.rules
        )
        if revised is not None and revised.repost_stale:
            self.lanes.put(revised.place.channel_id, revised.message_id)
        return revised


def _in_thread(entry: Entry) -> dict[str, str] | None:
    """Webhook message routes need the thread named when the message is in one."""
    return {"thread_id": str(entry.place.thread_id)} if entry.place.thread_id else None


def spoiler_name(filename: str) -> str:
    return filename if filename.startswith("SPOILER_") else f"SPOILER_{filename}"


def repost_text(entry: Entry, verdict: Verdict) -> tuple[str, list[Upload]]:
    """The repost's text: the latest text, tagged where it spoils (untagged if an edit
    took the spoiler out); a text that cannot be tagged in place goes into a spoiler
    file, whole."""
    text = verdict.tagged if verdict.spoils else entry.content
    if text is None or len(text) > MESSAGE_MAX:
        return UNTAGGABLE, [Upload("SPOILER_message.txt", entry.content.encode())]
    return text, []


def repost_body(entry: Entry, verdict: Verdict, text: str) -> dict[str, Any]:
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
