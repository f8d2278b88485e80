"""The stand-in itself: the channel, webhook and member-message paths behave like Discord."""

from __future__ import annotations

import asyncio
import io
import sys
import time

import aiohttp
import discord
import pytest

from tests.standin import ids, payloads
from tests.standin.harness import Harness
from tests.standin.ratelimits import RateLimits


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


# --- Discord on a bad day: the faults tests inject -------------------------------------

AUTH = {"Authorization": "Bot token"}


def _url(harness: Harness, path: str) -> str:
    return harness.stand_in.url + path


async def _post_member_message(harness: Harness, text: str = "hi") -> int:
    message = await harness.member_says(payloads.BOB, text)
    return message.id


async def test_per_route_rate_limits_answer_429_with_discords_headers(harness: Harness) -> None:
    harness.stand_in.rate_limits = RateLimits()
    ids_ = [await _post_member_message(harness) for _ in range(6)]
    answers = []
    async with aiohttp.ClientSession(headers=AUTH) as session:
        for message_id in ids_:
            url = _url(harness, f"/channels/{payloads.CHANNEL_ID}/messages/{message_id}")
            async with session.delete(url) as response:
                answers.append((response.status, dict(response.headers)))
                body = await response.json() if response.status == 429 else None
    assert [status for status, _ in answers] == [204] * 5 + [429]
    first = answers[0][1]
    assert first["X-RateLimit-Limit"] == "5" and first["X-RateLimit-Remaining"] == "4"
    assert float(first["X-RateLimit-Reset-After"]) <= 1.0
    assert body is not None and 0 < body["retry_after"] <= 1.0 and body["global"] is False
    assert answers[-1][1]["Via"] == "1.1 google"  # discord.py only trusts 429s from the proxy
    assert harness.stand_in.invalid_within(600) == 1
    assert ids_[-1] in harness.stand_in.messages, "a rate-limited request is not carried out"


async def test_the_global_limit_is_fifty_a_second(harness: Harness) -> None:
    harness.stand_in.rate_limits = RateLimits(limits=())
    async with aiohttp.ClientSession(headers=AUTH) as session:
        statuses = []
        for _ in range(51):
            async with session.get(_url(harness, "/users/@me")) as response:
                statuses.append(response.status)
                headers = dict(response.headers)
    assert statuses.count(429) == 1 and statuses[-1] == 429
    assert headers["X-RateLimit-Global"] == "true"


async def test_a_lost_answer_means_discord_did_the_work(harness: Harness) -> None:
    channel = _channel(harness)
    webhook = await channel.create_webhook(name="guard")
    harness.stand_in.lost_answer_next(
        lambda r: r.path.startswith(f"/api/v10/webhooks/{webhook.id}")
    )
    before = len(harness.stand_in.messages)
    async with aiohttp.ClientSession() as session:
        url = _url(harness, f"/webhooks/{webhook.id}/{webhook.token}?wait=true")
        async with session.post(url, json={"content": "tagged"}) as response:
            assert response.status == 502
    assert len(harness.stand_in.messages) == before + 1  # posted all the same


@pytest.mark.parametrize("after", [False, True])
async def test_connection_resets_before_or_after_the_work(harness: Harness, after: bool) -> None:
    harness.stand_in.reset_next(lambda r: r.method == "POST", after=after)
    before = len(harness.stand_in.messages)
    async with aiohttp.ClientSession(headers=AUTH) as session:
        url = _url(harness, f"/channels/{payloads.CHANNEL_ID}/messages")
        with pytest.raises(aiohttp.ClientOSError):
            async with session.post(url, json={"content": "notice"}):
                pass
    assert len(harness.stand_in.messages) == before + after


async def test_a_hung_request_runs_into_the_clients_timeout(harness: Harness) -> None:
    harness.stand_in.hang_next(lambda r: r.path.endswith("/users/@me"), 5.0)
    timeout = aiohttp.ClientTimeout(total=0.2)
    async with aiohttp.ClientSession(headers=AUTH, timeout=timeout) as session:
        with pytest.raises(asyncio.TimeoutError):
            async with session.get(_url(harness, "/users/@me")):
                pass


async def test_refused_permissions_are_enforced_with_discords_codes(harness: Harness) -> None:
    message_id = await _post_member_message(harness)
    await harness.gateway.deny(payloads.CHANNEL_ID, 0x2000)  # Manage Messages
    async with aiohttp.ClientSession(headers=AUTH) as session:
        url = _url(harness, f"/channels/{payloads.CHANNEL_ID}/messages/{message_id}")
        async with session.delete(url) as response:
            assert (response.status, (await response.json())["code"]) == (403, 50013)
        await harness.gateway.deny(payloads.CHANNEL_ID, 0x400)  # View Channel
        async with session.delete(url) as response:
            assert (response.status, (await response.json())["code"]) == (403, 50001)
    assert harness.stand_in.invalid_within(600) == 2


