"""The SQLite store: one connection, migrations, and one repository per kind of data."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import aiosqlite

from bot.store.canon import CanonRepository
from bot.store.community import CommunityRepository
from bot.store.database import StoreError, connect, connect_to_read
from bot.store.file_checks import describe_sqlite_error
from bot.store.guard_review import GuardReviewRepository
from bot.store.journal import JournalRepository

__all__ = [
    "CanonRepository",
    "CommunityRepository",
    "GuardReviewRepository",
    "JournalRepository",
    "Store",
    "StoreError",
]


class Store:
    """Owns the database connection; hands out repositories that own the SQL."""

    def __init__(self, conn: aiosqlite.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path
        self.canon = CanonRepository(conn)
        self.community = CommunityRepository(conn)
        self.journal = JournalRepository(conn)
        self.review = GuardReviewRepository(conn)  # the guard's review band (issue 9)

    @classmethod
    async def open(cls, path: Path) -> Store:
        store = cls(await connect(path), path)
        try:
            await store.community.load()
            await store.review.load()
        except sqlite3.Error as error:
            await store.close()
            raise describe_sqlite_error(path, error) from None
        except BaseException:  # cancelled by a shutdown, or a bug: release the file
            await store.close()
            raise
        return store

    @classmethod
    async def open_to_read(cls, path: Path) -> Store:
        """The file as it is, for a tool run beside the bot (``python -m bot reports``):
        no migration, no write lock, no writes; the community cache is not loaded, so
        only the repositories' SQL queries answer."""
        return cls(await connect_to_read(path), path)

    async def close(self) -> None:
        await self.conn.close()
