"""Opening the community store on either backend, for tests that run against both."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

from bot.community.guard_journal import GuardJournal
from bot.community.review_store import GuardReviewStore
from bot.community.store import CommunityStore
from bot.settings import Shards
from bot.store import Store
from bot.store.postgres.community import PostgresCommunity
from bot.store.postgres.journal import PostgresJournal

WAIT_SECONDS = 5.0


class Backend:
    """SQLite (``url`` None: the test's file) or PostgreSQL (the test's database)."""

    def __init__(self, db_path: Path, url: str | None) -> None:
        self.db_path = db_path
        self.url = url
        self._open: dict[int, Callable[[], Awaitable[None]]] = {}

    @property
    def name(self) -> str:
        return "sqlite" if self.url is None else "postgres"

    async def open(self, shards: Shards | None = None) -> CommunityStore:
        if self.url is None:
            store = await Store.open(self.db_path)
            self._open[id(store.community)] = store.close
            return store.community
        community = await PostgresCommunity.open(self.url, wait_seconds=WAIT_SECONDS, shards=shards)
        self._open[id(community)] = community.close
        return community

    async def close(self, store: CommunityStore) -> None:
        await self._open.pop(id(store))()

    async def reopen(self, store: CommunityStore) -> CommunityStore:
        """Close ``store`` and open the backend again: a restart."""
        await self.close(store)
        return await self.open()

    async def close_all(self) -> None:
        for close in list(self._open.values()):
            await close()
        self._open.clear()

    async def open_journal(self, shards: Shards | None = None) -> GuardJournal:
        """The guard's journal, as a (new) process opens it; on PostgreSQL with its own
        connections and presence, so two opened journals are two processes."""
        if self.url is None:
            store = await Store.open(self.db_path)
            self._open[id(store.journal)] = store.close
            return store.journal
        community = await PostgresCommunity.open(self.url, wait_seconds=WAIT_SECONDS, shards=shards)
        journal = PostgresJournal(self.url, community.pool, community.worker, shards)
        self._open[id(journal)] = community.close
        return journal

    async def close_journal(self, journal: GuardJournal) -> None:
        await self._open.pop(id(journal))()

    async def reopen_journal(self, journal: GuardJournal) -> GuardJournal:
        """Close ``journal`` and open it again: a restart."""
        await self.close_journal(journal)
        return await self.open_journal()

    async def open_review(self) -> GuardReviewStore:
        """The review band's store, as a (new) process opens it; on PostgreSQL with its
        own connections and change feed, so two opened are two processes."""
        if self.url is None:
            store = await Store.open(self.db_path)
            self._open[id(store.review)] = store.close
            return store.review
        community = await PostgresCommunity.open(self.url, wait_seconds=WAIT_SECONDS)
        self._open[id(community.review)] = community.close
        return community.review

    async def reopen_review(self, review: GuardReviewStore) -> GuardReviewStore:
        """Close ``review`` and open it again: a restart."""
        await self._open.pop(id(review))()
        return await self.open_review()
