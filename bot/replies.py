"""Sending a rendered reply: the only glue between cards and the Discord API."""

from __future__ import annotations

from typing import Any

import discord

from bot.render.cards import Reply
from bot.render.compose import compose
from bot.spoilers.policy import PUBLIC
from bot.views import Paginator


async def send_reply(interaction: discord.Interaction[Any], reply: Reply) -> None:
    """Answer an interaction with a reply's pages (buttons when there are several)."""
    first = compose(reply.pages[0], PUBLIC)
    kwargs: dict[str, Any] = {
        "content": first.content,
        "embed": first.embed,
        "ephemeral": reply.ephemeral,
        # Spoiler-bearing posts go out silently: no push notification preview.
        "silent": bool(first.tagged_seasons),
    }
    if len(reply.pages) > 1:
        view = Paginator(reply.pages, PUBLIC, interaction.user.id)
        kwargs["view"] = view
        view.origin = interaction
    if interaction.response.is_done():
        kwargs.pop("silent")
        await interaction.followup.send(**kwargs)
    else:
        await interaction.response.send_message(**kwargs)
