"""Discord's invalid-request limit, counted before Discord counts it.

Discord bans an IP address for a while once it has answered 10,000 requests with 401,
403 or 429 within ten minutes (429s of the "shared" scope excepted). Every answer the
bot receives passes through ``observe``; the guard stops acting well before that limit
and says so, and re-checks after a refusal only while few have been collected.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

import aiohttp

WINDOW_SECONDS = 600.0
PAUSE_AT = 1000  # a tenth of Discord's ban threshold
RESUME_AT = 500
PROBE_BELOW = 50  # re-checks after a refusal (each risks another 403) only below this
INVALID_STATUSES = frozenset({401, 403, 429})


class InvalidRequests:
    def __init__(
        self,
        clock: Callable[[], float] = time.monotonic,
        window: float = WINDOW_SECONDS,
        pause_at: int = PAUSE_AT,
        resume_at: int = RESUME_AT,
    ) -> None:
        self._clock = clock
        self._window = window
        self._pause_at = pause_at
        self._resume_at = resume_at
        self._answers: deque[float] = deque()
        self._paused = False

    def observe(self, status: int, scope: str | None = None) -> None:
        """Note one answer from Discord."""
        if status in INVALID_STATUSES and not (status == 429 and scope == "shared"):
            self._answers.append(self._clock())

    def count(self) -> int:
        """Invalid answers in the last ten minutes."""
        horizon = self._clock() - self._window
        while self._answers and self._answers[0] < horizon:
            self._answers.popleft()
        return len(self._answers)

    @property
    def paused(self) -> bool:
        """True from ``pause_at`` invalid answers until the count falls to ``resume_at``."""
        count = self.count()
        if count >= self._pause_at:
            self._paused = True
        elif count <= self._resume_at:
            self._paused = False
        return self._paused

    def may_probe(self) -> bool:
        """Whether a request that may well be refused again is worth the risk now."""
        return not self.paused and self.count() < PROBE_BELOW

    def trace(self) -> aiohttp.TraceConfig:
        """An aiohttp trace that shows this counter every answer a session receives."""
        config = aiohttp.TraceConfig()

        async def answered(
            session: aiohttp.ClientSession, context: SimpleNamespace, params: Any
        ) -> None:
            response = params.response
            self.observe(response.status, response.headers.get("X-RateLimit-Scope"))

        config.on_request_end.append(answered)
        return config
