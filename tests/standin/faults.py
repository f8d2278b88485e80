"""Discord on a bad day: failures a test queues for the stand-in to serve.

A fault matches requests by a predicate and is served ``times`` times. It can answer
with an error instead of doing the work, or do the work and then answer with an error
(Discord posted the message, then the answer was lost), drop the connection with a TCP
reset (before or after the work), or hang until the client gives up.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import struct
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

Match = Callable[[web.Request], bool]

RATE_LIMITED = {"message": "You are being rate limited.", "global": False}
MISSING_PERMISSIONS = {"message": "Missing Permissions", "code": 50013}
MISSING_ACCESS = {"message": "Missing Access", "code": 50001}
UNKNOWN_MESSAGE = {"message": "Unknown Message", "code": 10008}
UNKNOWN_WEBHOOK = {"message": "Unknown Webhook", "code": 10015}
SERVER_ERROR = {"message": "Server error", "code": 0}


@dataclass
class Fault:
    match: Match
    status: int = 0  # the error answered; 0 with ``reset`` or ``hang`` alone
    body: dict[str, Any] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)
    after: bool = False  # carry the request out first; the error replaces the answer
    reset: bool = False  # drop the connection (TCP reset) instead of answering
    hang: float = 0.0  # seconds to wait before anything else
    times: int = 1


def drop_connection(request: web.Request) -> None:
    """Close the client's connection with a TCP reset, as a failing proxy would."""
    transport = request.transport
    if transport is None:
        return
    sock = transport.get_extra_info("socket")
    if sock is not None:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    transport.abort()


@dataclass
class Faults:
    queued: list[Fault] = field(default_factory=list)
    served: int = 0
    # Set when the stand-in stops: requests left hanging answer at once.
    released: asyncio.Event = field(default_factory=asyncio.Event)

    def add(self, fault: Fault) -> None:
        self.queued.append(fault)

    def take(self, request: web.Request) -> Fault | None:
        for fault in self.queued:
            if fault.match(request):
                fault.times -= 1
                if fault.times <= 0:
                    self.queued.remove(fault)
                self.served += 1
                return fault
        return None

    async def serve(
        self, fault: Fault, request: web.Request, work: Callable[[], Any]
    ) -> web.StreamResponse:
        """Answer ``request`` as ``fault`` says; ``work`` carries the request out."""
        from tests.standin.rest import reply

        if fault.hang:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.released.wait(), fault.hang)
        if fault.after:
            await work()
        if fault.reset:
            drop_connection(request)
            return web.Response(status=204)  # never reaches the client
        if fault.status:
            return reply(fault.body, status=fault.status, headers=fault.headers)
        response: web.StreamResponse = await work()
        return response
