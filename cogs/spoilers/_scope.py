"""Which members' messages are the guard's business in a server: the guard is on, the
channel (or its parent) is neither exempt nor a spoiler channel, and the author holds no
exempt role."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import discord

from bot.app import FamBot
from bot.pipeline.rest import Refused, Rest, Route, Transient
from cogs.spoilers._incoming import Incoming


async def guarded(
    bot: FamBot, client: Callable[[], Rest], guild: discord.Guild, channel: Any, incoming: Incoming
) -> bool:
    server = bot.store.community.server_settings(guild.id)
    if not server.guard_enabled or not incoming.from_member:
        return False
    places = {channel.id, getattr(channel, "parent_id", None)}
    if places & (server.exempt_channels | server.spoiler_channels):
        return False
    roles = incoming.role_ids
    if roles is None and server.exempt_roles:  # history carries no roles: ask
        roles = await _roles_of(client, guild.id, incoming.author_id)
        if roles is None:
            return False  # cannot tell whether they are exempt: leave it alone
    return not (roles or frozenset()) & server.exempt_roles


async def _roles_of(
    client: Callable[[], Rest], guild_id: int, user_id: int
) -> frozenset[int] | None:
    route = Route("GET", "/guilds/{major}/members/{user_id}", guild_id, {"user_id": user_id})
    try:
        member = await client().request(route)
    except (Transient, Refused):
        return None
    return frozenset(int(r) for r in (member or {}).get("roles", []))
