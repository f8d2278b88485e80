"""The spoiler guard end to end: members' messages in, Discord requests out."""

from __future__ import annotations

import dataclasses

from tests.spoiler_audit import hidden, spoiler_regions, visible
from tests.standin import payloads
from tests.standin.harness import Harness
from tests.standin.payloads import (
    ALICE,
    BOB,
    CAROL,
    CHANNEL_ID,
    MOD_LOG_ID,
    SPOILER_CHANNEL_ID,
    THREAD_ID,
    TRUSTED_ROLE_ID,
    ChannelOption,
    RoleOption,
)
from tests.standin.rest import APPLICATION_ID, Recorded

SPOILER = "Can't believe Karen dies in the bombing. Great episode though!"


def _executions(harness: Harness) -> list[Recorded]:
    """Channel webhook executions (not the application's own interaction webhook)."""
    own = f"/webhooks/{APPLICATION_ID}/"
    return [r for r in harness.stand_in.calls("POST", "/webhooks/") if not r.path.startswith(own)]


def _deleted(harness: Harness, message_id: int) -> bool:
    return bool(harness.stand_in.calls("DELETE", f"/messages/{message_id}"))


async def test_a_spoiler_is_reposted_tagged_and_the_original_deleted(guarded: Harness) -> None:
    message = await guarded.member_says(BOB, SPOILER)
    await guarded.settle()
    [execution] = _executions(guarded)
    body = execution.json
    assert body["content"] == "||Can't believe Karen dies in the bombing.|| Great episode though!"
    assert body["content"].replace("||", "") == SPOILER  # byte for byte, plus the tags
    assert body["username"] == "Bob"
    assert body["allowed_mentions"] == {"parse": []}
    assert _deleted(guarded, message.id)
    notice = guarded.stand_in.calls("POST", f"/channels/{CHANNEL_ID}/messages")[-1].json
    assert "Karen" not in notice["content"] and "bomb" not in notice["content"]
    assert "season 3 finale" in notice["content"]
    assert notice["allowed_mentions"] == {"parse": []}
    logged = guarded.stand_in.calls("POST", f"/channels/{MOD_LOG_ID}/messages")[-1].json
    embed = logged["embeds"][0]
    readable_anywhere = [embed["title"], embed["description"]]
    readable_anywhere += [f["name"] + " " + visible(f["value"]) for f in embed["fields"]]
    assert not [t for t in readable_anywhere if "karen" in t.lower() or "bomb" in t.lower()]
    rules = next(f["value"] for f in embed["fields"] if f["name"] == "Rules")
    assert "karen" in hidden(rules)


async def test_the_guard_ignores_its_own_reposts(guarded: Harness) -> None:
    await guarded.member_says(BOB, SPOILER)
    await guarded.settle()
    await guarded.settle()  # the repost came back through the gateway: no second round
    assert len(_executions(guarded)) == 1


async def test_safe_tagged_linked_and_old_news_messages_are_left_alone(guarded: Harness) -> None:
    for text in (
        "Karen runs the Outpost with Sam.",
        "Hot take: ||Karen dies in the bombing|| was the right call.",
        "Found this: [a recap](https://example.com/karen-baldwin-dies-in-bombing)",
        "Patty dies in episode 3, that crash was brutal.",
    ):
        await guarded.member_says(BOB, text)
    await guarded.settle()
    assert _executions(guarded) == []


async def test_a_bare_link_is_shown_so_its_words_count(guarded: Harness) -> None:
    # a masked link's address is not shown (left alone above); a bare one reads as prose
    await guarded.member_says(BOB, "Found this: https://example.com/karen-baldwin-dies-in-bombing")
    await guarded.settle()
    content = _executions(guarded)[0].json["content"]
    assert content == "||Found this: https://example.com/karen-baldwin-dies-in-bombing||"


async def test_code_is_still_visible_so_it_is_tagged_whole(guarded: Harness) -> None:
    await guarded.member_says(BOB, "spoiler incoming `Margo defects to the USSR` lol")
    await guarded.settle()
    content = _executions(guarded)[0].json["content"]
    assert content == "||spoiler incoming `Margo defects to the USSR` lol||"


async def test_attachments_come_back_as_spoilers(guarded: Harness) -> None:
    upload = guarded.upload("finale.png", b"\x89PNG pixels")
    await guarded.member_says(BOB, "Gordo dies on the moon, look", attachments=[upload])
    await guarded.settle()
    files = _executions(guarded)[0].json["_files"]
    assert [(f["filename"], f["data"]) for f in files] == [
        ("SPOILER_finale.png", b"\x89PNG pixels")
    ]


async def test_replies_and_threads_are_preserved(guarded: Harness) -> None:
    first = await guarded.member_says(ALICE, "Who else cried at the end of season 2?")
    await guarded.member_says(BOB, "Gordo and Tracy die holding each other.", reference=first.id)
    await guarded.settle()
    reply = _executions(guarded)[0].json
    assert "Replying to" in reply["embeds"][0]["description"]
    assert str(first.id) in reply["embeds"][0]["description"]

    await guarded.member_says(BOB, "Margo is arrested at the end.", channel_id=THREAD_ID)
    await guarded.settle()
    in_thread = _executions(guarded)[-1]
    assert in_thread.query.get("thread_id") == str(THREAD_ID)


