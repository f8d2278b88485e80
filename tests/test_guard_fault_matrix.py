"""The guard's fault matrix, the cells that had no test (docs/reliability.md, "The spoiler
guard's fault matrix"): each path that touches a member's message or a stored row, under
a fault the stand-in serves or an event order Discord may deliver.

Catch-up's history read under a 5xx or a dropped connection; the bulk deletion whose
answer was lost; the repost edit under a 5xx, also when the webhook must be looked up
again after a restart; the author's "Delete my reposted message" under a 5xx or a lost
answer; events out of order (delete, edit or a second create before or after the create).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import pytest
from aiohttp import web

from bot.community.journal import Outcome
from tests.guarding import (
    SPOILER,
    TAGGED,
    bot_messages,
    engine,
    entry,
    executions,
    live,
    reposts,
    up,
)
from tests.standin import payloads
from tests.standin.harness import Harness
from tests.standin.payloads import BOB, CAROL, CHANNEL_ID
from tests.standin.rest import Message

CLEAN = "Can't believe how good that episode was."


def reading_history(channel_id: int = CHANNEL_ID) -> Callable[[web.Request], bool]:
    def reading(request: web.Request) -> bool:
        path = f"/channels/{channel_id}/messages"
        return request.method == "GET" and request.path.endswith(path)

    return reading


def bulk_deletes(request: web.Request) -> bool:
    return request.method == "POST" and request.path.endswith("/messages/bulk-delete")


def editing_a_repost(request: web.Request) -> bool:
    return request.method == "PATCH" and request.path.startswith("/api/v10/webhooks/")


def looking_up_a_webhook(request: web.Request) -> bool:
    parts = request.path.removeprefix("/api/v10/").split("/")
    return request.method == "GET" and parts[0] == "webhooks" and len(parts) == 2


def deleting_a_repost(request: web.Request) -> bool:
    return request.method == "DELETE" and request.path.startswith("/api/v10/webhooks/")


def errors(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]


# --- catch-up: the history read after a restart ---------------------------------------------


@pytest.mark.parametrize("fault", ["503", "reset"])
async def test_a_failed_history_read_at_catch_up_is_retried_not_skipped(
    guarded: Harness, fault: str
) -> None:
    await guarded.stop_bot()
    missed = [await guarded.member_says(BOB, f"{SPOILER} ({n})") for n in range(3)]
    if fault == "503":
        guarded.stand_in.server_error_next(reading_history(), 503)
    else:
        guarded.stand_in.reset_next(reading_history())
    await guarded.start_bot()
    await guarded.settle()
    assert not guarded.stand_in.failures, "the fault was served"
    # Retried, not skipped: a message after the gap would move the channel's mark past
    # the missed ones, and no later catch-up would read them.
    assert [m for m in missed if up(guarded, m)] == [], "the channel was read again"
    assert len(reposts(guarded)) == 3


async def test_a_429_on_the_history_read_is_waited_out(guarded: Harness) -> None:
    await guarded.stop_bot()
    missed = await guarded.member_says(BOB, SPOILER)
    guarded.stand_in.rate_limit_next(reading_history(), retry_after=0.2)
    await guarded.start_bot()
    await guarded.settle()
    assert not up(guarded, missed) and [r.content for r in reposts(guarded)] == [TAGGED]


# --- a bulk deletion whose answer was lost ---------------------------------------------------


async def test_a_bulk_deletion_whose_answer_was_lost_reposts_each_once(
    guarded: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.standin.ratelimits import RateLimits

    # The retry deletes nothing, so no event names what it deleted: wait less for one.
    monkeypatch.setattr(live("cogs.spoilers._hiding"), "BULK_CONFIRM", 0.3)
    guarded.stand_in.rate_limits = RateLimits()  # the burst gathers behind one deletion
    guarded.stand_in.lost_answer_next(bulk_deletes, 502)
    burst = [await guarded.member_says(BOB, f"{SPOILER} ({n})") for n in range(4)]
    await guarded.settle()
    assert not guarded.stand_in.failures, "the fault was served"
    assert len(guarded.stand_in.calls("POST", "/bulk-delete")) == 2, "in bulk, then again"
    assert [m for m in burst if up(guarded, m)] == []
    assert sorted(r.content for r in reposts(guarded)) == sorted(
        f"{TAGGED} ({n})" for n in range(4)
    ), "the guard's own deletion is not taken for its authors' (not lost, not doubled)"
    assert len(executions(guarded)) == 4


# --- the repost edit after the author edits --------------------------------------------------


async def test_a_503_on_the_repost_edit_is_retried(guarded: Harness) -> None:
    message = await guarded.member_says(BOB, SPOILER)
    await guarded.settle()
    [repost] = reposts(guarded)
    guarded.stand_in.server_error_next(editing_a_repost, 503)
    await guarded.member_edits(message, "Gordo dies on the moon. What a season!")
    await guarded.settle()
    edits = guarded.stand_in.calls("PATCH", f"/messages/{repost.id}")
    assert len(edits) == 2, "once refused by the 503, once done"
    assert repost.content == "||Gordo dies on the moon.|| What a season!"
    assert not (await entry(guarded, message.id)).repost_stale


async def test_a_repost_edit_after_a_restart_survives_a_503_finding_the_webhook(
    guarded: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    message = await guarded.member_says(BOB, SPOILER)
    await guarded.settle()
    [repost] = reposts(guarded)
    await guarded.stop_bot()
    await guarded.start_bot()  # the webhook is no longer remembered: looked up by id
    await guarded.settle()
    guarded.stand_in.server_error_next(looking_up_a_webhook, 503)
    with caplog.at_level(logging.INFO):
        await guarded.member_edits(message, "Gordo dies on the moon. What a season!")
        await guarded.settle()
    assert not guarded.stand_in.failures, "the fault was served"
    assert repost.content == "||Gordo dies on the moon.|| What a season!"
    assert not (await entry(guarded, message.id)).repost_stale
    assert errors(caplog) == []


# --- the author's "Delete my reposted message" -------------------------------------------


async def _a_repost(guarded: Harness) -> Message:
    await guarded.member_says(BOB, SPOILER)
    await guarded.settle()
    [repost] = reposts(guarded)
    return repost


DELETE_MENU = "Delete my reposted message"


@pytest.mark.parametrize("fault", ["503", "502 lost answer"])
async def test_deleting_a_repost_discord_fails_says_try_again_and_is_deleted_next_time(
    guarded: Harness, caplog: pytest.LogCaptureFixture, fault: str
) -> None:
    """A 503: the record is kept, the repost still up. A lost answer: Discord did delete
    it, and the next try's Unknown Message says it is done."""
    repost = await _a_repost(guarded)
    if fault == "503":
        guarded.stand_in.server_error_next(deleting_a_repost, 503)
    else:
        guarded.stand_in.lost_answer_next(deleting_a_repost, 502)
    with caplog.at_level(logging.INFO):
        first = await guarded.send(payloads.message_command(DELETE_MENU, repost, BOB))
    assert "try again" in str(first.requests[-1].json), "an honest answer, not an apology"
    assert (repost.id in guarded.stand_in.messages) == (fault == "503")
    assert errors(caplog) == []
    again = await guarded.send(payloads.message_command(DELETE_MENU, repost, BOB))
    assert "Deleted." in str(again.requests[-1].json)
    assert repost.id not in guarded.stand_in.messages


