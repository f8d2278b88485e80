"""The seam for the guard's review band (records in ``bot/community/review.py``).

Two implementations stand behind it: SQLite in one process (``bot/store/guard_review.py``)
and PostgreSQL shared by many (``bot/store/postgres/review.py``). A server's threshold is
read for every message the guard checks and every reply it judges, so it is answered
from memory; with PostgreSQL a change made by any process reaches the others through the
community change feed. Reviews themselves are read when worked on, never cached.

A decision is claimed, never assumed: when two moderators press at once (in one process
or in two), ``decide`` records the first and answers None to the other.
"""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from bot.community.review import Label, Review

EXAMPLES_KEPT = 2000  # decided examples kept per server; the oldest go first
OPEN_DAYS = 30  # an undecided review older than this is pruned (its buttons then say so)


class GuardReviewStore(Protocol):
    # --- sensitivity: answered from memory ---------------------------------------------

    def threshold(self, guild_id: int) -> float | None:
        """The server's own threshold; None: it never set one (the guard's default)."""
        ...

    async def set_threshold(self, guild_id: int, threshold: float | None, set_by: int) -> None:
        """Set the server's threshold; None returns it to the default."""
        ...

    # --- reviews -----------------------------------------------------------------------

    async def open_review(self, review: Review) -> bool:
        """Remember a message the guard is unsure about; False if it already is (by this
        process or another): the moderators are asked once per message."""
        ...

    async def revise(
        self, message_id: int, content: str, score: float, rules: tuple[str, ...]
    ) -> bool:
        """An undecided review's message was edited: keep the newer text and score."""
        ...

    async def card_posted(self, message_id: int, log_message_id: int) -> None: ...

    async def get(self, message_id: int) -> Review | None: ...

    async def decide(
        self,
        message_id: int,
        label: Label,
        decided_by: int,
        *,
        content: str | None = None,
        keep: int = EXAMPLES_KEPT,
    ) -> Review | None:
        """Record a moderator's decision; None when it was decided already (the first
        decision wins) or is not on record. The server's oldest examples beyond ``keep``
        go in the same transaction."""
        ...

    async def examples(self, guild_id: int, limit: int = EXAMPLES_KEPT) -> list[Review]:
        """The server's decided reviews, newest first."""
        ...

    async def counts(self, guild_id: int) -> tuple[int, int]:
        """(undecided, decided) reviews of the server."""
        ...

    async def prune(self, now: datetime | None = None, days: int = OPEN_DAYS) -> int:
        """Forget undecided reviews older than ``days``; return how many."""
        ...
