"""Cards for /spoilers (a server's settings). Spoiler-free by construction:
they speak of episodes by code and of rules by number, never of what happens."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

import discord

from bot.canon.episodes import EpisodeRef
from bot.community.records import ServerSettings
from bot.guild_permissions import permission_names
from bot.render.cards import Card, Colour, Field, Reply, line


@dataclass(frozen=True)
class GuardState:
    """What /spoilers status reports about the guard beyond the server's settings."""

    reading_messages: bool  # the bot asked Discord for message content
    missing: Mapping[int, Sequence[str]]  # channel id -> permissions the bot lacks now
    tagged_this_week: int = 0
    given_up_this_week: int = 0  # could not act: still up as posted (the mod log links each)
    still_up: int = 0  # journalled spoilers waiting to be taken down
    awaiting_copy: int = 0  # taken down, tagged copy not up yet (text kept in the journal)
    invalid_requests: int = 0  # 401/403/429 answers in the last ten minutes
    pause_at: int = 1000
    paused: bool = False
    not_covered: Sequence[str] = ()  # places the guard cannot cover, and why
    journal_days: int = 30  # how long finished journal entries are kept


def _channels(ids: frozenset[int]) -> str:
    return ", ".join(f"<#{c}>" for c in sorted(ids)) or "none"


def _when(moment: datetime) -> str:
    return f"{discord.utils.format_dt(moment, 'f')} ({discord.utils.format_dt(moment, 'R')})"


def status_card(
    server: ServerSettings, embargo: Mapping[EpisodeRef, datetime], guard: GuardState
) -> Reply:
    embargo_lines = tuple(
        line(f"{ref.code} until {_when(until)}") for ref, until in sorted(embargo.items())
    ) or (line("Nothing is under embargo right now."),)
    guard_lines = [
        line(f"**{'On' if server.guard_enabled else 'Off'}**"),
        line(f"Log channel: {f'<#{server.log_channel_id}>' if server.log_channel_id else 'none'}"),
        line(f"Exempt channels: {_channels(server.exempt_channels)}"),
        line(
            "Exempt roles: "
            + (", ".join(f"<@&{r}>" for r in sorted(server.exempt_roles)) or "none")
        ),
        line(f"Extra terms: {len(server.terms)}"),
        line(
            f"This week: {guard.tagged_this_week} tagged, {guard.given_up_this_week} could "
            "not be tagged (still up as posted; the mod log links each)"
        ),
        line(
            "Journal: each message is saved before the guard touches it, so a restart or a "
            f"failure loses none; finished entries are kept {guard.journal_days} days, then "
            "deleted"
        ),
    ]
    if guard.still_up or guard.awaiting_copy:
        guard_lines.append(
            line(
                f"Now: {guard.still_up} waiting to be taken down, {guard.awaiting_copy} taken "
                "down and waiting for Discord to take the tagged copy (their text is kept)"
            )
        )
    guard_lines.append(
        line(
            f"Requests Discord refused in the last 10 minutes: {guard.invalid_requests} "
            f"(the guard pauses at {guard.pause_at:,}; Discord blocks a bot at 10,000)"
        )
    )
    if guard.paused:
        guard_lines.append(
            line("⏸ **Paused** until that count falls: spoilers posted meanwhile stay up.")
        )
    if server.guard_enabled and not guard.reading_messages:
        guard_lines.append(
            line(
                "⚠️ The bot is not reading messages: its host must enable the Message Content "
                "intent and set FAMBOT_SPOILER_GUARD=on (see the README)."
            )
        )
    permission_lines = tuple(
        line(f"<#{channel}>: missing {permission_names(list(missing))}")
        for channel, missing in sorted(guard.missing.items())
        if missing
    ) or (line("Nothing missing for what this server asked of the bot."),)
    card = Card(
        title="Spoiler policy",
        fields=(
            Field(
                "Embargo",
                (
                    line(
                        f"{server.embargo_days} days after each episode's release"
                        if server.embargo_days
                        else "Off"
                    ),
                ),
                inline=True,
            ),
            Field(
                "Finale details",
                (line("Always tagged" if server.tag_finales else "Not tagged (turned off)"),),
                inline=True,
            ),
            Field("Spoiler channels (no tags)", (line(_channels(server.spoiler_channels)),)),
            Field("Under embargo", embargo_lines),
            Field("Spoiler guard", tuple(guard_lines)),
            Field("Permissions", permission_lines),
            Field(
                "What the guard cannot cover",
                tuple(line(text) for text in guard.not_covered) or (line("Nothing known."),),
            ),
        ),
        footer="Only members with Manage Server can change this · /help for what each means",
        colour=Colour.INFO,
    )
    return Reply((card,), ephemeral=True)


def done_card(text: str) -> Reply:
    """A short private confirmation for a policy change."""
    return Reply((Card(title="Spoiler policy updated", lines=(line(text),)),), ephemeral=True)
