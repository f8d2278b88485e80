"""The store: canon in SQLite in every process, community data behind ``CommunityStore``.

Without ``FAMBOT_DATABASE_URL`` (the default) one SQLite file holds both, and one
process serves it (a lock refuses a second). With it, community data is shared through
PostgreSQL by any number of processes, and each keeps its own canon in memory, loaded
from ``data/canon`` at start (read-only; about a tenth of a second).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import aiosqlite

from bot.community.store import CommunityStore
from bot.settings import Settings
from bot.store.canon import CanonRepository
from bot.store.community import SqliteCommunity
from bot.store.database import StoreError, connect, connect_memory
from bot.store.lock import ProcessLock

if TYPE_CHECKING:
    from bot.store.postgres.community import PostgresCommunity

__all__ = ["CanonRepository", "SqliteCommunity", "Store", "StoreError", "open_store"]


class Store:
    """Owns the connections; hands out the canon repository and the community store."""

    def __init__(
        self,
        conn: aiosqlite.Connection,
        path: Path | None,
        community: CommunityStore,
        *,
        lock: ProcessLock | None = None,
        shared: PostgresCommunity | None = None,
    ) -> None:
        self.conn = conn  # the canon's SQLite (the whole file's, with SQLite community data)
        self.path = path  # None: canon in memory, community data in PostgreSQL
        self.canon = CanonRepository(conn)
        self.community = community
        self._lock = lock
        self._shared = shared

    @classmethod
    async def open(cls, path: Path, *, exclusive: bool = True) -> Store:
        """The SQLite store. ``exclusive``: this process serves the file, and no other may
        (a tool reading beside a running bot passes False)."""
        lock = ProcessLock(path) if exclusive else None
        if lock is not None:
            lock.acquire()
        try:
            conn = await connect(path)
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        community = SqliteCommunity(conn)
        store = cls(conn, path, community, lock=lock)
        try:
            await community.load(fresh_look=exclusive)
        except BaseException:
            await store.close()
            raise
        return store

    @classmethod
    async def open_shared(cls, settings: Settings) -> Store:
        """Canon in memory, community data in PostgreSQL (``settings.database_url``)."""
        from bot.store.postgres.community import PostgresCommunity  # only when used

        assert settings.database_url is not None
        community = await PostgresCommunity.open(
            settings.database_url, wait_seconds=settings.database_wait, shards=settings.shards
        )
        try:
            conn = await connect_memory()
        except BaseException:
            await community.close()
            raise
        return cls(conn, None, community, shared=community)

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
    return await Store.open(settings.database_path, exclusive=exclusive)
