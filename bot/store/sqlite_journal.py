"""The guard journal on SQLite, as the ``GuardJournal`` seam states it.

One process serves a SQLite file (a lock refuses a second), so every unfinished entry is
this process's to resume: claiming is reading, and no entry is ever orphaned. The steps
are ``JournalRepository``'s.
"""

from __future__ import annotations

from bot.community.journal import Entry
from bot.store.journal import JournalRepository


class SqliteJournal(JournalRepository):
    async def claim_unfinished(self) -> list[Entry]:
        return await self.unfinished()

    async def adopt_orphans(self) -> list[Entry]:
        return []
