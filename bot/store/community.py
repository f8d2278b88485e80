"""The community repository: per-user progress and per-server settings, in SQLite.

Everything here is read on every reply and every autocomplete keystroke, so it is
held in memory: loaded once when the store opens, and updated after each write.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import Literal

import aiosqlite

from bot.canon.episodes import EpisodeRef
from bot.community.records import (
    ChannelKind,
    MistakeReport,
    PermissionGap,
    Progress,
    ServerSettings,
)
from bot.store.database import transaction


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class CommunityRepository:
    def __init__(self, conn: aiosqlite.Connection) -> None:
        self._conn = conn
        self._progress: dict[int, dict[str, Progress]] = {}  # user -> series code -> progress
        self._servers: dict[int, ServerSettings] = {}
        self._gaps: dict[int, dict[tuple[int, str], PermissionGap]] = {}

    async def load(self) -> None:
        """Read every community row into memory (called once, when the store opens)."""
        progress: dict[int, dict[str, Progress]] = {}
        async with self._conn.execute(
            "SELECT user_id, series, episode_id FROM community_series_progress"
        ) as c:
            async for row in c:
                episode = EpisodeRef.from_key(row[2]) if row[2] is not None else None
                progress.setdefault(row[0], {})[row[1]] = Progress(row[1], episode)
        self._progress = progress
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
            terms=tuple(str(t) for t in terms if str(t).strip()),  # blanks: older bots stored them
        )

    # --- progress ----------------------------------------------------------------

    def progress(self, user_id: int, series: str = "") -> Progress | None:
        """How far the member has watched ``series``; None if they have not said."""
        return self._progress.get(user_id, {}).get(series)

    def every_progress(self, user_id: int) -> tuple[Progress, ...]:
        return tuple(self._progress.get(user_id, {}).values())

    def horizons(self, user_id: int) -> frozenset[EpisodeRef]:
        """The last episode seen of each series the member set progress for (not caught up)."""
        return frozenset(
            p.episode for p in self._progress.get(user_id, {}).values() if p.episode is not None
        )

    async def set_progress(self, user_id: int, series: str, episode: EpisodeRef | None) -> None:
        """``episode`` None: caught up with ``series``."""
        if episode is not None and episode.series != series:
            raise ValueError(f"{episode.code} is not an episode of series {series!r}")
        async with transaction(self._conn) as conn:
            await conn.execute(
                """INSERT INTO community_series_progress (user_id, series, episode_id, updated_at)
                   VALUES (?, ?, ?, ?)
                   ON CONFLICT (user_id, series) DO UPDATE
                   SET episode_id = excluded.episode_id, updated_at = excluded.updated_at""",
                (user_id, series, episode.key if episode else None, _now()),
            )
        self._progress.setdefault(user_id, {})[series] = Progress(series, episode)

    async def clear_progress(self, user_id: int, series: str | None = None) -> bool:
        """Forget one series' progress, or (``series`` None) all of it."""
        async with transaction(self._conn) as conn:
            cursor = await conn.execute(
                "DELETE FROM community_series_progress"
                " WHERE user_id = ? AND (? IS NULL OR series = ?)",
                (user_id, series, series),
            )
        kept = self._progress.get(user_id, {})
        if series is None:
            kept.clear()
        else:
            kept.pop(series, None)
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

    # --- reports of mistakes -------------------------------------------------------

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
        within ``window`` (counted inside the unit of work, so two at once cannot both
        slip under it)."""
        now = datetime.now(UTC).replace(microsecond=0)
        async with transaction(self._conn) as conn:
            async with conn.execute(
                "SELECT count(*) FROM community_report WHERE reporter_id = ? AND created_at > ?",
                (reporter_id, (now - window).isoformat()),
            ) as cursor:
                row = await cursor.fetchone()
            if row is not None and int(row[0]) >= limit:
                return None
            cursor = await conn.execute(
                """INSERT INTO community_report
                       (reporter_id, guild_id, channel_id, message_id, subject, text, source,
                        created_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                (
                    reporter_id,
                    guild_id,
                    channel_id,
                    message_id,
                    subject,
                    text,
                    source,
                    now.isoformat(),
                ),
            )
            report_id = cursor.lastrowid
        assert report_id is not None
        return report_id

    async def reports_sent_since(self, reporter_id: int, since: datetime) -> int:
        async with self._conn.execute(
            "SELECT count(*) FROM community_report WHERE reporter_id = ? AND created_at > ?",
            (reporter_id, since.replace(microsecond=0).isoformat()),
        ) as cursor:
            row = await cursor.fetchone()
        return int(row[0]) if row else 0

    async def mark_report_logged(self, report_id: int) -> None:
        async with transaction(self._conn) as conn:
            await conn.execute("UPDATE community_report SET logged = 1 WHERE id = ?", (report_id,))

    async def reports(self, since: datetime | None = None) -> list[MistakeReport]:
        """Stored reports, oldest first (all of them, or those after ``since``)."""
        async with self._conn.execute(
            "SELECT * FROM community_report WHERE ? IS NULL OR created_at > ? ORDER BY id",
            (since.isoformat() if since else None, since.isoformat() if since else None),
        ) as cursor:
            rows = await cursor.fetchall()
        return [
            MistakeReport(
                id=row["id"],
                reporter_id=row["reporter_id"],
                guild_id=row["guild_id"],
                channel_id=row["channel_id"],
                message_id=row["message_id"],
                subject=row["subject"],
                text=row["text"],
                source=row["source"],
                created_at=datetime.fromisoformat(row["created_at"]),
                logged=bool(row["logged"]),
            )
            for row in rows
        ]
