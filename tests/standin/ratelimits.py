"""Discord's rate limits as the stand-in enforces them, when a test or benchmark asks.

Each route has buckets keyed by its major parameter (the channel, webhook or server in
the path); every answer carries the ``X-RateLimit-*`` headers Discord sends, and a
request over the limit gets a 429 with ``retry_after`` and is not carried out. A
global limit of 50 requests a second applies to everything but interaction callbacks.

The figures are Discord's as observed in its headers and reported by library
maintainers (discord/discord-api-docs issue 8330 for message deletion, 2026); where
Discord publishes nothing (reading history, listing webhooks) the common message-route
bucket of 5 per 5 seconds stands in.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Limit:
    bucket: str  # the hash sent as X-RateLimit-Bucket; routes sharing one share counts
    methods: frozenset[str]
    pattern: re.Pattern[str]  # on the path after /api/v10; group 1 is the major parameter
    limit: int
    per: float  # seconds

    def key(self, method: str, path: str) -> str | None:
        if method not in self.methods:
            return None
        match = self.pattern.match(path)
        return f"{self.bucket}:{match.group(1)}" if match else None


def _limit(bucket: str, methods: str, pattern: str, limit: int, per: float) -> Limit:
    return Limit(bucket, frozenset(methods.split()), re.compile(pattern), limit, per)


# Interaction webhooks (the application's own id) are left out: their limits are not
# what these tests are about, and the application id has its own prefix below.
_WEBHOOK = r"^/webhooks/(?!900000000000000002/)(\d+)/[^/]+"
DISCORD_LIMITS: tuple[Limit, ...] = (
    # Deleting a message younger than ten seconds: 5 per second per channel.
    _limit("delete-message", "DELETE", r"^/channels/(\d+)/messages/\d+$", 5, 1.0),
    # Bulk deletion: one request a second (2-100 messages, none older than 14 days).
    _limit("bulk-delete", "POST", r"^/channels/(\d+)/messages/bulk-delete$", 1, 1.0),
    # Sending and editing the bot's own messages: 5 per 5 seconds per channel.
    _limit("send-message", "POST PATCH", r"^/channels/(\d+)/messages(/\d+)?$", 5, 5.0),
    _limit("read-messages", "GET", r"^/channels/(\d+)/messages$", 5, 5.0),
    _limit("list-webhooks", "GET", r"^/channels/(\d+)/webhooks$", 5, 5.0),
    _limit("create-webhook", "POST", r"^/channels/(\d+)/webhooks$", 5, 5.0),
    # Executing a webhook, and editing or deleting its messages: 5 per 2 seconds each.
    _limit("execute-webhook", "POST PATCH DELETE GET", _WEBHOOK + r"(/messages/\d+)?$", 5, 2.0),
    _limit("get-webhook", "GET", r"^/webhooks/(\d+)$", 5, 5.0),
    _limit("get-member", "GET", r"^/guilds/(\d+)/members/\d+$", 10, 10.0),
)
GLOBAL_PER_SECOND = 50


@dataclass
class _Window:
    started: float
    used: int = 0


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    headers: dict[str, str]
    retry_after: float = 0.0
    global_limit: bool = False


@dataclass
class RateLimits:
    limits: Sequence[Limit] = DISCORD_LIMITS
    global_per_second: int | None = GLOBAL_PER_SECOND
    clock: Callable[[], float] = time.monotonic
    _windows: dict[str, _Window] = field(default_factory=dict)
    _global: _Window = field(default_factory=lambda: _Window(0.0))

    def _window(self, key: str, per: float, now: float) -> _Window:
        window = self._windows.get(key)
        if window is None or now - window.started >= per:
            window = self._windows[key] = _Window(now)
        return window

    def check(self, method: str, path: str) -> Verdict:
        """Count the request; say whether it may go through, and the headers to send."""
        now = self.clock()
        if self.global_per_second and "/interactions/" not in path:
            if now - self._global.started >= 1.0:
                self._global = _Window(now)
            if self._global.used >= self.global_per_second:
                wait = round(self._global.started + 1.0 - now, 3)
                headers = {"X-RateLimit-Global": "true", "X-RateLimit-Scope": "global"}
                return Verdict(False, headers, wait, global_limit=True)
            self._global.used += 1
        for limit in self.limits:
            key = limit.key(method, path)
            if key is None:
                continue
            window = self._window(key, limit.per, now)
            reset_after = round(window.started + limit.per - now, 3)
            headers = {
                "X-RateLimit-Bucket": limit.bucket,
                "X-RateLimit-Limit": str(limit.limit),
                "X-RateLimit-Reset": f"{time.time() + reset_after:.3f}",
                "X-RateLimit-Reset-After": f"{reset_after:.3f}",
            }
            if window.used >= limit.limit:
                headers["X-RateLimit-Remaining"] = "0"
                headers["X-RateLimit-Scope"] = "user"
                return Verdict(False, headers, reset_after)
            window.used += 1
            headers["X-RateLimit-Remaining"] = str(limit.limit - window.used)
            return Verdict(True, headers)
        return Verdict(True, {})
