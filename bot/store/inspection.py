"""Looking at the database without changing it, for ``python -m bot check``."""

from __future__ import annotations

import asyncio
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import aiosqlite

from bot.store.canon import CanonRepository
from bot.store.database import migrations, quick_check, schema_version
from bot.store.file_checks import StoreError, check_database_path, describe_sqlite_error, problem


@dataclass(frozen=True)
class Inspection:
    exists: bool
    schema: int  # PRAGMA user_version; 0 for a file that does not exist yet
    latest: int  # the schema this fambot migrates to
    fingerprint: str | None  # the stored canon's version
    incomplete: str | None  # why the stored canon is not whole (None: whole, or none yet)
    members: int  # members with progress saved
    servers: int  # servers with a policy saved


def _has_content(path: Path) -> bool:
    """Check the path as start-up would, creating nothing; False: no database yet."""
    check_database_path(path, create_folder=False)
    return path.exists() and path.stat().st_size > 0


async def inspect_database(path: Path) -> Inspection:
    """What start-up would find in the file; StoreError for anything that stops it."""
    latest = migrations()[-1].version
    if not await asyncio.to_thread(_has_content, path):
        return Inspection(False, 0, latest, None, None, 0, 0)
    try:
        # Not mode=ro: a read-only connection to a WAL database leaves -wal and -shm
        # files behind, while the last ordinary connection to close removes them.
        conn = await aiosqlite.connect(path)
    except sqlite3.Error as error:
        raise describe_sqlite_error(path, error) from None
    conn.row_factory = aiosqlite.Row
    try:
        await conn.execute("PRAGMA query_only = ON")  # this connection never writes
        await quick_check(conn, path)
        schema = await schema_version(conn)
        if schema > latest:
            raise problem(
                path,
                f"is at schema version {schema}, newer than this fambot knows ({latest})",
                "upgrade fambot, or set FAMBOT_DATABASE to another file",
            )
        if schema < latest:  # tables may be missing until start-up migrates
            return Inspection(True, schema, latest, None, None, 0, 0)
        canon = CanonRepository(conn)
        fingerprint = await canon.fingerprint()
        incomplete = await canon.incompleteness() if fingerprint else None
        members = await _count(
            conn, "SELECT count(DISTINCT user_id) FROM community_series_progress"
        )
        servers = await _count(conn, "SELECT count(*) FROM community_guild_policy")
        return Inspection(True, schema, latest, fingerprint, incomplete, members, servers)
    except sqlite3.Error as error:
        raise describe_sqlite_error(path, error) from None
    finally:
        await conn.close()


async def _count(conn: aiosqlite.Connection, sql: str) -> int:
    async with conn.execute(sql) as cursor:
        row = await cursor.fetchone()
    return int(row[0]) if row else 0


__all__ = ["Inspection", "StoreError", "inspect_database"]
