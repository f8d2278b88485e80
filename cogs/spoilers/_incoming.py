"""A member's message as the guard needs it, from the gateway or from channel history,
and where the guard could repost it.

Messages reach the guard as discord.py ``Message`` objects (new ones, edits) and as raw
history from catch-up; both become an ``Incoming``. Where a message can be reposted is
decided here: text, announcement, voice and stage channels post through their own
webhook; threads and forum posts through their parent channel's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import discord

from bot.community.journal import Attachment, Place, ReplyTo
from bot.settings import Settings

# The message types members write: plain messages and replies.
MEMBER_TYPES = frozenset({0, 19})
CDN = "https://cdn.discordapp.com"


@dataclass(frozen=True)
class Incoming:
    message_id: int
    guild_id: int
    channel_id: int
    author_id: int
    author_name: str
    avatar_url: str
    from_member: bool  # not a bot, not a webhook, a plain message or reply
    role_ids: frozenset[int] | None  # None: not known (history carries no roles)
    content: str
    revision: datetime  # when this text was written
    reply_to: ReplyTo | None
    attachments: tuple[Attachment, ...]

    @staticmethod
    def of_message(message: discord.Message) -> Incoming | None:
        if message.guild is None:
            return None
        author = message.author
        roles = getattr(author, "roles", None)
        reference = message.reference
        reply = None
        if reference is not None and reference.message_id is not None:
            replied = reference.resolved
            who = replied.author.display_name if isinstance(replied, discord.Message) else None
            reply = ReplyTo(reference.message_id, reference.channel_id, who)
        return Incoming(
            message_id=message.id,
            guild_id=message.guild.id,
            channel_id=message.channel.id,
            author_id=author.id,
            author_name=author.display_name,
            avatar_url=author.display_avatar.url,
            from_member=not author.bot
            and message.webhook_id is None
            and message.type.value in MEMBER_TYPES,
            role_ids=frozenset(r.id for r in roles) if roles is not None else None,
            content=message.content,
            revision=message.edited_at or message.created_at,
            reply_to=reply,
            attachments=tuple(Attachment(a.filename, a.url, a.size) for a in message.attachments),
        )

    @staticmethod
    def of_payload(data: dict[str, Any], guild_id: int) -> Incoming:
        """From a message object as GET /channels/{id}/messages returns it."""
        author = data.get("author") or {}
        author_id = int(author.get("id", 0))
        name = author.get("global_name") or author.get("username") or "member"
        avatar = author.get("avatar")
        avatar_url = (
            f"{CDN}/avatars/{author_id}/{avatar}.png"
            if avatar
            else f"{CDN}/embed/avatars/{(author_id >> 22) % 6}.png"
        )
        reference = data.get("message_reference") or {}
        reply = None
        if reference.get("message_id"):
            reply = ReplyTo(
                int(reference["message_id"]),
                int(reference.get("channel_id") or data["channel_id"]),
                None,
            )
        written = data.get("edited_timestamp") or data.get("timestamp")
        return Incoming(
            message_id=int(data["id"]),
            guild_id=guild_id,
            channel_id=int(data["channel_id"]),
            author_id=author_id,
            author_name=str(name),
            avatar_url=avatar_url,
            from_member=not author.get("bot")
            and not data.get("webhook_id")
            and int(data.get("type", 0)) in MEMBER_TYPES,
            role_ids=None,
            content=str(data.get("content") or ""),
            revision=datetime.fromisoformat(written) if written else datetime.now(UTC),
            reply_to=reply,
            attachments=tuple(
                Attachment(str(a["filename"]), str(a["url"]), int(a.get("size", 0)))
                for a in data.get("attachments") or []
            ),
        )


# The channels whose webhook reposts: where members write directly, and forums (whose
# posts are threads). A thread's repost goes through its parent's webhook.
Host = discord.TextChannel | discord.VoiceChannel | discord.StageChannel | discord.ForumChannel
Direct = discord.TextChannel | discord.VoiceChannel | discord.StageChannel


def host_of(channel: object) -> Host | None:
    """The channel whose webhook reposts in ``channel``, or None where none can."""
    if isinstance(channel, Direct):
        return channel
    if isinstance(channel, discord.Thread):
        parent = channel.parent
        if isinstance(parent, discord.TextChannel | discord.ForumChannel):
            return parent
    return None


def place_of(channel: object) -> Place | None:
    host = host_of(channel)
    if host is None or not isinstance(channel, Direct | discord.Thread):
        return None
    return Place(channel.guild.id, channel.id, host.id)


def not_covered(guild: discord.Guild, settings: Settings) -> list[str]:
    """What the guard cannot tag in this server, and why (for /spoilers status)."""
    notes = []
    if guild.forums or guild.threads:
        notes.append(
            "Thread and forum post titles: Discord shows them as plain text, so they cannot "
            "be tagged (the messages inside are)."
        )
    if any(c.is_news() for c in guild.text_channels):
        notes.append(
            "Announcements already published to following servers: the guard replaces "
            "them here only."
        )
    notes.append("Private threads the bot was not added to: it cannot see them.")
    notes.append(
        f"Messages posted while the bot was offline more than "
        f"{settings.guard_catchup_hours:g} hours back, or beyond the last "
        f"{settings.guard_catchup_messages} of a channel (FAMBOT_GUARD_CATCHUP_*)."
    )
    return notes


def writable_places(guild: discord.Guild) -> list[Direct | discord.Thread]:
    """Every channel and active thread in which members write."""
    direct = [c for c in guild.channels if isinstance(c, Direct)]
    return [*direct, *guild.threads]


def under(guild: discord.Guild, channel: discord.abc.GuildChannel) -> frozenset[int]:
    """The channels a change of ``channel``'s overwrites can touch: itself, a category's
    channels, and the threads (and forum posts) of any of them."""
    ids = {channel.id}
    if isinstance(channel, discord.CategoryChannel):
        ids.update(c.id for c in channel.channels)
    ids.update(t.id for t in guild.threads if t.parent_id in ids)
    return frozenset(ids)
