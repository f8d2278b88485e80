"""Work kept per channel, in order, with at most one worker per channel.

Items are message ids: a lane holds each once, in id order (the members' order), and
its worker takes the oldest (or up to ``batch`` of them) whenever it is free. What to do
with an item is read from the journal when its turn comes, so an edit while it waits
is simply there, and a deletion while it waits removes it (``discard``). A worker ends
when its lane is empty and starts again with the next item.
"""

from __future__ import annotations

import asyncio
import bisect
import logging
from collections.abc import Awaitable, Callable, Sequence

log = logging.getLogger(__name__)

Work = Callable[[int, Sequence[int]], Awaitable[None]]


class Lanes:
    def __init__(self, name: str, work: Work, batch: int = 1) -> None:
        self.name = name
        self._work = work
        self._batch = batch
        self._queued: dict[int, list[int]] = {}  # lane -> sorted item ids
        self._busy: dict[int, Sequence[int]] = {}  # lane -> items being worked on
        self._workers: dict[int, asyncio.Task[None]] = {}
        self._idle = asyncio.Event()
        self._idle.set()
        self._closed = False

    def put(self, lane: int, item: int) -> None:
        """Queue ``item`` in ``lane`` (once; in id order) and make sure a worker runs."""
        if self._closed:
            return
        queued = self._queued.setdefault(lane, [])
        index = bisect.bisect_left(queued, item)
        if index == len(queued) or queued[index] != item:
            queued.insert(index, item)
        if lane not in self._workers:
            self._idle.clear()
            self._workers[lane] = asyncio.create_task(
                self._run(lane), name=f"{self.name} lane {lane}"
            )

    def discard(self, lane: int, item: int) -> bool:
        """Take a waiting item out; False if it was not waiting (or is being worked on)."""
        queued = self._queued.get(lane, [])
        if item in queued:
            queued.remove(item)
            return True
        return False

    def busy_with(self, lane: int, item: int) -> bool:
        return item in self._busy.get(lane, ())

    @property
    def working(self) -> int:
        """Workers busy with an item now."""
        return len(self._busy)

    def waiting(self, lane: int | None = None) -> int:
        if lane is not None:
            return len(self._queued.get(lane, []))
        return sum(len(q) for q in self._queued.values())

    async def _run(self, lane: int) -> None:
        try:
            while queued := self._queued.get(lane):
                items = queued[: self._batch]
                del queued[: self._batch]
                self._busy[lane] = items
                try:
                    await self._work(lane, items)
                except Exception:
                    # The journal still holds the items: they are retried on the next
                    # resume (a reconnect or a restart); the lane carries on.
                    log.exception("Spoiler guard work failed in lane %s", lane)
                finally:
                    self._busy.pop(lane, None)
        finally:
            self._workers.pop(lane, None)
            if not self._queued.get(lane):
                self._queued.pop(lane, None)
            if not self._workers:
                self._idle.set()

    async def idle(self) -> None:
        """Wait until every lane is empty and no worker runs."""
        await self._idle.wait()

    async def close(self, grace: float) -> None:
        """Take no more work; let what is in progress finish for up to ``grace`` seconds,
        then cancel it (the journal says how far it got)."""
        self._closed = True
        self._queued.clear()
        workers = list(self._workers.values())
        if workers:
            _, pending = await asyncio.wait(workers, timeout=grace)
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)
