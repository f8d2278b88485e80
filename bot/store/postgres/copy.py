"""Moving a bot's community data from its SQLite file into PostgreSQL, once.

``python -m bot migrate --from-sqlite data/fambot.sqlite3``: for a bot that grew out of
one process. Everything members and servers told the bot is copied in one transaction
(progress, settings and lists, permission gaps, the guard's record and its journal,
mistake reports),
with every version bumped so running processes pick it up. PostgreSQL must hold no
community data yet: copying twice, or over a live database, is refused.
"""

from __future__ import annotations

import asyncio
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import aiosqlite

from bot.store.database import StoreError, connect
from bot.store.postgres.database import require_current
from bot.store.postgres.listener import CHANNEL, RELOAD

if TYPE_CHECKING:
    from bot.store.postgres.database import Connection

# SQLite table -> its columns, in the order PostgreSQL's table takes them.
TABLES = {
    "community_series_progress": ("user_id", "series", "episode_id", "updated_at"),
    "community_guild_policy": (
        "guild_id",
        "embargo_days",
        "tag_finales",
        "guard_enabled",
        "log_channel_id",
        "updated_at",
    ),
    "community_channel": ("guild_id", "channel_id", "kind"),
    "community_exempt_role": ("guild_id", "role_id"),
    "community_guard_term": ("guild_id", "term", "added_by", "created_at"),
    "community_permission_gap": ("guild_id", "channel_id", "permission", "reported_at", "source"),
    "community_guard_action": (
        "guild_id",
        "channel_id",
        "author_id",
        "message_id",
        "repost_id",
        "reason",
        "acted_at",
    ),
    "community_report": (
        "reporter_id",
        "guild_id",
        "channel_id",
        "message_id",
        "subject",
        "text",
        "source",
        "created_at",
        "logged",
    ),
    # The guard's journal: entries still unfinished are resumed by the first process
    # to start on PostgreSQL (they belong to no live process).
    "community_guard_journal": (
        "message_id",
        "guild_id",
        "channel_id",
        "host_id",
        "author_id",
        "author_name",
        "avatar_url",
        "content",
        "revision",
        "reply_to",
        "reply_channel",
        "reply_author",
        "attachments",
        "reason",
        "rules",
        "edited",
        "moderator",
        "state",
        "outcome",
        "hide_attempts",
        "repost_after",
        "sent_text",
        "webhook_id",
        "repost_id",
        "repost_stale",
        "reported",
        "seen_at",
        "updated_at",
    ),
    "community_guard_file": ("message_id", "position", "filename", "data"),
    "community_guard_mark": ("channel_id", "guild_id", "message_id"),
    "community_guard_since": ("guild_id", "message_id"),
    "community_guard_notice": ("message_id", "channel_id", "delete_at"),
    "community_guard_sensitivity": ("guild_id", "threshold", "set_by", "updated_at"),
    "community_guard_review": (
        "message_id",
        "guild_id",
        "channel_id",
        "author_id",
        "content",
        "score",
        "threshold",
        "rules",
        "log_message_id",
        "seen_at",
        "label",
        "decided_by",
        "decided_at",
    ),
}
_TIMES = {"updated_at", "created_at", "reported_at", "acted_at", "revision", "seen_at"}
_TIMES |= {"delete_at", "decided_at"}
_FLAGS = {"tag_finales", "guard_enabled", "logged", "edited", "moderator", "repost_stale"}
_FLAGS |= {"reported"}


def _value(column: str, value: object) -> object:
    if column in _TIMES and isinstance(value, str):
        return datetime.fromisoformat(value)
    if column in _FLAGS and value is not None:
        return bool(value)
    return value


async def copy_from_sqlite(path: Path, conn: Connection) -> dict[str, int]:
    """Copy every community row of the SQLite file at ``path``; return rows per table."""
    if not await asyncio.to_thread(path.exists):
        raise StoreError(f"{path} does not exist: nothing to copy.")
    await require_current(conn)
    source = await connect(path)  # migrates an older file first, like a start would
    try:
        copied: dict[str, int] = {}
        async with conn.transaction():
            for table in TABLES:
                if await conn.fetchval(f"SELECT count(*) FROM {table}"):
                    raise StoreError(
                        f"PostgreSQL already holds community data ({table} is not empty): "
                        "copying is for a new database only."
                    )
            for table, columns in TABLES.items():
                rows = await _rows(source, table, columns)
                if rows:
                    await conn.copy_records_to_table(table, records=rows, columns=list(columns))
                copied[table] = len(rows)
            await conn.execute(
                """INSERT INTO community_version (scope, key, version)
                   SELECT 'user', user_id, 1 FROM community_series_progress
                   UNION SELECT 'guild', guild_id, 1 FROM community_guild_policy
                   UNION SELECT 'guild', guild_id, 1 FROM community_channel
                   UNION SELECT 'guild', guild_id, 1 FROM community_exempt_role
                   UNION SELECT 'guild', guild_id, 1 FROM community_guard_term
                   UNION SELECT 'gaps', guild_id, 1 FROM community_permission_gap
                   UNION SELECT 'sensitivity', guild_id, 1 FROM community_guard_sensitivity
                   ON CONFLICT DO NOTHING"""
            )
            # Any process already running reloads everything.
            await conn.execute("SELECT pg_notify($1, $2)", CHANNEL, RELOAD)
        return copied
    finally:
        await source.close()


async def _rows(
    source: aiosqlite.Connection, table: str, columns: tuple[str, ...]
) -> list[tuple[object, ...]]:
    async with source.execute(f"SELECT {', '.join(columns)} FROM {table}") as cursor:
        return [
            tuple(_value(c, v) for c, v in zip(columns, row, strict=True)) async for row in cursor
        ]
