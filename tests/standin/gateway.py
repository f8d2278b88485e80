"""The gateway half of the stand-in: a WebSocket speaking Discord's gateway protocol.

HELLO, IDENTIFY -> READY and GUILD_CREATE, heartbeats and their ACKs, RESUME, and
zlib-stream compression when the client asks for it (as discord.py does), following
the public gateway documentation.
"""

from __future__ import annotations

import asyncio
import json
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

from tests.standin import guilds, payloads
from tests.standin.rest import APPLICATION_ID, BOT_USER

HEARTBEAT_INTERVAL_MS = 41250
ROUND_TRIP_SECONDS = 10.0


@dataclass
class Session:
    socket: web.WebSocketResponse
    compressor: Any | None
    session_id: str
    sequence: int = 0
    identified: asyncio.Event = field(default_factory=asyncio.Event)
    acknowledged: int = -1  # the sequence number the client's last heartbeat carried
    heartbeat: asyncio.Event = field(default_factory=asyncio.Event)
    shard: tuple[int, int] = (0, 1)  # [shard id, shard count] from IDENTIFY

    def serves(self, guild_id: int | None) -> bool:
        """Discord's routing: a server's events go to its shard; direct messages to 0."""
        shard_id, count = self.shard
        return shard_id == (0 if guild_id is None else guilds.shard_of(guild_id, count))

    async def send(self, op: int, data: Any, event: str | None = None) -> None:
        payload: dict[str, Any] = {"op": op, "d": data, "s": None, "t": event}
        if op == 0:
            self.sequence += 1
            payload["s"] = self.sequence
        await self.send_text(json.dumps(payload))

    async def send_text(self, raw: str) -> None:
        """Send a frame as given: tests use it for payloads no JSON encoder would write."""
        if self.compressor is None:
            await self.socket.send_str(raw)
        else:
            chunk = self.compressor.compress(raw.encode()) + self.compressor.flush(
                zlib.Z_SYNC_FLUSH
            )
            await self.socket.send_bytes(chunk)


# What the guard needs: View Channel, Read Message History, Manage Messages, Manage
# Webhooks, Send Messages (and in Threads), Attach Files, Embed Links.
GUARD_PERMISSIONS = 0x400 | 0x10000 | 0x2000 | 0x20000000 | 0x800 | 0x8000 | 0x4000 | 1 << 38
EVERYONE_PERMISSIONS = 0x400 | 0x800 | 0x10000 | 0x80000000 | 0x4000 | 0x8000
VIEW_CHANNEL = 0x400
# Events Discord sends a bot only from channels it can see (View Channel).
CHANNEL_MESSAGES = ("MESSAGE_CREATE", "MESSAGE_UPDATE", "MESSAGE_DELETE", "MESSAGE_DELETE_BULK")


def _role(role_id: int, name: str, permissions: int, position: int) -> dict[str, Any]:
    return {
        "id": str(role_id),
        "name": name,
        "permissions": str(permissions),
        "position": position,
        "color": 0,
        "hoist": False,
        "managed": False,
        "mentionable": False,
        "flags": 0,
    }


def _channel(channel_id: int, name: str, denied_to_bot: int = 0) -> dict[str, Any]:
    overwrites = []
    if denied_to_bot:
        overwrites.append(
            {"id": str(payloads.BOT_ROLE_ID), "type": 0, "allow": "0", "deny": str(denied_to_bot)}
        )
    kind = payloads.CHANNEL_TYPES[channel_id]
    channel: dict[str, Any] = {
        "id": str(channel_id),
        "type": kind,
        "guild_id": str(payloads.GUILD_ID),
        "name": name,
        "position": 0,
        "permission_overwrites": overwrites,
        "nsfw": False,
        "parent_id": None,
        "topic": None,
        "last_message_id": None,
        "rate_limit_per_user": 0,
    }
    if kind in (2, 13):  # voice and stage channels, with their text chat
        channel.update(bitrate=64000, user_limit=0, rtc_region=None)
    if kind == 15:
        channel.update(available_tags=[], default_reaction_emoji=None, flags=0)
    return channel


def _thread(thread_id: int, name: str) -> dict[str, Any]:
    return {
        "id": str(thread_id),
        "type": 11,
        "guild_id": str(payloads.GUILD_ID),
        "parent_id": str(payloads.PARENTS[thread_id]),
        "owner_id": str(payloads.ALICE.id),
        "name": name,
        "last_message_id": None,
        "rate_limit_per_user": 0,
        "message_count": 0,
        "member_count": 1,
        "thread_metadata": {
            "archived": False,
            "auto_archive_duration": 1440,
            "archive_timestamp": "2026-11-24T00:00:00+00:00",
            "locked": False,
        },
        "flags": 0,
    }


