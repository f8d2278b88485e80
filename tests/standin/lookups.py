"""Reading one message back: GET /channels/{channel.id}/messages/{message.id}.

Discord answers with the message object, 404 Unknown Message (code 10008) when it was
deleted or belongs to another channel, or 403 when the bot may not read the channel.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiohttp import web

if TYPE_CHECKING:
    from tests.standin.rest import StandIn

ROUTE = "/api/v10/channels/{channel_id}/messages/{message_id}"
UNKNOWN_MESSAGE = {"message": "Unknown Message", "code": 10008}


def add_lookup_routes(app: web.Application, state: StandIn) -> None:
    from tests.standin.channels import READ_MESSAGE_HISTORY, refused
    from tests.standin.rest import reply

    async def get_message(request: web.Request) -> web.Response:
        channel_id = int(request.match_info["channel_id"])
        if (no := refused(state, channel_id, READ_MESSAGE_HISTORY)) is not None:
            return no
        message = state.messages.get(int(request.match_info["message_id"]))
        if message is None or message.channel_id != channel_id:
            return reply(UNKNOWN_MESSAGE, status=404)
        return reply(message.payload)

    app.router.add_get(ROUTE, get_message)
