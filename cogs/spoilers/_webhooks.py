"""The guard's webhook in each channel: found, made, checked and repaired.

A channel's reposts go through one webhook the bot made there ("fambot spoiler guard").
It is looked up once and remembered; a moderator may delete it (Discord then answers
"Unknown Webhook": it is made again), move it to another channel (its ``channel_id``
changes: it is no longer used for this one, and a new one is made), or fill the
channel's fifteen webhook slots (the gap is reported and re-checked when webhooks
change there). Every request goes through the guard's one-attempt client.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from bot.pipeline.rest import MAXIMUM_WEBHOOKS, Refused, Rest, Route

log = logging.getLogger(__name__)

WEBHOOK_NAME = "fambot spoiler guard"
_RESERVED_NAMES = re.compile(r"discord|clyde", re.IGNORECASE)


def webhook_name(display_name: str) -> str:
    """The author's name as a webhook may carry it: Discord refuses some words in
    webhook names, and longer than 80 characters."""
    cleaned = _RESERVED_NAMES.sub(lambda m: m.group(0)[0] + "\u2024" + m.group(0)[1:], display_name)
    return cleaned[:80] or "member"


@dataclass(frozen=True)
class Hook:
    id: int
    token: str
    channel_id: int

    def route(self, method: str, suffix: str = "", **values: int | str) -> Route:
        return Route(
            method, "/webhooks/{major}/{token}" + suffix, self.id, {"token": self.token, **values}
        )


class NoWebhook(Exception):
    """The channel has no guard webhook and none can be made; ``gap`` says why."""

    def __init__(self, gap: str) -> None:
        super().__init__(gap)
        self.gap = gap


class Webhooks:
    def __init__(self, rest: Rest, application_id: int | None) -> None:
        self._rest = rest
        self._application_id = application_id
        self._hooks: dict[int, Hook] = {}  # host channel id -> its guard webhook

    def cached(self, host_id: int) -> Hook | None:
        return self._hooks.get(host_id)

    def forget(self, host_id: int | None = None) -> None:
        """Look the webhook up again next time (webhooks changed in that channel)."""
        if host_id is None:
            self._hooks.clear()
        else:
            self._hooks.pop(host_id, None)

    async def get(self, host_id: int) -> Hook:
        """The guard's webhook in ``host_id``, found or made. Raises ``NoWebhook`` when the
        channel's webhooks are full, ``Refused`` or ``Transient`` as the client does."""
        hook = self._hooks.get(host_id)
        if hook is not None:
            return hook
        # Listed first, every time: a webhook made by an attempt whose answer was lost
        # is found here instead of being made twice.
        listed = await self._rest.request(Route("GET", "/channels/{major}/webhooks", host_id))
        for found in listed or []:
            if self._ours(found, host_id):
                hook = self._hooks[host_id] = Hook(int(found["id"]), found["token"], host_id)
                return hook
        try:
            made = await self._rest.request(
                Route("POST", "/channels/{major}/webhooks", host_id),
                body={"name": WEBHOOK_NAME},
                reason="spoiler guard reposts",
            )
        except Refused as refused:
            if refused.code == MAXIMUM_WEBHOOKS:
                raise NoWebhook("webhook_limit") from None
            raise
        hook = self._hooks[host_id] = Hook(int(made["id"]), made["token"], host_id)
        log.info("Made the spoiler guard's webhook in channel %s", host_id)
        return hook

    def _ours(self, found: dict[str, object], host_id: int) -> bool:
        application = found.get("application_id")
        return (
            found.get("name") == WEBHOOK_NAME
            and bool(found.get("token"))
            and str(found.get("channel_id")) == str(host_id)
            and (self._application_id is None or str(application) == str(self._application_id))
        )

    async def by_id(self, webhook_id: int) -> Hook | None:
        """A webhook the guard made, wherever it is now (for its older reposts)."""
        for hook in self._hooks.values():
            if hook.id == webhook_id:
                return hook
        try:
            found = await self._rest.request(Route("GET", "/webhooks/{major}", webhook_id))
        except Refused:
            return None
        if not found or not found.get("token"):
            return None
        return Hook(int(found["id"]), str(found["token"]), int(found["channel_id"]))