# --- events out of order --------------------------------------------------------------------


def _unsent(member: payloads.Member, content: str, harness: Harness) -> Message:
    """A member's message the stand-in holds, its MESSAGE_CREATE not delivered yet."""
    payload = payloads.member_message(member, content)
    message = Message(int(payload["id"]), int(payload["channel_id"]), payload)
    harness.stand_in.members[member.id] = {"user": member.user(), **payload["member"]}
    harness.stand_in.messages[message.id] = message
    return message


async def _create(harness: Harness, message: Message, content: str | None = None) -> None:
    payload = dict(message.payload)
    if content is not None:
        payload["content"], payload["edited_timestamp"] = content, None
    await harness.gateway.dispatch("MESSAGE_CREATE", payload)


async def test_a_deletion_delivered_before_the_create_is_not_reposted(guarded: Harness) -> None:
    message = _unsent(BOB, SPOILER, guarded)
    created = dict(message.payload)
    await guarded.member_deletes(message)
    await guarded.gateway.dispatch("MESSAGE_CREATE", created)
    await guarded.settle()
    assert reposts(guarded) == []
    assert not guarded.stand_in.calls("DELETE", f"/messages/{message.id}")


async def test_an_edit_delivered_before_the_create_wins(guarded: Harness) -> None:
    cleaned = _unsent(BOB, SPOILER, guarded)
    await guarded.member_edits(cleaned, CLEAN)  # the spoiler edited away, told first
    await _create(guarded, cleaned, SPOILER)
    spoiled = _unsent(CAROL, CLEAN, guarded)
    await guarded.member_edits(spoiled, "Gordo dies on the moon.")
    await _create(guarded, spoiled, CLEAN)
    await guarded.settle()
    assert up(guarded, cleaned), "its latest text spoils nothing: left up"
    assert not up(guarded, spoiled)
    assert [r.content for r in reposts(guarded)] == ["||Gordo dies on the moon.||"]


