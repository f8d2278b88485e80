"""The review band's store in PostgreSQL (``GuardReviewStore``), shared by every process.

A server's threshold is held in memory, versioned like the rest of community data
(scope ``sensitivity``): ``set_threshold`` bumps and announces it in its transaction, and
the other processes, told by the change feed (``PostgresCommunity`` hands these notices
on), read it again. Reviews are read when worked on.

The first decision wins across processes: ``decide`` is one ``UPDATE … WHERE label IS
NULL``; a second moderator's update waits on the row lock, then finds it decided and
changes nothing. ``open_review`` is an insert that does nothing when the message is on
record already, so one card is posted per message whichever process saw it.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any, TypeVar

import asyncpg

from bot.community.review import Label, Review
from bot.community.review_store import EXAMPLES_KEPT, OPEN_DAYS
from bot.community.store import StorageUnavailable
from bot.store.postgres.database import where
from bot.store.postgres.journal import _TRANSIENT
from bot.store.postgres.listener import BUMP, CHANNEL

if TYPE_CHECKING:
    from bot.store.postgres.database import Connection

log = logging.getLogger(__name__)

T = TypeVar("T")
WRITE_ATTEMPTS = 3
RETRY_SECONDS = 0.2

_THRESHOLD = """SELECT (SELECT version FROM community_version
                        WHERE scope = 'sensitivity' AND key = $1),
                       (SELECT threshold FROM community_guard_sensitivity WHERE guild_id = $1)"""


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def _review(row: Any) -> Review:
    return Review(
        message_id=row["message_id"],
        guild_id=row["guild_id"],
        channel_id=row["channel_id"],
        author_id=row["author_id"],
        content=row["content"],
        score=row["score"],
        threshold=row["threshold"],
        rules=tuple(json.loads(row["rules"])),
        seen_at=row["seen_at"].astimezone(UTC),
        log_message_id=row["log_message_id"],
        label=row["label"],
        decided_by=row["decided_by"],
        decided_at=row["decided_at"].astimezone(UTC) if row["decided_at"] else None,
    )


class PostgresGuardReview:
    """``GuardReviewStore`` on PostgreSQL; opened and fed change notices by
    ``PostgresCommunity`` (it shares that store's connections)."""

    def __init__(self, url: str, pool: asyncpg.Pool) -> None:
        self._url = url
        self._pool = pool
        self._thresholds: dict[int, float] = {}
        self._versions: dict[int, int] = {}

    # --- keeping memory current -------------------------------------------------------

    def version(self, guild_id: int) -> int:
        return self._versions.get(guild_id, 0)

    def _put(self, guild_id: int, threshold: float | None, version: int | None) -> None:
        """Keep ``threshold`` unless a newer one is held (news may arrive in any order)."""
        if version is not None:
            if version <= self._versions.get(guild_id, 0):
                return
            self._versions[guild_id] = version
        if threshold is None:
            self._thresholds.pop(guild_id, None)
        else:
            self._thresholds[guild_id] = float(threshold)

    async def load(self) -> None:
        """Read every server's threshold (at start, and after the change feed had a gap)."""
        async with (
            self._pool.acquire() as conn,
            conn.transaction(isolation="repeatable_read", readonly=True),
        ):
            versions = await conn.fetch(
                "SELECT key, version FROM community_version WHERE scope = 'sensitivity'"
            )
            rows = await conn.fetch("SELECT guild_id, threshold FROM community_guard_sensitivity")
        thresholds = {r[0]: float(r[1]) for r in rows}
        for key, version in versions:
            self._put(key, thresholds.get(key), version)
        for guild_id, threshold in thresholds.items():  # copied in without a version row
            if guild_id not in self._versions:
                self._put(guild_id, threshold, None)

    async def refresh(self, guild_id: int) -> None:
        """Read one server's threshold as it is now (a change notice's work)."""
        async with self._pool.acquire() as conn:
            row = await conn.fetchrow(_THRESHOLD, guild_id)
        assert row is not None  # the query selects exactly one row
        self._put(guild_id, row[1], row[0])

    async def _run(self, work: Callable[[Connection], Awaitable[T]], *, write: bool = True) -> T:
        """``work`` in one transaction, retried when the connection failed."""
        attempts = WRITE_ATTEMPTS if write else 1
        for attempt in range(1, attempts + 1):
            try:
                async with self._pool.acquire() as conn, conn.transaction():
                    return await work(conn)
            except _TRANSIENT as error:
                if attempt == attempts:
                    raise StorageUnavailable(where(self._url)) from error
                log.info("PostgreSQL write failed (%s); retrying", error.__class__.__name__)
                await asyncio.sleep(RETRY_SECONDS * attempt)
        raise AssertionError("unreachable")

    # --- sensitivity -------------------------------------------------------------------

    def threshold(self, guild_id: int) -> float | None:
        return self._thresholds.get(guild_id)

    async def set_threshold(self, guild_id: int, threshold: float | None, set_by: int) -> None:
        async def work(conn: Connection) -> tuple[int, float | None]:
            await conn.fetchval(BUMP, "sensitivity", guild_id, CHANNEL)
            if threshold is None:
                await conn.execute(
                    "DELETE FROM community_guard_sensitivity WHERE guild_id = $1", guild_id
                )
            else:
                await conn.execute(
                    """INSERT INTO community_guard_sensitivity
                           (guild_id, threshold, set_by, updated_at) VALUES ($1, $2, $3, now())
                       ON CONFLICT (guild_id) DO UPDATE SET threshold = excluded.threshold,
                           set_by = excluded.set_by, updated_at = excluded.updated_at""",
                    guild_id,
                    threshold,
                    set_by,
                )
            row = await conn.fetchrow(_THRESHOLD, guild_id)
            assert row is not None
            return row[0], row[1]

        version, stored = await self._run(work)
        self._put(guild_id, stored, version)  # committed: now it may be served

    # --- reviews -----------------------------------------------------------------------

    async def open_review(self, review: Review) -> bool:
        async def work(conn: Connection) -> bool:
            status = await conn.execute(
                """INSERT INTO community_guard_review
                       (message_id, guild_id, channel_id, author_id, content, score,
                        threshold, rules, seen_at)
                   VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                   ON CONFLICT (message_id) DO NOTHING""",
                review.message_id,
                review.guild_id,
                review.channel_id,
                review.author_id,
                review.content,
                review.score,
                review.threshold,
                json.dumps(list(review.rules)),
                review.seen_at,
            )
            return bool(status == "INSERT 0 1")

        return await self._run(work)

    async def revise(
        self, message_id: int, content: str, score: float, rules: tuple[str, ...]
    ) -> bool:
        async def work(conn: Connection) -> bool:
            status = await conn.execute(
                """UPDATE community_guard_review SET content = $1, score = $2, rules = $3
                   WHERE message_id = $4 AND label IS NULL""",
                content,
                score,
                json.dumps(list(rules)),
                message_id,
            )
            return bool(status != "UPDATE 0")

        return await self._run(work)

    async def card_posted(self, message_id: int, log_message_id: int) -> None:
        async def work(conn: Connection) -> None:
            await conn.execute(
                "UPDATE community_guard_review SET log_message_id = $1 WHERE message_id = $2",
                log_message_id,
                message_id,
            )

        await self._run(work)

    async def get(self, message_id: int) -> Review | None:
        async def work(conn: Connection) -> Review | None:
            row = await conn.fetchrow(
                "SELECT * FROM community_guard_review WHERE message_id = $1", message_id
            )
            return _review(row) if row is not None else None

        return await self._run(work, write=False)

    async def decide(
        self,
        message_id: int,
        label: Label,
        decided_by: int,
        *,
        content: str | None = None,
        keep: int = EXAMPLES_KEPT,
    ) -> Review | None:
        async def work(conn: Connection) -> Review | None:
            row = await conn.fetchrow(
                """UPDATE community_guard_review
                   SET label = $1, decided_by = $2, decided_at = $3,
                       content = coalesce($4, content)
                   WHERE message_id = $5 AND label IS NULL
                   RETURNING *""",
                label,
                decided_by,
                _now(),
                content,
                message_id,
            )
            if row is None:
                return None
            await conn.execute(
                """DELETE FROM community_guard_review WHERE guild_id = $1 AND label IS NOT NULL
                   AND message_id NOT IN (
                       SELECT message_id FROM community_guard_review
                       WHERE guild_id = $1 AND label IS NOT NULL
                       ORDER BY decided_at DESC, message_id DESC LIMIT $2)""",
                row["guild_id"],
                keep,
            )
            return _review(row)

        return await self._run(work)

    async def examples(self, guild_id: int, limit: int = EXAMPLES_KEPT) -> list[Review]:
        async def work(conn: Connection) -> list[Review]:
            rows = await conn.fetch(
                """SELECT * FROM community_guard_review
                   WHERE guild_id = $1 AND label IS NOT NULL
                   ORDER BY decided_at DESC, message_id DESC LIMIT $2""",
                guild_id,
                limit,
            )
            return [_review(r) for r in rows]

        return await self._run(work, write=False)

    async def counts(self, guild_id: int) -> tuple[int, int]:
        async def work(conn: Connection) -> tuple[int, int]:
            row = await conn.fetchrow(
                """SELECT count(*) FILTER (WHERE label IS NULL),
                          count(*) FILTER (WHERE label IS NOT NULL)
                   FROM community_guard_review WHERE guild_id = $1""",
                guild_id,
            )
            return (int(row[0]), int(row[1])) if row else (0, 0)

        return await self._run(work, write=False)

    async def prune(self, now: datetime | None = None, days: int = OPEN_DAYS) -> int:
        cutoff = (now or _now()) - timedelta(days=days)

        async def work(conn: Connection) -> int:
            status = await conn.execute(
                "DELETE FROM community_guard_review WHERE label IS NULL AND seen_at < $1",
                cutoff,
            )
            return int(status.split()[-1])

        return await self._run(work)
