"""Community data in PostgreSQL, shared by every fambot process.

Reads are answered from memory, as with SQLite: autocomplete and replies never wait on
the network. Each write is one transaction that

1. bumps the version row of what it changes (``community_version``), which also makes
   two writers of the same member or server take turns, so nothing is read, changed and
   written back over someone else's change;
2. changes only what it is about (``ON CONFLICT`` upserts: repeating it is harmless);
3. reads back the whole entry it changed, and announces ``scope:key:version`` with
   ``pg_notify`` (delivered to every listening process when the transaction commits).

This process puts what it read back in memory at once; the others hear the notice and
read the entry themselves (``ChangeListener``). Versions make the order news arrives in
irrelevant: memory only ever moves to a newer version.
"""

from __future__ import annotations

import asyncio
import json
import logging
import secrets
from collections import defaultdict
from collections.abc import Awaitable, Callable, Iterable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any, Literal, TypeVar

import asyncpg

from bot.canon.episodes import EpisodeRef
from bot.community.records import (
    ChannelKind,
    MistakeReport,
    PermissionGap,
    Progress,
    ServerSettings,
)
from bot.community.state import CommunityState, Scope
from bot.community.store import StorageUnavailable
from bot.settings import Shards
from bot.store.postgres.database import open_pool, require_current, where
from bot.store.postgres.review import PostgresGuardReview

if TYPE_CHECKING:
    from bot.store.postgres.database import Connection
from bot.store.postgres.listener import BUMP, CHANNEL, Change, ChangeListener

log = logging.getLogger(__name__)

T = TypeVar("T")
WRITE_ATTEMPTS = 3  # a connection the server dropped is replaced on the next attempt
RETRY_SECONDS = 0.2

# The connection is gone or the server is not answering: worth another attempt.
_TRANSIENT = (
    OSError,
    asyncio.TimeoutError,
    asyncpg.InterfaceError,
    asyncpg.ConnectionDoesNotExistError,
    asyncpg.CannotConnectNowError,
    asyncpg.AdminShutdownError,
    asyncpg.TooManyConnectionsError,
    asyncpg.SerializationError,
    asyncpg.DeadlockDetectedError,
)


_USER = """SELECT (SELECT version FROM community_version WHERE scope = 'user' AND key = $1),
                  ARRAY(SELECT series FROM community_series_progress
                        WHERE user_id = $1 ORDER BY series),
                  ARRAY(SELECT episode_id FROM community_series_progress
                        WHERE user_id = $1 ORDER BY series)"""

_SERVER = """SELECT (SELECT version FROM community_version WHERE scope = 'guild' AND key = $1),
                    p.embargo_days, p.tag_finales, p.guard_enabled, p.log_channel_id,
                    ARRAY(SELECT channel_id FROM community_channel
                          WHERE guild_id = $1 AND kind = 'spoiler'),
                    ARRAY(SELECT channel_id FROM community_channel
                          WHERE guild_id = $1 AND kind = 'exempt'),
                    ARRAY(SELECT role_id FROM community_exempt_role WHERE guild_id = $1),
                    ARRAY(SELECT term FROM community_guard_term WHERE guild_id = $1 ORDER BY term)
             FROM (SELECT $1::bigint AS guild_id) AS g
             LEFT JOIN community_guild_policy AS p USING (guild_id)"""

_GAPS = """SELECT (SELECT version FROM community_version WHERE scope = 'gaps' AND key = $1),
                  coalesce((SELECT json_agg(json_build_object(
                                'channel', channel_id, 'permission', permission,
                                'at', reported_at, 'source', source))
                            FROM community_permission_gap WHERE guild_id = $1), '[]')"""


def _stamp(moment: str) -> datetime:
    return datetime.fromisoformat(moment).astimezone(UTC)


def _progress(series: str, key: int | None) -> Progress:
    return Progress(series, EpisodeRef.from_key(key) if key is not None else None)


def _server(guild_id: int, row: asyncpg.Record) -> ServerSettings:
    default = ServerSettings(guild_id)
    return ServerSettings(
        guild_id,
        embargo_days=default.embargo_days if row[1] is None else row[1],
        tag_finales=default.tag_finales if row[2] is None else row[2],
        guard_enabled=default.guard_enabled if row[3] is None else row[3],
        log_channel_id=row[4],
        spoiler_channels=frozenset(row[5]),
        exempt_channels=frozenset(row[6]),
        exempt_roles=frozenset(row[7]),
        terms=tuple(row[8]),
    )


