"""Sending a rendered reply: the only glue between cards and the Discord API."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import discord

from bot.interactions import audience_of
from bot.render.cards import Reply
from bot.views import ReplyView, first_page

if TYPE_CHECKING:
    from bot.app import FamBot


async def send_reply(interaction: discord.Interaction[FamBot], reply: Reply) -> None:
    """Answer an interaction with a reply's first page, and buttons when it needs them."""
    audience = audience_of(interaction)
    ready = first_page(reply.pages, audience)
    first = ready.composed
    kwargs: dict[str, Any] = {
        "content": first.content,
        "embed": first.embed,
        "ephemeral": reply.ephemeral,
        # Spoiler-bearing posts go out silently: no push notification preview.
        "silent": first.tagged,
    }
    if ready.needs_buttons:
        view = ReplyView(ready, audience, interaction.user.id)
        kwargs["view"] = view
        view.origin = interaction
    if interaction.response.is_done():
        kwargs.pop("silent")
        await interaction.followup.send(**kwargs)
    else:
        await interaction.response.send_message(**kwargs)
