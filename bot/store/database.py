"""Opening the SQLite file: pragmas, numbered migrations, and transactions."""

from __future__ import annotations

import asyncio
import logging
import re
import sqlite3
import weakref
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import aiosqlite

from bot.store.file_checks import (
    StoreError,
    check_database_path,
    damaged,
    describe_sqlite_error,
    problem,
)

__all__ = [
    "StoreError",
    "connect",
    "connect_memory",
    "connect_to_read",
    "migrate",
    "transaction",
]

log = logging.getLogger(__name__)

LOCK_WAIT_SECONDS = 5.0  # a write waits this long for another process's lock (busy_timeout)
_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def migrations(package: str = "bot.store.migrations") -> list[Migration]:
    """The packaged migrations in order; versions must run 1, 2, 3 ... without gaps."""
    found: list[Migration] = []
    for item in resources.files(package).iterdir():
        match = _MIGRATION_NAME.match(item.name)
        if match:
            found.append(Migration(int(match.group(1)), item.name, item.read_text("utf-8")))
    found.sort(key=lambda m: m.version)
    for expected, migration in enumerate(found, 1):
        if migration.version != expected:
            raise StoreError(f"migration {migration.name} is out of sequence (expected {expected})")
    return found


async def connect(path: Path, lock_wait: float = LOCK_WAIT_SECONDS) -> aiosqlite.Connection:
    """Open (creating if needed) the database, check it, set pragmas, and migrate it.
    ``lock_wait``: seconds a write waits for another process holding the write lock.

    Any problem is a StoreError naming the file, the problem and the fix; the
    connection never outlives a failure (its thread would keep the process alive).
    """
    check_database_path(path)
    try:
        # isolation_level=None: we issue BEGIN/COMMIT ourselves, one per unit of work.
        conn = await aiosqlite.connect(path, isolation_level=None)
    except sqlite3.Error as error:
        raise describe_sqlite_error(path, error) from None
    try:
        conn.row_factory = aiosqlite.Row
        await conn.execute(f"PRAGMA busy_timeout = {round(lock_wait * 1000)}")
        await quick_check(conn, path)  # before anything writes to the file
        await conn.execute("PRAGMA journal_mode = WAL")
        await conn.execute("PRAGMA foreign_keys = ON")
        await conn.execute("PRAGMA synchronous = NORMAL")
        await migrate(conn)
        # Take the write lock once: a read-only file or another process holding the
        # database shows here, not in the first member's command.
        await conn.execute("BEGIN IMMEDIATE")
        await conn.rollback()
    except sqlite3.Error as error:
        await conn.close()
        raise describe_sqlite_error(path, error) from None
    except BaseException:
        await conn.close()
        raise
    return conn


async def connect_memory() -> aiosqlite.Connection:
    """A private in-memory database for the canon alone (community data elsewhere):
    no file, no community migrations; the canon schema is built when content loads."""
    conn = await aiosqlite.connect(":memory:", isolation_level=None)
    try:
        conn.row_factory = aiosqlite.Row
        await conn.execute("PRAGMA foreign_keys = ON")
    except BaseException:
        await conn.close()
        raise
    return conn


def _has_content(path: Path) -> bool:
    """Check the path as start-up would, creating nothing; False: no database yet."""
    check_database_path(path, create_folder=False)
    return path.is_file() and path.stat().st_size > 0


async def connect_to_read(path: Path) -> aiosqlite.Connection:
    """Open an existing, migrated database for reading only.

    Beside a running bot: WAL lets this read while the bot writes, and nothing here
    takes the write lock (``connect`` does, and would wait on the bot's transactions).
    """
    if not await asyncio.to_thread(_has_content, path):
        raise problem(path, "does not exist yet", "start fambot once to create it")
    try:
        # Not mode=ro: a read-only connection to a WAL database leaves -wal and -shm
        # files behind, while the last ordinary connection to close removes them.
        conn = await aiosqlite.connect(path, isolation_level=None)
    except sqlite3.Error as error:
        raise describe_sqlite_error(path, error) from None
    try:
        conn.row_factory = aiosqlite.Row
        await conn.execute("PRAGMA query_only = ON")  # this connection never writes
        await conn.execute(f"PRAGMA busy_timeout = {round(LOCK_WAIT_SECONDS * 1000)}")
        current, latest = await schema_version(conn), migrations()[-1].version
        if current != latest:
            newer = current > latest
            raise problem(
                path,
                f"is at schema version {current}, {'newer' if newer else 'older'} than this"
                f" fambot's ({latest})",
                "upgrade fambot" if newer else "start this fambot once to migrate it",
            )
    except sqlite3.Error as error:
        await conn.close()
        raise describe_sqlite_error(path, error) from None
    except BaseException:
        await conn.close()
        raise
    return conn


async def quick_check(conn: aiosqlite.Connection, path: Path) -> None:
    """Refuse a damaged file: SQLite would otherwise serve a bad page as missing rows."""
    async with conn.execute("PRAGMA quick_check(5)") as cursor:
        found = [str(row[0]) async for row in cursor]
    if found != ["ok"]:
        lines = [" ".join(text.split()) for r in found for text in r.splitlines()]
        first = next((text for text in lines if not text.startswith("***")), "unknown")
        raise damaged(path, f"quick_check reports: {first[:120]}")


async def schema_version(conn: aiosqlite.Connection) -> int:
    async with conn.execute("PRAGMA user_version") as cursor:
        row = await cursor.fetchone()
    return int(row[0]) if row else 0


async def migrate(conn: aiosqlite.Connection) -> int:
    """Apply every pending migration in one transaction; return the new version."""
    known = migrations()
    latest = known[-1].version if known else 0
    current = await schema_version(conn)
    if current > latest:
        raise StoreError(
            f"the database is at schema version {current} but this fambot only knows up to "
            f"{latest}: it was written by a newer fambot. Upgrade fambot, or set "
            "FAMBOT_DATABASE to another file."
        )
    pending = [m for m in known if m.version > current]
    if not pending:
        return current
    # executescript() commits any open transaction first, then runs the script; the
    # explicit BEGIN/COMMIT makes every pending migration land together or not at all.
    script = "BEGIN IMMEDIATE;\n"
    script += "\n".join(m.sql for m in pending)
    script += f"\nPRAGMA user_version = {latest};\nCOMMIT;\n"
    try:
        await conn.executescript(script)
    except Exception:
        if conn.in_transaction:
            await conn.rollback()
        raise
    log.info("Database migrated from version %d to %d", current, latest)
    return latest


_WRITERS: weakref.WeakKeyDictionary[aiosqlite.Connection, asyncio.Lock] = (
    weakref.WeakKeyDictionary()
)


@asynccontextmanager
async def transaction(conn: aiosqlite.Connection) -> AsyncIterator[aiosqlite.Connection]:
    """One unit of work: commit on success, roll back on any error.

    Units of work on one connection take turns: two coroutines interleaving their
    statements would otherwise run inside one another's transaction.
    """
    lock = _WRITERS.setdefault(conn, asyncio.Lock())
    async with lock:
        await conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            await conn.rollback()
            raise
        try:
            await conn.commit()
        except BaseException:
            # A deferred check (a foreign key) failing at COMMIT leaves the transaction
            # open: end it, or the next unit of work would run inside it.
            if conn.in_transaction:
                await conn.rollback()
            raise