def _gaps(raw: str) -> list[PermissionGap]:
    return [
        PermissionGap(g["channel"], g["permission"], _stamp(g["at"]), g["source"] == "discord")
        for g in json.loads(raw)
    ]


class PostgresCommunity(CommunityState):
    """``CommunityStore`` on a PostgreSQL database shared by many processes."""

    def __init__(self, url: str, pool: asyncpg.Pool, shards: Shards | None) -> None:
        super().__init__()
        self._url = url
        self._pool = pool
        self._shards = shards
        self._pending: set[tuple[Scope, int]] = set()
        self._wake = asyncio.Event()
        self._refresher: asyncio.Task[None] | None = None
        # This process, as the guard's journal knows it (present while the listener is).
        self.worker = secrets.randbelow(2**31 - 2) + 1
        self.listener = ChangeListener(url, self._heard, self.load, self.worker)
        # The review band's store: its servers' thresholds travel on this change feed.
        self.review = PostgresGuardReview(url, pool)

    @classmethod
    async def open(
        cls,
        url: str,
        *,
        wait_seconds: float,
        shards: Shards | None = None,
        fresh_look: bool = True,
    ) -> PostgresCommunity:
        """Connect (waiting up to ``wait_seconds`` for the server), check the schema,
        start listening, then load: a change made meanwhile is heard, not missed.
        ``fresh_look``: a starting bot forgets what Discord refused (a tool does not)."""
        pool = await open_pool(url, wait_seconds)
        store = cls(url, pool, shards)
        try:
            async with pool.acquire() as conn:
                await require_current(conn)
            await store.listener.start(wait_seconds)
            store._refresher = asyncio.create_task(store._refresh_loop(), name="fambot-refresh")
            if fresh_look:
                await store._fresh_look()
                await store.review.prune()  # undecided reviews past their time, as SQLite
            await store.load()
        except BaseException:
            await store.close()
            raise
        log.info("Community data shared through PostgreSQL at %s", where(url))
        return store

    @property
    def url(self) -> str:
        return self._url

    @property
    def pool(self) -> asyncpg.Pool:
        """The write connections, shared with the guard's journal."""
        return self._pool

    async def close(self) -> None:
        await self.listener.close()
        if self._refresher is not None:
            self._refresher.cancel()
            await asyncio.gather(self._refresher, return_exceptions=True)
            self._refresher = None
        await self._pool.close()

    # --- keeping memory current -------------------------------------------------------

    async def load(self) -> None:
        """Read everything in one consistent snapshot; keep whatever is newer (the
        review band's thresholds in a snapshot of their own: versions keep them right)."""
        await self._load_community()
        await self.review.load()

    async def _load_community(self) -> None:
        async with (
            self._pool.acquire() as conn,
            conn.transaction(isolation="repeatable_read", readonly=True),
        ):
            versions: dict[tuple[Scope, int], int] = {
                (r[0], r[1]): r[2]
                for r in await conn.fetch(
                    "SELECT scope, key, version FROM community_version"
                    " WHERE scope IN ('user', 'guild', 'gaps')"
                )
            }
            users: dict[int, list[Progress]] = defaultdict(list)
            for r in await conn.fetch(
                "SELECT user_id, series, episode_id FROM community_series_progress"
            ):
                users[r[0]].append(_progress(r[1], r[2]))
            policies = {r[0]: r for r in await conn.fetch("SELECT * FROM community_guild_policy")}
            lists: dict[int, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
            for r in await conn.fetch("SELECT guild_id, channel_id, kind FROM community_channel"):
                lists[r[0]][r[2]].append(r[1])
            for r in await conn.fetch("SELECT guild_id, role_id FROM community_exempt_role"):
                lists[r[0]]["role"].append(r[1])
            for r in await conn.fetch(
                "SELECT guild_id, term FROM community_guard_term ORDER BY term"
            ):
                lists[r[0]]["term"].append(r[1])
            gaps: dict[int, list[PermissionGap]] = defaultdict(list)
            for r in await conn.fetch("SELECT * FROM community_permission_gap"):
                gaps[r["guild_id"]].append(
                    PermissionGap(
                        r["channel_id"],
                        r["permission"],
                        r["reported_at"].astimezone(UTC),
                        r["source"] == "discord",
                    )
                )
        wanted: dict[Scope, set[int]] = {"user": set(users), "guild": set(), "gaps": set(gaps)}
        wanted["guild"].update(policies, lists)
        for scope, key in versions:
            wanted[scope].add(key)  # kept, though now empty (progress cleared, say)
        for user_id in wanted["user"]:
            self.put_progress(user_id, users.get(user_id, []), versions.get(("user", user_id)))
        for guild_id in wanted["guild"]:
            policy, listed = policies.get(guild_id), lists.get(guild_id, {})
            default = ServerSettings(guild_id)
            settings = ServerSettings(
                guild_id,
                embargo_days=policy["embargo_days"] if policy else default.embargo_days,
                tag_finales=policy["tag_finales"] if policy else default.tag_finales,
                guard_enabled=policy["guard_enabled"] if policy else default.guard_enabled,
                log_channel_id=policy["log_channel_id"] if policy else None,
                spoiler_channels=frozenset(listed.get("spoiler", ())),
                exempt_channels=frozenset(listed.get("exempt", ())),
                exempt_roles=frozenset(listed.get("role", ())),
                terms=tuple(listed.get("term", ())),
            )
            self.put_server(settings, versions.get(("guild", guild_id)))
        for guild_id in wanted["gaps"]:
            self.put_gaps(guild_id, gaps.get(guild_id, []), versions.get(("gaps", guild_id)))

    def _heard(self, change: Change) -> None:
        scope, key, version = change
        held = self.review.version(key) if scope == "sensitivity" else self.version(scope, key)
        if version <= held:
            return  # this process made the change, or already read something newer
        self._pending.add((scope, key))
        self._wake.set()

    async def _refresh_loop(self) -> None:
        while True:
            await self._wake.wait()
            self._wake.clear()
            batch, self._pending = self._pending, set()
            for scope, key in batch:
                try:
                    await self.refresh(scope, key)
                except Exception:  # the feed will reconnect and reload if it matters
                    log.warning("Could not read a changed %s %s; will retry", scope, key)
                    self._pending.add((scope, key))
            if self._pending:
                await asyncio.sleep(RETRY_SECONDS)
                self._wake.set()

    async def refresh(self, scope: Scope, key: int) -> None:
        """Read one entry as it is now and keep it if newer (a notice's work)."""
        if scope == "sensitivity":
            await self.review.refresh(key)
            return
        async with self._pool.acquire() as conn:
            keep = await self._read_back(conn, scope, key)
        keep()

    async def _read_back(self, conn: Connection, scope: Scope, key: int) -> Callable[[], bool]:
        """Read one entry; return what puts it in memory (called once it is committed)."""
        query = {"user": _USER, "guild": _SERVER, "gaps": _GAPS}[scope]
        row = await conn.fetchrow(query, key)
        assert row is not None  # each query selects exactly one row
        version: int | None = row[0]
        if scope == "user":
            progress = [_progress(s, e) for s, e in zip(row[1], row[2], strict=True)]
            return lambda: self.put_progress(key, progress, version)
        if scope == "guild":
            settings = _server(key, row)
            return lambda: self.put_server(settings, version)
        gaps = _gaps(row[1])
        return lambda: self.put_gaps(key, gaps, version)

    # --- units of work -----------------------------------------------------------------

    async def _write(
        self,
        work: Callable[[Connection], Awaitable[T]],
        changes: Iterable[tuple[Scope, int]] = (),
        *,
        attempts: int = WRITE_ATTEMPTS,
    ) -> T:
        """Run ``work`` in one transaction that bumps, reads back and announces each of
        ``changes``; retried when the connection failed (the work is idempotent)."""
        changed = list(changes)
        for attempt in range(1, attempts + 1):
            try:
                async with self._pool.acquire() as conn, conn.transaction():
                    for scope, key in changed:
                        await conn.fetchval(BUMP, scope, key, CHANNEL)
                    result = await work(conn)
                    keep = [await self._read_back(conn, s, k) for s, k in changed]
                for put in keep:  # committed: now it may be served
                    put()
                return result
            except _TRANSIENT as error:
                if attempt == attempts:
                    raise StorageUnavailable(where(self._url)) from error
                log.info("PostgreSQL write failed (%s); retrying", error.__class__.__name__)
                await asyncio.sleep(RETRY_SECONDS * attempt)
        raise AssertionError("unreachable")

    async def _read(self, work: Callable[[Connection], Awaitable[T]]) -> T:
        try:
            async with self._pool.acquire() as conn:
                return await work(conn)
        except _TRANSIENT as error:
            raise StorageUnavailable(where(self._url)) from error

    async def _fresh_look(self) -> None:
        """A restart retries what Discord refused: forget those gaps, in this process's
        servers only (the other processes' servers are theirs to judge)."""

        async def forget(conn: Connection) -> list[int]:
            if self._shards is None:
                rows = await conn.fetch(
                    "DELETE FROM community_permission_gap WHERE source = 'discord'"
                    " RETURNING guild_id"
                )
            else:
                rows = await conn.fetch(
                    "DELETE FROM community_permission_gap WHERE source = 'discord'"
                    " AND (guild_id >> 22) % $1 = ANY($2::int[]) RETURNING guild_id",
                    self._shards.count,
                    list(self._shards.ids),
                )
            return sorted({r[0] for r in rows})

        guilds = await self._write(forget)
        if guilds:
            await self._write(_nothing, [("gaps", g) for g in guilds])

    # --- progress ----------------------------------------------------------------

    async def set_progress(self, user_id: int, series: str, episode: EpisodeRef | None) -> None:
        if episode is not None and episode.series != series:
            raise ValueError(f"{episode.code} is not an episode of series {series!r}")

        async def work(conn: Connection) -> None:
            await conn.execute(
                """INSERT INTO community_series_progress (user_id, series, episode_id)
                   VALUES ($1, $2, $3)
                   ON CONFLICT (user_id, series) DO UPDATE
                   SET episode_id = excluded.episode_id, updated_at = now()""",
                user_id,
                series,
                episode.key if episode else None,
            )

        await self._write(work, [("user", user_id)])

    async def clear_progress(self, user_id: int, series: str | None = None) -> bool:
        async def work(conn: Connection) -> bool:
            deleted = await conn.fetch(
                "DELETE FROM community_series_progress"
                " WHERE user_id = $1 AND ($2::text IS NULL OR series = $2) RETURNING series",
                user_id,
                series,
            )
            return bool(deleted)

        return await self._write(work, [("user", user_id)])

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

        async def work(conn: Connection) -> None:
            # Each column changes only if it was given: two admins changing different
            # settings at once (from two processes, even) both get their way.
            await conn.execute(
                """INSERT INTO community_guild_policy AS p
                       (guild_id, embargo_days, tag_finales, guard_enabled, log_channel_id)
                   VALUES ($1, coalesce($2::integer, $6::integer),
                           coalesce($3::boolean, $7::boolean), coalesce($4::boolean, $8::boolean),
                           CASE WHEN $9::boolean THEN $5::bigint END)
                   ON CONFLICT (guild_id) DO UPDATE SET
                       embargo_days = coalesce($2::integer, p.embargo_days),
                       tag_finales = coalesce($3::boolean, p.tag_finales),
                       guard_enabled = coalesce($4::boolean, p.guard_enabled),
                       log_channel_id = CASE WHEN $9::boolean THEN $5::bigint
                                             ELSE p.log_channel_id END,
                       updated_at = now()""",
                guild_id,
                embargo_days,
                tag_finales,
                guard_enabled,
                log_channel_id if set_log else None,
                default.embargo_days,
                default.tag_finales,
                default.guard_enabled,
                set_log,
            )

        await self._write(work, [("guild", guild_id)])
        return self.server_settings(guild_id)

    async def _change_list(self, guild_id: int, sql: str, *args: object) -> bool:
        async def work(conn: Connection) -> bool:
            return bool(await conn.fetch(sql, *args))

        return await self._write(work, [("guild", guild_id)])

    async def set_channel(
        self, guild_id: int, channel_id: int, kind: ChannelKind, listed: bool
    ) -> bool:
        if listed:
            sql = (
                "INSERT INTO community_channel VALUES ($1, $2, $3)"
                " ON CONFLICT DO NOTHING RETURNING 1"
            )
        else:
            sql = (
                "DELETE FROM community_channel"
                " WHERE guild_id = $1 AND channel_id = $2 AND kind = $3 RETURNING 1"
            )
        return await self._change_list(guild_id, sql, guild_id, channel_id, kind)

    async def set_exempt_role(self, guild_id: int, role_id: int, exempt: bool) -> bool:
        if exempt:
            sql = (
                "INSERT INTO community_exempt_role VALUES ($1, $2)"
                " ON CONFLICT DO NOTHING RETURNING 1"
            )
        else:
            sql = (
                "DELETE FROM community_exempt_role WHERE guild_id = $1 AND role_id = $2 RETURNING 1"
            )
        return await self._change_list(guild_id, sql, guild_id, role_id)

    async def add_term(self, guild_id: int, term: str, added_by: int) -> bool:
        return await self._change_list(
            guild_id,
            "INSERT INTO community_guard_term (guild_id, term, added_by) VALUES ($1, $2, $3)"
            " ON CONFLICT DO NOTHING RETURNING 1",
            guild_id,
            term,
            added_by,
        )

    async def remove_term(self, guild_id: int, term: str) -> bool:
        return await self._change_list(
            guild_id,
            "DELETE FROM community_guard_term WHERE guild_id = $1 AND term = $2 RETURNING 1",
            guild_id,
            term,
        )

    # --- permissions the bot lacks ----------------------------------------------

    async def note_permission_gaps(
        self, guild_id: int, channel_id: int, missing: Iterable[str], *, from_discord: bool
    ) -> list[str]:
        missing = list(missing)
        if all(self.knows_gap(guild_id, channel_id, p) for p in missing):
            return []  # the common case, answered from memory

        async def work(conn: Connection) -> list[str]:
            # The database decides what is new: each gap is reported once, however
            # many messages (in however many processes) find it at the same moment.
            rows = await conn.fetch(
                """INSERT INTO community_permission_gap
                       (guild_id, channel_id, permission, reported_at, source)
                   SELECT $1, $2, p, date_trunc('second', now()), $4 FROM unnest($3::text[]) AS p
                   ON CONFLICT DO NOTHING RETURNING permission""",
                guild_id,
                channel_id,
                missing,
                "discord" if from_discord else "cache",
            )
            return [str(r[0]) for r in rows]

        return await self._write(work, [("gaps", guild_id)])

    async def clear_permission_gaps(self, guild_id: int, channel_id: int | None = None) -> None:
        held = self.permission_gaps(guild_id)
        if not any(channel_id is None or g.channel_id == channel_id for g in held):
            return  # nothing to forget: no write

        async def work(conn: Connection) -> None:
            await conn.execute(
                "DELETE FROM community_permission_gap"
                " WHERE guild_id = $1 AND ($2::bigint IS NULL OR channel_id = $2)",
                guild_id,
                channel_id,
            )

        await self._write(work, [("gaps", guild_id)])

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
        async def work(conn: Connection) -> int | None:
            # One member's reports are counted and written in turn, whichever
            # process each comes through: two at once cannot both slip under the limit.
            await conn.execute(
                "SELECT pg_advisory_xact_lock(hashtextextended('report:' || $1::bigint::text, 0))",
                reporter_id,
            )
            sent = await conn.fetchval(
                "SELECT count(*) FROM community_report"
                " WHERE reporter_id = $1 AND created_at > now() - $2::interval",
                reporter_id,
                window,
            )
            if int(sent) >= limit:
                return None
            report_id = await conn.fetchval(
                """INSERT INTO community_report
                       (reporter_id, guild_id, channel_id, message_id, subject, text, source,
                        created_at)
                   VALUES ($1, $2, $3, $4, $5, $6, $7, date_trunc('second', now()))
                   RETURNING id""",
                reporter_id,
                guild_id,
                channel_id,
                message_id,
                subject,
                text,
                source,
            )
            return int(report_id)

        return await self._write(work, attempts=1)  # not idempotent: never filed twice

    async def reports_sent_since(self, reporter_id: int, since: datetime) -> int:
        async def work(conn: Connection) -> int:
            return int(
                await conn.fetchval(
                    "SELECT count(*) FROM community_report"
                    " WHERE reporter_id = $1 AND created_at > $2",
                    reporter_id,
                    since.replace(microsecond=0),
                )
            )

        return await self._read(work)

    async def mark_report_logged(self, report_id: int) -> None:
        async def work(conn: Connection) -> None:
            await conn.execute("UPDATE community_report SET logged = true WHERE id = $1", report_id)

        await self._write(work)

    async def reports(self, since: datetime | None = None) -> list[MistakeReport]:
        async def work(conn: Connection) -> list[MistakeReport]:
            rows = await conn.fetch(
                "SELECT * FROM community_report"
                " WHERE $1::timestamptz IS NULL OR created_at > $1 ORDER BY id",
                since,
            )
            return [_report(row) for row in rows]

        return await self._read(work)


def _report(row: Any) -> MistakeReport:
    return MistakeReport(
        id=row["id"],
        reporter_id=row["reporter_id"],
        guild_id=row["guild_id"],
        channel_id=row["channel_id"],
        message_id=row["message_id"],
        subject=row["subject"],
        text=row["text"],
        source=row["source"],
        created_at=row["created_at"].astimezone(UTC),
        logged=row["logged"],
    )


async def _nothing(conn: Connection) -> None:
    return None