async def test_edits_are_checked_again(guarded: Harness) -> None:
    message = await guarded.member_says(BOB, "What a finale.")
    await guarded.settle()
    assert _executions(guarded) == []
    await guarded.member_edits(message, "What a finale. Danny gets exiled to the lander!")
    await guarded.settle()
    assert (
        _executions(guarded)[0].json["content"]
        == "What a finale. ||Danny gets exiled to the lander!||"
    )
    assert _deleted(guarded, message.id)
    logged = guarded.stand_in.calls("POST", f"/channels/{MOD_LOG_ID}/messages")[-1].json
    assert logged["embeds"][0]["title"] == "Spoiler tagged after an edit"


async def test_exempt_roles_exempt_and_spoiler_channels_are_left_alone(guarded: Harness) -> None:
    await guarded.subcommand("spoilers exempt role", {"role": RoleOption(TRUSTED_ROLE_ID)})
    await guarded.subcommand("spoilers channel add", {"channel": ChannelOption(SPOILER_CHANNEL_ID)})
    trusted = dataclasses.replace(CAROL, roles=(TRUSTED_ROLE_ID,))
    await guarded.member_says(trusted, SPOILER, roles=[TRUSTED_ROLE_ID])
    await guarded.member_says(BOB, SPOILER, channel_id=SPOILER_CHANNEL_ID)
    await guarded.member_says(BOB, SPOILER, channel_id=THREAD_ID)  # a spoiler channel's thread
    await guarded.settle()
    assert _executions(guarded) == []


async def test_missing_permissions_are_reported_once_and_the_spoilers_wait(
    guarded: Harness,
) -> None:
    await guarded.gateway.deny(CHANNEL_ID, 0x2000)  # Manage Messages
    await guarded.settle()
    before = len(guarded.stand_in.requests)
    for _ in range(3):
        await guarded.member_says(BOB, SPOILER)
    await guarded.settle()
    sent = guarded.stand_in.requests[before:]
    assert not [r for r in sent if r.method == "DELETE" or "/webhooks" in r.path]
    reports = [r for r in sent if r.path == f"/channels/{MOD_LOG_ID}/messages"]
    assert len(reports) == 1
    assert "Manage Messages" in str(reports[0].json["embeds"])
    status = await guarded.subcommand("spoilers status")
    permissions = next(f["value"] for f in status.embeds[0]["fields"] if f["name"] == "Permissions")
    assert f"<#{CHANNEL_ID}>: missing Manage Messages" in permissions

    await guarded.gateway.deny(CHANNEL_ID, 0)  # granted again: the waiting three are tagged
    await guarded.settle()
    await guarded.member_says(BOB, SPOILER)
    await guarded.settle()
    assert len(_executions(guarded)) == 4


async def test_a_guard_that_is_off_does_nothing(guarded: Harness) -> None:
    await guarded.subcommand("spoilers guard off")
    await guarded.member_says(BOB, SPOILER)
    await guarded.settle()
    assert _executions(guarded) == []


async def test_server_terms_are_guarded(guarded: Harness) -> None:
    await guarded.subcommand("spoilers terms add", {"term": "the purple door"})
    await guarded.member_says(BOB, "Nobody expected the purple door. Wow.")
    await guarded.settle()
    assert _executions(guarded)[0].json["content"] == "||Nobody expected the purple door.|| Wow."


async def test_spoilercheck_previews_privately(guarded: Harness) -> None:
    reply = await guarded.command("spoilercheck", {"draft": SPOILER}, member=BOB)
    assert reply.ephemeral
    description = reply.embeds[0]["description"]
    assert "season 3 finale details" in description.splitlines()[0]
    assert "Karen" in hidden(description) and "Karen" not in visible(description)
    safe = await guarded.command("spoilercheck", {"draft": "Karen runs the Outpost."})
    assert "Nothing in this draft" in safe.embeds[0]["description"]


async def test_moderators_can_tag_any_message(guarded: Harness) -> None:
    message = await guarded.member_says(BOB, "The ending of the season surprised me. Wow.")
    await guarded.settle()
    refused = await guarded.send(
        payloads.message_command("Spoiler-tag this message", message, CAROL)
    )
    assert "You need more permissions" in refused.content
    done = await guarded.send(payloads.message_command("Spoiler-tag this message", message, ALICE))
    await guarded.settle()
    assert done.ephemeral
    content = _executions(guarded)[0].json["content"]
    assert content == "||The ending of the season surprised me.|| ||Wow.||"
    assert [(h, t) for h, t in spoiler_regions(content) if not h and t.strip()] == []


