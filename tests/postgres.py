"""A real PostgreSQL for the tests, started by the suite itself, and a cable to cut.

``pgserver`` ships PostgreSQL 16's binaries in a wheel, so a fresh machine with only
Python runs these tests: no service to install, nothing skipped. One server starts per
test session, shared by its workers (creating and starting one costs seconds); each
worker has its own migrated database, emptied for each test that asks for it.

``Cable`` is a TCP relay between a store and the server that a test can cut (every
connection through it drops, new ones are refused) and mend: a network fault, made
with nothing but sockets.
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import itertools
import tempfile
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import asyncpg

from bot.store.postgres.database import migrate


def with_database(url: str, database: str) -> str:
    parts = urlsplit(url)
    return parts._replace(path=f"/{database}").geturl()


class Server:
    """The session's PostgreSQL server (``pgserver``), with a migrated database."""

    def __init__(self, folder: Path | None = None, owner: str = "main") -> None:
        """``folder``: a data folder other processes of this test run pass too: the first
        creates and starts the server, the last one out stops it and deletes the folder
        (pgserver counts them). None: a server of its own. ``owner`` names this process's
        databases, so that processes sharing a server never touch each other's."""
        # A test dependency: its wheel carries the server, so a fresh machine has one.
        from pgserver.postgres_server import get_server

        if folder is None:
            folder = Path(tempfile.mkdtemp(prefix="fambot-pg-"))
        else:
            folder.mkdir(exist_ok=True)  # before pgserver, which would race to make it
        self.folder = folder
        self.template = f"fambot_test_{owner}"  # migrated once, emptied before each test
        self._prefix = f"test_{owner}_"
        self._numbers = itertools.count(1)
        self._server = get_server(self.folder, cleanup_mode="delete")
        self.url = self._server.get_uri()
        asyncio.run(self._make_template())

    @property
    def postmaster(self) -> int:
        """The server's main process id (for the benchmark's CPU accounting)."""
        pid = self._server.get_pid()
        assert pid is not None
        return pid

    @property
    def socket_dir(self) -> str:
        return parse_qs(urlsplit(self.url).query)["host"][0]

    async def _make_template(self) -> None:
        conn = await asyncpg.connect(self.url)
        try:
            # A server for tests only: durability across a power cut buys nothing here,
            # and skipping the flushes makes creating a database per test cheap.
            for setting in ("fsync", "synchronous_commit", "full_page_writes"):
                await conn.execute(f"ALTER SYSTEM SET {setting} = off")
            await conn.execute("SELECT pg_reload_conf()")
            await conn.execute(f"DROP DATABASE IF EXISTS {self.template}")
            await conn.execute(f"CREATE DATABASE {self.template}")
        finally:
            await conn.close()
        conn = await asyncpg.connect(with_database(self.url, self.template))
        try:
            await migrate(conn)
        finally:
            await conn.close()

    async def fresh_database(self) -> str:
        """A new, empty database of its own (creating one takes about half a second)."""
        name = f"{self._prefix}{next(self._numbers)}"
        conn = await asyncpg.connect(self.url)
        try:
            await conn.execute(f"CREATE DATABASE {name}")
        finally:
            await conn.close()
        return with_database(self.url, name)

    async def emptied(self) -> str:
        """The migrated test database, every community table emptied: a test's own."""
        url = with_database(self.url, self.template)
        conn = await asyncpg.connect(url)
        try:
            tables = await conn.fetch(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                " AND tablename LIKE 'community%'"
            )
            names = ", ".join(str(t[0]) for t in tables)
            await conn.execute(f"TRUNCATE {names} RESTART IDENTITY")
        finally:
            await conn.close()
        return url

    async def drop(self, url: str) -> None:
        name = urlsplit(url).path.lstrip("/")
        conn = await asyncpg.connect(self.url)
        try:
            await conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        finally:
            await conn.close()

    def stop(self) -> None:
        """Stop the server, unless another process of the run still uses it (its data
        folder goes with the last one: this process's databases with it)."""
        self._server.cleanup()
        # pgserver would run it again at exit, when pytest has closed the log it writes to
        atexit.unregister(self._server._cleanup)


class Cable:
    """127.0.0.1:port relayed to the server's Unix socket; ``cut()`` and ``mend()``."""

    def __init__(self, socket_dir: str) -> None:
        self._target = f"{socket_dir}/.s.PGSQL.5432"
        self._server: asyncio.Server | None = None
        self._links: set[asyncio.StreamWriter] = set()
        self.port = 0
        self.is_cut = False
        self._lose: bytes | None = None
        self.answers_lost = 0

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._relay, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]

    def url(self, url: str) -> str:
        """``url`` (a database on the server) reached through this cable."""
        parts = urlsplit(url)
        return parts._replace(netloc=f"postgres@127.0.0.1:{self.port}", query="").geturl()

    async def cut(self) -> None:
        self.is_cut = True
        for writer in list(self._links):
            writer.transport.abort()
        self._links.clear()

    def mend(self) -> None:
        self.is_cut = False

    def lose_answer(self, tag: bytes) -> None:
        """The next answer from the server holding ``tag`` never arrives: its link
        drops instead (the server has done the work, the client cannot know)."""
        self._lose = tag

    async def close(self) -> None:
        await self.cut()
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()

    async def _relay(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if self.is_cut:
            writer.transport.abort()
            return
        try:
            up_reader, up_writer = await asyncio.open_unix_connection(self._target)
        except OSError:
            writer.transport.abort()
            return
        self._links.update((writer, up_writer))

        async def pump(source: asyncio.StreamReader, sink: asyncio.StreamWriter) -> None:
            with contextlib.suppress(OSError, asyncio.IncompleteReadError):
                while data := await source.read(65536):
                    if sink is writer and self._lose is not None and self._lose in data:
                        self._lose = None
                        self.answers_lost += 1
                        up_writer.transport.abort()
                        break
                    sink.write(data)
                    await sink.drain()
            sink.transport.abort()

        await asyncio.gather(pump(reader, up_writer), pump(up_reader, writer))
        self._links.difference_update((writer, up_writer))
