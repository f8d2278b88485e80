"""The SQLite store: one connection, migrations, and one repository per kind of data."""

from __future__ import annotations

from pathlib import Path

import aiosqlite

from bot.store.canon import CanonRepository
from bot.store.database import StoreError, connect

__all__ = ["CanonRepository", "Store", "StoreError"]


class Store:
    """Owns the database connection; hands out repositories that own the SQL."""

    def __init__(self, conn: aiosqlite.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path
        self.canon = CanonRepository(conn)

    @classmethod
    async def open(cls, path: Path) -> Store:
        return cls(await connect(path), path)

    async def close(self) -> None:
        await self.conn.close()
