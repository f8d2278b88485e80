"""Quiet when busy: the first item for a key goes out at once, later ones within the
window are held and go out together when it ends.

The guard uses one batcher for notices (per author and channel, a few minutes) and one
for the mod log (per channel, a minute): a single spoiler is answered at once, a burst
of three hundred makes a handful of messages instead of six hundred.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
T = TypeVar("T")


class Batcher(Generic[K, T]):
    def __init__(self, window: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.window = window
        self._clock = clock
        self._sent: dict[K, float] = {}  # key -> when its last batch went out
        self._held: dict[K, list[T]] = {}

    def add(self, key: K, item: T) -> list[T]:
        """The items to send now: ``[item]`` if nothing went out for ``key`` within the
        window, else nothing (the item is held for the next ``due``)."""
        now = self._clock()
        last = self._sent.get(key)
        if key not in self._held and (last is None or now - last >= self.window):
            self._sent[key] = now
            return [item]
        self._held.setdefault(key, []).append(item)
        return []

    def due(self) -> list[tuple[K, list[T]]]:
        """The held batches whose window has ended, each to be sent as one."""
        now = self._clock()
        ready = [k for k in self._held if now - self._sent.get(k, now) >= self.window]
        for key in ready:
            self._sent[key] = now
        self._forget_quiet(now)
        return [(key, self._held.pop(key)) for key in ready]

    def next_due(self) -> float | None:
        """Seconds until the next held batch is due (None: nothing held)."""
        if not self._held:
            return None
        now = self._clock()
        return max(0.0, min(self._sent.get(k, now) + self.window - now for k in self._held))

    def held(self) -> int:
        return sum(len(items) for items in self._held.values())

    def _forget_quiet(self, now: float) -> None:
        for key in [k for k, at in self._sent.items() if now - at >= 2 * self.window]:
            if key not in self._held:
                del self._sent[key]