async def test_a_message_addressed_to_another_channel_is_unknown(harness: Harness) -> None:
    """Discord finds a message in the channel (or thread) the request names: elsewhere it
    answers 404 Unknown Message (10008), for an edit and a deletion alike."""
    channel = _channel(harness)
    own = await channel.send("the bot's own")
    member = await _post_member_message(harness)
    assert harness.bot is not None
    spoilers = harness.bot.get_channel(payloads.SPOILER_CHANNEL_ID)  # the thread's channel
    assert isinstance(spoilers, discord.TextChannel)
    hook = await spoilers.create_webhook(name="guard")
    thread = discord.Object(payloads.THREAD_ID)
    in_thread = await hook.send("in the thread", wait=True, thread=thread)
    other = payloads.SPOILER_CHANNEL_ID
    async with aiohttp.ClientSession(headers=AUTH) as session:
        for method, message_id in (("PATCH", own.id), ("DELETE", own.id), ("DELETE", member)):
            url = _url(harness, f"/channels/{other}/messages/{message_id}")
            async with session.request(method, url, json={"content": "x"}) as response:
                assert (response.status, (await response.json())["code"]) == (404, 10008)
        # A webhook's message in a thread, without thread_id: looked for in its channel.
        url = _url(harness, f"/webhooks/{hook.id}/{hook.token}/messages/{in_thread.id}")
        for method in ("PATCH", "DELETE", "GET"):
            async with session.request(method, url, json={"content": "x"}) as response:
                assert (response.status, (await response.json())["code"]) == (404, 10008)
    assert own.id in harness.stand_in.messages and member in harness.stand_in.messages
    assert harness.stand_in.messages[own.id].content == "the bot's own"
    edited = await hook.edit_message(in_thread.id, content="edited", thread=thread)
    assert edited.content == "edited", "found where the request says it is"


async def test_a_moved_webhook_posts_into_its_new_channel(harness: Harness) -> None:
    assert harness.bot is not None
    channel = _channel(harness)
    webhook = await channel.create_webhook(name="guard")
    updated = asyncio.ensure_future(harness.bot.wait_for("webhooks_update", timeout=5))
    await harness.stand_in.move_webhook(webhook.id, payloads.SPOILER_CHANNEL_ID)
    assert (await updated).id == payloads.CHANNEL_ID
    posted = await webhook.send("moved", wait=True)
    assert posted.channel.id == payloads.SPOILER_CHANNEL_ID
    fetched = await harness.bot.fetch_webhook(webhook.id)
    assert fetched.channel_id == payloads.SPOILER_CHANNEL_ID


async def test_a_channel_holds_fifteen_webhooks(harness: Harness) -> None:
    channel = _channel(harness)
    for n in range(15):
        await channel.create_webhook(name=f"hook {n}")
    with pytest.raises(discord.HTTPException) as refused:
        await channel.create_webhook(name="one too many")
    assert refused.value.code == 30007


async def test_bulk_deletion_and_history_as_discord_answers_them(harness: Harness) -> None:
    assert harness.bot is not None
    channel = _channel(harness)
    sent = [await _post_member_message(harness, f"m{n}") for n in range(5)]
    newest_first = [m.id async for m in channel.history(limit=3)]
    assert newest_first == sent[-1:-4:-1]
    after = [m.id async for m in channel.history(after=discord.Object(sent[1]), limit=2)]
    assert sorted(after) == sent[2:4]
    bulk = asyncio.ensure_future(harness.bot.wait_for("raw_bulk_message_delete", timeout=5))
    await channel.delete_messages([discord.Object(i) for i in sent[:3]])
    assert (await bulk).message_ids == set(sent[:3])
    assert [i for i in sent if i in harness.stand_in.messages] == sent[3:]
    old = discord.Object(ids.id_at(time.time() - 15 * 24 * 3600))
    with pytest.raises(discord.HTTPException) as too_old:
        await channel.delete_messages([old, discord.Object(sent[3])])
    assert too_old.value.code == 50034


async def test_a_session_that_cannot_resume_identifies_again(harness: Harness) -> None:
    assert harness.bot is not None
    harness.gateway.refuse_resume = True
    ready = asyncio.ensure_future(harness.bot.wait_for("ready", timeout=10))
    await harness.gateway.drop()
    await ready
    assert harness.gateway.invalidated == 1
    assert harness.gateway.identifies == 2 and harness.gateway.resumes == 0


async def test_edits_and_deletions_can_arrive_in_any_order(harness: Harness) -> None:
    assert harness.bot is not None
    message = await harness.member_says(payloads.BOB, "first")
    edit = await harness.member_edits(message, "second", deliver=False)
    deletion = await harness.member_deletes(message, deliver=False)
    events: list[str] = []

    async def deleted(payload: discord.RawMessageDeleteEvent) -> None:
        events.append("delete")

    async def edited(payload: discord.RawMessageUpdateEvent) -> None:
        events.append("edit")

    harness.bot.add_listener(deleted, "on_raw_message_delete")
    harness.bot.add_listener(edited, "on_raw_message_edit")
    await harness.deliver_event(deletion)
    await harness.deliver_event(edit)
    await harness.settle()
    assert events == ["delete", "edit"]


async def test_a_restarted_bot_shares_the_cog_modules_but_makes_its_own_cogs(
    harness: Harness,
) -> None:
    """The harness hands each bot the cogs' modules an earlier one executed
    (``tests/standin/extension_modules.py``): each bot still runs every ``setup``, so it
    has its own cogs and one of each command, and a reload executes the module anew."""
    first = harness.bot
    assert first is not None
    cogs = dict(first.cogs)
    module = sys.modules["cogs.progress"]
    tree = sorted(c.qualified_name for c in first.tree.walk_commands())
    await harness.stop_bot()
    second = await harness.start_bot()
    assert sys.modules["cogs.progress"] is module
    assert "cogs.spoilers._engine" in sys.modules  # submodules are where the bot's imports put them
    assert cogs.keys() == second.cogs.keys()
    assert not [name for name, cog in second.cogs.items() if cog is cogs[name]]
    assert sorted(c.qualified_name for c in second.tree.walk_commands()) == tree
    reply = await harness.subcommand("progress set", {"episode": "S1E2"})
    assert reply.embeds[0]["title"] == "Progress saved"
    await second.reload_extension("cogs.progress")
    assert sys.modules["cogs.progress"] is not module
    assert (await harness.subcommand("progress show")).embeds
