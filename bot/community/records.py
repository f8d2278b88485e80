"""Community records: per-member progress, per-server settings, permission gaps, reports.

Plain frozen values shared by the store that keeps them, the horizons that read them
and the renderers that show them; nothing here knows how they are stored.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from bot.canon.episodes import EpisodeRef

ChannelKind = Literal["spoiler", "exempt"]
DEFAULT_EMBARGO_DAYS = 7


@dataclass(frozen=True)
class Progress:
    """How far a member has watched one series; ``episode`` None means caught up."""

    series: str  # the series' code ("" for For All Mankind)
    episode: EpisodeRef | None


@dataclass(frozen=True)
class ServerSettings:
    """What a server chose: its embargo, finale tagging, spoiler channels and the guard.

    The spoiler policy (``bot/spoilers/policy.py``) reads these as inputs; it decides.
    """

    guild_id: int
    embargo_days: int = DEFAULT_EMBARGO_DAYS
    tag_finales: bool = True
    guard_enabled: bool = False
    log_channel_id: int | None = None
    spoiler_channels: frozenset[int] = frozenset()
    exempt_channels: frozenset[int] = frozenset()
    exempt_roles: frozenset[int] = frozenset()
    terms: tuple[str, ...] = ()


@dataclass(frozen=True)
class MistakeReport:
    """A member's report of a mistake in the data, as stored."""

    id: int
    reporter_id: int
    guild_id: int | None
    channel_id: int | None
    message_id: int | None
    subject: str  # what the reply was about: "character:ed-baldwin", "episode:310"
    text: str
    source: str | None
    created_at: datetime
    logged: bool  # reached the server's mod log


@dataclass(frozen=True)
class PermissionGap:
    channel_id: int
    permission: str
    reported_at: datetime
    from_discord: bool  # Discord refused a request (not just the bot's own reading)
