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
    actions_this_week: int


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
        line(
            f"Extra terms: {len(server.terms)} · messages tagged this week: "
            f"{guard.actions_this_week}"
        ),
    ]
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
        ),
        footer="Only members with Manage Server can change this · /help for what each means",
        colour=Colour.INFO,
    )
    return Reply((card,), ephemeral=True)


def done_card(text: str) -> Reply:
    """A short private confirmation for a policy change."""
    return Reply((Card(title="Spoiler policy updated", lines=(line(text),)),), ephemeral=True)