async def test_details_of_an_episode_under_embargo_are_guarded_until_it_lifts(
    guarded: Harness,
) -> None:
    from datetime import UTC, datetime

    assert guarded.bot is not None
    text = "Grigory dies out there on the asteroid. Brutal opener."
    guarded.bot.horizons.clock = lambda: datetime(2023, 11, 12, tzinfo=UTC)  # S4E1 + 2 days
    await guarded.member_says(BOB, text)
    await guarded.settle()
    assert _executions(guarded)[0].json["content"] == f"||{text.split('. ')[0]}.|| Brutal opener."
    guarded.bot.horizons.clock = lambda: datetime(2023, 11, 25, tzinfo=UTC)  # lifted
    await guarded.member_says(BOB, text)
    await guarded.settle()
    assert len(_executions(guarded)) == 1


async def test_a_message_its_author_deleted_first_is_not_reposted(guarded: Harness) -> None:
    guarded.stand_in.unknown_message_next(lambda r: r.method == "DELETE")
    await guarded.member_says(BOB, SPOILER)
    await guarded.settle()
    assert _executions(guarded) == []
    assert not guarded.stand_in.calls("POST", f"/channels/{MOD_LOG_ID}/messages")


async def test_a_refused_webhook_is_reported_not_retried(guarded: Harness) -> None:
    guarded.stand_in.missing_permissions_next(lambda r: r.path.endswith("/webhooks"))
    for _ in range(2):
        await guarded.member_says(BOB, SPOILER)
        await guarded.settle()
    webhook_calls = [r for r in guarded.stand_in.requests if r.path.endswith("/webhooks")]
    assert len(webhook_calls) == 1, "one 403, then the gap is remembered"
    assert not guarded.stand_in.calls("DELETE")
    report = guarded.stand_in.calls("POST", f"/channels/{MOD_LOG_ID}/messages")[-1].json
    assert "Manage Webhooks" in str(report["embeds"])


async def test_names_discord_refuses_for_webhooks_are_adjusted(guarded: Harness) -> None:
    fan = dataclasses.replace(CAROL, name="discord fan")
    await guarded.member_says(fan, SPOILER)
    await guarded.settle()
    [execution] = _executions(guarded)
    assert "discord" not in execution.json["username"].lower()
    assert execution.json["username"].startswith("D")


async def test_a_deleted_webhook_is_made_again(guarded: Harness) -> None:
    await guarded.member_says(BOB, SPOILER)
    await guarded.settle()
    guarded.stand_in.webhooks.clear()  # a moderator deleted it
    await guarded.member_says(BOB, "Gordo dies on the moon.")
    await guarded.settle()
    assert len(guarded.stand_in.calls("POST", "/webhooks")) >= 2  # created twice
    assert _executions(guarded)[-1].json["content"] == "||Gordo dies on the moon.||"


async def test_a_full_webhook_list_is_reported_once(guarded: Harness) -> None:
    from tests.standin.channels import Webhook

    for n in range(15):
        guarded.stand_in.webhooks[n + 1] = Webhook(n + 1, f"t{n}", CHANNEL_ID, f"other {n}")
    for _ in range(2):
        await guarded.member_says(BOB, SPOILER)
        await guarded.settle()
    creations = [r for r in guarded.stand_in.calls("POST") if r.path.endswith("/webhooks")]
    assert len(creations) == 1
    report = guarded.stand_in.calls("POST", f"/channels/{MOD_LOG_ID}/messages")[-1].json
    assert "15 per channel" in str(report["embeds"])


async def test_files_too_large_to_reupload_leave_the_message_and_tell_the_mods(
    guarded: Harness,
) -> None:
    upload = guarded.upload("huge.mov", b"x")
    upload["size"] = 500 * 1024 * 1024
    await guarded.member_says(BOB, SPOILER, attachments=[upload])
    await guarded.settle()
    assert _executions(guarded) == []
    assert not guarded.stand_in.calls("DELETE")
    report = guarded.stand_in.calls("POST", f"/channels/{MOD_LOG_ID}/messages")[-1].json
    assert "too large" in str(report["embeds"])


async def test_links_in_a_reposted_spoiler_lose_their_previews(guarded: Harness) -> None:
    await guarded.member_says(BOB, "Gordo dies on the moon https://example.com/clip")
    await guarded.settle()
    flags = _executions(guarded)[0].json["flags"]
    assert flags & 4  # SUPPRESS_EMBEDS


async def test_statements_phrased_as_questions_are_still_tagged(guarded: Harness) -> None:
    await guarded.member_says(BOB, "Did you know Gordo dies on the moon?")
    await guarded.member_says(BOB, "Does Gordo make it in season 2?")
    await guarded.settle()
    assert [e.json["content"] for e in _executions(guarded)] == [
        "||Did you know Gordo dies on the moon?||"
    ]


async def test_spoilercheck_keeps_the_authors_own_tags_hidden(guarded: Harness) -> None:
    draft = "||Gordo dies on the moon|| and Karen is killed in the bombing."
    reply = await guarded.command("spoilercheck", {"draft": draft}, member=BOB)
    description = reply.embeds[0]["description"]
    assert "Gordo" in hidden(description) and "Gordo" not in visible(description)
    assert "Karen" in hidden(description) and "Karen" not in visible(description)