def guild_payload(denied: dict[int, int] | None = None) -> dict[str, Any]:
    """The test server: #general, #spoilers (with a thread), #mod-log, an announcement
    channel, a voice and a stage channel, a forum with one post, and the bot's role.
    ``denied`` maps channel ids to permissions the bot is refused there."""
    denied = denied or {}
    bot_member = {
        "user": BOT_USER,
        "roles": [str(payloads.BOT_ROLE_ID)],
        "joined_at": "2024-01-01T00:00:00+00:00",
        "deaf": False,
        "mute": False,
        "flags": 0,
    }
    names = {
        payloads.CHANNEL_ID: "general",
        payloads.SPOILER_CHANNEL_ID: "spoilers",
        payloads.MOD_LOG_ID: "mod-log",
        payloads.ANNOUNCEMENT_ID: "announcements",
        payloads.VOICE_ID: "watch-party",
        payloads.STAGE_ID: "stage",
        payloads.FORUM_ID: "theories",
    }
    channels = [_channel(c, name, denied.get(c, 0)) for c, name in names.items()]
    threads = [
        _thread(payloads.THREAD_ID, "season 3 talk"),
        _thread(payloads.FORUM_POST_ID, "who survives"),
    ]
    return {
        "id": str(payloads.GUILD_ID),
        "name": "Jamestown Base",
        "icon": None,
        "owner_id": str(payloads.ALICE.id),
        "afk_channel_id": None,
        "afk_timeout": 300,
        "verification_level": 0,
        "default_message_notifications": 1,
        "explicit_content_filter": 0,
        "roles": [
            _role(payloads.GUILD_ID, "@everyone", EVERYONE_PERMISSIONS, 0),
            _role(payloads.BOT_ROLE_ID, "fambot", GUARD_PERMISSIONS, 1),
            _role(payloads.TRUSTED_ROLE_ID, "trusted", 0, 2),
        ],
        "emojis": [],
        "stickers": [],
        "features": [],
        "mfa_level": 0,
        "system_channel_id": None,
        "system_channel_flags": 0,
        "rules_channel_id": None,
        "vanity_url_code": None,
        "description": None,
        "banner": None,
        "premium_tier": 0,
        "preferred_locale": "en-US",
        "public_updates_channel_id": None,
        "nsfw_level": 0,
        "premium_progress_bar_enabled": False,
        "joined_at": "2024-01-01T00:00:00+00:00",
        "large": False,
        "unavailable": False,
        "member_count": 2,
        "members": [bot_member],
        "channels": channels,
        "threads": threads,
        "voice_states": [],
        "presences": [],
        "stage_instances": [],
        "guild_scheduled_events": [],
    }


