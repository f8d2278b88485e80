"""What /spoilers status shows of the guard: its record this week, what waits, the
invalid-request budget, the permissions it lacks, and what it cannot cover."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import discord

from bot.app import FamBot
from bot.community.journal import ACTIVE, JOURNAL_DAYS, State
from bot.guild_permissions import GUARD_PERMISSIONS, LOG_PERMISSIONS, missing
from bot.pipeline.budget import PAUSE_AT
from bot.render.spoilers import GuardState
from cogs.spoilers._incoming import host_of, not_covered, writable_places

TAGGED_STATES = (State.REPOSTED, State.NOTIFIED, State.DONE)


async def guard_state(bot: FamBot, guild: discord.Guild) -> GuardState:
    journal = bot.store.journal
    week_ago = datetime.now(UTC) - timedelta(days=7)
    waiting = [
        e for e in await journal.unfinished() if e.place.guild_id == guild.id and e.state in ACTIVE
    ]
    tagged = sum([await journal.count(guild.id, week_ago, s) for s in TAGGED_STATES], start=0)
    budget = bot.invalid_requests
    return GuardState(
        reading_messages=bot.settings.spoiler_guard,
        missing=_permission_gaps(bot, guild),
        tagged_this_week=tagged,
        given_up_this_week=await journal.count(guild.id, week_ago, State.GIVEN_UP),
        still_up=sum(e.state is State.SEEN for e in waiting),
        awaiting_copy=sum(e.state is State.HIDDEN for e in waiting),
        invalid_requests=budget.count(),
        pause_at=PAUSE_AT,
        paused=budget.paused,
        not_covered=not_covered(guild, bot.settings),
        journal_days=JOURNAL_DAYS,
    )


def _permission_gaps(bot: FamBot, guild: discord.Guild) -> dict[int, list[str]]:
    """Channel -> permissions lacking: those Discord refused (recorded) and those the
    bot's view of the roles already shows missing."""
    server = bot.store.community.server_settings(guild.id)
    gaps: dict[int, set[str]] = {}
    for gap in bot.store.community.permission_gaps(guild.id):
        gaps.setdefault(gap.channel_id, set()).add(gap.permission)
    if server.guard_enabled:
        for channel in writable_places(guild):
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
    return {c: sorted(p) for c, p in gaps.items() if p}
