"""Channel messages and webhooks on the stand-in: what a bot uses to act on member messages.

Sending, editing and deleting channel messages; listing, creating and executing channel
webhooks (messages posted under another name and avatar, into threads too).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from aiohttp import web

from tests.standin import ids

if TYPE_CHECKING:
    from tests.standin.rest import StandIn

ROUTE = "/api/v10/channels/{channel_id}"
INVALID_FORM = {"message": "Invalid Form Body", "code": 50035}
WEBHOOKS_PER_CHANNEL = 15


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


async def execute_webhook(request: web.Request, state: StandIn) -> web.StreamResponse:
    from tests.standin.rest import BODY, reply

    webhook = state.webhooks.get(int(request.match_info["application_id"]))
    if webhook is None or webhook.token != request.match_info["token"]:
        return reply({"message": "Unknown Webhook", "code": 10015}, status=404)
    body = request[BODY] or {}
    name = str(body.get("username") or "")
    if any(word in name.lower() for word in ("discord", "clyde")) or len(name) > 80:
        return reply(INVALID_FORM, status=400)
    if len(str(body.get("content") or "")) > 2000:
        return reply(INVALID_FORM, status=400)
    channel_id = int(request.query.get("thread_id") or webhook.channel_id)
    author = {
        "id": str(webhook.id),
        "username": body.get("username") or webhook.name,
        "avatar": None,
        "discriminator": "0000",
        "bot": True,
    }
    payload = create_message(state, channel_id, body, author)
    payload["webhook_id"] = str(webhook.id)
    if state.announce:
        await state.announce(payload)
    if request.query.get("wait") in ("true", "1", "True"):
        return reply(payload)
    return web.Response(status=204)


def add_channel_routes(app: web.Application, state: StandIn) -> None:
    from tests.standin.rest import BODY, BOT_USER, reply

    routes = web.RouteTableDef()

    @routes.post(ROUTE + "/messages")
    async def send(request: web.Request) -> web.Response:
        channel_id = int(request.match_info["channel_id"])
        if len(str((request[BODY] or {}).get("content") or "")) > 2000:
            return reply(INVALID_FORM, status=400)
        payload = create_message(state, channel_id, request[BODY] or {}, BOT_USER)
        if state.announce:
            await state.announce(payload)
        return reply(payload)

    @routes.get("/attachments/{attachment_id}/{filename}")
    async def attachment(request: web.Request) -> web.Response:
        data = state.files.get(request.path)
        if data is None:
            return reply({"message": "Unknown attachment", "code": 0}, status=404)
        return web.Response(body=data, content_type="application/octet-stream")

    @routes.patch(ROUTE + "/messages/{message_id}")
    async def edit(request: web.Request) -> web.Response:
        message = state.messages.get(int(request.match_info["message_id"]))
        if message is None:
            return reply({"message": "Unknown Message", "code": 10008}, status=404)
        message.payload.update({k: v for k, v in (request[BODY] or {}).items() if k[0] != "_"})
        return reply(message.payload)

    @routes.delete(ROUTE + "/messages/{message_id}")
    async def delete(request: web.Request) -> web.Response:
        if state.messages.pop(int(request.match_info["message_id"]), None) is None:
            return reply({"message": "Unknown Message", "code": 10008}, status=404)
        return web.Response(status=204)

    @routes.get(ROUTE + "/webhooks")
    async def list_webhooks(request: web.Request) -> web.Response:
        channel_id = int(request.match_info["channel_id"])
        found = [w.payload() for w in state.webhooks.values() if w.channel_id == channel_id]
        return reply(found)

    @routes.post(ROUTE + "/webhooks")
    async def create_webhook(request: web.Request) -> web.Response:
        channel_id = int(request.match_info["channel_id"])
        if sum(w.channel_id == channel_id for w in state.webhooks.values()) >= (
            WEBHOOKS_PER_CHANNEL
        ):
            return reply({"message": "Maximum number of webhooks reached (15)", "code": 30007}, 400)
        webhook_id = ids.next_id()
        webhook = Webhook(
            webhook_id,
            f"webhook-token-{webhook_id}",
            int(request.match_info["channel_id"]),
            str((request[BODY] or {}).get("name") or "webhook"),
        )
        state.webhooks[webhook_id] = webhook
        return reply(webhook.payload())

    app.add_routes(routes)
