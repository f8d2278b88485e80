"""The in-memory copy of community data that every read is answered from.

Both storage backends keep one. Each write replaces what it changed: a member's
progress (every series at once), a server's settings with its lists, or a server's
permission gaps. When several processes share a database, a change can reach a
process twice and out of order (its own write, then another process's notice), so
each entry carries the version the database gave it and an older one never replaces
a newer one.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from bot.canon.episodes import EpisodeRef
from bot.community.records import PermissionGap, Progress, ServerSettings

# What one version counts changes of: a member's progress, a server's settings and
# lists, a server's permission gaps, a server's guard sensitivity (the review band's,
# held by its own store: bot/store/postgres/review.py).
Scope = Literal["user", "guild", "gaps", "sensitivity"]
SCOPES: tuple[Scope, ...] = ("user", "guild", "gaps", "sensitivity")


class CommunityState:
    """Reads from memory; ``put_*`` replaces one entry unless it holds a newer version."""

    def __init__(self) -> None:
        self._progress: dict[int, dict[str, Progress]] = {}  # user -> series code -> progress
        self._servers: dict[int, ServerSettings] = {}
        self._gaps: dict[int, dict[tuple[int, str], PermissionGap]] = {}
        self._versions: dict[tuple[Scope, int], int] = {}

    # --- reads ---------------------------------------------------------------------

    def progress(self, user_id: int, series: str = "") -> Progress | None:
        return self._progress.get(user_id, {}).get(series)

    def every_progress(self, user_id: int) -> tuple[Progress, ...]:
        return tuple(self._progress.get(user_id, {}).values())

    def horizons(self, user_id: int) -> frozenset[EpisodeRef]:
        return frozenset(
            p.episode for p in self._progress.get(user_id, {}).values() if p.episode is not None
        )

    def server_settings(self, guild_id: int) -> ServerSettings:
        return self._servers.get(guild_id) or ServerSettings(guild_id)

    def permission_gaps(self, guild_id: int) -> list[PermissionGap]:
        return sorted(
            self._gaps.get(guild_id, {}).values(), key=lambda g: (g.channel_id, g.permission)
        )

    def knows_gap(self, guild_id: int, channel_id: int, permission: str) -> bool:
        return (channel_id, permission) in self._gaps.get(guild_id, {})

    def version(self, scope: Scope, key: int) -> int:
        """The version of the entry held (0: none held, or kept without versions)."""
        return self._versions.get((scope, key), 0)

    # --- replacing entries -------------------------------------------------------------

    def _newer(self, scope: Scope, key: int, version: int | None) -> bool:
        """Whether ``version`` may replace what is held (None: a store without versions,
        whose writes all come from this process in order)."""
        if version is None:
            return True
        if version <= self._versions.get((scope, key), 0):
            return False
        self._versions[(scope, key)] = version
        return True

    def put_progress(
        self, user_id: int, progress: Iterable[Progress], version: int | None = None
    ) -> bool:
        """Every series' progress of one member (an empty list: none set)."""
        if not self._newer("user", user_id, version):
            return False
        rows = {p.series: p for p in progress}
        if rows:
            self._progress[user_id] = rows
        else:
            self._progress.pop(user_id, None)
        return True

    def put_server(self, settings: ServerSettings, version: int | None = None) -> bool:
        if not self._newer("guild", settings.guild_id, version):
            return False
        if settings == ServerSettings(settings.guild_id):
            self._servers.pop(settings.guild_id, None)
        else:
            self._servers[settings.guild_id] = settings
        return True

    def put_gaps(
        self, guild_id: int, gaps: Iterable[PermissionGap], version: int | None = None
    ) -> bool:
        if not self._newer("gaps", guild_id, version):
            return False
        held = {(g.channel_id, g.permission): g for g in gaps}
        if held:
            self._gaps[guild_id] = held
        else:
            self._gaps.pop(guild_id, None)
        return True

    def counts(self) -> tuple[int, int, int]:
        """Members with progress, servers with settings, servers with gaps (for logs)."""
        return len(self._progress), len(self._servers), len(self._gaps)
