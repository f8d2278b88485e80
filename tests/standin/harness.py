"""Running the real bot against the local stand-in and feeding it interactions."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import discord
import discord.gateway
from aiohttp import web

from bot.app import FamBot, create_bot
from bot.settings import Settings
from tests.standin import ids, payloads
from tests.standin.extension_modules import finalised_quickly, reused
from tests.standin.gateway import Gateway
from tests.standin.rest import Message, Recorded, StandIn, build_app

TIMEOUT = 10.0
MODAL = 9  # the interaction callback that opens a form
SETTLE_ROUNDS = 10
FAKE_TOKEN = "MTAwMDAwMDAwMDAwMDAwMDAw.GabcDE.abcdefghijklmnopqrstuvwxyz0123456789AB"


@dataclass
class Exchange:
    """What the bot sent Discord while handling one interaction."""

    payload: dict[str, Any]
    requests: list[Recorded]
    stand_in: StandIn = field(repr=False)

    @property
    def callback(self) -> Recorded:
        found = [r for r in self.requests if r.path.endswith("/callback")]
        assert len(found) == 1, f"expected one interaction callback, got {len(found)}"
        return found[0]

    @property
    def type(self) -> int:
        return int(self.callback.json["type"])

    @property
    def data(self) -> dict[str, Any]:
        return dict(self.callback.json.get("data") or {})

    @property
    def ephemeral(self) -> bool:
        return bool(int(self.data.get("flags") or 0) & 64)

    @property
    def content(self) -> str:
        return str(self.data.get("content") or "")

    @property
    def embeds(self) -> list[dict[str, Any]]:
        return list(self.data.get("embeds") or [])

    @property
    def choices(self) -> list[dict[str, Any]]:
        return list(self.data.get("choices") or [])

    @property
    def message(self) -> Message:
        token = self.payload["token"]
        return self.stand_in.messages[self.stand_in.originals[token]]

    def button_ids(self) -> dict[str, str]:
        """Button label -> custom_id for the buttons on the reply."""
        found: dict[str, str] = {}
        for row in self.data.get("components") or []:
            for item in row.get("components", []):
                if item.get("type") == 2:
                    found[item.get("label", "")] = item["custom_id"]
        return found


class Harness:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.stand_in = StandIn()
        self.gateway = Gateway()
        self._runner: web.AppRunner | None = None
        self._pointed: Settings | None = None  # settings aimed at the stand-in
        # Called with each bot the harness starts (a restart makes a new one).
        self.tune: list[Callable[[FamBot], None]] = []
        self._old_base = discord.http.Route.BASE
        self._old_gateway = discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
        self.bot: FamBot | None = None
        self._connection: asyncio.Task[None] | None = None

    async def serve(self) -> Settings:
        """Start only the stand-in; return settings that point the bot at it."""
        app = build_app(self.stand_in, lambda token: payloads.CHANNEL_ID)
        app.router.add_get("/gateway", self.gateway.handle)
        self.stand_in.dispatch = self.gateway.dispatch
        self.gateway.enforced = self.stand_in.denied
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.stand_in.url = f"http://127.0.0.1:{port}/api/v10"
        self.gateway.url = f"ws://127.0.0.1:{port}/gateway"
        return dataclasses.replace(
            self.settings,
            log_level="WARNING",
            api_base=self.stand_in.url,
            gateway_url=self.gateway.url,
        )

    async def start(self) -> FamBot:
        """Start the stand-in, then the bot: log in, connect the gateway, wait for READY."""
        self._pointed = await self.serve()
        return await self.start_bot()

    async def stop_bot(self) -> None:
        """Stop the bot as a SIGTERM would (the stand-in keeps running and keeps state)."""
        if self.bot is not None:
            await self.bot.close()
        if self._connection is not None:
            await asyncio.wait({self._connection}, timeout=TIMEOUT)
        self.bot = None

    async def start_bot(self) -> FamBot:
        """(Re)start the bot against the running stand-in and wait for READY."""
        settings = self._pointed
        assert settings is not None, "serve() first"
        self.bot = create_bot(settings)
        finalised_quickly(self.bot)  # its close purges sys.modules in one pass
        with reused(self.bot):  # the cogs' modules as an earlier bot executed them
            await self.bot.login(settings.require_token())
        # The library waits this long after READY for more GUILD_CREATEs; the stand-in
        # sends its one guild at once, so the default 2 s would only slow tests down.
        self.bot._connection.guild_ready_timeout = 0.05
        # Nor does the stand-in rate-limit IDENTIFY: the hook's 5 s between sessions (a
        # public hook, meant to be overridden) would only slow tests down too.
        self.bot.before_identify_hook = _identify_at_once  # type: ignore[method-assign]
        for tune in self.tune:
            tune(self.bot)
        self._connection = asyncio.create_task(self.bot.connect(reconnect=True))
        ready = asyncio.create_task(self.bot.wait_until_ready())
        done, _ = await asyncio.wait(
            {ready, self._connection}, timeout=TIMEOUT, return_when=asyncio.FIRST_COMPLETED
        )
        if ready not in done:
            ready.cancel()
            if self._connection in done:
                self._connection.result()  # surface why the connection ended
            raise TimeoutError("the bot did not become ready")
        return self.bot

    async def stop(self) -> None:
        if self.bot is not None:
            await self.bot.close()
        if self._connection is not None:
            await asyncio.wait({self._connection}, timeout=TIMEOUT)
        self.stand_in.faults.released.set()
        if self._runner is not None:
            await self._runner.cleanup()
        discord.http.Route.BASE = self._old_base
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = self._old_gateway

    async def send(self, payload: dict[str, Any]) -> Exchange:
        """Send an interaction over the gateway, and wait until the bot has answered it."""
        assert self.bot is not None
        before = len(self.stand_in.requests)
        answered = self.stand_in.callback_event(int(payload["id"]))
        await self.gateway.dispatch("INTERACTION_CREATE", payload)
        await asyncio.wait_for(answered.wait(), TIMEOUT)
        await asyncio.sleep(0)
        await self.bot.wait_until_idle(TIMEOUT)
        return Exchange(payload, self.stand_in.requests[before:], self.stand_in)

    async def command(
        self,
        name: str,
        options: dict[str, Any] | None = None,
        member: payloads.Member = payloads.ALICE,
        channel_id: int = payloads.CHANNEL_ID,
    ) -> Exchange:
        return await self.send(payloads.slash(name, options or {}, member, channel_id))

    async def complete(
        self,
        name: str,
        focused: str,
        options: dict[str, Any],
        member: payloads.Member = payloads.ALICE,
        subcommand: str | None = None,
    ) -> Exchange:
        """Autocomplete for option ``focused``, with ``options`` typed so far."""
        return await self.send(
            payloads.autocomplete(name, focused, options, member, subcommand=subcommand)
        )

    async def subcommand(
        self,
        path: str,
        options: dict[str, Any] | None = None,
        member: payloads.Member = payloads.ALICE,
        channel_id: int = payloads.CHANNEL_ID,
    ) -> Exchange:
        """``await harness.subcommand("spoilers guard on")``."""
        return await self.send(payloads.subcommand(path, options or {}, member, channel_id))

    def upload(self, filename: str, data: bytes) -> dict[str, Any]:
        """An attachment a member posted: its bytes are served at its URL."""
        attachment_id = ids.next_id()
        path = f"/attachments/{attachment_id}/{filename}"
        self.stand_in.files[path] = data
        base = self.stand_in.url.removesuffix("/api/v10")
        return {
            "id": str(attachment_id),
            "filename": filename,
            "size": len(data),
            "url": f"{base}{path}",
            "proxy_url": f"{base}{path}",
        }

    async def member_says(self, member: payloads.Member, content: str, **kwargs: Any) -> Message:
        """A member posts a message: the stand-in keeps it and sends MESSAGE_CREATE."""
        payload = payloads.member_message(member, content, **kwargs)
        message = Message(int(payload["id"]), int(payload["channel_id"]), payload)
        self.stand_in.members[member.id] = {"user": member.user(), **payload["member"]}
        self.stand_in.messages[message.id] = message
        await self.gateway.dispatch("MESSAGE_CREATE", payload)
        return message

    async def settle(self) -> None:
        """Let the bot finish whatever the last gateway events started, and whatever
        that started in turn (a repost comes back through the gateway as a message):
        until the bot has read every event and a round leaves Discord untouched."""
        assert self.bot is not None
        for _ in range(SETTLE_ROUNDS):
            seen = len(self.stand_in.requests)
            await self.gateway.round_trip()
            assert await self.bot.wait_until_idle(TIMEOUT), "the bot is still busy"
            guard = self.bot.get_cog("SpoilerGuard")
            if guard is not None:  # its lanes run apart from tracked work
                await guard.settled()  # type: ignore[attr-defined]
            if len(self.stand_in.requests) == seen:
                return
        raise AssertionError(f"the bot kept calling Discord for {SETTLE_ROUNDS} rounds")

    async def member_edits(
        self, message: Message, content: str, *, deliver: bool = True
    ) -> dict[str, Any]:
        """The author edits a message: MESSAGE_UPDATE with the new content. With
        ``deliver=False`` the event is returned for the test to deliver later, out of
        order (``deliver_event``), as Discord sometimes does."""
        message.payload["content"] = content
        message.payload["edited_timestamp"] = payloads.now()
        event = dict(message.payload)
        if deliver:
            await self.gateway.dispatch("MESSAGE_UPDATE", event)
        return event

    async def member_deletes(self, message: Message, *, deliver: bool = True) -> dict[str, Any]:
        """The author (or a moderator) deletes a message: MESSAGE_DELETE."""
        self.stand_in.messages.pop(message.id, None)
        event = {
            "id": str(message.id),
            "channel_id": str(message.channel_id),
            "guild_id": str(payloads.GUILD_ID),
        }
        if deliver:
            await self.gateway.dispatch("MESSAGE_DELETE", event)
        return event

    async def deliver_event(self, event: dict[str, Any]) -> None:
        """Deliver an event kept back by ``member_edits`` or ``member_deletes``."""
        name = "MESSAGE_UPDATE" if "content" in event else "MESSAGE_DELETE"
        await self.gateway.dispatch(name, event)

    async def press(
        self, exchange: Exchange, label: str, member: payloads.Member = payloads.ALICE
    ) -> Exchange:
        custom_id = exchange.button_ids()[label]
        return await self.send(payloads.button(exchange.message, custom_id, member))

    async def submit(
        self,
        form: Exchange,
        values: dict[str, str],
        on: Exchange,
        member: payloads.Member = payloads.ALICE,
    ) -> Exchange:
        """Fill in the form ``form`` opened (its callback was a modal) and submit it;
        ``on`` is the reply whose button opened it. Waits for the final answer."""
        assert form.type == MODAL, f"expected a form, got callback type {form.type}"
        payload = payloads.modal_submit(on.message, form.data["custom_id"], values, member)
        return await self.send(payload)


async def _identify_at_once(shard_id: int | None, *, initial: bool = False) -> None:
    return None
