"""The bot: owns the store and the name catalog; built by ``create_bot`` without starting."""

from __future__ import annotations

import asyncio
import gc
import importlib.util
import logging
import pkgutil
import re
import weakref
from typing import Any

import discord
import discord.gateway
import yarl
from discord.ext import commands

from bot.canon.catalog import Catalog
from bot.horizons import Horizons, utc_now
from bot.pipeline.budget import InvalidRequests
from bot.settings import Settings
from bot.store import Store, open_store
from bot.store.canon import CatalogRows
from bot.store.content_sync import SyncResult, sync_canon
from bot.tree import FamTree

log = logging.getLogger(__name__)

SHUTDOWN_GRACE_SECONDS = 10.0  # for work in flight to finish when the bot stops
SHUTDOWN_CANCEL_SECONDS = 2.0  # for work cancelled past that grace to roll back
GATEWAY_STABLE_SECONDS = 60.0  # a connection that lasted this long resets the back-off
GATEWAY_MAX_BACKOFF_SECONDS = 60.0


# The last catalog built, by the rows it was built from (compared whole, so any change to
# the canon builds a new one; the catalog is never changed once built). A bot builds one
# per start; a process that starts another bot on the same content (the test suite, some
# four hundred in-process bots a run; the benchmark) builds it once: ~3 ms of CPU, 5 % of
# a start with the stand-in, against ~0.2 ms to compare the rows.
_last_catalog: tuple[CatalogRows, Catalog] | None = None


def catalog_of(rows: CatalogRows) -> Catalog:
    """The catalog of these names, built once for as long as they stay the same."""
    global _last_catalog
    if _last_catalog is None or _last_catalog[0] != rows:
        built = Catalog.build(rows.characters, rows.actors, rows.episodes, rows.series)
        _last_catalog = (rows, built)
    return _last_catalog[1]


def extensions(package: str = "cogs") -> tuple[str, ...]:
    """Every extension in ``package``, in name order: each module or package in it, except
    those named with a leading underscore. A new cog is a new file; nothing lists it."""
    spec = importlib.util.find_spec(package)  # finds the folder without importing cogs
    folders = spec.submodule_search_locations if spec else None
    if not folders:
        raise RuntimeError(f"no {package} package to load extensions from")
    found = (m.name for m in pkgutil.iter_modules(folders) if not m.name.startswith("_"))
    return tuple(f"{package}.{name}" for name in sorted(found))


