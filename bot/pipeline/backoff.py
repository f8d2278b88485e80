"""When to try again: exponential backoff with full jitter, within a deadline, and the
schedule for re-checking a permission Discord refused."""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field


@dataclass
class Backoff:
    """Delays that double from ``base`` up to ``cap``, each drawn at random below that
    (full jitter), so many waiters do not all come back at once."""

    base: float = 0.5
    cap: float = 30.0
    chance: random.Random = field(default_factory=random.Random)

    def delay(self, attempt: int) -> float:
        ceiling = min(self.cap, self.base * 2 ** max(0, attempt))
        return self.chance.uniform(ceiling / 2, ceiling)


@dataclass
class Deadline:
    seconds: float
    clock: Callable[[], float] = time.monotonic
    started: float = 0.0

    def __post_init__(self) -> None:
        self.started = self.clock()

    def remaining(self) -> float:
        return max(0.0, self.started + self.seconds - self.clock())

    @property
    def passed(self) -> bool:
        return self.remaining() <= 0


@dataclass
class Rechecks:
    """A refusal from Discord is believed for a while, then checked again once: after
    ``first`` seconds, then twice as long each time it is confirmed, up to ``longest``.
    Forgetting a key (a permission-related change arrived) makes it due at once."""

    first: float = 60.0
    longest: float = 3600.0
    clock: Callable[[], float] = time.monotonic
    _due: dict[Hashable, tuple[float, float]] = field(default_factory=dict)  # key -> (at, wait)

    def refused(self, key: Hashable) -> None:
        _, wait = self._due.get(key, (0.0, self.first / 2))
        wait = min(self.longest, wait * 2)
        self._due[key] = (self.clock() + wait, wait)

    def held(self, key: Hashable) -> bool:
        """True while the refusal stands (no request should be tried)."""
        due = self._due.get(key)
        return due is not None and self.clock() < due[0]

    def known(self, key: Hashable) -> bool:
        """Refused before (held, or due for its re-check)."""
        return key in self._due

    def wait(self, key: Hashable) -> float:
        due = self._due.get(key)
        return max(0.0, due[0] - self.clock()) if due else 0.0

    def granted(self, key: Hashable) -> None:
        """A request went through: the refusal is over."""
        self._due.pop(key, None)

    def forget(self, match: Callable[[Hashable], bool] = lambda key: True) -> None:
        """Something changed that may have granted it: re-check at the next chance
        (the back-off is kept, so a change that granted nothing costs one request)."""
        for key, (_, wait) in list(self._due.items()):
            if match(key):
                self._due[key] = (self.clock(), wait)
