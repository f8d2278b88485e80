"""Sending a rendered reply: the only glue between cards and the Discord API."""

from __future__ import annotations

from typing import Any

import discord

from bot.render.cards import Reply
from bot.spoilers.policy import Audience
from bot.views import ReplyView, first_page


def audience_of(interaction: discord.Interaction[Any]) -> Audience:
    """Who will read the reply to ``interaction``: the invoker's progress, the server's
    policy and the channel (or the thread's parent channel)."""
    channel = interaction.channel
    return interaction.client.horizons.audience(  # type: ignore[no-any-return]
        user_id=interaction.user.id,
        guild_id=interaction.guild_id,
        channel_id=interaction.channel_id,
        parent_id=getattr(channel, "parent_id", None),
    )


async def send_reply(interaction: discord.Interaction[Any], reply: Reply) -> None:
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