class FamBot(commands.Bot):
    """Start-up happens in ``setup_hook``; every resource is released in ``close``."""

    def __init__(self, settings: Settings, *, commands_only: bool = False) -> None:
        intents = discord.Intents.none()
        intents.guilds = True  # channel and guild objects for interactions
        if settings.spoiler_guard:  # member messages, for servers that turn the guard on
            intents.guild_messages = True
            intents.message_content = True
        # Every answer Discord gives the bot is counted: too many 401/403/429s in ten
        # minutes and Discord blocks the bot, so the spoiler guard pauses well before.
        self.invalid_requests = InvalidRequests()
        super().__init__(
            command_prefix=commands.when_mentioned,  # slash-only; no message intent
            help_command=None,
            intents=intents,
            tree_cls=FamTree,
            allowed_mentions=discord.AllowedMentions.none(),
            http_trace=self.invalid_requests.trace(),
            guild_ready_timeout=settings.guild_ready_seconds,
            **self._shard_options(settings),
        )
        self.settings = settings
        # ``python -m bot sync``: the command tree only, no store (nothing to serve).
        self.commands_only = commands_only
        self._store: Store | None = None
        self._catalog: Catalog | None = None
        self._horizons: Horizons | None = None
        self.content: SyncResult | None = None
        self._inflight: set[asyncio.Task[object]] = set()
        self.started_up = False  # set when setup_hook has finished
        # ``python -m bot``: once started, what the process holds for good (content, the
        # guard's default rules compiled: some 170,000 objects) is frozen out of the
        # collector's reach. A full collection (60 ms of it) keeps the GIL, so it stalled
        # the loop even with the guard reading on its thread (docs/reliability.md, 13).
        # Once only: whatever is frozen is never collected if it later becomes garbage.
        self.freeze_heap = False
        self.draining = False  # set by close(): new interactions are turned away
        # Views sent with a reply and not yet garbage: see bot.views.is_live.
        self.views: weakref.WeakSet[discord.ui.View] = weakref.WeakSet()
        # Custom ids that handlers registered at start answer, restart or not: see
        # ``answers_ids`` and bot.views.is_live.
        self.standing_ids: list[re.Pattern[str]] = []

    @property
    def store(self) -> Store:
        if self._store is None:
            raise RuntimeError("the store opens in setup_hook; log in first")
        return self._store

    @property
    def store_open(self) -> bool:
        """False for the command tree alone (``python -m bot sync``, or a tree read without
        logging in): such a bot serves nothing, so nothing should start that reads the store."""
        return self._store is not None

    @property
    def catalog(self) -> Catalog:
        if self._catalog is None:
            raise RuntimeError("the catalog is built in setup_hook; log in first")
        return self._catalog

    @property
    def horizons(self) -> Horizons:
        if self._horizons is None:
            raise RuntimeError("horizons are built in setup_hook; log in first")
        return self._horizons

    @staticmethod
    def _shard_options(settings: Settings) -> dict[str, Any]:
        return {}  # unsharded: Discord sends this one connection every server

    async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
        # The library's hook, with its 5 s between sessions as a setting.
        if not initial:
            await asyncio.sleep(self.settings.identify_seconds)

    def answers_ids(self, *patterns: str | re.Pattern[str]) -> None:
        """Custom ids (whole) that a handler registered at start answers, such as a form
        a listener reads: the handler for expired buttons leaves them alone."""
        self.standing_ids += [re.compile(p) if isinstance(p, str) else p for p in patterns]

    def add_dynamic_items(self, *items: type[discord.ui.DynamicItem[Any]]) -> None:
        """Register buttons found by custom id alone; their ids are answered, always."""
        super().add_dynamic_items(*items)
        self.answers_ids(*(item.__discord_ui_compiled_template__ for item in items))

    async def start(self, token: str, *, reconnect: bool = True) -> None:
        # Local problems (the database, the content files) are reported before any
        # network problem, and never wait for Discord.
        await self.prepare()
        await super().start(token, reconnect=reconnect)

    def adopt(self, store: Store, content: SyncResult) -> None:
        """Take the database ``python -m bot`` opened and brought up to date before it
        imported discord.py; ``prepare`` then only builds the catalog. From here on,
        close() releases it."""
        self._store = store
        self.content = content

    async def prepare(self) -> None:
        """Open the database and bring the canon up to date (once; adopted or not)."""
        if self._catalog is not None or self.commands_only:
            return
        if self._store is None:
            store = await open_store(self.settings)
            if self.is_closed():  # close() ran while the file opened: it could not release it
                await store.close()
                return
            self._store = store  # from here on, close() releases it
            self.content = await sync_canon(self.store.canon, self.settings.content_dir)
        await self.refresh_catalog()

    async def setup_hook(self) -> None:
        await self.prepare()  # already done by start(); tests and tools call login()
        if self.is_closed():
            return
        for extension in extensions():
            await self.load_extension(extension)
        if self.freeze_heap:
            gc.collect()
            gc.freeze()
        self.started_up = True

    async def refresh_catalog(self) -> None:
        rows = await self.store.canon.catalog_rows()
        self._catalog = catalog_of(rows)
        clock = self._horizons.clock if self._horizons else utc_now
        self._horizons = Horizons(self.store.community, rows.episodes, clock)

    async def connect(self, *, reconnect: bool = True) -> None:
        """discord.py's gateway loop, started again when it ends on an unreadable event.

        The library reconnects by itself after network failures, but an event it cannot
        decode or parse (malformed JSON, a payload missing a field) escapes its loop and
        would end the process for every server. This override (a documented method of
        ``Client``, not a patch) logs such an event, drops the connection and connects
        again with a fresh session, backing off if it keeps happening. Errors the library
        means as final (a rejected token, missing intents) still end it.
        """
        failures = 0
        while True:
            started = asyncio.get_running_loop().time()
            try:
                await super().connect(reconnect=reconnect)
                return
            except discord.DiscordException:
                raise
            except Exception as error:
                if not reconnect or self.is_closed():
                    raise
                lasted = asyncio.get_running_loop().time() - started
                failures = 1 if lasted > GATEWAY_STABLE_SECONDS else failures + 1
                delay = min(2.0 ** (failures - 1), GATEWAY_MAX_BACKOFF_SECONDS)
                log.error(
                    "Could not read an event from Discord (%s: %.200s); reconnecting in %.0f s",
                    type(error).__name__,
                    error,
                    delay,
                )
                log.debug("The unreadable event's traceback", exc_info=error)
                if self.ws is not None:
                    await self.ws.close(code=4000)  # a non-1000 code keeps the session resumable
                await asyncio.sleep(delay)

    def track(self, task: asyncio.Task[object]) -> None:
        """Remember a task that answers a member or writes a row until it finishes (see
        ``close``)."""
        self._inflight.add(task)
        task.add_done_callback(self._inflight.discard)

    def track_current_task(self) -> None:
        """Track the task running now. Called for every command (the tree), button press
        and timeout (``OwnedView``) and listener (``tracked_listener``): nowhere else."""
        task = asyncio.current_task()
        if task is not None:
            self.track(task)

    async def wait_until_idle(self, grace: float = SHUTDOWN_GRACE_SECONDS) -> bool:
        """Wait until no tracked work is running (work that starts meanwhile included);
        False if some still was after ``grace`` seconds."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + grace
        current = asyncio.current_task()
        while pending := {t for t in self._inflight if t is not current and not t.done()}:
            remaining = deadline - loop.time()
            if remaining <= 0:
                return False
            await asyncio.wait(pending, timeout=remaining)
        return True

    async def close(self) -> None:
        """Drain, then release: new interactions are turned away ("restarting") while
        the gateway is still up to receive them, work in flight finishes (or, past the
        grace period, is cancelled and rolls back), then the connection to Discord and
        the database close, in that order."""
        if not self.is_closed() and self._store is not None:
            self.draining = True
            if not await self.wait_until_idle():
                await self._cancel_inflight()
        await super().close()
        if self._store is not None:
            await self._store.close()
            self._store = None
            log.info("Database closed")

    async def _cancel_inflight(self) -> None:
        current = asyncio.current_task()
        running = [t for t in self._inflight if t is not current and not t.done()]
        log.warning("Shutting down: cancelling %d interaction(s) still running", len(running))
        for task in running:
            task.cancel()
        await asyncio.wait(running, timeout=SHUTDOWN_CANCEL_SECONDS)


class ShardedFamBot(FamBot, commands.AutoShardedBot):
    """The bot running the gateway shards ``settings.shards`` names, in one process.

    Discord sends each server's events to one shard, ``(guild_id >> 22) % count``; the
    other shards' processes serve the rest, all sharing community data through
    PostgreSQL. Only the connection differs: commands, cogs and the store are the same.
    """

    @staticmethod
    def _shard_options(settings: Settings) -> dict[str, Any]:
        assert settings.shards is not None
        return {"shard_count": settings.shards.count, "shard_ids": list(settings.shards.ids)}


def point_library(settings: Settings) -> None:
    """Point the library at a local stand-in for Discord (tests and the console only)."""
    if settings.api_base is not None:
        discord.http.Route.BASE = settings.api_base.rstrip("/")
    if settings.gateway_url is not None:
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(settings.gateway_url)


def create_bot(settings: Settings, *, commands_only: bool = False) -> FamBot:
    """Build the bot without connecting: tests and tools call this, then ``login``.
    ``commands_only``: the command tree, for ``python -m bot sync``; no store."""
    point_library(settings)
    if settings.shards is not None and not commands_only:
        return ShardedFamBot(settings)
    return FamBot(settings, commands_only=commands_only)
