"""Sending a rendered reply: the only glue between cards and the Discord API."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord

from bot.feedback import lookup_buttons
from bot.render.cards import Reply
from bot.views import OwnedView, answer

if TYPE_CHECKING:
    from bot.app import FamBot


async def send_reply(
    interaction: discord.Interaction[FamBot], reply: Reply, actions: OwnedView | None = None
) -> None:
    """Answer an interaction with a reply's first page, and buttons when it needs them:
    pages and Reveal for the invoker; Sources and Report a mistake under a lookup;
    ``actions``, the invoker's buttons of a one-page reply that offers something to do."""
    extra = lookup_buttons(reply.subject) if reply.subject else []
    await answer(interaction, reply, extra, actions)
