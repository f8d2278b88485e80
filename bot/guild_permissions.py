"""What the bot may do in a channel, read from the cache: check before acting, so
missing permissions are reported instead of collecting 403s from Discord."""

from __future__ import annotations

import discord

# Reading member messages, deleting them, and reposting through a webhook with files.
GUARD_PERMISSIONS = (
    "view_channel",
    "read_message_history",
    "manage_messages",
    "manage_webhooks",
    "send_messages",
    "attach_files",
    "embed_links",
)
LOG_PERMISSIONS = ("view_channel", "send_messages", "embed_links")

NAMES = {
    "manage_guild": "Manage Server",
    "view_channel": "View Channel",
    "read_message_history": "Read Message History",
    "manage_messages": "Manage Messages",
    "manage_webhooks": "Manage Webhooks",
    "send_messages": "Send Messages",
    "attach_files": "Attach Files",
    "embed_links": "Embed Links",
    "unsupported_channel": "a channel the guard cannot post in (forum posts)",
    "webhook_limit": "room for another webhook (Discord allows 15 per channel)",
}

Channel = discord.abc.GuildChannel | discord.Thread


def missing(channel: Channel, needed: tuple[str, ...]) -> list[str]:
    """The permissions in ``needed`` the bot lacks in ``channel`` (empty: all there)."""
    me = channel.guild.me
    if me is None:
        return list(needed)
    granted = channel.permissions_for(me)
    return [name for name in needed if not getattr(granted, name)]


def permission_names(permissions: list[str]) -> str:
    """Permission keys as Discord's settings name them: "Manage Messages, Attach Files"."""
    return ", ".join(NAMES.get(p, p.replace("_", " ").title()) for p in permissions)
