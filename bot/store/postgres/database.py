"""Reaching PostgreSQL: connecting with back-off, and its numbered migrations.

Migrations live in ``bot/store/postgres/migrations`` (SQLite's are separate) and are
applied by ``python -m bot migrate``, never by a bot starting: with many processes, an
upgrade is "migrate once, then restart the shards one by one". A process refuses a
database whose schema is newer than it knows (written by a newer fambot) or older
(not migrated yet), in one line that says what to do.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, TypeAlias, TypeVar
from urllib.parse import urlsplit

import asyncpg

from bot.store.database import Migration, StoreError, migrations

if TYPE_CHECKING:
    from asyncpg.pool import PoolConnectionProxy

    # A connection of its own, or one lent by the pool: both run the same statements.
    Connection: TypeAlias = asyncpg.Connection[asyncpg.Record] | PoolConnectionProxy[asyncpg.Record]

log = logging.getLogger(__name__)

MIGRATIONS_PACKAGE = "bot.store.postgres.migrations"
# Two processes migrating at once take turns on this advisory lock (an arbitrary key).
MIGRATION_LOCK = 0x66616D62  # "famb"
FIRST_RETRY_SECONDS = 0.25
LONGEST_RETRY_SECONDS = 5.0
COMMAND_TIMEOUT_SECONDS = 10.0  # a statement the server does not answer in time fails
T = TypeVar("T")

# Errors that will not go away by waiting: reported at once.
_FINAL = (
    asyncpg.InvalidPasswordError,
    asyncpg.InvalidAuthorizationSpecificationError,
    asyncpg.InvalidCatalogNameError,
    asyncpg.InsufficientPrivilegeError,
)


def where(url: str) -> str:
    """The server and database a URL names, never its password (for messages and logs)."""
    parts = urlsplit(url)
    host = parts.hostname or "localhost"
    if parts.port:
        host += f":{parts.port}"
    if "host=" in parts.query:  # a Unix socket directory
        host = parts.query.split("host=", 1)[1].split("&", 1)[0]
    database = parts.path.lstrip("/") or parts.username or "postgres"
    return f"{host}/{database}"


def postgres_migrations() -> list[Migration]:
    return migrations(MIGRATIONS_PACKAGE)


async def with_retries(
    attempt: Callable[[], Awaitable[T]], url: str, wait_seconds: float, what: str
) -> T:
    """Run ``attempt`` until it connects, backing off, for up to ``wait_seconds``; then
    raise StoreError in one line. A wrong password or database is reported at once."""
    deadline = time.monotonic() + wait_seconds
    delay = FIRST_RETRY_SECONDS
    while True:
        try:
            return await attempt()
        except _FINAL as error:
            raise StoreError(
                f"PostgreSQL at {where(url)} refused {what}: {error}. Check FAMBOT_DATABASE_URL."
            ) from None
        except (TimeoutError, OSError, asyncpg.PostgresError) as error:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                reason = f"{error.__class__.__name__}: {str(error)[:120]}"
                raise StoreError(
                    f"PostgreSQL at {where(url)} is unreachable after {wait_seconds:.0f} s "
                    f"({reason}). Start it, or check FAMBOT_DATABASE_URL."
                ) from None
            if delay == FIRST_RETRY_SECONDS:  # said once; the outcome follows in one line
                log.warning(
                    "PostgreSQL at %s not reachable (%s); trying again for up to %.0f s",
                    where(url),
                    error.__class__.__name__,
                    wait_seconds,
                )
            await asyncio.sleep(min(delay, remaining))
            delay = min(delay * 2, LONGEST_RETRY_SECONDS)


async def connect(url: str, wait_seconds: float) -> asyncpg.Connection:
    """One connection (the listener's, or a tool's), retried as above."""

    async def attempt() -> asyncpg.Connection:
        return await asyncpg.connect(url, command_timeout=COMMAND_TIMEOUT_SECONDS)

    return await with_retries(attempt, url, wait_seconds, "the connection")


async def open_pool(url: str, wait_seconds: float, size: int = 4) -> asyncpg.Pool:
    async def attempt() -> asyncpg.Pool:
        return await asyncpg.create_pool(
            url, min_size=1, max_size=size, command_timeout=COMMAND_TIMEOUT_SECONDS
        )

    return await with_retries(attempt, url, wait_seconds, "the connection")


_TRACKING = """CREATE TABLE IF NOT EXISTS fambot_migration (
    version    integer PRIMARY KEY,
    name       text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
)"""


async def schema_version(conn: Connection) -> int:
    exists = await conn.fetchval("SELECT to_regclass('fambot_migration') IS NOT NULL")
    if not exists:
        return 0
    return int(await conn.fetchval("SELECT coalesce(max(version), 0) FROM fambot_migration"))


async def migrate(conn: Connection) -> tuple[int, int]:
    """Apply every pending migration in one transaction; return (before, after).

    Processes migrating at the same moment take turns; the second finds nothing to do.
    """
    known = postgres_migrations()
    latest = known[-1].version if known else 0
    await conn.execute("SELECT pg_advisory_lock($1)", MIGRATION_LOCK)
    try:
        current = await schema_version(conn)
        _refuse_newer(current, latest)
        pending = [m for m in known if m.version > current]
        if pending:
            async with conn.transaction():
                await conn.execute(_TRACKING)
                for migration in pending:
                    await conn.execute(migration.sql)
                    await conn.execute(
                        "INSERT INTO fambot_migration (version, name) VALUES ($1, $2)",
                        migration.version,
                        migration.name,
                    )
            log.info("PostgreSQL migrated from version %d to %d", current, latest)
        return current, latest
    finally:
        await conn.execute("SELECT pg_advisory_unlock($1)", MIGRATION_LOCK)


async def require_current(conn: Connection) -> int:
    """Refuse to serve a database this fambot's code does not match."""
    known = postgres_migrations()
    latest = known[-1].version if known else 0
    current = await schema_version(conn)
    _refuse_newer(current, latest)
    if current < latest:
        raise StoreError(
            f"the PostgreSQL database is at schema version {current}, this fambot needs "
            f"{latest}: run `python -m bot migrate` first (once, for every process)."
        )
    return current


def _refuse_newer(current: int, latest: int) -> None:
    if current > latest:
        raise StoreError(
            f"the PostgreSQL database is at schema version {current} but this fambot only "
            f"knows up to {latest}: it was migrated by a newer fambot. Upgrade fambot."
        )


async def probe(url: str, wait_seconds: float) -> tuple[bool, str]:
    """Whether a bot could start on this database, and one line saying why (for
    ``python -m bot check``): reachable, schema current, notices deliverable."""
    try:
        conn = await connect(url, wait_seconds)
    except StoreError as error:
        return False, str(error)
    try:
        known = postgres_migrations()
        latest = known[-1].version if known else 0
        current = await schema_version(conn)
        if current != latest:
            action = "run `python -m bot migrate`" if current < latest else "upgrade fambot"
            return False, (
                f"PostgreSQL at {where(url)} is at schema version {current}, this fambot "
                f"needs {latest}: {action}."
            )
        await conn.execute("LISTEN fambot_probe; UNLISTEN fambot_probe")
        server = await conn.fetchval("SHOW server_version")
        return True, f"PostgreSQL {server} at {where(url)}: reachable, schema version {current}."
    except asyncpg.PostgresError as error:
        return False, f"PostgreSQL at {where(url)} answered with an error: {error}."
    finally:
        await conn.close()
