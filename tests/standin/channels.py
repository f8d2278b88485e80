"""Channel messages and webhooks on the stand-in: what a bot uses to act on member messages.

Sending, reading, editing and deleting channel messages (one at a time or in bulk);
listing, creating, fetching and executing channel webhooks (into threads and forum
posts too) and editing or deleting their messages; fetching a server member. Each
request that changes something is announced on the gateway as Discord does
(MESSAGE_CREATE, MESSAGE_UPDATE, MESSAGE_DELETE, MESSAGE_DELETE_BULK, WEBHOOKS_UPDATE),
and the permissions a test refuses the bot are enforced with Discord's 403s. A message
addressed to a channel (or thread) it is not in is, as on Discord, an Unknown Message (404).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from aiohttp import web

from tests.standin import ids, payloads
from tests.standin.faults import MISSING_ACCESS, MISSING_PERMISSIONS, UNKNOWN_MESSAGE

if TYPE_CHECKING:
    from tests.standin.rest import Message, StandIn

ROUTE = "/api/v10/channels/{channel_id}"
HOOK = "/api/v10/webhooks/{webhook_id}/{token}"
INVALID_FORM = {"message": "Invalid Form Body", "code": 50035}
UNKNOWN_WEBHOOK = {"message": "Unknown Webhook", "code": 10015}
UNKNOWN_CHANNEL = {"message": "Unknown Channel", "code": 10003}
TOO_OLD_TO_BULK_DELETE = {"message": "You can only bulk delete recent messages", "code": 50034}
MAXIMUM_WEBHOOKS = {"message": "Maximum number of webhooks reached (15)", "code": 30007}
WEBHOOKS_PER_CHANNEL = 15
TWO_WEEKS = 14 * 24 * 3600

VIEW_CHANNEL = 0x400
SEND_MESSAGES = 0x800
MANAGE_MESSAGES = 0x2000
ATTACH_FILES = 0x8000
READ_MESSAGE_HISTORY = 0x10000
MANAGE_WEBHOOKS = 0x20000000


@dataclass
class Webhook:
    id: int
    token: str
    channel_id: int
    name: str

    def payload(self) -> dict[str, Any]:
        from tests.standin import guilds
        from tests.standin.rest import APPLICATION_ID

        return {
            "id": str(self.id),
            "type": 1,
            "token": self.token,
            "channel_id": str(self.channel_id),
            "guild_id": str(guilds.guild_of(self.channel_id)),
            "name": self.name,
            "avatar": None,
            "application_id": str(APPLICATION_ID),
            "user": None,
        }


def _attachments(body: dict[str, Any]) -> list[dict[str, Any]]:
    described = {str(a.get("id")): a for a in body.get("attachments") or []}
    found = []
    for index, upload in enumerate(body.get("_files") or []):
        meta = described.get(str(index), {})
        filename = meta.get("filename") or upload["filename"]
        found.append(
            {
                "id": str(ids.next_id()),
                "filename": filename,
                "size": len(upload["data"]),
                "url": f"https://cdn.example/attachments/{filename}",
                "proxy_url": f"https://media.example/attachments/{filename}",
            }
        )
    return found


def create_message(
    state: StandIn, channel_id: int, body: dict[str, Any], author: dict[str, Any]
) -> dict[str, Any]:
    from tests.standin import guilds
    from tests.standin.rest import Message, message_payload

    message_id = ids.next_id()
    payload = message_payload(message_id, channel_id, body)
    payload["author"] = author
    payload["attachments"] = _attachments(body)
    if body.get("message_reference"):
        payload["message_reference"] = body["message_reference"]
    payload["guild_id"] = str(guilds.guild_of(channel_id))
    state.messages[message_id] = Message(message_id, channel_id, payload)
    return payload


def refused(state: StandIn, channel_id: int, needed: int) -> web.Response | None:
    """Discord's 403 when a test refused the bot ``needed`` there (or the channel's)."""
    from tests.standin.rest import reply

    denied = state.denied.get(channel_id, 0) | state.denied.get(
        payloads.PARENTS.get(channel_id, 0), 0
    )
    if denied & VIEW_CHANNEL:
        return reply(MISSING_ACCESS, status=403)
    if denied & needed:
        return reply(MISSING_PERMISSIONS, status=403)
    return None


def _deleted(message: Message) -> dict[str, Any]:
    return {
        "id": str(message.id),
        "channel_id": str(message.channel_id),
        "guild_id": str(payloads.GUILD_ID),
    }


async def execute_webhook(request: web.Request, state: StandIn) -> web.StreamResponse:
    from tests.standin.rest import BODY, reply

    webhook = state.webhooks.get(int(request.match_info["application_id"]))
    if webhook is None or webhook.token != request.match_info["token"]:
        return reply(UNKNOWN_WEBHOOK, status=404)
    body = request[BODY] or {}
    name = str(body.get("username") or "")
    if any(word in name.lower() for word in ("discord", "clyde")) or len(name) > 80:
        return reply(INVALID_FORM, status=400)
    if len(str(body.get("content") or "")) > 2000:
        return reply(INVALID_FORM, status=400)
    thread = request.query.get("thread_id")
    if thread is not None and payloads.PARENTS.get(int(thread)) != webhook.channel_id:
        return reply(UNKNOWN_CHANNEL, status=404)  # not a thread of the webhook's channel
    if thread is None and webhook.channel_id in payloads.FORUMS:
        return reply(INVALID_FORM, status=400)  # a forum takes posts, not messages
    channel_id = int(thread or webhook.channel_id)
    author = {
        "id": str(webhook.id),
        "username": body.get("username") or webhook.name,
        "avatar": None,
        "discriminator": "0000",
        "bot": True,
    }
    payload = create_message(state, channel_id, body, author)
    payload["webhook_id"] = str(webhook.id)
    await state.announce("MESSAGE_CREATE", payload)
    if request.query.get("wait") in ("true", "1", "True"):
        return reply(payload)
    return web.Response(status=204)


def _history(state: StandIn, channel_id: int, query: dict[str, str] | Any) -> list[dict[str, Any]]:
    """GET messages as Discord answers it: at most ``limit``, newest first."""
    limit = max(1, min(100, int(query.get("limit") or 50)))
    found = sorted(m.id for m in state.messages.values() if m.channel_id == channel_id)
    if "after" in query:
        chosen = [i for i in found if i > int(query["after"])][:limit]
    elif "before" in query:
        chosen = [i for i in found if i < int(query["before"])][-limit:]
    else:
        chosen = found[-limit:]
    return [state.messages[i].payload for i in reversed(chosen)]


def add_channel_routes(app: web.Application, state: StandIn) -> None:
    from tests.standin.rest import BODY, BOT_USER, reply

    routes = web.RouteTableDef()

    def channel(request: web.Request) -> int:
        return int(request.match_info["channel_id"])

    @routes.post(ROUTE + "/messages")
    async def send(request: web.Request) -> web.Response:
        body = request[BODY] or {}
        if (no := refused(state, channel(request), SEND_MESSAGES)) is not None:
            return no
        if len(str(body.get("content") or "")) > 2000:
            return reply(INVALID_FORM, status=400)
        # Discord: with enforce_nonce, a nonce the same author used in the last few
        # minutes returns that message, and no new one is made.
        key = (channel(request), str(body.get("nonce")))
        if body.get("enforce_nonce") and body.get("nonce") is not None:
            earlier = state.messages.get(state.nonces.get(key, 0))
            if earlier is not None:
                return reply(earlier.payload)
        payload = create_message(state, channel(request), body, BOT_USER)
        if body.get("nonce") is not None:
            state.nonces[key] = int(payload["id"])
        await state.announce("MESSAGE_CREATE", payload)
        return reply(payload)

    @routes.get(ROUTE + "/messages")
    async def history(request: web.Request) -> web.Response:
        if (no := refused(state, channel(request), READ_MESSAGE_HISTORY)) is not None:
            return no
        return reply(_history(state, channel(request), request.query))

    @routes.get("/attachments/{attachment_id}/{filename}")
    async def attachment(request: web.Request) -> web.Response:
        data = state.files.get(request.path)
        if data is None:
            return reply({"message": "Unknown attachment", "code": 0}, status=404)
        return web.Response(body=data, content_type="application/octet-stream")

    @routes.patch(ROUTE + "/messages/{message_id}")
    async def edit(request: web.Request) -> web.Response:
        message = state.messages.get(int(request.match_info["message_id"]))
        if message is None or message.channel_id != channel(request):  # not in this channel
            return reply(UNKNOWN_MESSAGE, status=404)
        message.payload.update({k: v for k, v in (request[BODY] or {}).items() if k[0] != "_"})
        await state.announce("MESSAGE_UPDATE", dict(message.payload))
        return reply(message.payload)

    @routes.delete(ROUTE + "/messages/{message_id}")
    async def delete(request: web.Request) -> web.Response:
        message = state.messages.get(int(request.match_info["message_id"]))
        own = message is not None and message.payload["author"]["id"] == BOT_USER["id"]
        if not own and (no := refused(state, channel(request), MANAGE_MESSAGES)) is not None:
            return no
        if message is None or message.channel_id != channel(request):
            return reply(UNKNOWN_MESSAGE, status=404)
        del state.messages[message.id]
        state.deleted_at[message.id] = time.monotonic()
        await state.announce("MESSAGE_DELETE", _deleted(message))
        return web.Response(status=204)

    @routes.post(ROUTE + "/messages/bulk-delete")
    async def bulk_delete(request: web.Request) -> web.Response:
        if (no := refused(state, channel(request), MANAGE_MESSAGES)) is not None:
            return no
        wanted = [int(i) for i in (request[BODY] or {}).get("messages") or []]
        too_old = time.time() - TWO_WEEKS
        if not 2 <= len(wanted) <= 100 or len(set(wanted)) != len(wanted):
            return reply(INVALID_FORM, status=400)
        if any(ids.seconds_of(i) < too_old for i in wanted):
            return reply(TOO_OLD_TO_BULK_DELETE, status=400)
        gone = [
            state.messages.pop(i)
            for i in wanted
            if i in state.messages and state.messages[i].channel_id == channel(request)
        ]
        for message in gone:
            state.deleted_at[message.id] = time.monotonic()
        if gone:
            event = {"ids": [str(m.id) for m in gone], "channel_id": str(channel(request))}
            event["guild_id"] = str(payloads.GUILD_ID)
            await state.announce("MESSAGE_DELETE_BULK", event)
        return web.Response(status=204)

    @routes.get(ROUTE + "/webhooks")
    async def list_webhooks(request: web.Request) -> web.Response:
        if (no := refused(state, channel(request), MANAGE_WEBHOOKS)) is not None:
            return no
        found = [w.payload() for w in state.webhooks.values() if w.channel_id == channel(request)]
        return reply(found)

    @routes.post(ROUTE + "/webhooks")
    async def create_webhook(request: web.Request) -> web.Response:
        channel_id = channel(request)
        if (no := refused(state, channel_id, MANAGE_WEBHOOKS)) is not None:
            return no
        if channel_id in payloads.PARENTS:
            return reply(INVALID_FORM, status=400)  # threads have no webhooks of their own
        if sum(w.channel_id == channel_id for w in state.webhooks.values()) >= (
            WEBHOOKS_PER_CHANNEL
        ):
            return reply(MAXIMUM_WEBHOOKS, 400)
        webhook_id = ids.next_id()
        name = str((request[BODY] or {}).get("name") or "webhook")
        webhook = Webhook(webhook_id, f"webhook-token-{webhook_id}", channel_id, name)
        state.webhooks[webhook_id] = webhook
        await state.webhooks_changed(channel_id)
        return reply(webhook.payload())

    @routes.get("/api/v10/webhooks/{webhook_id}")
    async def get_webhook(request: web.Request) -> web.Response:
        webhook = state.webhooks.get(int(request.match_info["webhook_id"]))
        if webhook is None:
            return reply(UNKNOWN_WEBHOOK, status=404)
        return reply(webhook.payload())

    def hooked(request: web.Request) -> tuple[Webhook | None, Message | None]:
        webhook = state.webhooks.get(int(request.match_info["webhook_id"]))
        if webhook is None or webhook.token != request.match_info["token"]:
            return None, None
        message = state.messages.get(int(request.match_info["message_id"]))
        if message is None or message.payload.get("webhook_id") != str(webhook.id):
            return webhook, None
        # A message in a thread is addressed with thread_id; without it (or with another
        # thread's) Discord looks in the webhook's own channel and finds no such message.
        where = int(request.query.get("thread_id") or webhook.channel_id)
        if message.channel_id != where:
            return webhook, None
        return webhook, message

    @routes.get(HOOK + "/messages/{message_id}")
    async def get_hooked(request: web.Request) -> web.Response:
        webhook, message = hooked(request)
        if webhook is None:
            return reply(UNKNOWN_WEBHOOK, status=404)
        if message is None:
            return reply(UNKNOWN_MESSAGE, status=404)
        return reply(message.payload)

    @routes.patch(HOOK + "/messages/{message_id}")
    async def edit_hooked(request: web.Request) -> web.Response:
        webhook, message = hooked(request)
        if webhook is None:
            return reply(UNKNOWN_WEBHOOK, status=404)
        if message is None:
            return reply(UNKNOWN_MESSAGE, status=404)
        body = request[BODY] or {}
        if len(str(body.get("content") or "")) > 2000:
            return reply(INVALID_FORM, status=400)
        for key in ("content", "embeds", "flags"):
            if key in body:
                message.payload[key] = body[key]
        message.payload["edited_timestamp"] = payloads.now()
        await state.announce("MESSAGE_UPDATE", dict(message.payload))
        return reply(message.payload)

    @routes.delete(HOOK + "/messages/{message_id}")
    async def delete_hooked(request: web.Request) -> web.Response:
        webhook, message = hooked(request)
        if webhook is None:
            return reply(UNKNOWN_WEBHOOK, status=404)
        if message is None:
            return reply(UNKNOWN_MESSAGE, status=404)
        del state.messages[message.id]
        await state.announce("MESSAGE_DELETE", _deleted(message))
        return web.Response(status=204)

    @routes.get("/api/v10/guilds/{guild_id}/members/{user_id}")
    async def member(request: web.Request) -> web.Response:
        found = state.members.get(int(request.match_info["user_id"]))
        if found is None:
            return reply({"message": "Unknown Member", "code": 10007}, status=404)
        return reply(found)

    app.add_routes(routes)
