"""The SQLite store: one connection, migrations, and one repository per kind of data."""

from __future__ import annotations

from pathlib import Path

import aiosqlite

from bot.store.canon import CanonRepository
from bot.store.community import CommunityRepository
from bot.store.database import StoreError, connect
from bot.store.journal import JournalRepository

__all__ = ["CanonRepository", "CommunityRepository", "JournalRepository", "Store", "StoreError"]


class Store:
    """Owns the database connection; hands out repositories that own the SQL."""

    def __init__(self, conn: aiosqlite.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path
        self.canon = CanonRepository(conn)
        self.community = CommunityRepository(conn)
        self.journal = JournalRepository(conn)

    @classmethod
    async def open(cls, path: Path) -> Store:
        store = cls(await connect(path), path)
        await store.community.load()
        return store

    async def close(self) -> None:
        await self.conn.close()
