"""The bot: owns the store and the name catalog; built by ``create_bot`` without starting."""

from __future__ import annotations

import asyncio
import importlib.util
import logging
import pkgutil

import discord
import discord.gateway
import yarl
from discord.ext import commands

from bot.canon.catalog import Catalog
from bot.horizons import Horizons, utc_now
from bot.pipeline.budget import InvalidRequests
from bot.settings import Settings
from bot.store import Store
from bot.store.content_sync import SyncResult, sync_canon
from bot.tree import FamTree

log = logging.getLogger(__name__)

SHUTDOWN_GRACE_SECONDS = 10.0


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

    def __init__(self, settings: Settings) -> None:
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
        )
        self.settings = settings
        self._store: Store | None = None
        self._catalog: Catalog | None = None
        self._horizons: Horizons | None = None
        self.content: SyncResult | None = None
        self._inflight: set[asyncio.Task[object]] = set()

    @property
    def store(self) -> Store:
        if self._store is None:
            raise RuntimeError("the store opens in setup_hook; log in first")
        return self._store

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

    async def setup_hook(self) -> None:
        self._store = await Store.open(self.settings.database_path)
        self.content = await sync_canon(self.store.canon, self.settings.content_dir)
        await self.refresh_catalog()
        for extension in extensions():
            await self.load_extension(extension)

    async def refresh_catalog(self) -> None:
        rows = await self.store.canon.catalog_rows()
        self._catalog = Catalog.build(rows.characters, rows.actors, rows.episodes, rows.series)
        clock = self._horizons.clock if self._horizons else utc_now
        self._horizons = Horizons(self.store.community, rows.episodes, clock)

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
        """Wait for in-flight interactions; False if some were still running after ``grace``."""
        current = asyncio.current_task()
        pending = {t for t in self._inflight if t is not current and not t.done()}
        if not pending:
            return True
        _, still_running = await asyncio.wait(pending, timeout=grace)
        return not still_running

    async def close(self) -> None:
        if not self.is_closed() and not await self.wait_until_idle():
            log.warning("Shutting down with interactions still running")
        await super().close()
        if self._store is not None:
            await self._store.close()
            self._store = None
            log.info("Database closed")


def create_bot(settings: Settings) -> FamBot:
    """Build the bot without connecting: tests and tools call this, then ``login``."""
    # Point the library at a local stand-in for Discord (tests and the console only).
    if settings.api_base is not None:
        discord.http.Route.BASE = settings.api_base.rstrip("/")
    if settings.gateway_url is not None:
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(settings.gateway_url)
    return FamBot(settings)
