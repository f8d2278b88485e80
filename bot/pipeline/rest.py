"""One request to Discord's REST API at a time, and what its answer means.

discord.py's own HTTP client retries a 500, 502 or 504 by itself, up to five times. For
most requests that is what one wants; for the guard it is wrong twice over: a webhook
post retried after Discord already made the message gives two copies, and a deletion
retried after Discord already deleted answers "Unknown Message", which would read as
"its author deleted it". So the guard sends its requests through this client, which
makes exactly one attempt per call and says what happened (``Transient``: maybe done,
maybe not; ``Refused``: not done, and why), leaving retries to the caller, who knows
what a retry would mean. Rate limits are the one thing it handles itself, as Discord
asks: it waits while a bucket is empty, and after a 429 it waits as told and sends the
same request again (a 429 means the request was not carried out).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import aiohttp

log = logging.getLogger(__name__)

REQUEST_SECONDS = 10.0  # one attempt; Discord answers in well under a second normally
GUARD_REQUESTS_PER_SECOND = 40  # of Discord's 50 a second, the rest left to replies

# Discord's JSON error codes the guard tells apart.
UNKNOWN_CHANNEL = 10003
UNKNOWN_MESSAGE = 10008
UNKNOWN_WEBHOOK = 10015
MAXIMUM_WEBHOOKS = 30007
MISSING_ACCESS = 50001
MISSING_PERMISSIONS = 50013


class DiscordError(Exception):
    def __init__(self, status: int, code: int = 0, message: str = "") -> None:
        super().__init__(f"HTTP {status}" + (f" (code {code})" if code else ""))
        self.status = status
        self.code = code
        self.message = message


class Transient(DiscordError):
    """A 5xx, a dropped connection or a timeout: the request may or may not have been
    carried out, and trying again later may work."""


class Refused(DiscordError):
    """A 4xx: Discord did not carry the request out and will not if asked the same way."""

    @property
    def missing_permission(self) -> bool:
        return self.code in (MISSING_PERMISSIONS, MISSING_ACCESS)

    @property
    def unknown_message(self) -> bool:
        return self.code == UNKNOWN_MESSAGE or (self.status == 404 and not self.code)

    @property
    def unknown_webhook(self) -> bool:
        return self.code == UNKNOWN_WEBHOOK

    @property
    def unknown_channel(self) -> bool:
        return self.code == UNKNOWN_CHANNEL


@dataclass(frozen=True)
class Route:
    """A request: the route template names the bucket; ``major`` is the channel,
    webhook or server it is about (Discord's buckets are per route and major id)."""

    method: str
    template: str
    major: int
    values: dict[str, int | str] = field(default_factory=dict)

    @property
    def path(self) -> str:
        return self.template.format(major=self.major, **self.values)

    @property
    def bucket(self) -> str:
        return f"{self.method} {self.template} {self.major}"


@dataclass
class Upload:
    filename: str
    data: bytes


@dataclass
class _Bucket:
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    remaining: int = 1
    resets_at: float = 0.0


class Rest:
    def __init__(
        self,
        base: str,
        token: str,
        *,
        user_agent: str,
        traces: Sequence[aiohttp.TraceConfig] = (),
        timeout: float = REQUEST_SECONDS,
        per_second: int = GUARD_REQUESTS_PER_SECOND,
    ) -> None:
        self.base = base.rstrip("/")
        self._auth = f"Bot {token}"
        self._headers = {"User-Agent": user_agent}
        self._traces = list(traces)
        self._timeout = timeout
        self._per_second = per_second
        self._session: aiohttp.ClientSession | None = None
        self._buckets: dict[str, _Bucket] = {}
        self._global_until = 0.0
        self._recent: deque[float] = deque()
        self.sent = 0  # requests sent, for the benchmark

    async def open(self) -> None:
        self._session = aiohttp.ClientSession(
            headers=self._headers,
            trace_configs=self._traces,
            timeout=aiohttp.ClientTimeout(total=self._timeout),
        )
        # aiohttp sends a DELETE or GET again, silently, when the connection drops: a
        # deletion Discord already carried out would then answer "Unknown Message".
        # Each attempt must be seen, so that retry is switched off.
        self._session._retry_connection = False

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def request(
        self,
        route: Route,
        *,
        body: dict[str, Any] | None = None,
        files: Sequence[Upload] = (),
        query: dict[str, str] | None = None,
        reason: str | None = None,
    ) -> Any:
        """Send ``route`` once (waiting out rate limits); the answer's JSON, or None."""
        bucket = self._buckets.setdefault(route.bucket, _Bucket())
        async with bucket.lock:
            while True:
                await self._wait_for_turn(bucket)
                status, headers, data = await self._send(route, body, files, query, reason)
                self._note_limits(bucket, headers)
                if status == 429:
                    retry_after = _retry_after(data, headers)
                    if headers.get("X-RateLimit-Global") == "true" or (
                        isinstance(data, dict) and data.get("global")
                    ):
                        self._global_until = time.monotonic() + retry_after
                    log.info("Rate limited on %s; waiting %.2f s", route.template, retry_after)
                    await asyncio.sleep(retry_after)
                    continue
                if status < 300:
                    return data
                code = int(data.get("code", 0)) if isinstance(data, dict) else 0
                message = str(data.get("message", "")) if isinstance(data, dict) else ""
                if status >= 500:
                    raise Transient(status, code, message)
                raise Refused(status, code, message)

    async def _wait_for_turn(self, bucket: _Bucket) -> None:
        now = time.monotonic()
        if self._global_until > now:
            await asyncio.sleep(self._global_until - now)
        if bucket.remaining <= 0 and bucket.resets_at > time.monotonic():
            await asyncio.sleep(bucket.resets_at - time.monotonic())
        while len(self._recent) >= self._per_second:
            oldest = self._recent[0]
            if time.monotonic() - oldest >= 1.0:
                self._recent.popleft()
            else:
                await asyncio.sleep(1.0 - (time.monotonic() - oldest))
        self._recent.append(time.monotonic())

    def _note_limits(self, bucket: _Bucket, headers: Any) -> None:
        remaining = headers.get("X-RateLimit-Remaining")
        reset_after = headers.get("X-RateLimit-Reset-After")
        if remaining is None or reset_after is None:
            bucket.remaining = 1
            return
        with contextlib.suppress(ValueError):
            bucket.remaining = int(remaining)
            bucket.resets_at = time.monotonic() + float(reset_after)

    async def _send(
        self,
        route: Route,
        body: dict[str, Any] | None,
        files: Sequence[Upload],
        query: dict[str, str] | None,
        reason: str | None,
    ) -> tuple[int, Any, Any]:
        if self._session is None:
            raise Transient(0, message="the guard's connection is closed")
        headers = {"Authorization": self._auth}
        if reason:
            headers["X-Audit-Log-Reason"] = reason
        kwargs: dict[str, Any] = {"params": query, "headers": headers}
        if files:
            form = aiohttp.FormData(quote_fields=False)
            form.add_field("payload_json", json.dumps(body or {}), content_type="application/json")
            for index, upload in enumerate(files):
                form.add_field(
                    f"files[{index}]",
                    upload.data,
                    filename=upload.filename,
                    content_type="application/octet-stream",
                )
            kwargs["data"] = form
        elif body is not None:
            kwargs["json"] = body
        self.sent += 1
        try:
            async with self._session.request(
                route.method, self.base + route.path, **kwargs
            ) as response:
                text = await response.text()
                data = json.loads(text) if text else None
                return response.status, response.headers, data
        except (aiohttp.ClientError, TimeoutError, OSError, ValueError) as error:
            # Connection reset or refused, a timeout, a half-read answer: nothing says
            # whether Discord carried the request out.
            raise Transient(0, message=error.__class__.__name__) from error

    async def download(self, url: str, limit: int) -> bytes:
        """A file from Discord's CDN (no token sent there), at most ``limit`` bytes."""
        if self._session is None:
            raise Transient(0, message="the guard's connection is closed")
        try:
            async with self._session.get(url) as response:
                if response.status >= 500:
                    raise Transient(response.status)
                if response.status >= 400:
                    raise Refused(response.status)
                data = await response.content.read(limit + 1)
        except (aiohttp.ClientError, TimeoutError, OSError) as error:
            raise Transient(0, message=error.__class__.__name__) from error
        if len(data) > limit:
            raise Refused(413, message="larger than the upload limit")
        return data


def _retry_after(data: Any, headers: Any) -> float:
    if isinstance(data, dict) and "retry_after" in data:
        return max(0.0, float(data["retry_after"]))
    with contextlib.suppress(TypeError, ValueError):
        return max(0.0, float(headers.get("Retry-After")))
    return 1.0
