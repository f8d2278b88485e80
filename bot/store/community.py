"""The community repository: per-user progress and per-server settings, in SQLite.

Everything here is read on every reply and every autocomplete keystroke, so it is
held in memory: loaded once when the store opens, and updated after each write.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Literal

import aiosqlite

from bot.canon.episodes import EpisodeRef
from bot.community.records import ChannelKind, PermissionGap, Progress, ServerSettings
from bot.store.database import transaction


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class CommunityRepository:
    def __init__(self, conn: aiosqlite.Connection) -> None:
        self._conn = conn
        self._progress: dict[int, Progress] = {}
        self._servers: dict[int, ServerSettings] = {}
        self._gaps: dict[int, dict[tuple[int, str], PermissionGap]] = {}

    async def load(self) -> None:
        """Read every community row into memory (called once, when the store opens)."""
        async with self._conn.execute("SELECT user_id, episode_id FROM community_progress") as c:
            self._progress = {
                row[0]: Progress(EpisodeRef.from_key(row[1]) if row[1] is not None else None)
                async for row in c
            }
        servers: dict[int, ServerSettings] = {}
        async with self._conn.execute("SELECT * FROM community_guild_policy") as c:
            async for row in c:
                servers[row["guild_id"]] = ServerSettings(
                    guild_id=row["guild_id"],
                    embargo_days=row["embargo_days"],
                    tag_finales=bool(row["tag_finales"]),
                    guard_enabled=bool(row["guard_enabled"]),
                    log_channel_id=row["log_channel_id"],
                )
        self._servers = servers
        for guild_id in await self._guilds_with_rows():
            await self._refresh_lists(guild_id)
        # A restart is a fresh look: gaps Discord reported get one more try.
        async with transaction(self._conn) as conn:
            await conn.execute("DELETE FROM community_permission_gap WHERE source = 'discord'")
        async with self._conn.execute("SELECT * FROM community_permission_gap") as c:
            async for row in c:
                gap = PermissionGap(
                    row["channel_id"],
                    row["permission"],
                    datetime.fromisoformat(row["reported_at"]),
                    from_discord=False,
                )
                self._gaps.setdefault(row["guild_id"], {})[(gap.channel_id, gap.permission)] = gap

    async def _guilds_with_rows(self) -> set[int]:
        found: set[int] = set()
        for table in ("community_channel", "community_exempt_role", "community_guard_term"):
            async with self._conn.execute(f"SELECT DISTINCT guild_id FROM {table}") as c:
                found.update([row[0] async for row in c])
        return found

    async def _refresh_lists(self, guild_id: int) -> None:
        async def column(sql: str) -> list[int | str]:
            async with self._conn.execute(sql, (guild_id,)) as c:
                return [row[0] async for row in c]

        spoiler = await column(
            "SELECT channel_id FROM community_channel WHERE guild_id = ? AND kind = 'spoiler'"
        )
        exempt = await column(
            "SELECT channel_id FROM community_channel WHERE guild_id = ? AND kind = 'exempt'"
        )
        roles = await column("SELECT role_id FROM community_exempt_role WHERE guild_id = ?")
        terms = await column(
            "SELECT term FROM community_guard_term WHERE guild_id = ? ORDER BY term"
        )
        self._servers[guild_id] = dataclasses.replace(
            self.server_settings(guild_id),
            spoiler_channels=frozenset(int(c) for c in spoiler),
            exempt_channels=frozenset(int(c) for c in exempt),
            exempt_roles=frozenset(int(r) for r in roles),
            terms=tuple(str(t) for t in terms),
        )

    # --- progress ----------------------------------------------------------------

    def progress(self, user_id: int) -> Progress | None:
        return self._progress.get(user_id)

    async def set_progress(self, user_id: int, episode: EpisodeRef | None) -> None:
        async with transaction(self._conn) as conn:
            await conn.execute(
                """INSERT INTO community_progress (user_id, episode_id, updated_at)
                   VALUES (?, ?, ?)
                   ON CONFLICT (user_id) DO UPDATE
                   SET episode_id = excluded.episode_id, updated_at = excluded.updated_at""",
                (user_id, episode.key if episode else None, _now()),
            )
        self._progress[user_id] = Progress(episode)

    async def clear_progress(self, user_id: int) -> bool:
        async with transaction(self._conn) as conn:
            cursor = await conn.execute(
                "DELETE FROM community_progress WHERE user_id = ?", (user_id,)
            )
        self._progress.pop(user_id, None)
        return cursor.rowcount > 0

    # --- server settings ---------------------------------------------------------

    def server_settings(self, guild_id: int) -> ServerSettings:
        return self._servers.get(guild_id) or ServerSettings(guild_id)

    async def update_server_settings(
        self,
        guild_id: int,
        *,
        embargo_days: int | None = None,
        tag_finales: bool | None = None,
        guard_enabled: bool | None = None,
        log_channel_id: int | Literal[False] | None = False,  # False: leave as it is
    ) -> ServerSettings:
        async with transaction(self._conn) as conn:
            # Read inside the unit of work: two changes at once must not undo each other.
            current = self.server_settings(guild_id)
            updated = dataclasses.replace(
                current,
                embargo_days=current.embargo_days if embargo_days is None else embargo_days,
                tag_finales=current.tag_finales if tag_finales is None else tag_finales,
                guard_enabled=current.guard_enabled if guard_enabled is None else guard_enabled,
                log_channel_id=current.log_channel_id
                if log_channel_id is False
                else log_channel_id,
            )
            await conn.execute(
                """INSERT INTO community_guild_policy
                       (guild_id, embargo_days, tag_finales, guard_enabled, log_channel_id,
                        updated_at)
                   VALUES (?, ?, ?, ?, ?, ?)
                   ON CONFLICT (guild_id) DO UPDATE SET
                       embargo_days = excluded.embargo_days,
                       tag_finales = excluded.tag_finales,
                       guard_enabled = excluded.guard_enabled,
                       log_channel_id = excluded.log_channel_id,
                       updated_at = excluded.updated_at""",
                (
                    guild_id,
                    updated.embargo_days,
                    int(updated.tag_finales),
                    int(updated.guard_enabled),
                    updated.log_channel_id,
                    _now(),
                ),
            )
            self._servers[guild_id] = updated
        return updated

    async def set_channel(
        self, guild_id: int, channel_id: int, kind: ChannelKind, listed: bool
    ) -> bool:
        """Add or remove a spoiler or exempt channel; False if nothing changed."""
        async with transaction(self._conn) as conn:
            if listed:
                cursor = await conn.execute(
                    "INSERT OR IGNORE INTO community_channel VALUES (?, ?, ?)",
                    (guild_id, channel_id, kind),
                )
            else:
                cursor = await conn.execute(
                    "DELETE FROM community_channel"
                    " WHERE guild_id = ? AND channel_id = ? AND kind = ?",
                    (guild_id, channel_id, kind),
                )
        await self._refresh_lists(guild_id)
        return cursor.rowcount > 0

    async def set_exempt_role(self, guild_id: int, role_id: int, exempt: bool) -> bool:
        async with transaction(self._conn) as conn:
            if exempt:
                cursor = await conn.execute(
                    "INSERT OR IGNORE INTO community_exempt_role VALUES (?, ?)", (guild_id, role_id)
                )
            else:
                cursor = await conn.execute(
                    "DELETE FROM community_exempt_role WHERE guild_id = ? AND role_id = ?",
                    (guild_id, role_id),
                )
        await self._refresh_lists(guild_id)
        return cursor.rowcount > 0

    async def add_term(self, guild_id: int, term: str, added_by: int) -> bool:
        async with transaction(self._conn) as conn:
            cursor = await conn.execute(
                "INSERT OR IGNORE INTO community_guard_term VALUES (?, ?, ?, ?)",
                (guild_id, term, added_by, _now()),
            )
        await self._refresh_lists(guild_id)
        return cursor.rowcount > 0

    async def remove_term(self, guild_id: int, term: str) -> bool:
        async with transaction(self._conn) as conn:
            cursor = await conn.execute(
                "DELETE FROM community_guard_term WHERE guild_id = ? AND term = ?",
                (guild_id, term),
            )
        await self._refresh_lists(guild_id)
        return cursor.rowcount > 0

    # --- permissions the bot lacks ----------------------------------------------

    def permission_gaps(self, guild_id: int) -> list[PermissionGap]:
        return sorted(
            self._gaps.get(guild_id, {}).values(), key=lambda g: (g.channel_id, g.permission)
        )

    async def note_permission_gaps(
        self, guild_id: int, channel_id: int, missing: Iterable[str], *, from_discord: bool
    ) -> list[str]:
        """Remember missing permissions; return the ones not reported before."""
        known = self._gaps.setdefault(guild_id, {})
        missing = list(missing)
        if all((channel_id, p) in known for p in missing):
            return []
        now = datetime.now(UTC).replace(microsecond=0)
        source = "discord" if from_discord else "cache"
        async with transaction(self._conn) as conn:
            # Decided inside the unit of work: messages checked at the same moment
            # must not each report the same gap.
            new = [p for p in missing if (channel_id, p) not in known]
            await conn.executemany(
                "INSERT OR IGNORE INTO community_permission_gap"
                " (guild_id, channel_id, permission, reported_at, source)"
                " VALUES (?, ?, ?, ?, ?)",
                [(guild_id, channel_id, p, now.isoformat(), source) for p in new],
            )
            for permission in new:
                known[(channel_id, permission)] = PermissionGap(
                    channel_id, permission, now, from_discord
                )
        return new

    async def clear_permission_gaps(self, guild_id: int, channel_id: int | None = None) -> None:
        """Forget the gaps of one channel, or of the whole server."""
        known = self._gaps.get(guild_id, {})
        doomed = [k for k in known if channel_id is None or k[0] == channel_id]
        if not doomed:
            return
        async with transaction(self._conn) as conn:
            await conn.execute(
                "DELETE FROM community_permission_gap"
                " WHERE guild_id = ? AND (? IS NULL OR channel_id = ?)",
                (guild_id, channel_id, channel_id),
            )
        for key in doomed:
            del known[key]