async def test_a_create_delivered_twice_is_taken_down_and_reposted_once(guarded: Harness) -> None:
    message = await guarded.member_says(BOB, SPOILER)
    await _create(guarded, message)  # a replayed event (e.g. after a resume)
    await guarded.settle()
    await _create(guarded, message)  # and once more, after the repost
    await guarded.settle()
    assert not up(guarded, message)
    assert [r.content for r in reposts(guarded)] == [TAGGED] and len(executions(guarded)) == 1


async def test_an_edit_after_the_authors_deletion_brings_nothing_back(guarded: Harness) -> None:
    guarded.stand_in.hang_next(lambda r: r.method == "DELETE", 0.5)  # the first is slow
    first = await guarded.member_says(CAROL, "Gordo dies on the moon.")
    message = await guarded.member_says(BOB, SPOILER)
    late_edit = dict(message.payload)
    await guarded.member_deletes(message)  # withdrawn while it waited
    late_edit["content"] = "Karen dies in the bombing, and Gordo too."
    late_edit["edited_timestamp"] = payloads.now()
    await guarded.gateway.dispatch("MESSAGE_UPDATE", late_edit)  # delivered after
    await guarded.settle()
    await engine(guarded).settled()
    assert not up(guarded, first)
    assert [r.content for r in reposts(guarded)] == ["||Gordo dies on the moon.||"]
    withdrawn = await entry(guarded, message.id)
    assert withdrawn.outcome == Outcome.WITHDRAWN, "withdrawn, and left so"


# --- the author's notice whose answer was lost -----------------------------------------------


def posting_a_notice(request: web.Request) -> bool:
    return request.method == "POST" and request.path.endswith(f"/channels/{CHANNEL_ID}/messages")


async def test_a_notice_whose_answer_was_lost_is_posted_once_and_deleted(
    guarded: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(live("cogs.spoilers._reports"), "NOTICE_SECONDS", 0.1)
    guarded.stand_in.lost_answer_next(posting_a_notice, 502)
    await guarded.member_says(BOB, SPOILER)
    await guarded.stand_in.wait_for("POST", f"/channels/{CHANNEL_ID}/messages", count=2)
    await guarded.stand_in.wait_until(lambda: not bot_messages(guarded, CHANNEL_ID))
    await guarded.settle()
    made = {r.path for r in guarded.stand_in.calls("DELETE", f"/channels/{CHANNEL_ID}/")}
    assert len(made) == 2, "the original, and the one notice: none left behind"
