"""Community data in SQLite: the embedded default, for one process (the file is locked).

Reads are answered from memory (``CommunityState``), loaded once when the store opens;
each write commits, then reads back what it changed inside the same unit of work and
puts that in memory. Writes change only what they are about (no read-modify-write), so
they stay correct whatever else runs beside them.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

import aiosqlite

from bot.canon.episodes import EpisodeRef
from bot.community.records import (
    ChannelKind,
    MistakeReport,
    PermissionGap,
    Progress,
    ServerSettings,
)
from bot.community.state import CommunityState
from bot.store.database import transaction


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class SqliteCommunity(CommunityState):
    """``CommunityStore`` on the bot's SQLite file."""

    def __init__(self, conn: aiosqlite.Connection) -> None:
        super().__init__()
        self._conn = conn

    async def load(self, *, fresh_look: bool = True) -> None:
        """Read every community row into memory (once, when the store opens).

        ``fresh_look``: a restart retries what Discord refused, so those gaps are
        forgotten (not when a tool opens the file beside a running bot)."""
        if fresh_look:
            async with transaction(self._conn) as conn:
                await conn.execute("DELETE FROM community_permission_gap WHERE source = 'discord'")
        users: dict[int, list[Progress]] = {}
        async with self._conn.execute(
            "SELECT user_id, series, episode_id FROM community_series_progress"
        ) as c:
            async for row in c:
                users.setdefault(row[0], []).append(_progress(row[1], row[2]))
        for user_id, progress in users.items():
            self.put_progress(user_id, progress)
        guilds: set[int] = set()
        for table in (
            "community_guild_policy",
            "community_channel",
            "community_exempt_role",
            "community_guard_term",
            "community_permission_gap",
        ):
            async with self._conn.execute(f"SELECT DISTINCT guild_id FROM {table}") as c:
                guilds.update([row[0] async for row in c])
        for guild_id in guilds:
            self.put_server(await _server(self._conn, guild_id))
            self.put_gaps(guild_id, await _gaps(self._conn, guild_id))

    # --- progress ----------------------------------------------------------------

    async def set_progress(self, user_id: int, series: str, episode: EpisodeRef | None) -> None:
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
            progress = await _user_progress(conn, user_id)
        self.put_progress(user_id, progress)

    async def clear_progress(self, user_id: int, series: str | None = None) -> bool:
        async with transaction(self._conn) as conn:
            cursor = await conn.execute(
                "DELETE FROM community_series_progress"
                " WHERE user_id = ? AND (? IS NULL OR series = ?)",
                (user_id, series, series),
            )
            progress = await _user_progress(conn, user_id)
        self.put_progress(user_id, progress)
        return cursor.rowcount > 0

    # --- server settings ---------------------------------------------------------

    async def update_server_settings(
        self,
        guild_id: int,
        *,
        embargo_days: int | None = None,
        tag_finales: bool | None = None,
        guard_enabled: bool | None = None,
        log_channel_id: int | Literal[False] | None = False,
    ) -> ServerSettings:
        default = ServerSettings(guild_id)
        set_log = log_channel_id is not False
        async with transaction(self._conn) as conn:
            # Each column changes only if it was given: two admins changing different
            # settings at once both get their way.
            await conn.execute(
                """INSERT INTO community_guild_policy
                       (guild_id, embargo_days, tag_finales, guard_enabled, log_channel_id,
                        updated_at)
                   VALUES (:guild, coalesce(:embargo, :d_embargo), coalesce(:finales, :d_finales),
                           coalesce(:guard, :d_guard), CASE WHEN :set_log THEN :log END, :now)
                   ON CONFLICT (guild_id) DO UPDATE SET
                       embargo_days = coalesce(:embargo, embargo_days),
                       tag_finales = coalesce(:finales, tag_finales),
                       guard_enabled = coalesce(:guard, guard_enabled),
                       log_channel_id = CASE WHEN :set_log THEN :log ELSE log_channel_id END,
                       updated_at = :now""",
                {
                    "guild": guild_id,
                    "embargo": embargo_days,
                    "finales": None if tag_finales is None else int(tag_finales),
                    "guard": None if guard_enabled is None else int(guard_enabled),
                    "log": log_channel_id if set_log else None,
                    "set_log": int(set_log),
                    "d_embargo": default.embargo_days,
                    "d_finales": int(default.tag_finales),
                    "d_guard": int(default.guard_enabled),
                    "now": _now(),
                },
            )
            updated = await _server(conn, guild_id)
        self.put_server(updated)
        return updated

    async def _change_list(self, guild_id: int, sql: str, params: tuple[object, ...]) -> bool:
        async with transaction(self._conn) as conn:
            cursor = await conn.execute(sql, params)
            updated = await _server(conn, guild_id)
        self.put_server(updated)
        return cursor.rowcount > 0

    async def set_channel(
        self, guild_id: int, channel_id: int, kind: ChannelKind, listed: bool
    ) -> bool:
        if listed:
            sql = "INSERT INTO community_channel VALUES (?, ?, ?) ON CONFLICT DO NOTHING"
        else:
            sql = "DELETE FROM community_channel WHERE guild_id = ? AND channel_id = ? AND kind = ?"
        return await self._change_list(guild_id, sql, (guild_id, channel_id, kind))

    async def set_exempt_role(self, guild_id: int, role_id: int, exempt: bool) -> bool:
        if exempt:
            sql = "INSERT INTO community_exempt_role VALUES (?, ?) ON CONFLICT DO NOTHING"
        else:
            sql = "DELETE FROM community_exempt_role WHERE guild_id = ? AND role_id = ?"
        return await self._change_list(guild_id, sql, (guild_id, role_id))

    async def add_term(self, guild_id: int, term: str, added_by: int) -> bool:
        return await self._change_list(
            guild_id,
            "INSERT INTO community_guard_term VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
            (guild_id, term, added_by, _now()),
        )

    async def remove_term(self, guild_id: int, term: str) -> bool:
        return await self._change_list(
            guild_id,
            "DELETE FROM community_guard_term WHERE guild_id = ? AND term = ?",
            (guild_id, term),
        )

    # --- permissions the bot lacks ----------------------------------------------

    async def note_permission_gaps(
        self, guild_id: int, channel_id: int, missing: Iterable[str], *, from_discord: bool
    ) -> list[str]:
        missing = list(missing)
        if all(self.knows_gap(guild_id, channel_id, p) for p in missing):
            return []  # the common case, answered from memory
        now = datetime.now(UTC).replace(microsecond=0).isoformat()
        source = "discord" if from_discord else "cache"
        new: list[str] = []
        async with transaction(self._conn) as conn:
            # Decided by the database: messages checked at the same moment must not
            # each report the same gap.
            for permission in missing:
                async with conn.execute(
                    "INSERT INTO community_permission_gap"
                    " (guild_id, channel_id, permission, reported_at, source)"
                    " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING permission",
                    (guild_id, channel_id, permission, now, source),
                ) as cursor:
                    new += [row[0] async for row in cursor]
            gaps = await _gaps(conn, guild_id)
        self.put_gaps(guild_id, gaps)
        return new

    async def clear_permission_gaps(self, guild_id: int, channel_id: int | None = None) -> None:
        held = self.permission_gaps(guild_id)
        if not any(channel_id is None or g.channel_id == channel_id for g in held):
            return  # nothing to forget: no write
        async with transaction(self._conn) as conn:
            await conn.execute(
                "DELETE FROM community_permission_gap"
                " WHERE guild_id = ? AND (? IS NULL OR channel_id = ?)",
                (guild_id, channel_id, channel_id),
            )
            gaps = await _gaps(conn, guild_id)
        self.put_gaps(guild_id, gaps)

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
        now = datetime.now(UTC).replace(microsecond=0)
        async with transaction(self._conn) as conn:
            # Counted inside the unit of work (BEGIN IMMEDIATE holds the write lock).
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
        stamp = since.isoformat() if since else None
        async with self._conn.execute(
            "SELECT * FROM community_report WHERE ? IS NULL OR created_at > ? ORDER BY id",
            (stamp, stamp),
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


def _progress(series: str, key: int | None) -> Progress:
    return Progress(series, EpisodeRef.from_key(key) if key is not None else None)


async def _user_progress(conn: aiosqlite.Connection, user_id: int) -> list[Progress]:
    async with conn.execute(
        "SELECT series, episode_id FROM community_series_progress WHERE user_id = ?", (user_id,)
    ) as c:
        return [_progress(row[0], row[1]) async for row in c]


async def _column(conn: aiosqlite.Connection, sql: str, guild_id: int) -> list[Any]:
    async with conn.execute(sql, (guild_id,)) as c:
        return [row[0] async for row in c]


async def _server(conn: aiosqlite.Connection, guild_id: int) -> ServerSettings:
    """A server's settings and lists as stored (the defaults where nothing is)."""
    async with conn.execute(
        "SELECT embargo_days, tag_finales, guard_enabled, log_channel_id"
        " FROM community_guild_policy WHERE guild_id = ?",
        (guild_id,),
    ) as c:
        row = await c.fetchone()
    policy = ServerSettings(guild_id)
    if row is not None:
        policy = ServerSettings(
            guild_id,
            embargo_days=row[0],
            tag_finales=bool(row[1]),
            guard_enabled=bool(row[2]),
            log_channel_id=row[3],
        )
    channels = "SELECT channel_id FROM community_channel WHERE guild_id = ? AND kind = "
    spoiler = await _column(conn, channels + "'spoiler'", guild_id)
    exempt = await _column(conn, channels + "'exempt'", guild_id)
    roles = await _column(
        conn, "SELECT role_id FROM community_exempt_role WHERE guild_id = ?", guild_id
    )
    terms = await _column(
        conn, "SELECT term FROM community_guard_term WHERE guild_id = ? ORDER BY term", guild_id
    )
    return ServerSettings(
        guild_id,
        embargo_days=policy.embargo_days,
        tag_finales=policy.tag_finales,
        guard_enabled=policy.guard_enabled,
        log_channel_id=policy.log_channel_id,
        spoiler_channels=frozenset(int(c) for c in spoiler),
        exempt_channels=frozenset(int(c) for c in exempt),
        exempt_roles=frozenset(int(r) for r in roles),
        terms=tuple(str(t) for t in terms if str(t).strip()),  # blanks: older bots stored them
    )


async def _gaps(conn: aiosqlite.Connection, guild_id: int) -> list[PermissionGap]:
    async with conn.execute(
        "SELECT channel_id, permission, reported_at, source FROM community_permission_gap"
        " WHERE guild_id = ?",
        (guild_id,),
    ) as c:
        return [
            PermissionGap(row[0], row[1], datetime.fromisoformat(row[2]), row[3] == "discord")
            async for row in c
        ]
