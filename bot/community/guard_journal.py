"""The seam for the spoiler guard's journal (records in ``bot/community/journal.py``).

Two implementations stand behind it: SQLite in one process (``bot/store/journal.py``)
and PostgreSQL shared by many (``bot/store/postgres/journal.py``). Unlike community
settings nothing is cached: an entry is read when it is worked on. Every write is one
transaction, committed before the guard takes the next step on Discord.

With several processes, two of them may see one message (two sessions on one shard
while a process restarts without downtime; catch-up reading back over what a live
session already handled), so acting is claimed, never assumed: ``add`` journals a
message for exactly one caller, and ``claim_unfinished`` hands an entry to one process
only, and only when the process that was working it is gone.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Protocol

from bot.community.journal import Entry, Outcome, State


class GuardJournal(Protocol):
    # --- reading -----------------------------------------------------------------

    async def get(self, message_id: int) -> Entry | None: ...

    async def get_many(self, message_ids: Sequence[int]) -> list[Entry]:
        """The entries for these messages (those the journal holds), in id order."""
        ...

    async def by_repost(self, repost_id: int) -> Entry | None:
        """The entry a tagged copy was posted for."""
        ...

    async def known(self, message_ids: Iterable[int]) -> set[int]:
        """Which of these messages the journal already holds."""
        ...

    async def unfinished(self) -> list[Entry]:
        """Every entry with work left on Discord in this process's servers (its shards'),
        oldest first, whoever is working it."""
        ...

    async def claim_unfinished(self) -> list[Entry]:
        """The unfinished entries this process is to resume, oldest first: its own, and
        those of processes that are gone (claimed for it as it answers, so no two live
        processes ever resume one entry). In one process, every unfinished entry."""
        ...

    async def adopt_orphans(self) -> list[Entry]:
        """Unfinished entries of processes that are gone, claimed for this one (asked
        now and then: a process stopped while another was running its shards). In one
        process, none: every entry is already its own."""
        ...

    async def count(self, guild_id: int, since: datetime, state: State | None = None) -> int: ...

    async def files(self, message_id: int) -> list[tuple[str, bytes]]: ...

    # --- the steps -------------------------------------------------------------

    async def add(self, entry: Entry) -> bool:
        """Journal a message the guard is about to act on; False if it already is (by
        this process or any other): only the caller that got True acts on it."""
        ...

    async def keep_files(self, message_id: int, files: Sequence[tuple[str, bytes]]) -> None: ...

    async def revise(
        self,
        message_id: int,
        content: str,
        revision: datetime,
        reason: str,
        rules: Sequence[str],
    ) -> Entry | None:
        """Keep the newer text; the entry as it now stands, or None if not newer."""
        ...

    async def reopen(
        self,
        message_id: int,
        content: str,
        revision: datetime,
        reason: str,
        rules: Sequence[str],
    ) -> Entry | None:
        """A message given up as unreadable (never touched on Discord) was edited to text
        that reads and spoils: keep the newer text and take it up again (``seen``, the mod
        log to be told anew), claimed for this caller only. The entry as it now stands, or
        None if it is not such an entry or this edit was not newer."""
        ...

    async def note_hide_attempt(self, message_ids: Sequence[int]) -> None: ...

    async def mark_hidden(self, message_ids: Sequence[int]) -> None: ...

    async def note_repost_attempt(
        self, message_id: int, after: int, sent_text: str, webhook_id: int
    ) -> None: ...

    async def mark_reposted(
        self, message_id: int, repost_id: int, webhook_id: int, sent_text: str
    ) -> None: ...

    async def mark_repost_current(self, message_id: int, sent_text: str, stale: bool) -> None: ...

    async def forget_repost(self, message_id: int) -> None: ...

    async def mark_notified(self, message_ids: Sequence[int]) -> None: ...

    async def mark_done(self, message_ids: Sequence[int]) -> None: ...

    async def mark_reported(self, message_ids: Sequence[int]) -> None: ...

    async def finish(
        self, message_id: int, outcome: Outcome, *, taken_down: bool = False
    ) -> None: ...

    async def give_up(self, message_ids: Sequence[int], outcome: Outcome) -> None: ...

    async def prune(self, before: datetime) -> int:
        """Delete finished entries last touched before ``before``; return how many."""
        ...

    # --- where catch-up starts ---------------------------------------------------

    async def marks(self) -> dict[int, int]:
        """Channel id -> the newest message the guard saw there (this process's servers)."""
        ...

    async def save_marks(self, marks: Mapping[int, tuple[int, int]]) -> None:
        """``channel id -> (guild id, message id)``; a mark only moves forward."""
        ...

    async def guard_since(self) -> dict[int, int]:
        """Guild id -> the snowflake of the moment the guard was last turned on there."""
        ...

    async def note_guard_on(self, guild_id: int, snowflake: int) -> None: ...

    # --- notices waiting to be deleted ---------------------------------------------

    async def add_notice(self, message_id: int, channel_id: int, delete_at: datetime) -> None: ...

    async def notices(self) -> list[tuple[int, int, datetime]]:
        """(message id, channel id, when due) of every notice still up, soonest first."""
        ...

    async def drop_notice(self, message_id: int) -> None: ...
