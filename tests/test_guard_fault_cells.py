"""The guard's fault matrix, the cells the first audit left empty (docs/reliability.md,
"The spoiler guard's fault matrix"), end to end through the stand-in and real SQLite.

The bulk deletion under a 5xx or a dropped connection (before or after Discord did it);
permissions removed after a repost (403 on its edit and delete) and on catch-up's history
read; a dropped connection finding or making the webhook; a repost whose webhook was
deleted; 429s on the repost edit and delete, the author's notice, the guard's mod-log
card, the review card (its post and its edit) and Tag it; the review card's 5xx and lost
answer (one card, posted once Discord takes it).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import pytest
from aiohttp import web

from bot.community.journal import Entry
from tests.guarding import (
    SPOILER,
    TAGGED,
    bot_messages,
    entry,
    executions,
    live,
    notices,
    reposts,
    up,
)
from tests.standin import payloads
from tests.standin.channels import READ_MESSAGE_HISTORY, VIEW_CHANNEL
from tests.standin.gateway import GUARD_PERMISSIONS
from tests.standin.harness import Harness
from tests.standin.payloads import BOB, CAROL, CHANNEL_ID, MOD_LOG_ID
from tests.standin.rest import Message
from tests.test_guard_fault_matrix import (
    DELETE_MENU,
    _a_repost,
    bulk_deletes,
    deleting_a_repost,
    editing_a_repost,
    errors,
    posting_a_notice,
    reading_history,
)
from tests.test_guard_review import MODERATOR, UNSURE, _answer, _buttons, _cards, _press

# --- the bulk deletion ----------------------------------------------------------------------


@pytest.mark.parametrize("fault", ["503", "reset after"])
async def test_a_bulk_deletion_that_fails_still_takes_each_down_and_reposts_it_once(
    guarded: Harness,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    fault: str,
) -> None:
    from tests.standin.ratelimits import RateLimits

    monkeypatch.setattr(live("cogs.spoilers._hiding"), "BULK_CONFIRM", 0.3)
    guarded.stand_in.rate_limits = RateLimits()  # the burst gathers behind one deletion
    if fault == "503":
        guarded.stand_in.server_error_next(bulk_deletes, 503)
    else:
        guarded.stand_in.reset_next(bulk_deletes, after=fault == "reset after")
    with caplog.at_level(logging.INFO):
        burst = [await guarded.member_says(BOB, f"{SPOILER} ({n})") for n in range(4)]
        await guarded.settle()
    assert not guarded.stand_in.failures, "the fault was served"
    assert len(guarded.stand_in.calls("POST", "/bulk-delete")) >= 2, "in bulk, then again"
    assert [m for m in burst if up(guarded, m)] == []
    assert sorted(r.content for r in reposts(guarded)) == sorted(
        f"{TAGGED} ({n})" for n in range(4)
    ), "each reposted once: none lost, none doubled"
    assert len(executions(guarded)) == 4
    assert errors(caplog) == []


# --- permissions removed after the repost: 403 on its edit and delete ------------------------


EDIT_MENU = "Edit my reposted message"
CORRECTED = "Great episode. Gordo dies on the moon, too."


async def _correct(guarded: Harness, repost: Message, text: str = CORRECTED) -> str:
    """The author's "Edit my reposted message" form, filled in: the bot's last answer."""
    form = await guarded.send(payloads.message_command(EDIT_MENU, repost, BOB))
    field = form.data["components"][0]["components"][0]
    done = await guarded.send(
        payloads.modal_submit(None, form.data["custom_id"], {field["custom_id"]: text}, BOB)
    )
    return str(done.requests[-1].json)


async def test_a_403_editing_a_repost_tells_the_author_and_keeps_the_edit_owed(
    guarded: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    repost = await _a_repost(guarded)
    guarded.stand_in.missing_permissions_next(editing_a_repost)
    with caplog.at_level(logging.INFO):
        answer = await _correct(guarded, repost)
    assert "permission" in answer, answer
    assert "Updated" not in answer
    assert repost.content == TAGGED, "Discord refused: the repost shows what it showed"
    row = await _row(guarded, repost)
    assert row.repost_id == repost.id and row.repost_stale, "the edit is still owed"
    assert row.sent_text == TAGGED, "the journal says what the repost shows"
    assert errors(caplog) == []
    # An admin gives the permission back: the edit goes through.
    await guarded.gateway.update_role(payloads.BOT_ROLE_ID, GUARD_PERMISSIONS)
    await guarded.settle()
    assert repost.content == "Great episode. ||Gordo dies on the moon, too.||"
    assert not (await entry(guarded, row.message_id)).repost_stale


async def _row(guarded: Harness, repost: Message) -> Entry:
    assert guarded.bot is not None
    row = await guarded.bot.store.journal.by_repost(repost.id)
    assert row is not None, "the journal still knows the repost"
    return row


async def test_a_403_deleting_a_repost_says_so_and_keeps_the_record(
    guarded: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    repost = await _a_repost(guarded)
    guarded.stand_in.missing_permissions_next(deleting_a_repost)
    with caplog.at_level(logging.INFO):
        first = await guarded.send(payloads.message_command(DELETE_MENU, repost, BOB))
    answer = str(first.requests[-1].json)
    assert "permission" in answer and "try again in a minute" not in answer, answer
    assert repost.id in guarded.stand_in.messages
    assert errors(caplog) == []
    again = await guarded.send(payloads.message_command(DELETE_MENU, repost, BOB))
    assert "Deleted." in str(again.requests[-1].json), "the journal still knows it"
    assert repost.id not in guarded.stand_in.messages


# --- the repost's webhook deleted: 404 on its edit and delete -------------------------------


async def _webhook_gone(guarded: Harness, repost: Message, how: str) -> None:
    """A moderator deletes the guard's webhook: the bot is told (WEBHOOKS_UPDATE) and
    looks it up again, or is not told in time and Discord answers the edit itself."""
    webhook_id = int(repost.payload["webhook_id"])
    if how == "deleted":
        await guarded.stand_in.delete_webhook(webhook_id)
        await guarded.settle()
    else:
        guarded.stand_in.webhooks.pop(webhook_id)  # no event: the bot still holds it


@pytest.mark.parametrize("how", ["deleted", "unknown webhook"])
async def test_a_repost_whose_webhook_was_deleted_tells_its_author_and_can_still_go(
    guarded: Harness, caplog: pytest.LogCaptureFixture, how: str
) -> None:
    repost = await _a_repost(guarded)
    await _webhook_gone(guarded, repost, how)
    with caplog.at_level(logging.INFO):
        answer = await _correct(guarded, repost)
    assert "can no longer be edited" in answer and "Updated" not in answer, answer
    assert repost.content == TAGGED, "Discord keeps a deleted webhook's messages"
    row = await _row(guarded, repost)
    assert not row.repost_stale and row.sent_text == TAGGED, "the journal says what shows"
    # Its author can still take it down: the bot deletes it with Manage Messages.
    done = await guarded.send(payloads.message_command(DELETE_MENU, repost, BOB))
    assert "Deleted." in str(done.requests[-1].json)
    assert repost.id not in guarded.stand_in.messages
    assert errors(caplog) == []


# --- catch-up's history read refused --------------------------------------------------------


async def test_a_403_reading_one_channel_back_skips_it_and_catches_up_the_others(
    guarded: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    await guarded.stop_bot()
    refused = await guarded.member_says(BOB, SPOILER)
    missed = await guarded.member_says(BOB, SPOILER, channel_id=payloads.VOICE_ID)
    guarded.stand_in.missing_access_next(reading_history(CHANNEL_ID))
    with caplog.at_level(logging.INFO):
        await guarded.start_bot()
        await guarded.settle()
    assert not guarded.stand_in.failures, "the fault was served"
    assert up(guarded, refused), "unreadable: left as it is for now"
    assert not up(guarded, missed), "the next channel was still read back"
    assert [r.content for r in reposts(guarded)] == [TAGGED]
    assert errors(caplog) == []
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "Karen" not in logged and str(CHANNEL_ID) in logged, "the channel, not the words"


async def _permission_back(guarded: Harness, event: str) -> None:
    """An admin gives the bot its permission back, the way ``event`` tells it."""
    guarded.stand_in.denied.clear()
    if event == "channel overwrite":
        await guarded.gateway.deny(CHANNEL_ID, 0)  # CHANNEL_UPDATE
    elif event == "role":
        await guarded.gateway.update_role(payloads.BOT_ROLE_ID, GUARD_PERMISSIONS)
    else:  # the bot given a role
        await guarded.gateway.update_bot_member([payloads.BOT_ROLE_ID, payloads.TRUSTED_ROLE_ID])


@pytest.mark.parametrize("event", ["channel overwrite", "role", "bot's roles"])
async def test_a_channel_catch_up_may_not_read_is_read_back_when_the_permission_returns(
    guarded: Harness, caplog: pytest.LogCaptureFixture, event: str
) -> None:
    await guarded.stop_bot()
    missed = await guarded.member_says(BOB, SPOILER)
    # Discord refuses Read Message History although the bot's cache says it may.
    guarded.stand_in.denied[CHANNEL_ID] = READ_MESSAGE_HISTORY
    with caplog.at_level(logging.INFO):
        await guarded.start_bot()
        await guarded.settle()
        assert up(guarded, missed)
        # Messages still arrive live (View Channel is there): one seen now must not move
        # the channel's mark past the one missed.
        await guarded.member_says(CAROL, "Who else is watching tonight?")
        await guarded.settle()
        assert up(guarded, missed)
        await _permission_back(guarded, event)
        await guarded.settle()
    assert not up(guarded, missed), "read back once the bot may"
    assert [r.content for r in reposts(guarded)] == [TAGGED]
    assert len(executions(guarded)) == 1
    assert errors(caplog) == []


@pytest.mark.parametrize("fault", ["none", "503", "reset", "429"])
async def test_a_channels_permission_event_reads_back_that_channel_only(
    guarded: Harness, fault: str
) -> None:
    """A channel's overwrites changed: only it (and what is under it: a forum's posts) is
    read back, not the guild's other owed channels, nor another guild's (one planted as
    owed here); a role event then reads the guild's owed channels, still not the other
    guild's. The read back itself under a 5xx, a dropped connection or a 429."""
    from tests.guarding import engine
    from tests.standin.guilds import SECOND_GUILD_ID, moved

    await guarded.stop_bot()
    other = await guarded.member_says(BOB, SPOILER)
    touched = await guarded.member_says(BOB, SPOILER, channel_id=payloads.VOICE_ID)
    in_post = await guarded.member_says(BOB, SPOILER, channel_id=payloads.FORUM_POST_ID)
    for channel in (CHANNEL_ID, payloads.VOICE_ID, payloads.FORUM_POST_ID):
        guarded.stand_in.denied[channel] = READ_MESSAGE_HISTORY  # the cache says it may
    await guarded.start_bot()
    await guarded.settle()
    assert up(guarded, other) and up(guarded, touched) and up(guarded, in_post)
    catching_up = engine(guarded).catching_up
    elsewhere = moved(CHANNEL_ID)
    catching_up._owed[elsewhere] = (SECOND_GUILD_ID, 0)  # another guild's, owed
    guarded.stand_in.denied.clear()  # Discord would now let it read all of them
    if fault == "503":
        guarded.stand_in.server_error_next(reading_history(payloads.VOICE_ID))
    elif fault == "reset":
        guarded.stand_in.reset_next(reading_history(payloads.VOICE_ID))
    elif fault == "429":
        guarded.stand_in.rate_limit_next(reading_history(payloads.VOICE_ID), retry_after=0.3)
    read_before = len(guarded.stand_in.calls("GET", f"/channels/{CHANNEL_ID}/messages"))
    await guarded.gateway.deny(payloads.VOICE_ID, 0)  # CHANNEL_UPDATE of that one channel
    await guarded.gateway.deny(payloads.FORUM_ID, 0)  # a forum's: its posts under it
    await guarded.settle()
    assert not guarded.stand_in.failures, "the fault was served"
    assert not up(guarded, touched) and not up(guarded, in_post), "the changed ones read"
    assert up(guarded, other), "the guild's other owed channel not read"
    read = guarded.stand_in.calls("GET", f"/channels/{CHANNEL_ID}/messages")
    assert len(read) == read_before, "not even asked for"
    assert catching_up.owed(CHANNEL_ID) and catching_up.owed(elsewhere)
    await guarded.gateway.update_role(payloads.BOT_ROLE_ID, GUARD_PERMISSIONS)  # a role
    await guarded.settle()
    assert not up(guarded, other), "a role event reads the guild's owed channels"
    assert catching_up.owed(elsewhere), "another guild's owed channel left alone"
    assert guarded.stand_in.calls("GET", f"/channels/{elsewhere}/messages") == []
    assert len(executions(guarded)) == 3


