"""The review band's store in SQLite (``GuardReviewStore``, bot/community/review_store.py):
each server's sensitivity (held in memory, read for every message the guard checks) and
the messages it asked the moderators about."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import aiosqlite

from bot.community.review import Label, Review
from bot.community.review_store import EXAMPLES_KEPT, OPEN_DAYS
from bot.store.database import transaction


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def _review(row: aiosqlite.Row) -> Review:
    return Review(
        message_id=row["message_id"],
        guild_id=row["guild_id"],
        channel_id=row["channel_id"],
        author_id=row["author_id"],
        content=row["content"],
        score=row["score"],
        threshold=row["threshold"],
        rules=tuple(json.loads(row["rules"])),
        seen_at=datetime.fromisoformat(row["seen_at"]),
        log_message_id=row["log_message_id"],
        label=row["label"],
        decided_by=row["decided_by"],
        decided_at=datetime.fromisoformat(row["decided_at"]) if row["decided_at"] else None,
    )


class GuardReviewRepository:
    def __init__(self, conn: aiosqlite.Connection) -> None:
        self._conn = conn
        self._thresholds: dict[int, float] = {}

    async def load(self) -> None:
        """Read every server's sensitivity into memory, and forget undecided reviews past
        their time (when the store opens)."""
        await self.prune()
        async with self._conn.execute(
            "SELECT guild_id, threshold FROM community_guard_sensitivity"
        ) as cursor:
            self._thresholds = {row[0]: float(row[1]) async for row in cursor}

    # --- sensitivity -------------------------------------------------------------------

    def threshold(self, guild_id: int) -> float | None:
        """The server's own threshold; None: it never set one (the guard's default)."""
        return self._thresholds.get(guild_id)

    async def set_threshold(self, guild_id: int, threshold: float | None, set_by: int) -> None:
        """Set the server's threshold; None returns it to the default."""
        async with transaction(self._conn) as conn:
            if threshold is None:
                await conn.execute(
                    "DELETE FROM community_guard_sensitivity WHERE guild_id = ?", (guild_id,)
                )
            else:
                await conn.execute(
                    """INSERT INTO community_guard_sensitivity
                           (guild_id, threshold, set_by, updated_at) VALUES (?, ?, ?, ?)
                       ON CONFLICT (guild_id) DO UPDATE SET threshold = excluded.threshold,
                           set_by = excluded.set_by, updated_at = excluded.updated_at""",
                    (guild_id, threshold, set_by, _now().isoformat()),
                )
        if threshold is None:
            self._thresholds.pop(guild_id, None)
        else:
            self._thresholds[guild_id] = threshold

    # --- reviews -----------------------------------------------------------------------

    async def open_review(self, review: Review) -> bool:
        """Remember a message the guard is unsure about; False if it already is (an edit,
        or the same event twice): the moderators are asked once per message."""
        async with transaction(self._conn) as conn:
            cursor = await conn.execute(
                """INSERT OR IGNORE INTO community_guard_review
                       (message_id, guild_id, channel_id, author_id, content, score,
                        threshold, rules, seen_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (
                    review.message_id,
                    review.guild_id,
                    review.channel_id,
                    review.author_id,
                    review.content,
                    review.score,
                    review.threshold,
                    json.dumps(list(review.rules)),
                    review.seen_at.isoformat(),
                ),
            )
        return cursor.rowcount > 0

    async def revise(
        self, message_id: int, content: str, score: float, rules: tuple[str, ...]
    ) -> bool:
        """An undecided review's message was edited: keep the newer text and score."""
        async with transaction(self._conn) as conn:
            cursor = await conn.execute(
                """UPDATE community_guard_review SET content = ?, score = ?, rules = ?
                   WHERE message_id = ? AND label IS NULL""",
                (content, score, json.dumps(list(rules)), message_id),
            )
        return cursor.rowcount > 0

    async def card_posted(self, message_id: int, log_message_id: int) -> None:
        async with transaction(self._conn) as conn:
            await conn.execute(
                "UPDATE community_guard_review SET log_message_id = ? WHERE message_id = ?",
                (log_message_id, message_id),
            )

    async def get(self, message_id: int) -> Review | None:
        async with self._conn.execute(
            "SELECT * FROM community_guard_review WHERE message_id = ?", (message_id,)
        ) as cursor:
            row = await cursor.fetchone()
        return _review(row) if row is not None else None

    async def decide(
        self,
        message_id: int,
        label: Label,
        decided_by: int,
        *,
        content: str | None = None,
        keep: int = EXAMPLES_KEPT,
    ) -> Review | None:
        """Record a moderator's decision; None when it was decided already (two presses
        at once: the first one counts) or is not on record. ``content``: the text as the
        moderator saw it, when it changed since the guard asked. The server's oldest
        examples beyond ``keep`` go in the same unit of work."""
        async with transaction(self._conn) as conn:
            async with conn.execute(
                """UPDATE community_guard_review
                   SET label = ?, decided_by = ?, decided_at = ?, content = coalesce(?, content)
                   WHERE message_id = ? AND label IS NULL
                   RETURNING *""",
                (label, decided_by, _now().isoformat(), content, message_id),
            ) as cursor:
                row = await cursor.fetchone()
            if row is None:
                return None
            await conn.execute(
                """DELETE FROM community_guard_review WHERE guild_id = ? AND label IS NOT NULL
                   AND message_id NOT IN (
                       SELECT message_id FROM community_guard_review
                       WHERE guild_id = ? AND label IS NOT NULL
                       ORDER BY decided_at DESC, message_id DESC LIMIT ?)""",
                (row["guild_id"], row["guild_id"], keep),
            )
        return _review(row)

    async def examples(self, guild_id: int, limit: int = EXAMPLES_KEPT) -> list[Review]:
        """The server's decided reviews, newest first."""
        async with self._conn.execute(
            """SELECT * FROM community_guard_review WHERE guild_id = ? AND label IS NOT NULL
               ORDER BY decided_at DESC, message_id DESC LIMIT ?""",
            (guild_id, limit),
        ) as cursor:
            return [_review(row) async for row in cursor]

    async def counts(self, guild_id: int) -> tuple[int, int]:
        """(undecided, decided) reviews of the server."""
        async with self._conn.execute(
            """SELECT count(*) FILTER (WHERE label IS NULL),
                      count(*) FILTER (WHERE label IS NOT NULL)
               FROM community_guard_review WHERE guild_id = ?""",
            (guild_id,),
        ) as cursor:
            row = await cursor.fetchone()
        return (int(row[0]), int(row[1])) if row else (0, 0)

    async def prune(self, now: datetime | None = None, days: int = OPEN_DAYS) -> int:
        """Forget undecided reviews older than ``days``; return how many."""
        cutoff = (now or _now()) - timedelta(days=days)
        async with transaction(self._conn) as conn:
            cursor = await conn.execute(
                "DELETE FROM community_guard_review WHERE label IS NULL AND seen_at < ?",
                (cutoff.isoformat(),),
            )
        return cursor.rowcount
