"""Shared fixtures: the real content, a real SQLite file per test, a real PostgreSQL
database per test that asks for one, the bot on a stand-in."""

from __future__ import annotations

import asyncio
import dataclasses
import os
import shutil
import tempfile
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from bot.app import FamBot, create_bot, extensions
from bot.canon.content import ContentBundle
from bot.settings import DEFAULT_CONTENT_DIR, Settings
from bot.store import Store
from bot.store.content_sync import sync_canon
from cogs.meta import command_help
from tests import quick_exit, warm_bot
from tests.community_backends import Backend
from tests.guarding import guarded_server
from tests.long_first import reorder
from tests.postgres import Server
from tests.renderers import Canon, read_canon
from tests.shipped import shipped_content
from tests.standin.harness import FAKE_TOKEN, Harness


def pytest_configure(config: pytest.Config) -> None:
    # Nothing in the suite speaks TLS (the stand-in, PostgreSQL and the benchmark's bots
    # are local and plain), yet aiohttp builds two TLS contexts when imported, each
    # loading the system's CA bundle: about 0.2 s of CPU in every ``python -m bot`` child
    # (some sixty a run). An empty bundle, for this process and every child it starts.
    os.environ["SSL_CERT_FILE"] = os.devnull
    if config.getoption("numprocesses", None) and not hasattr(config, "workerinput"):
        # pytest-xdist's controller: one warm starter for all the workers, importing
        # while they start (a process without one starts its own on first use).
        warm_bot.own_starter()


def pytest_unconfigure(config: pytest.Config) -> None:
    warm_bot.stop_starter()
    if hasattr(config, "workerinput"):
        # A pytest-xdist worker: its results are sent, its clean-ups done. Its exit skips
        # the interpreter's teardown (~0.5 s of CPU, at the end of the run's critical
        # path); the atexit handlers and a flush still run (tests/quick_exit.py).
        quick_exit.when_the_interpreter_exits()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    reorder(items)  # the long tests first, one per worker (tests/long_first.py)


@pytest.fixture(scope="session")
def content_dir() -> Path:
    return DEFAULT_CONTENT_DIR


@pytest.fixture(scope="session")
def bundle() -> ContentBundle:
    """The shipped content, read once per process (``tests/shipped.py``)."""
    return shipped_content()


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory, content_dir: Path) -> Path:
    """A database with the real migrations and content, built once and copied per test."""
    path = tmp_path_factory.mktemp("template") / "fambot.sqlite3"

    async def build() -> None:
        store = await Store.open(path)
        await sync_canon(store.canon, content_dir)
        await store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        await store.close()

    asyncio.run(build())
    return path


@pytest.fixture(scope="session")
def canon(tmp_path_factory: pytest.TempPathFactory, template_db: Path, content_dir: Path) -> Canon:
    """The records renderers take, read once through the real store, and /help's lines
    from the real command tree (``tests/renderers.py``)."""
    path = tmp_path_factory.mktemp("canon") / "fambot.sqlite3"
    shutil.copy(template_db, path)

    async def read() -> Canon:
        store = await Store.open(path)
        try:
            snapshot = await read_canon(store, shipped_content())
        finally:
            await store.close()
        bot = create_bot(Settings(token=FAKE_TOKEN, database_path=path, content_dir=content_dir))
        for extension in extensions():
            await bot.load_extension(extension)  # the tree only: the bot never logs in
        return dataclasses.replace(snapshot, commands=tuple(command_help(bot.tree)))

    return asyncio.run(read())


@pytest.fixture
def db_path(tmp_path: Path, template_db: Path) -> Path:
    path = tmp_path / "fambot.sqlite3"
    shutil.copy(template_db, path)
    return path


@pytest.fixture
async def store(db_path: Path) -> AsyncIterator[Store]:
    opened = await Store.open(db_path)
    yield opened
    await opened.close()


@pytest.fixture
def settings(db_path: Path, content_dir: Path) -> Settings:
    return Settings(token=FAKE_TOKEN, database_path=db_path, content_dir=content_dir)


@pytest.fixture
async def harness(settings: Settings) -> AsyncIterator[Harness]:
    running = Harness(settings)
    await running.start()
    yield running
    await running.stop()


@pytest.fixture
def bot(harness: Harness) -> FamBot:
    assert harness.bot is not None
    return harness.bot


@pytest.fixture(scope="session")
def postgres(testrun_uid: str, worker_id: str) -> Iterator[Server]:
    """The session's PostgreSQL server, started on first use and shared by the workers
    (a missing server is a failure, never a skip: ``pgserver`` is a test dependency)."""
    server = Server(Path(tempfile.gettempdir()) / f"fambot-pg-{testrun_uid}", worker_id)
    yield server
    server.stop()


@pytest.fixture
async def postgres_url(postgres: Server) -> str:
    """The migrated test database, emptied for this test."""
    return await postgres.emptied()


@pytest.fixture(params=["sqlite", "postgres"])
def backend_url(request: pytest.FixtureRequest) -> str | None:
    """Run the test once per community backend: None for SQLite, else a database URL."""
    if request.param == "sqlite":
        return None
    url: str = request.getfixturevalue("postgres_url")
    return url


@pytest.fixture
async def backend(backend_url: str | None, db_path: Path) -> AsyncIterator[Backend]:
    """Opens the community store on this run's backend; closes whatever it opened."""
    opened = Backend(db_path, backend_url)
    yield opened
    await opened.close_all()


@pytest.fixture
async def guarded(settings: Settings) -> AsyncIterator[Harness]:
    """A server with the spoiler guard on and a mod log (``tests/guarding.py``)."""
    async with guarded_server(settings) as running:
        yield running


@pytest.fixture
def open_dir() -> Iterator[Path]:
    """A folder a child process can use whoever it runs as (see tests/bot_process.py:
    as root, children run as nobody; pytest's tmp_path is private to root)."""
    path = Path(tempfile.mkdtemp(prefix="fambot-"))
    path.chmod(0o755)
    if os.geteuid() == 0:
        os.chown(path, 65534, 65534)
    yield path
    for folder, dirs, _ in os.walk(path):
        for name in dirs:
            Path(folder, name).chmod(0o755)
    shutil.rmtree(path, ignore_errors=True)