async def test_catch_up_reads_every_channel_when_more_are_owed_than_are_kept(
    guarded: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every channel is owed before the first is read; the bound on channels kept owed
    (those left unreadable) must not forget, unread, the first ones of a big start."""
    from cogs.spoilers import _catch_up

    await guarded.stop_bot()
    missed = [
        await guarded.member_says(BOB, SPOILER, channel_id=channel)
        for channel in (CHANNEL_ID, payloads.VOICE_ID)
    ]
    monkeypatch.setattr(_catch_up, "OWED_KEPT", 1)  # fewer than the guild's channels
    await guarded.start_bot()
    await guarded.settle()
    assert not any(up(guarded, m) for m in missed), "each channel read back"
    assert [r.content for r in reposts(guarded)] == [TAGGED, TAGGED]


async def test_a_channel_owed_a_read_back_is_read_after_a_restart(guarded: Harness) -> None:
    await guarded.stop_bot()
    missed = await guarded.member_says(BOB, SPOILER)
    guarded.stand_in.denied[CHANNEL_ID] = READ_MESSAGE_HISTORY
    await guarded.start_bot()
    await guarded.settle()
    await guarded.member_says(CAROL, "Who else is watching tonight?")  # seen live
    await guarded.settle()
    await guarded.stop_bot()  # its marks written as it stops
    guarded.stand_in.denied.clear()  # the permission came back while the bot was down
    await guarded.start_bot()
    await guarded.settle()
    assert not up(guarded, missed), "the stored mark stayed before the unread message"
    assert [r.content for r in reposts(guarded)] == [TAGGED]


@pytest.mark.parametrize("restart", [False, True], ids=["running", "restarted"])
async def test_spoilers_posted_where_the_bot_could_not_see_are_handled_once_it_can(
    guarded: Harness, restart: bool
) -> None:
    before = await guarded.member_says(CAROL, "Who else is watching tonight?")
    await guarded.settle()
    await guarded.gateway.deny(CHANNEL_ID, VIEW_CHANNEL)  # Discord now sends nothing from there
    if restart:  # and the bot starts up knowing it may not look
        await guarded.stop_bot()
        await guarded.start_bot()
    unseen = [await guarded.member_says(BOB, f"{SPOILER} ({n})") for n in range(2)]
    await guarded.settle()
    assert all(up(guarded, m) for m in unseen)
    await guarded.gateway.deny(CHANNEL_ID, 0)
    await guarded.settle()
    assert [m for m in unseen if up(guarded, m)] == [], "read back once the bot may look"
    assert up(guarded, before)
    assert sorted(r.content for r in reposts(guarded)) == [f"{TAGGED} ({n})" for n in range(2)]


# --- a dropped connection finding or making the webhook --------------------------------------


def listing_webhooks(request: web.Request) -> bool:
    return request.method == "GET" and request.path.endswith(f"/channels/{CHANNEL_ID}/webhooks")


def making_a_webhook(request: web.Request) -> bool:
    return request.method == "POST" and request.path.endswith(f"/channels/{CHANNEL_ID}/webhooks")


@pytest.mark.parametrize("fault", ["listing", "making, after"])
async def test_a_dropped_connection_finding_the_webhook_is_retried_and_makes_one(
    guarded: Harness, caplog: pytest.LogCaptureFixture, fault: str
) -> None:
    if fault == "listing":
        guarded.stand_in.reset_next(listing_webhooks)
    else:  # Discord made it, the answer never came: found by the next listing
        guarded.stand_in.reset_next(making_a_webhook, after=True)
    with caplog.at_level(logging.INFO):
        message = await guarded.member_says(BOB, SPOILER)
        await guarded.settle()
    assert not guarded.stand_in.failures, "the fault was served"
    assert not up(guarded, message) and [r.content for r in reposts(guarded)] == [TAGGED]
    assert len(guarded.stand_in.webhooks) == 1, "one webhook, not two"
    assert errors(caplog) == []


# --- 429s on the paths the one-attempt client shares ---------------------------------------


async def test_a_429_on_the_repost_edit_is_waited_out(guarded: Harness) -> None:
    message = await guarded.member_says(BOB, SPOILER)
    await guarded.settle()
    [repost] = reposts(guarded)
    guarded.stand_in.rate_limit_next(editing_a_repost, retry_after=0.2)
    await guarded.member_edits(message, "Gordo dies on the moon. What a season!")
    await guarded.settle()
    assert not guarded.stand_in.failures, "the fault was served"
    assert repost.content == "||Gordo dies on the moon.|| What a season!"
    assert not (await entry(guarded, message.id)).repost_stale


async def test_a_429_on_the_repost_delete_is_waited_out(guarded: Harness) -> None:
    repost = await _a_repost(guarded)
    guarded.stand_in.rate_limit_next(deleting_a_repost, retry_after=0.2)
    done = await guarded.send(payloads.message_command(DELETE_MENU, repost, BOB))
    assert not guarded.stand_in.failures, "the fault was served"
    assert "Deleted." in str(done.requests[-1].json)
    assert repost.id not in guarded.stand_in.messages


async def test_a_429_on_the_authors_notice_is_waited_out_and_posts_one(guarded: Harness) -> None:
    guarded.stand_in.rate_limit_next(posting_a_notice, retry_after=0.2)
    await guarded.member_says(BOB, SPOILER)
    await guarded.settle()
    assert not guarded.stand_in.failures, "the fault was served"
    assert len(notices(guarded)) == 2, "refused once, then posted once"
    assert len(bot_messages(guarded, CHANNEL_ID)) == 1


# --- the mod log: the guard's cards and the review card ---------------------------------------


def posting_to_the_mod_log(request: web.Request) -> bool:
    path = f"/channels/{MOD_LOG_ID}/messages"
    return request.method == "POST" and request.path.endswith(path)


def editing_in_the_mod_log(request: web.Request) -> bool:
    return request.method == "PATCH" and f"/channels/{MOD_LOG_ID}/messages/" in request.path


def fetching(message: Message) -> Callable[[web.Request], bool]:
    def fetch(request: web.Request) -> bool:
        return request.method == "GET" and request.path.endswith(f"/messages/{message.id}")

    return fetch


async def test_a_429_on_the_guards_mod_log_card_is_waited_out_and_posts_one(
    guarded: Harness,
) -> None:
    guarded.stand_in.rate_limit_next(posting_to_the_mod_log, retry_after=0.2)
    await guarded.member_says(BOB, SPOILER)
    await guarded.settle()
    assert not guarded.stand_in.failures, "the fault was served"
    assert len(guarded.stand_in.calls("POST", f"/channels/{MOD_LOG_ID}/messages")) == 2
    assert len(bot_messages(guarded, MOD_LOG_ID)) == 1, "refused once, then posted once"


async def _review_card(guarded: Harness) -> tuple[Message, Message]:
    message = await guarded.member_says(BOB, UNSURE)
    await guarded.settle()
    [card] = _cards(guarded)
    return message, card


async def _card_on_record(guarded: Harness, message: Message, card: Message) -> None:
    assert guarded.bot is not None
    review = await guarded.bot.store.review.get(message.id)
    assert review is not None and review.log_message_id == card.id


async def test_a_429_on_the_review_card_is_waited_out_and_posts_one(guarded: Harness) -> None:
    guarded.stand_in.rate_limit_next(posting_to_the_mod_log, retry_after=0.2)
    message, card = await _review_card(guarded)
    assert not guarded.stand_in.failures, "the fault was served"
    await _card_on_record(guarded, message, card)


async def test_a_429_on_the_review_cards_edit_is_waited_out(guarded: Harness) -> None:
    _, card = await _review_card(guarded)
    guarded.stand_in.rate_limit_next(editing_in_the_mod_log, retry_after=0.2)
    pressed = await _press(guarded, card, "Not a spoiler", MODERATOR)
    await guarded.settle()
    assert not guarded.stand_in.failures, "the fault was served"
    assert "Noted" in _answer(pressed)
    [embed] = card.payload["embeds"]
    assert any(f["name"] == "Decision" for f in embed["fields"]), "the card says who decided"
    assert not _buttons(card), "its buttons went"


async def test_a_429_on_tag_it_is_waited_out(guarded: Harness) -> None:
    message, card = await _review_card(guarded)
    guarded.stand_in.rate_limit_next(fetching(message), retry_after=0.2)
    pressed = await _press(guarded, card, "Tag it", MODERATOR)
    await guarded.settle()
    assert not guarded.stand_in.failures, "the fault was served"
    assert "Done" in _answer(pressed)
    assert not up(guarded, message) and [r.content for r in reposts(guarded)] != []


@pytest.mark.parametrize("fault", ["502 lost answer", "503", "503 lost answer", "reset after"])
async def test_a_review_card_discord_fails_is_posted_once_and_works(
    guarded: Harness, caplog: pytest.LogCaptureFixture, fault: str
) -> None:
    """discord.py retries a 500, 502 or 504 itself (a lost answer would post a second
    card); a 503 or a dropped connection it leaves to the bot. Either way the moderators
    get one card, posted once Discord takes it, not at the message's next edit."""
    status = int(fault[:3]) if fault[0].isdigit() else 0
    if fault.endswith("lost answer"):
        guarded.stand_in.lost_answer_next(posting_to_the_mod_log, status)
    elif status:
        guarded.stand_in.server_error_next(posting_to_the_mod_log, status)
    else:
        guarded.stand_in.reset_next(posting_to_the_mod_log, after=True)
    with caplog.at_level(logging.INFO):
        message, card = await _review_card(guarded)
    assert not guarded.stand_in.failures, "the fault was served"
    await _card_on_record(guarded, message, card)
    assert errors(caplog) == []
    pressed = await _press(guarded, card, "Not a spoiler", MODERATOR)
    assert "Noted" in _answer(pressed)