@dataclass
class Gateway:
    sessions: list[Session] = field(default_factory=list)
    identifies: int = 0
    resumes: int = 0
    ready: asyncio.Event = field(default_factory=asyncio.Event)
    resumed: asyncio.Event = field(default_factory=asyncio.Event)
    url: str = ""
    denied: dict[int, int] = field(default_factory=dict)  # channel -> permissions refused
    # The servers the bot is in (each made from the channels it is refused): the test
    # server, and the second one on the other shard when a test adds it.
    servers: list[Callable[[dict[int, int]], dict[str, Any]]] = field(
        default_factory=lambda: [guild_payload]
    )
    # The stand-in's REST side, which enforces what ``deny`` refuses (the harness links it).
    enforced: dict[int, int] | None = None
    # When set, a session that asks to RESUME is told it cannot (op 9, d=false) and must
    # IDENTIFY afresh: the events sent while it was away are lost to it.
    refuse_resume: bool = False
    invalidated: int = 0
    # An outage: connections are accepted but the WebSocket handshake never completes
    # (the client waits on it, up to discord.py's 60 s), until this is set again.
    answering: asyncio.Event = field(default_factory=asyncio.Event)
    attempts: int = 0  # connection attempts, answered or not
    refusing: bool = False  # an outage that fails fast: every handshake gets HTTP 503

    def __post_init__(self) -> None:
        self.answering.set()

    async def dispatch(self, event: str, data: dict[str, Any]) -> None:
        """Send an event as Discord would: to every identified session of the server's
        shard (several sessions may run one shard, during a restart without downtime),
        but an interaction to one of them only (the longest connected). A channel's
        messages are not sent while ``deny`` refuses the bot View Channel there."""
        if event in CHANNEL_MESSAGES and self._hidden(int(data.get("channel_id") or 0)):
            return
        guild = data.get("guild_id")
        targets = [
            session
            for session in list(self.sessions)
            if session.identified.is_set()
            and not session.socket.closed
            and session.serves(int(guild) if guild else None)
        ]
        if event == "INTERACTION_CREATE":
            targets = targets[:1]
        for session in targets:
            try:
                await session.send(0, data, event)
            except ConnectionResetError:  # the client just died (a killed bot)
                continue

    def identified_shards(self) -> list[tuple[int, int]]:
        return [s.shard for s in self.sessions if s.identified.is_set() and not s.socket.closed]

    async def send_raw(self, raw: str) -> None:
        """Send a malformed frame (bad JSON, a lone surrogate) to every identified session."""
        for session in list(self.sessions):
            if session.identified.is_set() and not session.socket.closed:
                await session.send_text(raw)

    async def round_trip(self) -> None:
        """Return once every session has read everything sent to it so far.

        A heartbeat carries the last sequence number the client has processed, and
        discord.py dispatches an event (creating its listeners' tasks) in the same step
        that records its number. So: ask for heartbeats until one carries the last
        number sent. Waiting on that, not on a timer, is what makes tests exact.
        """
        async with asyncio.timeout(ROUND_TRIP_SECONDS):
            for session in list(self.sessions):
                target = session.sequence
                while (
                    session.identified.is_set()
                    and not session.socket.closed  # a client gone (killed) reads nothing more
                    and session.acknowledged < target
                ):
                    session.heartbeat.clear()
                    await session.send(1, None)  # "heartbeat now", as Discord may ask
                    await session.heartbeat.wait()

    async def deny(self, channel_id: int, permissions: int) -> None:
        """Refuse the bot ``permissions`` in a channel (CHANNEL_UPDATE), as an admin might."""
        self.denied[channel_id] = permissions
        if self.enforced is not None:
            self.enforced[channel_id] = permissions
        channel = next(
            c for c in guild_payload(self.denied)["channels"] if c["id"] == str(channel_id)
        )
        await self.dispatch("CHANNEL_UPDATE", channel)

    def _hidden(self, channel_id: int) -> bool:
        parent = payloads.PARENTS.get(channel_id, 0)
        return bool((self.denied.get(channel_id, 0) | self.denied.get(parent, 0)) & VIEW_CHANNEL)

    async def update_role(self, role_id: int, permissions: int) -> None:
        """A server admin changes a role's permissions (GUILD_ROLE_UPDATE). The stand-in's
        REST side enforces only what ``deny`` or ``StandIn.denied`` refuses."""
        role = _role(role_id, "fambot", permissions, 1)
        await self.dispatch("GUILD_ROLE_UPDATE", {"guild_id": str(payloads.GUILD_ID), "role": role})

    async def update_bot_member(self, roles: list[int]) -> None:
        """The bot's own roles change (GUILD_MEMBER_UPDATE, which Discord sends for the
        bot's own member without the members intent)."""
        member = {
            "guild_id": str(payloads.GUILD_ID),
            "user": BOT_USER,
            "roles": [str(r) for r in roles],
            "joined_at": "2024-01-01T00:00:00+00:00",
            "deaf": False,
            "mute": False,
            "flags": 0,
        }
        await self.dispatch("GUILD_MEMBER_UPDATE", member)

    async def drop(self) -> None:
        """Close every connection abruptly (code 4000 lets the client resume)."""
        for session in list(self.sessions):
            await session.socket.close(code=4000, message=b"stand-in dropped the connection")

    async def handle(self, request: web.Request) -> web.StreamResponse:
        self.attempts += 1
        if self.refusing:
            return web.Response(status=503, text="stand-in outage")
        await self.answering.wait()
        socket = web.WebSocketResponse(autoping=True)
        await socket.prepare(request)
        compress = request.query.get("compress") == "zlib-stream"
        session = Session(socket, zlib.compressobj() if compress else None, f"session-{id(socket)}")
        self.sessions.append(session)
        await session.send(10, {"heartbeat_interval": HEARTBEAT_INTERVAL_MS})
        try:
            async for message in socket:
                if message.type is not WSMsgType.TEXT and message.type is not WSMsgType.BINARY:
                    break
                await self._on_message(session, json.loads(message.data))
        finally:
            self.sessions.remove(session)
        return socket

    async def _on_message(self, session: Session, message: dict[str, Any]) -> None:
        op = message.get("op")
        if op == 1:  # heartbeat
            session.acknowledged = int(message.get("d") or 0)
            session.heartbeat.set()
            await session.send(11, None)
        elif op == 2:  # identify
            self.identifies += 1
            shard = message["d"].get("shard") or [0, 1]
            session.shard = (int(shard[0]), int(shard[1]))
            servers = [make(self.denied) for make in self.servers]
            servers = [g for g in servers if session.serves(int(g["id"]))]
            await session.send(
                0,
                {
                    "v": 10,
                    "user": BOT_USER,
                    "guilds": [{"id": g["id"], "unavailable": True} for g in servers],
                    "session_id": session.session_id,
                    "resume_gateway_url": self.url,
                    "shard": list(session.shard),
                    "application": {"id": str(APPLICATION_ID), "flags": 0},
                },
                "READY",
            )
            session.identified.set()
            for server in servers:
                await session.send(0, server, "GUILD_CREATE")
            self.ready.set()
        elif op == 6 and self.refuse_resume:  # the session is gone: identify again
            self.invalidated += 1
            await session.send(9, False)
        elif op == 6:  # resume
            self.resumes += 1
            session.sequence = int(message["d"].get("seq") or 0)
            session.identified.set()
            await session.send(0, {}, "RESUMED")
            self.resumed.set()
