"""A journal entry as the guard writes one, for the journal's tests on both backends."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

from bot.community.journal import Attachment, Author, Entry, Place, ReplyTo

T0 = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
GUILD = 800000000000000001  # shard 1 of 2


def entry(message_id: int = 1001, guild_id: int = GUILD, **changes: object) -> Entry:
    made = Entry(
        message_id=message_id,
        place=Place(guild_id=guild_id, channel_id=20, host_id=10),
        author=Author(7, "Bob", "https://cdn.example/avatar.png"),
        content="Karen dies in the bombing.",
        revision=T0,
        reason="season 3 finale details",
        rules=("karen-death",),
        seen_at=T0,
        reply_to=ReplyTo(999, 20, "Alice"),
        attachments=(Attachment("moon.png", "https://cdn.example/moon.png", 3),),
    )
    return dataclasses.replace(made, **changes)  # type: ignore[arg-type]
