"""The spoiler guard on Discord's bad days: each of issue 10's items, reproduced with the
stand-in's faults, and the behaviour that replaced it.

1. a failed deletion neither switches the guard off nor reports success;
2. edits and deletions racing the guard; 3. catching up after a gap;
4. bursts (originals down at once, few notices); 5. transient errors retried;
6. lost answers, moved webhooks, notices deleted after an outage;
7. authors delete or correct their reposts; 8. every place members write.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence

import pytest
from aiohttp import web

from bot.community.journal import Outcome, State
from bot.pipeline.batching import Batcher
from tests.guarding import (
    SPOILER,
    TAGGED,
    bot_messages,
    deleting_a_notice,
    engine,
    entry,
    executions,
    live,
    mod_log,
    notices,
    reposts,
    up,
)
from tests.standin import ids, payloads
from tests.standin.channels import Webhook
from tests.standin.harness import Harness
from tests.standin.payloads import (
    ALICE,
    ANNOUNCEMENT_ID,
    BOB,
    CAROL,
    CHANNEL_ID,
    FORUM_ID,
    FORUM_POST_ID,
    MOD_LOG_ID,
    SPOILER_CHANNEL_ID,
    STAGE_ID,
    THREAD_ID,
    VOICE_ID,
)

CLEAN = "Can't believe how good that episode was."


def deletes(request: web.Request) -> bool:
    return request.method == "DELETE" and "/channels/" in request.path


def webhook_posts(request: web.Request) -> bool:
    return request.method == "POST" and request.path.startswith("/api/v10/webhooks/")


def listing_webhooks(request: web.Request) -> bool:
    return request.path.endswith("/webhooks")


def titles(harness: Harness) -> list[str]:
    return [embed.get("title", "") for embed in mod_log(harness)]


async def status_field(harness: Harness, name: str) -> str:
    status = await harness.subcommand("spoilers status")
    return str(next(f["value"] for f in status.embeds[0]["fields"] if f["name"] == name))


# --- 1. one failed deletion ------------------------------------------------------------


@pytest.mark.parametrize("status", [500, 502, 503, 504])
async def test_a_5xx_on_the_deletion_is_retried_not_taken_for_a_missing_permission(
    guarded: Harness, status: int
) -> None:
    guarded.stand_in.server_error_next(deletes, status)
    original = await guarded.member_says(BOB, SPOILER)
    await guarded.settle()
    assert not up(guarded, original)
    assert [r.content for r in reposts(guarded)] == [TAGGED]
    assert titles(guarded) == ["Spoiler tagged"]  # nothing about permissions
    assert "Nothing missing" in await status_field(guarded, "Permissions")
    later = await guarded.member_says(BOB, "Gordo dies on the moon.")
    await guarded.settle()
    assert not up(guarded, later), "the guard still acts in that channel"


async def test_a_deletion_failing_past_the_deadline_is_reported_as_not_done(
    guarded: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(live("cogs.spoilers._obstacles"), "HIDE_DEADLINE", 1.0)
    guarded.stand_in.server_error_next(deletes, 500, times=100)
    original = await guarded.member_says(BOB, SPOILER)
    await guarded.settle()
    while (await entry(guarded, original.id)).state is State.SEEN:
        await engine(guarded).settled()
        await guarded.settle()
    assert up(guarded, original), "still up, as the mod log says"
    assert reposts(guarded) == [] and notices(guarded) == []  # nobody told it was tagged
    [card] = mod_log(guarded)
    assert card["title"] == "Spoiler guard could not act"
    assert original.payload["id"] in card["description"]  # a jump link to it
    assert Outcome.DISCORD_DOWN.value in card["description"]
    assert "tagged" not in card["description"].split("need")[0]
    assert (await entry(guarded, original.id)).state is State.GIVEN_UP
    guarded.stand_in.failures.clear()
    guard = await status_field(guarded, "Spoiler guard")
    assert "This week: 0 tagged, 1 could not be tagged (still up as posted" in guard
    later = await guarded.member_says(BOB, "Gordo dies on the moon.")
    await guarded.settle()
    assert not up(guarded, later), "the channel is not switched off"


async def test_a_429_on_the_deletion_is_waited_out(guarded: Harness) -> None:
    guarded.stand_in.rate_limit_next(deletes, retry_after=0.3)
    original = await guarded.member_says(BOB, SPOILER)
    await guarded.settle()
    assert not up(guarded, original) and len(reposts(guarded)) == 1
    assert "Nothing missing" in await status_field(guarded, "Permissions")


async def test_a_real_403_is_reported_once_rechecked_on_a_role_change_and_acted_on(
    guarded: Harness,
) -> None:
    # Discord refuses although the bot's cache says it may (a stale overwrite).
    guarded.stand_in.denied[CHANNEL_ID] = 0x2000
    first = await guarded.member_says(BOB, SPOILER)
    second = await guarded.member_says(CAROL, "Gordo dies on the moon.")
    await guarded.settle()
    assert up(guarded, first) and up(guarded, second)
    assert (
        len(guarded.stand_in.calls("POST", "/bulk-delete")) + len(guarded.stand_in.calls("DELETE"))
        == 1
    ), "one refusal, then no more requests into it"
    assert titles(guarded) == ["Spoiler guard cannot act"]
    assert "Manage Messages" in mod_log(guarded)[0]["description"]
    assert "missing Manage Messages" in await status_field(guarded, "Permissions")
    # An admin fixes the role: the guard checks again at once and acts on both.
    guarded.stand_in.denied.clear()
    await guarded.gateway.dispatch("GUILD_ROLE_UPDATE", _bot_role())
    await guarded.settle()
    assert not up(guarded, first) and not up(guarded, second)
    assert len(reposts(guarded)) == 2
    assert "Nothing missing" in await status_field(guarded, "Permissions")


async def test_a_refusal_is_rechecked_after_a_while_even_without_an_event(
    guarded: Harness,
) -> None:
    guard = engine(guarded)
    guard.rechecks.first = 0.4  # the back-off, shortened
    guarded.stand_in.missing_permissions_next(deletes)
    original = await guarded.member_says(BOB, SPOILER)
    await guarded.settle()
    assert up(guarded, original)
    while up(guarded, original):  # parked until the re-check is due
        await guarded.settle()
        await asyncio.sleep(0.05)
    await guarded.settle()
    assert len(reposts(guarded)) == 1


async def test_a_full_webhook_list_waits_for_a_free_slot(guarded: Harness) -> None:
    for n in range(15):
        guarded.stand_in.webhooks[n + 1] = Webhook(n + 1, f"t{n}", CHANNEL_ID, f"other {n}")
    original = await guarded.member_says(BOB, SPOILER)
    await guarded.member_says(BOB, "Gordo dies on the moon.")
    await guarded.settle()
    assert up(guarded, original), "never taken down while it cannot be reposted"
    assert len([r for r in guarded.stand_in.calls("POST") if r.path.endswith("/webhooks")]) == 1
    assert "15 per channel" in str(mod_log(guarded))
    await guarded.stand_in.delete_webhook(3)  # an admin frees a slot: WEBHOOKS_UPDATE
    await guarded.settle()
    assert not up(guarded, original) and len(reposts(guarded)) == 2


# --- 2. edits and deletions racing the guard ---------------------------------------------


async def _stall_reposts(harness: Harness) -> asyncio.Event:
    """Hold the channel's repost lane (as a slow earlier repost would) until the returned
    event is set: what arrives meanwhile waits in the lane."""
    release = asyncio.Event()
    guard = engine(harness)
    original = guard.reposts._work

    async def held(lane: int, ids: Sequence[int]) -> None:
        if list(ids) == [1]:
            guard.obstacles.parked += 1  # waiting on the test, not on Discord
            try:
                await release.wait()
            finally:
                guard.obstacles.parked -= 1
            return
        await original(lane, ids)

    guard.reposts._work = held
    guard.reposts.put(CHANNEL_ID, 1)  # a placeholder the lane works on first
    return release


async def test_a_quick_typo_fix_gives_one_copy_with_the_fixed_text(guarded: Harness) -> None:
    release = await _stall_reposts(guarded)
    message = await guarded.member_says(BOB, "Karen dise in the bombing.")
    await guarded.settle()
    assert not up(guarded, message), "taken down at once"
    await guarded.member_edits(message, "Karen dies in the bombing.")
    release.set()
    await guarded.settle()
    assert [r.content for r in reposts(guarded)] == ["||Karen dies in the bombing.||"]
    assert len(notices(guarded)) == 1


async def test_editing_the_spoiler_away_while_queued_keeps_the_clean_text(
    guarded: Harness,
) -> None:
    release = await _stall_reposts(guarded)
    message = await guarded.member_says(BOB, SPOILER)
    await guarded.settle()
    await guarded.member_edits(message, CLEAN)
    release.set()
    await guarded.settle()
    assert [r.content for r in reposts(guarded)] == [CLEAN], "reposted as written, not lost"


async def test_a_later_edit_delivered_first_wins(guarded: Harness) -> None:
    release = await _stall_reposts(guarded)
    message = await guarded.member_says(BOB, SPOILER)
    await guarded.settle()
    older = await guarded.member_edits(message, "Gordo dies on the moon.", deliver=False)
    await asyncio.sleep(0.01)
    await guarded.member_edits(message, "Gordo and Tracy die on the moon.")
    await guarded.deliver_event(older)  # arrives last, but was written first
    release.set()
    await guarded.settle()
    assert [r.content for r in reposts(guarded)] == ["||Gordo and Tracy die on the moon.||"]


async def test_a_message_deleted_by_its_author_while_queued_is_not_reposted(
    guarded: Harness,
) -> None:
    guarded.stand_in.hang_next(deletes, 0.5)  # the first deletion is slow
    first = await guarded.member_says(BOB, SPOILER)
    second = await guarded.member_says(CAROL, "Gordo dies on the moon.")
    await guarded.member_deletes(second)  # while it waits behind the first
    await guarded.settle()
    assert not up(guarded, first)
    assert [r.content for r in reposts(guarded)] == [TAGGED]
    assert (await entry(guarded, second.id)).outcome == Outcome.WITHDRAWN


async def test_editing_the_spoiler_away_before_the_deletion_leaves_the_message(
    guarded: Harness,
) -> None:
    guarded.stand_in.hang_next(deletes, 0.5)
    first = await guarded.member_says(BOB, SPOILER)
    second = await guarded.member_says(CAROL, "Gordo dies on the moon.")
    await guarded.member_edits(second, CLEAN)
    await guarded.settle()
    assert up(guarded, second), "nothing to tag any more: never deleted"
    assert not guarded.stand_in.calls("DELETE", f"/messages/{second.id}")
    assert not up(guarded, first)
    assert [r.content for r in reposts(guarded)] == [TAGGED]


async def test_an_edit_after_the_repost_edits_the_repost(guarded: Harness) -> None:
    message = await guarded.member_says(BOB, SPOILER)
    await guarded.settle()
    [repost] = reposts(guarded)
    await guarded.member_edits(message, "Gordo dies on the moon. What a season!")
    await guarded.settle()
    [edit] = guarded.stand_in.calls("PATCH", f"/messages/{repost.id}")
    assert edit.json["content"] == "||Gordo dies on the moon.|| What a season!"
    assert len(reposts(guarded)) == 1 and len(executions(guarded)) == 1


# --- 3. catching up -------------------------------------------------------------------


async def test_messages_sent_during_a_session_that_could_not_resume_are_caught_up(
    guarded: Harness,
) -> None:
    assert guarded.bot is not None
    guarded.gateway.refuse_resume = True
    ready = asyncio.ensure_future(guarded.bot.wait_for("ready", timeout=15))
    await guarded.gateway.drop()
    missed = [await guarded.member_says(BOB, f"{SPOILER} ({n})") for n in range(33)]
    assert all(not m.payload.get("_delivered") for m in missed)
    await ready
    await guarded.settle()
    assert guarded.gateway.invalidated == 1
    assert [m for m in missed if up(guarded, m)] == []
    assert len(reposts(guarded)) == 33


async def test_messages_sent_while_the_bot_was_stopped_are_caught_up(
    guarded: Harness,
) -> None:
    before = await guarded.member_says(ALICE, "Who else is watching tonight?")
    await guarded.settle()
    await guarded.stop_bot()
    missed = [await guarded.member_says(BOB, f"{SPOILER} ({n})") for n in range(5)]
    clean = await guarded.member_says(CAROL, CLEAN)
    await guarded.start_bot()
    await guarded.settle()
    assert [m for m in missed if up(guarded, m)] == []
    assert up(guarded, clean) and up(guarded, before)
    assert len(reposts(guarded)) == 5


@pytest.mark.parametrize("ahead", [0.0, 2.0], ids=["now", "same millisecond"])
async def test_catch_up_reads_no_further_back_than_the_guard_was_on(
    guarded: Harness, ahead: float
) -> None:
    # ahead: the message's id runs ahead of the bot's clock, as one made in the very
    # millisecond the guard is turned on can: only the command's own id says which came first
    ids.advance(seconds=ahead)
    await guarded.subcommand("spoilers guard off")
    old = await guarded.member_says(BOB, SPOILER)
    await guarded.subcommand("spoilers guard on")
    await guarded.stop_bot()
    await guarded.start_bot()
    await guarded.settle()
    assert up(guarded, old), "posted while the guard was off: left alone"


async def test_a_stop_in_the_middle_of_a_burst_leaves_no_spoiler_up(guarded: Harness) -> None:
    from tests.standin.ratelimits import RateLimits

    guarded.stand_in.rate_limits = RateLimits()  # reposts queue up behind Discord's limit
    burst = [await guarded.member_says(BOB, f"{SPOILER} ({n})") for n in range(10)]
    await guarded.stand_in.wait_for("POST", "/webhooks/", count=2)
    await guarded.stop_bot()  # SIGTERM's path: bot.close()
    assert len(reposts(guarded)) < 10, "stopped part-way"
    await guarded.start_bot()
    await guarded.settle()
    assert [m for m in burst if up(guarded, m)] == []
    assert sorted(r.content for r in reposts(guarded)) == sorted(
        f"{TAGGED} ({n})" for n in range(10)
    )


# --- 4. bursts ------------------------------------------------------------------------------


async def test_a_burst_comes_down_at_once_and_makes_few_notices(guarded: Harness) -> None:
    from tests.standin.ratelimits import RateLimits

    guarded.stand_in.rate_limits = RateLimits()
    authors = [BOB, CAROL, payloads.Member(700000000000000009, "dave", payloads.MEMBER_PERMISSIONS)]
    burst = [await guarded.member_says(authors[n % 3], f"{SPOILER} ({n})") for n in range(12)]
    await guarded.gateway.round_trip()
    # Deletions alone: in bulk, one request a second at most.
    await guarded.stand_in.wait_until(lambda: not any(up(guarded, m) for m in burst))
    assert len(reposts(guarded)) < len(burst), "the originals went before their copies"
    await guarded.settle()
    assert len(reposts(guarded)) == 12
    assert [r.content for r in sorted(reposts(guarded), key=lambda m: m.id)] == [
        f"{TAGGED} ({n})" for n in range(12)
    ], "in the members' order"
    assert len(notices(guarded)) <= 3, "one per author (summaries come minutes later)"
    assert len(mod_log(guarded)) <= 2, "one card at once, the rest in one"
    assert guarded.stand_in.invalid_within(600) == 0


async def test_held_notices_and_cards_go_out_as_one_summary(guarded: Harness) -> None:
    # The batchers' clock stands still while the four messages are handled (however slow
    # a loaded machine makes them), then jumps past the window: the wall clock decides
    # nothing about what is batched.
    reports = engine(guarded).reports
    clock = [0.0]
    reports.notices = Batcher(0.5, clock=lambda: clock[0])
    reports.logs = Batcher(0.5, clock=lambda: clock[0])
    for n in range(4):
        await guarded.member_says(BOB, f"{SPOILER} ({n})")
        await guarded.settle()
    assert len(notices(guarded)) == 1 and titles(guarded) == ["Spoiler tagged"]
    clock[0] = 1.0  # the flusher looks again within half a second of wall time
    await guarded.stand_in.wait_until(lambda: len(notices(guarded)) == 2 == len(titles(guarded)))
    await guarded.settle()
    texts = [r.json["content"] for r in notices(guarded)]
    assert len(texts) == 2 and "parts of 3 of your messages" in texts[1]
    assert [t for t in titles(guarded)] == ["Spoiler tagged", "Spoilers tagged: 3 messages"]
    for card in mod_log(guarded):
        assert "Karen" not in card["title"] and "Karen" not in card.get("description", "")


# --- 5. transient errors ----------------------------------------------------------------


async def test_a_503_listing_or_making_the_webhook_is_retried(guarded: Harness) -> None:
    guarded.stand_in.server_error_next(listing_webhooks, 503, times=2)
    original = await guarded.member_says(BOB, SPOILER)
    await guarded.settle()
    assert not up(guarded, original) and len(reposts(guarded)) == 1
    assert titles(guarded) == ["Spoiler tagged"]


@pytest.mark.parametrize("after", [False, True])
async def test_a_reset_during_the_repost_neither_escapes_nor_doubles(
    guarded: Harness, caplog: pytest.LogCaptureFixture, after: bool
) -> None:
    guarded.stand_in.reset_next(webhook_posts, after=after)
    with caplog.at_level(logging.WARNING):
        original = await guarded.member_says(BOB, SPOILER)
        await guarded.settle()
    assert not up(guarded, original)
    assert [r.content for r in reposts(guarded)] == [TAGGED]
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_a_request_that_hangs_times_out_and_is_retried(
    guarded: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    rest = engine(guarded).rest
    assert rest is not None
    await rest.close()
    monkeypatch.setattr(rest, "_timeout", 0.3)
    await rest.open()
    guarded.stand_in.hang_next(webhook_posts, 5.0)
    await guarded.member_says(BOB, SPOILER)
    await guarded.settle()
    assert [r.content for r in reposts(guarded)] == [TAGGED]


# --- 6. lost answers, moved webhooks, notices after an outage -------------------------------


async def test_a_502_after_discord_posted_the_repost_gives_one_copy(guarded: Harness) -> None:
    guarded.stand_in.lost_answer_next(webhook_posts)
    original = await guarded.member_says(BOB, SPOILER)
    await guarded.settle()
    assert len(executions(guarded)) == 1, "found it, so not sent again"
    assert [r.content for r in reposts(guarded)] == [TAGGED]
    assert (await entry(guarded, original.id)).repost_id == reposts(guarded)[0].id


@pytest.mark.parametrize("told", [True, False])
async def test_a_moved_webhook_is_not_used_for_this_channel(guarded: Harness, told: bool) -> None:
    await guarded.member_says(BOB, SPOILER)
    await guarded.settle()
    [hook] = guarded.stand_in.webhooks.values()
    if told:
        await guarded.stand_in.move_webhook(hook.id, SPOILER_CHANNEL_ID)
    else:  # the WEBHOOKS_UPDATE was lost: the answer's channel gives it away
        hook.channel_id = SPOILER_CHANNEL_ID
    await guarded.member_says(BOB, "Gordo dies on the moon.")
    await guarded.settle()
    assert reposts(guarded, SPOILER_CHANNEL_ID) == [], "nothing left in the wrong channel"
    assert [r.content for r in reposts(guarded, CHANNEL_ID)] == [
        TAGGED,
        "||Gordo dies on the moon.||",
    ]


async def test_notices_due_during_an_outage_are_deleted_later(
    guarded: Harness, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(live("cogs.spoilers._reports"), "NOTICE_SECONDS", 0.1)
    guarded.stand_in.server_error_next(deleting_a_notice(guarded), 503, times=2)
    with caplog.at_level(logging.INFO):
        original = await guarded.member_says(BOB, SPOILER)
        await guarded.stand_in.wait_for("DELETE", "/messages/", count=4)  # it, and 3 tries
        await guarded.stand_in.wait_until(lambda: not bot_messages(guarded, CHANNEL_ID))
    tries = [r.path for r in guarded.stand_in.calls("DELETE", "/messages/")]
    tries.remove(f"/channels/{CHANNEL_ID}/messages/{original.id}")
    assert len(tries) == 3 and len(set(tries)) == 1  # the notice: two 503s, then gone
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert "never retrieved" not in caplog.text


async def test_a_notice_outlives_a_restart_and_is_deleted_after(
    guarded: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(live("cogs.spoilers._reports"), "NOTICE_SECONDS", 0.0)

    guarded.stand_in.hang_next(deleting_a_notice(guarded), 30.0)  # Discord stops answering then
    await guarded.member_says(BOB, SPOILER)
    await guarded.stand_in.wait_for("DELETE", "/messages/", count=2)  # original, notice
    [notice] = bot_messages(guarded, CHANNEL_ID)
    await guarded.stop_bot()  # the bot stops while that deletion hangs
    assert notice.id in guarded.stand_in.messages
    await guarded.start_bot()  # the journal still lists the notice: it goes now
    await guarded.stand_in.wait_for("DELETE", f"/messages/{notice.id}", count=2)
    await guarded.settle()
    assert notice.id not in guarded.stand_in.messages


# --- 7. authors keep control ------------------------------------------------------------------


async def test_authors_and_moderators_can_delete_a_repost_others_cannot(
    guarded: Harness,
) -> None:
    await guarded.member_says(BOB, SPOILER)
    await guarded.settle()
    [repost] = reposts(guarded)
    refused = await guarded.send(
        payloads.message_command("Delete my reposted message", repost, CAROL)
    )
    assert refused.ephemeral and "Only the member who wrote it" in refused.content
    assert repost.id in guarded.stand_in.messages
    done = await guarded.send(payloads.message_command("Delete my reposted message", repost, BOB))
    assert done.ephemeral
    assert repost.id not in guarded.stand_in.messages
    followups = [r for r in done.requests if r.method == "POST" and "/webhooks/" in r.path]
    assert "Deleted." in str(followups[-1].json)
    await guarded.member_says(BOB, "Gordo dies on the moon.")
    await guarded.settle()
    [second] = reposts(guarded)
    await guarded.send(payloads.message_command("Delete my reposted message", second, ALICE))
    assert second.id not in guarded.stand_in.messages, "a moderator may too"
    not_ours = await guarded.member_says(CAROL, "hello")
    answer = await guarded.send(
        payloads.message_command("Delete my reposted message", not_ours, CAROL)
    )
    assert "isn't a message the spoiler guard reposted" in answer.content


async def test_authors_can_correct_a_repost_and_the_guard_checks_it_again(
    guarded: Harness,
) -> None:
    await guarded.member_says(BOB, SPOILER)
    await guarded.settle()
    [repost] = reposts(guarded)
    modal = await guarded.send(payloads.message_command("Edit my reposted message", repost, BOB))
    assert modal.type == 9
    assert modal.data["title"] == "Edit your reposted message"
    [row] = modal.data["components"]
    field = row["components"][0]
    assert field["value"] == TAGGED, "the text as posted, tags as markup"
    corrected = "Great episode. Gordo dies on the moon, too."
    submitted = await guarded.send(
        payloads.modal_submit(None, modal.data["custom_id"], {field["custom_id"]: corrected}, BOB)
    )
    await guarded.settle()
    [edit] = guarded.stand_in.calls("PATCH", f"/messages/{repost.id}")
    assert edit.json["content"] == "Great episode. ||Gordo dies on the moon, too.||"
    assert "Updated" in str(submitted.requests[-1].json) or "Updated" in submitted.content
    stranger = await guarded.send(
        payloads.message_command("Edit my reposted message", repost, CAROL)
    )
    assert stranger.type == 4 and "Only the member who wrote it" in stranger.content


# --- 8. every place members write ------------------------------------------------------------


@pytest.mark.parametrize(
    ("channel_id", "host_id"),
    [
        (VOICE_ID, VOICE_ID),  # a voice channel's text chat: its own webhook
        (STAGE_ID, STAGE_ID),
        (ANNOUNCEMENT_ID, ANNOUNCEMENT_ID),
        (FORUM_POST_ID, FORUM_ID),  # a forum post: the forum's webhook, into the post
        (THREAD_ID, SPOILER_CHANNEL_ID),
    ],
)
async def test_every_place_members_write_is_guarded(
    guarded: Harness, channel_id: int, host_id: int
) -> None:
    original = await guarded.member_says(BOB, SPOILER, channel_id=channel_id)
    await guarded.settle()
    assert not up(guarded, original)
    [repost] = reposts(guarded)
    assert repost.channel_id == channel_id and repost.content == TAGGED
    [hook] = guarded.stand_in.webhooks.values()
    assert hook.channel_id == host_id
    assert len(notices(guarded, channel_id)) == 1


async def test_status_says_what_the_guard_cannot_cover(guarded: Harness) -> None:
    covered = await status_field(guarded, "What the guard cannot cover")
    assert "forum post titles" in covered.lower()
    assert "published to following servers" in covered
    guard = await status_field(guarded, "Spoiler guard")
    assert "Requests Discord refused in the last 10 minutes: 0" in guard
    assert "(the guard pauses at 1,000; Discord blocks a bot at 10,000)" in guard
    assert "Journal: each message is saved before the guard touches it" in guard
    assert "kept 30 days" in guard


def _bot_role() -> dict[str, object]:
    from tests.standin.gateway import GUARD_PERMISSIONS

    return {
        "guild_id": str(payloads.GUILD_ID),
        "role": {
            "id": str(payloads.BOT_ROLE_ID),
            "name": "fambot",
            "permissions": str(GUARD_PERMISSIONS),
            "position": 1,
            "color": 0,
            "hoist": False,
            "managed": False,
            "mentionable": False,
            "flags": 0,
        },
    }


async def test_the_mod_log_card_never_carries_the_spoiler(guarded: Harness) -> None:
    await guarded.member_says(BOB, SPOILER)
    await guarded.settle()
    for card in mod_log(guarded):
        shown = [card.get("title", ""), card.get("description", "")]
        shown += [f["name"] for f in card.get("fields", [])]
        assert not [t for t in shown if "karen" in t.lower() or "bomb" in t.lower()]
    for notice in notices(guarded):
        assert "Karen" not in notice.json["content"]
    assert MOD_LOG_ID not in [r.channel_id for r in reposts(guarded)]


# --- the invalid-request budget, and shutdown -----------------------------------------------


async def test_the_guard_pauses_well_before_discord_would_block_the_bot(
    guarded: Harness,
) -> None:
    import discord

    assert guarded.bot is not None
    budget = guarded.bot.invalid_requests
    clock = [0.0]
    budget._clock = lambda: clock[0]
    budget._pause_at, budget._resume_at = 20, 10  # a fiftieth of the real figures
    guarded.stand_in.missing_permissions_next(lambda r: r.path.endswith("/users/@me"), times=20)
    for _ in range(20):  # any of the bot's requests counts, not only the guard's
        with pytest.raises(discord.Forbidden):
            await guarded.bot.http.request(discord.http.Route("GET", "/users/@me"))
    assert budget.count() == 20 and budget.paused
    original = await guarded.member_says(BOB, SPOILER)
    await guarded.settle()
    assert up(guarded, original), "paused: no requests that could be refused"
    assert titles(guarded) == ["Spoiler guard paused"]
    shown = await status_field(guarded, "Spoiler guard")
    assert "refused in the last 10 minutes: 20" in shown and "Paused" in shown
    clock[0] += 601  # ten minutes later the count has fallen
    engine(guarded).nudge()
    await guarded.settle()
    assert not up(guarded, original) and len(reposts(guarded)) == 1


async def test_shutdown_is_prompt_while_discord_is_unreachable_and_loses_nothing(
    guarded: Harness,
) -> None:
    guarded.stand_in.hang_next(webhook_posts, 60.0)  # the repost never answers
    original = await guarded.member_says(BOB, SPOILER)
    await guarded.stand_in.wait_for("POST", "/webhooks/", count=1)
    loop = asyncio.get_running_loop()
    began = loop.time()
    await guarded.stop_bot()
    assert loop.time() - began < 5.0, "the grace period, not the hung request"
    assert not up(guarded, original)
    guarded.stand_in.failures.clear()
    await guarded.start_bot()  # the journal has the text: it is reposted, once
    await guarded.settle()
    assert [r.content for r in reposts(guarded)] == [TAGGED]


async def test_files_are_kept_before_the_original_goes_and_survive_a_restart(
    guarded: Harness,
) -> None:
    upload = guarded.upload("finale.png", b"\x89PNG pixels")
    guarded.stand_in.hang_next(webhook_posts, 60.0)  # the repost will not get through
    original = await guarded.member_says(BOB, SPOILER, attachments=[upload])
    await guarded.stand_in.wait_for("POST", "/webhooks/", count=1)
    assert not up(guarded, original)
    guarded.stand_in.files.clear()  # Discord deleted the files with the message
    await guarded.stop_bot()
    guarded.stand_in.failures.clear()
    await guarded.start_bot()
    await guarded.settle()
    files = executions(guarded)[-1].json["_files"]
    assert [(f["filename"], f["data"]) for f in files] == [
        ("SPOILER_finale.png", b"\x89PNG pixels")
    ]
    assert guarded.bot is not None
    assert await guarded.bot.store.journal.files(original.id) == [], "dropped once reposted"
