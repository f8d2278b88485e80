"""The spoiler guard's journal: a member's message as the guard saw it, and how far the
guard got with it.

An entry is written before the guard touches the message on Discord. Its state moves
``seen`` (journalled, still up) -> ``hidden`` (the original deleted) -> ``reposted``
(the tagged copy up) -> ``notified`` (the author told) -> ``done`` (the mod log has
it), or ends ``given_up`` with the reason when the guard could not act; the original is
then still up. Plain frozen values: storing them is the store's job.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

# Finished entries are kept this long (so authors can still delete or correct their
# reposts), then deleted; the README and /spoilers status say so.
JOURNAL_DAYS = 30


class State(StrEnum):
    SEEN = "seen"
    HIDDEN = "hidden"
    REPOSTED = "reposted"
    NOTIFIED = "notified"
    DONE = "done"
    GIVEN_UP = "given_up"


# The states in which the guard still has work to do on Discord.
ACTIVE = (State.SEEN, State.HIDDEN, State.REPOSTED, State.NOTIFIED)
# The original is gone from the channel: the journal holds the only full copy until the
# repost is up, so these must never be given up.
TAKEN_DOWN = (State.HIDDEN, State.REPOSTED, State.NOTIFIED, State.DONE)


class Outcome(StrEnum):
    """Why an entry ended; spoiler-free, shown to moderators."""

    TAGGED = "reposted with spoiler tags"
    WITHDRAWN = "deleted by its author before the guard acted"
    CLEAN = "edited by its author before the guard acted; nothing to tag"
    PERMISSION = "the bot lacks a permission there"
    NO_WEBHOOK = "the bot could not get a webhook there"
    DISCORD_DOWN = "Discord did not answer in time"
    FILES_TOO_LARGE = "its files are too large to re-upload"
    REFUSED = "Discord refused the request"
    CHANNEL_GONE = "the channel was deleted"
    PAUSED = "the guard was paused (too many refused requests)"
    UNSUPPORTED = "the guard cannot post there"
    # An error in the guard's own reading (a bug in the matcher on some text): the
    # message is left up and the mod log links to it for a human to look at.
    UNREADABLE = "given up: the guard could not read it"


@dataclass(frozen=True)
class Place:
    guild_id: int
    channel_id: int  # where the message is: a channel, or a thread's own id
    host_id: int  # the channel whose webhook posts there (a thread's parent channel)

    @property
    def thread_id(self) -> int | None:
        return self.channel_id if self.channel_id != self.host_id else None


@dataclass(frozen=True)
class Author:
    id: int
    name: str  # the display name the repost is posted under
    avatar_url: str


@dataclass(frozen=True)
class Attachment:
    filename: str
    url: str
    size: int


@dataclass(frozen=True)
class ReplyTo:
    message_id: int
    channel_id: int
    author_name: str | None


@dataclass(frozen=True)
class Entry:
    message_id: int
    place: Place
    author: Author
    content: str  # the latest text its author wrote
    revision: datetime  # when that text was written: a later edit wins, an older is ignored
    reason: str  # spoiler-free ("season 3 finale details")
    rules: tuple[str, ...]  # the rule keys that matched (they name things: tags only)
    seen_at: datetime
    edited: bool = False  # first caught after an edit
    moderator: bool = False  # a moderator asked for it to be tagged (all of it, if no rule)
    reply_to: ReplyTo | None = None
    attachments: tuple[Attachment, ...] = ()
    state: State = State.SEEN
    outcome: str | None = None
    hide_attempts: int = 0
    repost_after: int | None = None
    sent_text: str | None = None
    webhook_id: int | None = None
    repost_id: int | None = None
    repost_stale: bool = False  # edited after the repost: the repost must follow
    reported: bool = False  # the mod log has it

    @property
    def jump_url(self) -> str:
        return discord_link(self.place.guild_id, self.place.channel_id, self.message_id)

    @property
    def repost_url(self) -> str | None:
        if self.repost_id is None:
            return None
        return discord_link(self.place.guild_id, self.place.channel_id, self.repost_id)

    @property
    def taken_down(self) -> bool:
        return self.state in TAKEN_DOWN

    @property
    def finished(self) -> bool:
        return (
            self.state in (State.DONE, State.GIVEN_UP) and self.reported and not (self.repost_stale)
        )


def discord_link(guild_id: int, channel_id: int, message_id: int) -> str:
    return f"https://discord.com/channels/{guild_id}/{channel_id}/{message_id}"
