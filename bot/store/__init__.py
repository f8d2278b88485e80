"""The store: canon in SQLite in every process, community data behind ``CommunityStore``.

Without ``FAMBOT_DATABASE_URL`` (the default) one SQLite file holds both, and one
process serves it (a lock refuses a second). With it, community data is shared through
PostgreSQL by any number of processes, and each keeps its own canon in memory, loaded
from ``data/canon`` at start (read-only; about a tenth of a second).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

import aiosqlite

from bot.community.guard_journal import GuardJournal
from bot.community.review_store import GuardReviewStore
from bot.community.store import CommunityStore
from bot.settings import Settings
from bot.store.canon import CanonRepository
from bot.store.community import SqliteCommunity
from bot.store.database import (
    LOCK_WAIT_SECONDS,
    StoreError,
    connect,
    connect_memory,
    connect_to_read,
)
from bot.store.file_checks import check_database_path, describe_sqlite_error
from bot.store.guard_review import GuardReviewRepository
from bot.store.journal import JournalRepository
from bot.store.lock import ProcessLock
from bot.store.sqlite_journal import SqliteJournal

if TYPE_CHECKING:
    from bot.store.postgres.community import PostgresCommunity

__all__ = [
    "CanonRepository",
    "GuardReviewRepository",
    "JournalRepository",
    "SqliteCommunity",
    "Store",
    "StoreError",
    "open_store",
]


class Store:
    """Owns the connections; hands out the canon repository and the community store."""

    def __init__(
        self,
        conn: aiosqlite.Connection,
        path: Path | None,
        community: CommunityStore,
        journal: GuardJournal,
        review: GuardReviewStore,
        *,
        lock: ProcessLock | None = None,
        shared: PostgresCommunity | None = None,
    ) -> None:
        self.conn = conn  # the canon's SQLite (the whole file's, with SQLite community data)
        self.path = path  # None: canon in memory, community data in PostgreSQL
        self.canon = CanonRepository(conn)
        self.community = community
        self.journal = journal  # the spoiler guard's, beside the community data
        self.review = review  # the guard's review band (issue 9)
        self._lock = lock
        self._shared = shared

    @classmethod
    async def open(
        cls, path: Path, *, exclusive: bool = True, lock_wait: float = LOCK_WAIT_SECONDS
    ) -> Store:
        """The SQLite store. ``exclusive``: this process serves the file, and no other may
        (a test reading beside a running bot passes False). ``lock_wait``: seconds a
        write waits for another process holding the database's write lock."""
        lock = None
        if exclusive:
            check_database_path(path)  # a bad path is named as such, before the lock's file
            lock = ProcessLock(path)
            lock.acquire()
        try:
            conn = await connect(path, lock_wait)
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        community = SqliteCommunity(conn)
        review = GuardReviewRepository(conn)
        store = cls(conn, path, community, SqliteJournal(conn), review, lock=lock)
        try:
            await community.load(fresh_look=exclusive)
            await review.load()
        except sqlite3.Error as error:
            await store.close()
            raise describe_sqlite_error(path, error) from None
        except BaseException:  # cancelled by a shutdown, or a bug: release the file
            await store.close()
            raise
        return store

    @classmethod
    async def open_shared(cls, settings: Settings, *, fresh_look: bool = True) -> Store:
        """Canon in memory, community data in PostgreSQL (``settings.database_url``).
        ``fresh_look``: see ``PostgresCommunity.open`` (False for a tool beside the bots)."""
        from bot.store.postgres.community import PostgresCommunity  # only when used
        from bot.store.postgres.journal import PostgresJournal

        assert settings.database_url is not None
        community = await PostgresCommunity.open(
            settings.database_url,
            wait_seconds=settings.database_wait,
            shards=settings.shards,
            fresh_look=fresh_look,
        )
        try:
            conn = await connect_memory()
        except BaseException:
            await community.close()
            raise
        journal = PostgresJournal(
            settings.database_url, community.pool, community.worker, settings.shards
        )
        return cls(conn, None, community, journal, community.review, shared=community)

    @classmethod
    async def open_to_read(cls, path: Path) -> Store:
        """The file as it is, for a tool run beside the bot (``python -m bot reports``):
        no migration, no lock, no writes; the community cache is not loaded, so only the
        repositories' SQL queries answer."""
        conn = await connect_to_read(path)
        return cls(
            conn, path, SqliteCommunity(conn), SqliteJournal(conn), GuardReviewRepository(conn)
        )

    async def close(self) -> None:
        try:
            await self.conn.close()
            if self._shared is not None:
                await self._shared.close()
        finally:
            if self._lock is not None:
                self._lock.release()
                self._lock = None


async def open_store(settings: Settings, *, exclusive: bool = True) -> Store:
    """The store the settings ask for: PostgreSQL when a URL is set, else the SQLite file."""
    if settings.database_url is not None:
        return await Store.open_shared(settings)
    return await Store.open(
        settings.database_path, exclusive=exclusive, lock_wait=settings.database_lock_seconds
    )
