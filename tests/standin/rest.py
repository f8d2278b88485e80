"""A local stand-in for Discord's REST API, on 127.0.0.1, for tests.

It answers the routes the bot uses the way the public API documentation describes,
keeps the messages it creates, and records every request so tests can assert on
exactly what Discord would have received. The bot runs unmodified against it; only
the API base address differs.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from aiohttp import BodyPartReader, web
from aiohttp.typedefs import Handler

from tests.standin import ids
from tests.standin.faults import (
    MISSING_ACCESS,
    MISSING_PERMISSIONS,
    RATE_LIMITED,
    SERVER_ERROR,
    UNKNOWN_MESSAGE,
    Fault,
    Faults,
    Match,
)
from tests.standin.ratelimits import RateLimits

WAIT_SECONDS = 10.0  # how long a test waits for the bot before calling it a failure
BOT_USER_ID = 900000000000000001
APPLICATION_ID = 900000000000000002
BOT_USER = {
    "id": str(BOT_USER_ID),
    "username": "fambot",
    "discriminator": "0",
    "global_name": "fambot",
    "avatar": None,
    "bot": True,
}


@dataclass
class Recorded:
    method: str
    path: str
    query: dict[str, str]
    body: Any

    @property
    def json(self) -> dict[str, Any]:
        return self.body if isinstance(self.body, dict) else {}


@dataclass
class Message:
    id: int
    channel_id: int
    payload: dict[str, Any]
    flags: int = 0
    made: float = field(default_factory=time.monotonic)  # when the stand-in stored it

    @property
    def content(self) -> str:
        return str(self.payload.get("content") or "")


@dataclass
class StandIn:
    """State and recordings; ``url`` is the API base the bot should use."""

    url: str = ""
    requests: list[Recorded] = field(default_factory=list)
    messages: dict[int, Message] = field(default_factory=dict)
    # interaction token -> id of the original response message
    originals: dict[str, int] = field(default_factory=dict)
    _callbacks: dict[str, asyncio.Event] = field(default_factory=dict)
    webhooks: dict[int, Webhook] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)  # attachment path -> bytes
    # Called with each event a REST request causes (MESSAGE_CREATE for a message sent,
    # MESSAGE_DELETE, WEBHOOKS_UPDATE ...): Discord announces them on the gateway.
    dispatch: Callable[[str, dict[str, Any]], Awaitable[None]] | None = None
    # Slows interaction callbacks down, to catch the bot with a reply in flight.
    callback_delay: float = 0.0
    callback_started: asyncio.Event = field(default_factory=asyncio.Event)
    _arrival: asyncio.Event = field(default_factory=asyncio.Event)  # set on every request
    faults: Faults = field(default_factory=Faults)
    # Discord's rate limits, when a test turns them on (``RateLimits()``).
    rate_limits: RateLimits | None = None
    # When each 401, 403 and 429 was answered (Discord bans an IP at 10,000 in ten
    # minutes; 429s of the "shared" scope do not count).
    invalid: list[float] = field(default_factory=list)
    # channel id -> permission bits the bot is refused there, enforced on REST routes
    # (the gateway tells the bot about them only when a test says so).
    denied: dict[int, int] = field(default_factory=dict)

    # What GET /oauth2/applications/@me and /users/@me/guilds report (python -m bot check).
    application: dict[str, Any] = field(default_factory=dict)  # overrides, e.g. flags
    member_of: list[dict[str, Any]] = field(default_factory=list)  # partial guilds

    # message id -> when it was deleted (time.monotonic()), for the benchmarks
    deleted_at: dict[int, float] = field(default_factory=dict)
    # (channel id, nonce) -> the bot's message sent with it (enforce_nonce)
    nonces: dict[tuple[int, str], int] = field(default_factory=dict)
    # user id -> member object, for GET /guilds/{id}/members/{user} (members who posted)
    members: dict[int, dict[str, Any]] = field(default_factory=dict)

    async def announce(self, event: str, payload: dict[str, Any]) -> None:
        if self.dispatch is not None:
            await self.dispatch(event, payload)

    async def webhooks_changed(self, channel_id: int) -> None:
        from tests.standin.payloads import GUILD_ID

        event = {"guild_id": str(GUILD_ID), "channel_id": str(channel_id)}
        await self.announce("WEBHOOKS_UPDATE", event)

    async def move_webhook(self, webhook_id: int, channel_id: int) -> None:
        """A moderator moves a webhook to another channel (Server Settings, Integrations)."""
        webhook = self.webhooks[webhook_id]
        old, webhook.channel_id = webhook.channel_id, channel_id
        await self.webhooks_changed(old)
        await self.webhooks_changed(channel_id)

    async def delete_webhook(self, webhook_id: int) -> None:
        webhook = self.webhooks.pop(webhook_id)
        await self.webhooks_changed(webhook.channel_id)

    def invalid_within(self, seconds: float) -> int:
        """Invalid requests answered in the last ``seconds``."""
        now = time.monotonic()
        return sum(1 for at in self.invalid if now - at <= seconds)

    def calls(self, method: str | None = None, contains: str = "") -> list[Recorded]:
        return [
            r
            for r in self.requests
            if (method is None or r.method == method) and contains in r.path
        ]

    def record(self, request: Recorded) -> None:
        self.requests.append(request)
        self._arrival.set()

    async def wait_until(self, check: Callable[[], bool]) -> None:
        """Wait (up to ``WAIT_SECONDS``) until ``check()`` holds; it is asked again after
        every request the stand-in receives or answers."""
        async with asyncio.timeout(WAIT_SECONDS):
            while not check():
                self._arrival.clear()
                await self._arrival.wait()

    async def wait_for(self, method: str, contains: str = "", count: int = 1) -> list[Recorded]:
        """Wait (up to ``WAIT_SECONDS``) until ``count`` requests like
        ``calls(method, contains)`` have arrived."""
        async with asyncio.timeout(WAIT_SECONDS):
            while len(found := self.calls(method, contains)) < count:
                self._arrival.clear()
                await self._arrival.wait()
        return found

    def callback_event(self, interaction_id: int) -> asyncio.Event:
        return self._callbacks.setdefault(str(interaction_id), asyncio.Event())

    @property
    def failures(self) -> list[Fault]:
        """Faults queued and not yet served."""
        return self.faults.queued

    def inject(self, fault: Fault) -> None:
        self.faults.add(fault)

    def fail_next(
        self,
        match: Match,
        status: int,
        body: dict[str, Any],
        headers: dict[str, str] | None = None,
        *,
        times: int = 1,
        after: bool = False,
    ) -> None:
        """Answer the next request ``match`` accepts with this error instead (``after``:
        carry it out first, then answer with the error)."""
        self.inject(Fault(match, status, body, headers or {}, after=after, times=times))

    def rate_limit_next(
        self, match: Match, retry_after: float, *, times: int = 1, scope: str = "user"
    ) -> None:
        """A 429 as Discord sends it."""
        self.fail_next(
            match,
            429,
            {**RATE_LIMITED, "retry_after": retry_after},
            {
                "Retry-After": str(retry_after),
                "X-RateLimit-Limit": "5",
                "X-RateLimit-Remaining": "0",
                "X-RateLimit-Reset-After": str(retry_after),
                "X-RateLimit-Scope": scope,
            },
            times=times,
        )

    def missing_permissions_next(self, match: Match, *, times: int = 1) -> None:
        self.fail_next(match, 403, MISSING_PERMISSIONS, times=times)

    def missing_access_next(self, match: Match, *, times: int = 1) -> None:
        self.fail_next(match, 403, MISSING_ACCESS, times=times)

    def unknown_message_next(self, match: Match, *, times: int = 1) -> None:
        self.fail_next(match, 404, UNKNOWN_MESSAGE, times=times)

    def server_error_next(self, match: Match, status: int = 503, *, times: int = 1) -> None:
        """A 5xx before the work was done."""
        self.fail_next(match, status, SERVER_ERROR, times=times)

    def lost_answer_next(self, match: Match, status: int = 502, *, times: int = 1) -> None:
        """Discord did the work, then the answer was lost (a 5xx from its proxy)."""
        self.fail_next(match, status, SERVER_ERROR, after=True, times=times)

    def reset_next(self, match: Match, *, after: bool = False, times: int = 1) -> None:
        """Drop the connection with a TCP reset, before or after doing the work."""
        self.inject(Fault(match, reset=True, after=after, times=times))

    def hang_next(self, match: Match, seconds: float, *, times: int = 1) -> None:
        """Discord unreachable: no answer for ``seconds`` (the client's timeout should
        fire first), then the connection drops without the work done."""
        self.inject(Fault(match, hang=seconds, reset=True, times=times))


# A request's parsed JSON body (an object, a list for bulk routes, or None): the stand-in
# reads it the way Discord documents each route, so it stays loosely typed here.
JSON = Any
BODY = web.RequestKey[JSON]("body", object)


def reply(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    """JSON exactly as Discord sends it (the library checks the bare content type)."""
    return web.Response(
        body=json.dumps(data).encode(),
        status=status,
        headers={"Content-Type": "application/json", **(headers or {})},
    )


def _timestamp() -> str:
    return datetime.now(UTC).isoformat()


def message_payload(
    message_id: int, channel_id: int, body: dict[str, Any], *, application_id: int | None = None
) -> dict[str, Any]:
    """A message object as Discord returns it after a create or an edit."""
    payload: dict[str, Any] = {
        "id": str(message_id),
        "channel_id": str(channel_id),
        "type": 20 if application_id else 0,
        "content": body.get("content") or "",
        "author": BOT_USER,
        "embeds": body.get("embeds") or [],
        "components": body.get("components") or [],
        "attachments": [],
        "mentions": [],
        "mention_roles": [],
        "mention_everyone": False,
        "pinned": False,
        "tts": False,
        "timestamp": _timestamp(),
        "edited_timestamp": None,
        "flags": int(body.get("flags") or 0),
    }
    if application_id:
        payload["application_id"] = str(application_id)
        payload["webhook_id"] = str(application_id)
    return payload


async def _body(request: web.Request) -> Any:
    if request.content_type == "application/json":
        return await request.json()
    if request.content_type.startswith("multipart/"):
        reader = await request.multipart()
        payload: dict[str, Any] = {}
        files: list[dict[str, Any]] = []
        async for part in reader:
            if not isinstance(part, BodyPartReader):
                continue  # nested multipart: Discord's routes never send it
            if part.name == "payload_json":
                payload = json.loads(await part.text())
            else:
                data = await part.read()
                files.append({"field": part.name, "filename": part.filename, "data": data})
        return {**payload, "_files": files}
    text = await request.text()
    return json.loads(text) if text else None


def build_app(state: StandIn, channel_for: Callable[[str], int]) -> web.Application:
    """``channel_for(token)`` tells which channel an interaction token belongs to."""
    routes = web.RouteTableDef()
    counter = itertools.count(1)

    @web.middleware
    async def record(request: web.Request, handler: Handler) -> web.StreamResponse:
        body = await _body(request) if request.can_read_body else None
        path = request.path.removeprefix("/api/v10")
        state.record(Recorded(request.method, path, dict(request.query), body))
        request[BODY] = body
        response = await _answer(request, handler, path)
        state._arrival.set()  # answered: what a test waits on may have changed
        response.headers.setdefault("Via", "1.1 google")  # Discord answers through its proxy
        if response.status in (401, 403) or (
            response.status == 429 and response.headers.get("X-RateLimit-Scope") != "shared"
        ):
            state.invalid.append(time.monotonic())
        return response

    async def _answer(request: web.Request, handler: Any, path: str) -> web.StreamResponse:
        limits: dict[str, str] = {}
        if state.rate_limits is not None:
            verdict = state.rate_limits.check(request.method, path)
            limits = verdict.headers
            if not verdict.allowed:
                body = {**RATE_LIMITED, "retry_after": verdict.retry_after}
                body["global"] = verdict.global_limit
                headers = {**limits, "Retry-After": str(verdict.retry_after)}
                return reply(body, status=429, headers=headers)
        fault = state.faults.take(request)
        if fault is not None:
            response = await state.faults.serve(fault, request, lambda: handler(request))
        else:
            response = await handler(request)
        response.headers.update(limits)
        return response

    @routes.get("/api/v10/users/@me")
    async def me(request: web.Request) -> web.Response:
        return reply(BOT_USER)

    @routes.get("/api/v10/oauth2/applications/@me")
    async def application(request: web.Request) -> web.Response:
        return reply(
            {
                "id": str(APPLICATION_ID),
                "name": "fambot",
                "icon": None,
                "description": "",
                "rpc_origins": [],
                "bot_public": True,
                "bot_require_code_grant": False,
                "owner": {**BOT_USER, "id": "900000000000000003", "bot": False},
                "summary": "",
                "verify_key": "0" * 64,
                "team": None,
                "flags": 0,
                **state.application,
            }
        )

    @routes.get("/api/v10/users/@me/guilds")
    async def my_guilds(request: web.Request) -> web.Response:
        return reply(state.member_of)

    @routes.post("/api/v10/interactions/{interaction_id}/{token}/callback")
    async def callback(request: web.Request) -> web.Response:
        state.callback_started.set()
        if state.callback_delay:
            await asyncio.sleep(state.callback_delay)
        body = request[BODY]
        interaction_id = request.match_info["interaction_id"]
        token = request.match_info["token"]
        kind = int(body["type"])
        data = body.get("data") or {}
        response: dict[str, Any] = {
            "interaction": {
                "id": interaction_id,
                "type": 2,
                "response_message_loading": kind == 5,
                "response_message_ephemeral": bool(int(data.get("flags") or 0) & 64),
            }
        }
        if kind in (4, 5):  # a new message (or a deferred one)
            message_id = ids.next_id()
            channel_id = channel_for(token)
            payload = message_payload(message_id, channel_id, data, application_id=APPLICATION_ID)
            state.messages[message_id] = Message(message_id, channel_id, payload)
            state.originals[token] = message_id
            response["interaction"]["response_message_id"] = str(message_id)
            response["resource"] = {"type": kind, "message": payload}
        elif kind == 7:  # update the message the component is on
            response["resource"] = {"type": kind}
        state.callback_event(int(interaction_id)).set()
        next(counter)
        return reply(response)

    def _edit(message_id: int, body: dict[str, Any]) -> dict[str, Any]:
        message = state.messages[message_id]
        for key in ("content", "embeds", "components", "flags"):
            if key in body:
                message.payload[key] = body[key] if body[key] is not None else []
        if message.payload.get("content") is None:
            message.payload["content"] = ""
        message.payload["edited_timestamp"] = _timestamp()
        return message.payload

    @routes.patch("/api/v10/webhooks/{application_id}/{token}/messages/@original")
    async def edit_original(request: web.Request) -> web.Response:
        message_id = state.originals.get(request.match_info["token"])
        if message_id is None:
            return reply({"message": "Unknown Message", "code": 10008}, status=404)
        return reply(_edit(message_id, request[BODY]))

    @routes.get("/api/v10/webhooks/{application_id}/{token}/messages/@original")
    async def get_original(request: web.Request) -> web.Response:
        message_id = state.originals.get(request.match_info["token"])
        if message_id is None:
            return reply({"message": "Unknown Message", "code": 10008}, status=404)
        return reply(state.messages[message_id].payload)

    @routes.post("/api/v10/webhooks/{application_id}/{token}")
    async def followup(request: web.Request) -> web.StreamResponse:
        if int(request.match_info["application_id"]) != APPLICATION_ID:
            return await execute_webhook(request, state)
        body = request[BODY]
        message_id = ids.next_id()
        channel_id = channel_for(request.match_info["token"])
        payload = message_payload(message_id, channel_id, body, application_id=APPLICATION_ID)
        state.messages[message_id] = Message(message_id, channel_id, payload)
        return reply(payload)

    @routes.put("/api/v10/applications/{application_id}/commands")
    @routes.put("/api/v10/applications/{application_id}/guilds/{guild_id}/commands")
    async def bulk_commands(request: web.Request) -> web.Response:
        commands = request[BODY] or []
        guild_id = request.match_info.get("guild_id")
        answer = [
            {
                "description": "",  # message commands have none; Discord sends it empty
                "type": 1,
                **command,
                "id": str(ids.next_id()),
                "application_id": str(APPLICATION_ID),
                "version": "1",
                **({"guild_id": guild_id} if guild_id else {}),
            }
            for command in commands
        ]
        return reply(answer)

    app = web.Application(middlewares=[record])
    app.add_routes(routes)
    add_channel_routes(app, state)
    add_lookup_routes(app, state)
    return app


from tests.standin.channels import Webhook, add_channel_routes, execute_webhook  # noqa: E402
from tests.standin.lookups import add_lookup_routes  # noqa: E402
