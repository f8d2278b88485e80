"""The seam between the bot and wherever community data is kept.

Horizons, cogs and tools depend on ``CommunityStore`` only. Two implementations stand
behind it: SQLite in one process (``bot/store/community.py``, the default) and PostgreSQL
shared by many (``bot/store/postgres/community.py``). Both answer reads from memory, so
autocomplete and replies never wait on a disk or a network; writes are transactional,
and safe when several processes make them at once.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Literal, Protocol

from bot.canon.episodes import EpisodeRef
from bot.community.records import (
    ChannelKind,
    MistakeReport,
    PermissionGap,
    Progress,
    ServerSettings,
)


class StorageUnavailable(Exception):
    """The shared database could not be reached to save a change (after retrying).

    Reads keep working from memory; the member is told to try again shortly.
    """

    def __init__(self, where: str) -> None:
        super().__init__(f"the community database at {where} is out of reach")


class CommunityStore(Protocol):
    """Members' progress, servers' settings, the guard's record and mistake reports."""

    # --- reads: answered from memory, never waiting ------------------------------

    def progress(self, user_id: int, series: str = "") -> Progress | None:
        """How far the member has watched ``series``; None if they have not said."""
        ...

    def every_progress(self, user_id: int) -> tuple[Progress, ...]: ...

    def horizons(self, user_id: int) -> frozenset[EpisodeRef]:
        """The last episode seen of each series the member set progress for."""
        ...

    def server_settings(self, guild_id: int) -> ServerSettings: ...

    def permission_gaps(self, guild_id: int) -> list[PermissionGap]: ...

    # --- progress ------------------------------------------------------------------

    async def set_progress(self, user_id: int, series: str, episode: EpisodeRef | None) -> None:
        """``episode`` None: caught up with ``series``."""
        ...

    async def clear_progress(self, user_id: int, series: str | None = None) -> bool:
        """Forget one series' progress, or (``series`` None) all of it; False if none."""
        ...

    # --- server settings -------------------------------------------------------------

    async def update_server_settings(
        self,
        guild_id: int,
        *,
        embargo_days: int | None = None,
        tag_finales: bool | None = None,
        guard_enabled: bool | None = None,
        log_channel_id: int | Literal[False] | None = False,  # False: leave as it is
    ) -> ServerSettings:
        """Change only the settings given (None or False: leave as it is)."""
        ...

    async def set_channel(
        self, guild_id: int, channel_id: int, kind: ChannelKind, listed: bool
    ) -> bool:
        """Add or remove a spoiler or exempt channel; False if nothing changed."""
        ...

    async def set_exempt_role(self, guild_id: int, role_id: int, exempt: bool) -> bool: ...

    async def add_term(self, guild_id: int, term: str, added_by: int) -> bool: ...

    async def remove_term(self, guild_id: int, term: str) -> bool: ...

    # --- permissions the bot lacks --------------------------------------------------

    async def note_permission_gaps(
        self, guild_id: int, channel_id: int, missing: Iterable[str], *, from_discord: bool
    ) -> list[str]:
        """Remember missing permissions; return the ones not reported before (each gap
        is returned once, however many processes note it at the same moment)."""
        ...

    async def clear_permission_gaps(self, guild_id: int, channel_id: int | None = None) -> None:
        """Forget the gaps of one channel, or of the whole server."""
        ...

    # --- reports of mistakes ---------------------------------------------------------

    async def file_report(
        self,
        *,
        reporter_id: int,
        guild_id: int | None,
        channel_id: int | None,
        message_id: int | None,
        subject: str,
        text: str,
        source: str | None,
        limit: int,
        window: timedelta,
    ) -> int | None:
        """Store a report and return its id; None when the member already sent ``limit``
        within ``window`` (counted so that two at once cannot both slip under it)."""
        ...

    async def reports_sent_since(self, reporter_id: int, since: datetime) -> int: ...

    async def mark_report_logged(self, report_id: int) -> None: ...

    async def reports(self, since: datetime | None = None) -> list[MistakeReport]:
        """Stored reports, oldest first (all of them, or those after ``since``)."""
        ...
