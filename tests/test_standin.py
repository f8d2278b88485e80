"""The stand-in itself: the channel, webhook and member-message paths behave like Discord."""

from __future__ import annotations

import asyncio
import io

import discord
import pytest

from tests.standin import payloads
from tests.standin.harness import Harness


def _channel(harness: Harness) -> discord.TextChannel:
    assert harness.bot is not None
    channel = harness.bot.get_channel(payloads.CHANNEL_ID)
    assert isinstance(channel, discord.TextChannel)
    return channel


async def test_channel_messages_are_sent_recorded_and_deleted(harness: Harness) -> None:
    channel = _channel(harness)
    message = await channel.send("hello", allowed_mentions=discord.AllowedMentions.none())
    sent = harness.stand_in.calls("POST", f"/channels/{payloads.CHANNEL_ID}/messages")[-1]
    assert sent.json["content"] == "hello"
    await message.delete()
    assert harness.stand_in.calls("DELETE", f"/messages/{message.id}")
    with pytest.raises(discord.NotFound):
        await message.delete()


async def test_webhooks_post_under_another_name_with_spoiler_files(harness: Harness) -> None:
    channel = _channel(harness)
    webhook = await channel.create_webhook(name="fambot guard")
    assert [w.id for w in await channel.webhooks()] == [webhook.id]
    upload = discord.File(io.BytesIO(b"png"), filename="moon.png", spoiler=True)
    posted = await webhook.send(
        "||text||",
        username="Alice",
        file=upload,
        wait=True,
        allowed_mentions=discord.AllowedMentions.none(),
    )
    assert posted.author.name == "Alice"
    assert posted.attachments[0].filename == "SPOILER_moon.png"
    execution = harness.stand_in.calls("POST", f"/webhooks/{webhook.id}/")[-1]
    assert execution.json["username"] == "Alice"
    assert execution.json["_files"][0]["filename"] == "SPOILER_moon.png"


async def test_member_messages_and_edits_reach_the_bot(harness: Harness) -> None:
    assert harness.bot is not None
    created = asyncio.ensure_future(harness.bot.wait_for("message", timeout=5))
    message = await harness.member_says(payloads.BOB, "Who plays Ed?")
    received = await created
    assert received.content == "Who plays Ed?"
    assert received.author.id == payloads.BOB.id
    edited = asyncio.ensure_future(harness.bot.wait_for("raw_message_edit", timeout=5))
    await harness.member_edits(message, "Who plays Karen?")
    assert (await edited).data["content"] == "Who plays Karen?"
