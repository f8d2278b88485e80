"""Hearing about other processes' changes: PostgreSQL ``LISTEN/NOTIFY`` on one connection.

Every write announces ``scope:key:version`` on ``fambot_community`` when it commits;
this connection hears it within milliseconds and hands it on. If the connection drops,
notices sent meanwhile are lost, so after reconnecting (with back-off, for as long as
it takes) the owner is told to reload everything: the versions sort out what changed.
A connection that quietly stops answering (a network that drops packets rather than
closing) is found by a periodic ``SELECT 1``.

The same connection carries the process's presence: a session advisory lock on
(``PRESENCE_CLASS``, the process's worker id), which PostgreSQL releases as soon as the
connection ends, so however the process dies its presence goes with it. The guard's
journal hands a dead process's unfinished entries to another (see postgres/journal.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable

import asyncpg

from bot.community.state import SCOPES, Scope
from bot.store.postgres.database import connect, where

log = logging.getLogger(__name__)

CHANNEL = "fambot_community"
PRESENCE_CLASS = 0x46414D42  # "FAMB": the first key of every fambot presence lock
RELOAD = "reload"  # a notice asking every process to reload everything (after a bulk copy)
PING_SECONDS = 5.0  # how often a quiet connection is checked
PING_TIMEOUT_SECONDS = 3.0
FIRST_RETRY_SECONDS = 0.2
LONGEST_RETRY_SECONDS = 5.0

Change = tuple[Scope, int, int]  # scope, key, version

# Bumps a version and announces it (delivered when the transaction commits), in one round
# trip: $1 scope, $2 key, $3 CHANNEL.
BUMP = """WITH bumped AS (
              INSERT INTO community_version (scope, key, version) VALUES ($1, $2, 1)
              ON CONFLICT (scope, key) DO UPDATE SET version = community_version.version + 1
              RETURNING version)
          SELECT version, pg_notify($3, $1 || ':' || $2 || ':' || version) FROM bumped"""


def parse(payload: str) -> Change | None:
    scope, _, rest = payload.partition(":")
    key, _, version = rest.partition(":")
    if scope not in SCOPES or not key.lstrip("-").isdigit() or not version.isdigit():
        return None
    return scope, int(key), int(version)


class ChangeListener:
    def __init__(
        self,
        url: str,
        on_change: Callable[[Change], None],
        on_gap: Callable[[], Awaitable[None]],
        worker: int | None = None,
    ) -> None:
        self._url = url
        self.worker = worker  # None: no presence (a tool, not a serving process)
        self._on_change = on_change
        self._on_gap = on_gap
        self._conn: asyncpg.Connection | None = None
        self._lost = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self.reconnects = 0  # for tests and logs
        self.connected = asyncio.Event()

    async def start(self, wait_seconds: float) -> None:
        """Connect and listen (start-up waits for this), then keep it so."""
        await self._listen(wait_seconds)
        self._task = asyncio.create_task(self._keep(), name="fambot-listener")

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        await self._leave()
        await self._drop()

    async def _leave(self) -> None:
        """Release the presence lock before closing, so this process is gone to every
        other the moment close() returns. Dropping the connection alone releases it only
        once the server has noticed and ended its backend, a little later: another
        process looking meanwhile would still see this one alive and adopt nothing."""
        conn = self._conn
        if self.worker is None or conn is None or conn.is_closed():
            return
        with contextlib.suppress(Exception):  # half-dead: dropping it releases it anyway
            await conn.execute(
                "SELECT pg_advisory_unlock($1, $2)",
                PRESENCE_CLASS,
                self.worker,
                timeout=PING_TIMEOUT_SECONDS,
            )

    def forget_connection(self) -> None:
        """Treat the connection as lost (a test's way to cut it)."""
        self._lost.set()

    async def _listen(self, wait_seconds: float) -> None:
        conn = await connect(self._url, wait_seconds)
        try:
            conn.add_termination_listener(self._terminated)
            await conn.add_listener(CHANNEL, self._heard)
            if self.worker is not None:
                await conn.execute("SELECT pg_advisory_lock($1, $2)", PRESENCE_CLASS, self.worker)
        except BaseException:
            await conn.close()
            raise
        self._conn = conn
        self._lost.clear()
        self.connected.set()

    def _heard(self, conn: object, pid: int, channel: str, payload: object) -> None:
        if payload == RELOAD:
            self._lost.set()  # treated as a gap: reconnect and reload everything
            return
        change = parse(str(payload))
        if change is None:
            log.warning("Ignoring a malformed change notice on %s", CHANNEL)
            return
        self._on_change(change)

    def _terminated(self, conn: object) -> None:
        self._lost.set()

    async def _drop(self) -> None:
        self.connected.clear()
        conn, self._conn = self._conn, None
        if conn is not None and not conn.is_closed():
            conn.terminate()  # no goodbye needed: it may be half-dead already

    async def _keep(self) -> None:
        while True:
            await self._watch()
            log.warning("Lost the PostgreSQL change feed (%s); reconnecting", where(self._url))
            await self._drop()
            delay = FIRST_RETRY_SECONDS
            while True:
                try:
                    await self._listen(wait_seconds=0)
                    break
                except Exception as error:  # unreachable for now: keep trying
                    log.debug("Change feed still unreachable: %s", error.__class__.__name__)
                    await asyncio.sleep(delay)
                    delay = min(delay * 2, LONGEST_RETRY_SECONDS)
            self.reconnects += 1
            # Notices sent while the connection was down are gone: reload everything.
            try:
                await self._on_gap()
            except Exception:
                log.exception("Reloading community data after a gap failed; retrying")
                self._lost.set()
                continue
            log.info("PostgreSQL change feed back; community data reloaded")

    async def _watch(self) -> None:
        """Return when the connection is lost (closed, or silent to a ping)."""
        while not self._lost.is_set():
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._lost.wait(), PING_SECONDS)
                return
            conn = self._conn
            if conn is None or conn.is_closed():
                return
            try:
                await conn.fetchval("SELECT 1", timeout=PING_TIMEOUT_SECONDS)
            except Exception:
                return
