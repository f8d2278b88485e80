"""The guard's review band end to end (issue 9): the sensitivity a server sets, the mod-log
card for a message the guard is unsure about, Tag it / Not a spoiler, the exported
examples and /spoilercheck, through the real client and the stand-in, on good days and
bad."""

from __future__ import annotations

import contextlib
import copy
import dataclasses
import tomllib
from collections.abc import AsyncIterator
from typing import Any

import pytest

from bot.settings import Settings
from cogs.spoilers._review import CHECK_MENU, NOT_A_MODERATOR
from tests.spoiler_audit import hidden, visible
from tests.standin import payloads
from tests.standin.harness import Exchange, Harness
from tests.standin.payloads import ALICE, BOB, CAROL, CHANNEL_ID, GUILD_ID, MOD_LOG_ID, Member
from tests.standin.rest import APPLICATION_ID, Message, Recorded

UNSURE = "Gordo is gone"  # a hint, not a statement: 0.57 with the shipped rules
SURE = "Can't believe Karen dies in the bombing. Great episode though!"  # 0.92
# Words of the finale detail the unsure message touches (Gordo's fate in the S2 finale)
# and of the member's text: none may be readable outside tags, nor in a title or label.
SECRET_WORDS = ("gordo", "stevens", "gone", "moon", "dies", "death", "tracy")
# Manage Messages, without Manage Server: a moderator who is not an admin.
MODERATOR = Member(700000000000000009, "mod", str(int(payloads.MEMBER_PERMISSIONS) | 0x2000))


@contextlib.asynccontextmanager
async def _guarding(settings: Settings) -> AsyncIterator[Harness]:
    running = Harness(dataclasses.replace(settings, spoiler_guard=True))
    await running.start()
    try:
        await running.subcommand("spoilers guard on")
        log = {"channel": payloads.ChannelOption(MOD_LOG_ID)}
        await running.subcommand("spoilers guard log", log)
        yield running
    finally:
        await running.stop()


@pytest.fixture
async def guarded(settings: Settings) -> AsyncIterator[Harness]:
    async with _guarding(settings) as running:
        yield running


def _executions(harness: Harness) -> list[Recorded]:
    own = f"/webhooks/{APPLICATION_ID}/"
    return [r for r in harness.stand_in.calls("POST", "/webhooks/") if not r.path.startswith(own)]


def _cards(harness: Harness) -> list[Message]:
    """The review cards the bot posted to the mod log, oldest first."""
    return [
        m
        for m in harness.stand_in.messages.values()
        if m.channel_id == MOD_LOG_ID
        and any(e.get("title") == "Spoiler guard is unsure" for e in m.payload.get("embeds", []))
    ]


def _buttons(card: Message) -> dict[str, str]:
    return {
        item["label"]: item["custom_id"]
        for row in card.payload.get("components") or []
        for item in row.get("components", [])
    }


async def _press(harness: Harness, card: Message, label: str, member: Member) -> Exchange:
    return await harness.send(payloads.button(card, _buttons(card)[label], member))


def _followups(exchange: Exchange) -> list[str]:
    own = f"/webhooks/{APPLICATION_ID}/"
    return [
        str(r.json.get("content") or "")
        for r in exchange.requests
        if r.method == "POST" and r.path.startswith(own)
    ]


def _answer(exchange: Exchange) -> str:
    """The private answer to a press: the reply, or the follow-up after deferring."""
    assert exchange.ephemeral
    return exchange.content or "\n".join(_followups(exchange))


def _plain_surfaces(payload: dict[str, Any]) -> list[str]:
    """Surfaces Discord cannot hide: titles, field names, footers, button labels."""
    found = []
    for embed in payload.get("embeds") or []:
        found += [embed.get("title") or "", (embed.get("footer") or {}).get("text", "")]
        found += [f["name"] for f in embed.get("fields", [])]
    for row in payload.get("components") or []:
        found += [item.get("label", "") for item in row.get("components", [])]
    return found


def _readable(payload: dict[str, Any]) -> str:
    """Everything readable without a click."""
    parts = [visible(payload.get("content") or ""), *_plain_surfaces(payload)]
    for embed in payload.get("embeds") or []:
        parts.append(visible(embed.get("description") or ""))
        parts += [visible(f["value"]) for f in embed.get("fields", [])]
    return " ".join(parts).casefold()


def _all_hidden(payload: dict[str, Any]) -> str:
    parts = [hidden(payload.get("content") or "")]
    for embed in payload.get("embeds") or []:
        parts.append(hidden(embed.get("description") or ""))
        parts += [hidden(f["value"]) for f in embed.get("fields", [])]
    return " ".join(parts).casefold()


async def _unsure_card(harness: Harness, text: str = UNSURE) -> tuple[Message, Message]:
    message = await harness.member_says(BOB, text)
    await harness.settle()
    [card] = _cards(harness)
    return message, card


# --- sensitivity --------------------------------------------------------------------------


async def test_sensitivity_is_shown_set_and_kept(guarded: Harness) -> None:
    assert guarded.bot is not None
    shown = await guarded.subcommand("spoilers guard sensitivity")
    assert shown.ephemeral
    assert "Balanced (the default)" in shown.embeds[0]["description"]
    assert "tags at 0.60" in shown.embeds[0]["description"]
    assert "from 0.35 up to 0.60" in shown.embeds[0]["description"]

    relaxed = await guarded.subcommand("spoilers guard sensitivity", {"level": "relaxed"})
    assert "Relaxed" in relaxed.embeds[0]["description"]
    assert "tags at 0.75" in relaxed.embeds[0]["description"]
    assert guarded.bot.store.review.threshold(GUILD_ID) == 0.75

    status = await guarded.subcommand("spoilers status")
    [field] = [f for f in status.embeds[0]["fields"] if f["name"] == "Guard sensitivity"]
    assert "Relaxed" in field["value"] and "0.75" in field["value"]
    assert "Waiting for a moderator: 0 · labelled examples: 0" in field["value"]

    custom = await guarded.subcommand("spoilers guard sensitivity", {"level": "0.5"})
    assert "Custom: 0.50" in custom.embeds[0]["description"]
    assert guarded.bot.store.review.threshold(GUILD_ID) == 0.5

    back = await guarded.subcommand("spoilers guard sensitivity", {"level": "balanced"})
    assert "Balanced (the default)" in back.embeds[0]["description"]
    assert guarded.bot.store.review.threshold(GUILD_ID) is None  # follows the default


@pytest.mark.parametrize("level", ["extreme", "2", "0.1", "-0.5", "nan"])
async def test_a_bad_sensitivity_is_refused_and_nothing_changes(
    guarded: Harness, level: str
) -> None:
    assert guarded.bot is not None
    refused = await guarded.subcommand("spoilers guard sensitivity", {"level": level})
    assert refused.ephemeral
    assert "Choose strict, balanced or relaxed" in refused.content
    assert guarded.bot.store.review.threshold(GUILD_ID) is None


async def test_only_server_managers_set_the_sensitivity(guarded: Harness) -> None:
    assert guarded.bot is not None
    refused = await guarded.subcommand(
        "spoilers guard sensitivity", {"level": "strict"}, member=MODERATOR
    )
    assert "You need more permissions" in refused.content
    assert guarded.bot.store.review.threshold(GUILD_ID) is None


async def test_the_levels_are_suggested(guarded: Harness) -> None:
    typed = payloads.autocomplete("spoilers", "level", {"level": ""})
    # The option is inside the "guard sensitivity" subcommand group.
    typed["data"]["options"] = [
        {
            "name": "guard",
            "type": 2,
            "options": [
                {
                    "name": "sensitivity",
                    "type": 1,
                    "options": [{"name": "level", "type": 3, "value": "", "focused": True}],
                }
            ],
        }
    ]
    choices = (await guarded.send(typed)).choices
    assert [c["value"] for c in choices] == ["strict", "balanced", "relaxed"]


async def test_the_threshold_decides_what_is_tagged_and_what_is_asked(guarded: Harness) -> None:
    await guarded.subcommand("spoilers guard sensitivity", {"level": "strict"})
    await guarded.member_says(BOB, UNSURE)  # 0.57: at or above strict's 0.45
    await guarded.settle()
    assert len(_executions(guarded)) == 1 and _cards(guarded) == []

    await guarded.subcommand("spoilers guard sensitivity", {"level": "relaxed"})
    await guarded.member_says(BOB, UNSURE)  # 0.57: relaxed asks from 0.50 up to 0.75
    await guarded.settle()
    assert len(_executions(guarded)) == 1 and len(_cards(guarded)) == 1
    await guarded.member_says(BOB, "Karen is gone")  # 0.39: below relaxed's band
    await guarded.settle()
    assert len(_executions(guarded)) == 1 and len(_cards(guarded)) == 1


# --- the review card --------------------------------------------------------------------------


async def test_an_unsure_message_is_left_up_and_the_moderators_are_asked(
    guarded: Harness,
) -> None:
    assert guarded.bot is not None
    message, card = await _unsure_card(guarded)
    assert not guarded.stand_in.calls("DELETE")
    assert _executions(guarded) == []
    payload = card.payload
    assert set(_buttons(card)) == {"Tag it", "Not a spoiler"}
    assert all(str(message.id) in custom_id for custom_id in _buttons(card).values())
    description = payload["embeds"][0]["description"]
    assert f"/channels/{GUILD_ID}/{CHANNEL_ID}/{message.id}" in description  # the jump link
    assert f"<@{BOB.id}>" in description
    # What it found is there, behind tags: who, which words, which finale detail.
    secret = _all_hidden(payload)
    assert "gordon stevens" in secret and "gone" in secret
    fact = next(
        f.detail.text
        for f in (await guarded.bot.store.canon.character("gordo-stevens")).facts  # type: ignore[union-attr]
        if f.key == "fate:gordo-stevens:S2E10"
    )
    assert " ".join(fact.split()[:4]).casefold() in secret.replace("\\", "")
    readable = _readable(payload)
    assert not [w for w in SECRET_WORDS if w in readable], readable
    assert not [w for w in SECRET_WORDS for s in _plain_surfaces(payload) if w in s.casefold()]
    assert payload["content"].startswith("⚠️ Spoiler warning")  # a spoiler-free first line
    posted = guarded.stand_in.calls("POST", f"/channels/{MOD_LOG_ID}/messages")[-1].json
    assert posted["allowed_mentions"] == {"parse": []}
    review = await guarded.bot.store.review.get(message.id)
    assert review is not None and review.label is None and review.content == UNSURE
    assert review.log_message_id == card.id


async def test_a_message_is_asked_about_once_and_edits_update_its_text(guarded: Harness) -> None:
    assert guarded.bot is not None
    message, _ = await _unsure_card(guarded)
    await guarded.member_edits(message, "Gordo is gone, sadly")
    await guarded.settle()
    assert len(_cards(guarded)) == 1
    review = await guarded.bot.store.review.get(message.id)
    assert review is not None and review.content == "Gordo is gone, sadly"


async def test_a_message_seen_twice_at_once_gets_one_card(guarded: Harness) -> None:
    """Catch-up after a reconnect can read a message the gateway also delivered."""
    first = await guarded.member_says(BOB, UNSURE)
    await guarded.member_says(BOB, UNSURE, message_id=first.id)
    await guarded.settle()
    assert len(_cards(guarded)) == 1


async def test_without_a_mod_log_nothing_is_asked_and_nothing_deleted(guarded: Harness) -> None:
    await guarded.subcommand("spoilers guard log")
    await guarded.member_says(BOB, UNSURE)
    await guarded.settle()
    assert _cards(guarded) == [] and _executions(guarded) == []
    shown = await guarded.subcommand("spoilers guard sensitivity")
    assert "No mod log is set" in shown.embeds[0]["description"]


async def test_a_refused_card_is_posted_again_at_the_next_edit(guarded: Harness) -> None:
    """A refusal (here a 403) is not retried; a 5xx is (``test_guard_fault_cells.py``)."""
    assert guarded.bot is not None
    guarded.stand_in.missing_permissions_next(
        lambda r: r.method == "POST" and r.path.endswith(f"/channels/{MOD_LOG_ID}/messages")
    )
    message = await guarded.member_says(BOB, UNSURE)
    await guarded.settle()
    assert _cards(guarded) == [] and _executions(guarded) == []
    review = await guarded.bot.store.review.get(message.id)
    assert review is not None and review.log_message_id is None  # the text is kept
    await guarded.member_edits(message, "Gordo is gone, it seems")
    await guarded.settle()
    [card] = _cards(guarded)
    assert "gordo is gone, it seems" in _all_hidden(card.payload)


# --- deciding ----------------------------------------------------------------------------------


async def test_tag_it_by_a_moderator_tags_the_message_and_keeps_the_example(
    guarded: Harness,
) -> None:
    assert guarded.bot is not None
    message, card = await _unsure_card(guarded)
    # Another moderator's client still shows the card as it was, buttons and all.
    stale = Message(card.id, card.channel_id, copy.deepcopy(card.payload))
    pressed = await _press(guarded, card, "Tag it", MODERATOR)
    await guarded.settle()
    assert "Done: the message was reposted with spoiler tags" in _answer(pressed)
    [execution] = _executions(guarded)
    assert execution.json["content"] == "||Gordo is gone||"
    assert guarded.stand_in.calls("DELETE", f"/messages/{message.id}")
    review = await guarded.bot.store.review.get(message.id)
    assert review is not None and review.label == "spoiler" and review.decided_by == MODERATOR.id
    edited = guarded.stand_in.messages[card.id].payload
    assert edited["components"] == []  # the buttons go
    [decision] = [f for f in edited["embeds"][0]["fields"] if f["name"] == "Decision"]
    assert f"<@{MODERATOR.id}> tagged it as a spoiler" in decision["value"]

    again = await _press(guarded, stale, "Not a spoiler", ALICE)
    assert "Already decided" in _answer(again)
    assert (await guarded.bot.store.review.get(message.id)).label == "spoiler"  # type: ignore[union-attr]


@pytest.mark.parametrize("label", ["Tag it", "Not a spoiler"])
async def test_members_without_manage_messages_cannot_decide(guarded: Harness, label: str) -> None:
    assert guarded.bot is not None
    message, card = await _unsure_card(guarded)
    refused = await _press(guarded, card, label, CAROL)
    await guarded.settle()
    assert refused.ephemeral and refused.content == NOT_A_MODERATOR
    assert _executions(guarded) == [] and not guarded.stand_in.calls("DELETE")
    review = await guarded.bot.store.review.get(message.id)
    assert review is not None and review.label is None


async def test_not_a_spoiler_is_kept_and_exported(guarded: Harness) -> None:
    assert guarded.bot is not None
    message, card = await _unsure_card(guarded)
    pressed = await _press(guarded, card, "Not a spoiler", MODERATOR)
    assert "Noted: not a spoiler" in _answer(pressed)
    assert _executions(guarded) == [] and not guarded.stand_in.calls("DELETE")
    review = await guarded.bot.store.review.get(message.id)
    assert review is not None and review.label == "fine"

    _, second = await _second_card(guarded, "Tracy is gone")
    await _press(guarded, second, "Tag it", MODERATOR)
    await guarded.settle()

    export = await guarded.subcommand("spoilers guard examples")
    assert export.ephemeral
    [upload] = [r for r in export.requests if r.json.get("_files")]
    [file] = upload.json["_files"]
    assert file["filename"] == f"SPOILER_guard-examples-{GUILD_ID}.toml"  # blurred, spoiler-free
    assert not [w for w in SECRET_WORDS if w in file["filename"].casefold()]
    assert "2 labelled examples" in str(upload.json.get("content"))
    examples = tomllib.loads(file["data"].decode())["message"]
    assert [(e["text"], e["spoiler"]) for e in examples] == [
        ("Tracy is gone", True),
        (UNSURE, False),
    ]
    assert {e["kind"] for e in examples} == {"server-review"}
    await _second_card(guarded, "Margo is gone")  # a third, still undecided
    status = await guarded.subcommand("spoilers status")
    [field] = [f for f in status.embeds[0]["fields"] if f["name"] == "Guard sensitivity"]
    assert "Waiting for a moderator: 1 · labelled examples: 2" in field["value"]


async def _second_card(harness: Harness, text: str) -> tuple[Message, Message]:
    message = await harness.member_says(BOB, text)
    await harness.settle()
    return message, _cards(harness)[-1]


async def test_no_examples_yet_is_said_plainly(guarded: Harness) -> None:
    export = await guarded.subcommand("spoilers guard examples")
    assert "No labelled examples yet" in "\n".join(_followups(export))
    assert not [r for r in export.requests if r.json.get("_files")]


async def test_the_buttons_answer_after_a_restart(guarded: Harness) -> None:
    """The card was posted by the bot before it stopped; the new one answers its buttons."""
    message, card = await _unsure_card(guarded)
    await guarded.stop_bot()
    bot = await guarded.start_bot()
    pressed = await _press(guarded, card, "Tag it", MODERATOR)
    await guarded.settle()
    assert "Done: the message was reposted with spoiler tags" in _answer(pressed)
    assert (await bot.store.review.get(message.id)).label == "spoiler"  # type: ignore[union-attr]


async def test_the_buttons_answer_after_the_cog_is_reloaded(guarded: Harness) -> None:
    """The buttons hold no state: a card from before a reload (or a restart) still works."""
    assert guarded.bot is not None
    _, card = await _unsure_card(guarded)
    await guarded.bot.reload_extension("cogs.spoilers")
    pressed = await _press(guarded, card, "Not a spoiler", MODERATOR)
    assert "Noted" in _answer(pressed)


# --- Tag it on a bad day ------------------------------------------------------------------------


def _get_message(message_id: int) -> Any:
    return lambda r: r.method == "GET" and r.path.endswith(f"/messages/{message_id}")


@pytest.mark.parametrize(
    ("status", "body", "expected"),
    [
        (403, {"message": "Missing Access", "code": 50001}, "won't let me read"),
        (503, {"message": "Service Unavailable", "code": 0}, "HTTP 503"),
    ],
)
async def test_tag_it_when_discord_refuses_keeps_the_review_open(
    guarded: Harness, status: int, body: dict[str, Any], expected: str
) -> None:
    assert guarded.bot is not None
    message, card = await _unsure_card(guarded)
    guarded.stand_in.fail_next(_get_message(message.id), status, body)
    pressed = await _press(guarded, card, "Tag it", MODERATOR)
    await guarded.settle()
    answer = _answer(pressed)
    assert expected in answer and "Traceback" not in answer and "error `" not in answer
    assert _executions(guarded) == [] and not guarded.stand_in.calls("DELETE")
    review = await guarded.bot.store.review.get(message.id)
    assert review is not None and review.label is None  # nothing lost: try again
    assert _buttons(guarded.stand_in.messages[card.id])  # the card keeps its buttons

    retried = await _press(guarded, card, "Tag it", MODERATOR)
    await guarded.settle()
    assert "Done" in _answer(retried)
    assert (await guarded.bot.store.review.get(message.id)).label == "spoiler"  # type: ignore[union-attr]


async def test_tag_it_when_the_connection_drops_keeps_the_review_open(guarded: Harness) -> None:
    assert guarded.bot is not None
    message, card = await _unsure_card(guarded)
    guarded.stand_in.reset_next(_get_message(message.id), times=10)  # it stays down
    pressed = await _press(guarded, card, "Tag it", MODERATOR)
    await guarded.settle()
    assert "connection dropped" in _answer(pressed)
    review = await guarded.bot.store.review.get(message.id)
    assert review is not None and review.label is None
    assert not guarded.stand_in.calls("DELETE", f"/messages/{message.id}")


async def test_tag_it_on_a_deleted_message_says_so_and_keeps_the_decision(
    guarded: Harness,
) -> None:
    assert guarded.bot is not None
    message, card = await _unsure_card(guarded)
    del guarded.stand_in.messages[message.id]  # its author deleted it meanwhile: a 404
    pressed = await _press(guarded, card, "Tag it", MODERATOR)
    await guarded.settle()
    assert "That message is gone" in _answer(pressed)
    assert _executions(guarded) == []
    review = await guarded.bot.store.review.get(message.id)
    assert review is not None and review.label == "spoiler" and review.content == UNSURE


async def test_tag_it_when_the_webhook_is_refused_says_the_message_is_held(
    settings: Settings,
) -> None:
    """The guard's journal has the message in hand, so the decision stands; the answer
    says what happened (queued), not what is hoped. (No copy can go up, so the answer
    waits out FAMBOT_GUARD_ANSWER_SECONDS: set short here.)"""
    async with _guarding(dataclasses.replace(settings, guard_answer_seconds=0.5)) as guarded:
        await _tag_it_when_the_webhook_is_refused(guarded)


async def _tag_it_when_the_webhook_is_refused(guarded: Harness) -> None:
    assert guarded.bot is not None
    message, card = await _unsure_card(guarded)
    guarded.stand_in.missing_permissions_next(lambda r: r.path.endswith("/webhooks"))
    pressed = await _press(guarded, card, "Tag it", MODERATOR)
    await guarded.settle()
    answer = _answer(pressed)
    assert "queued" in answer and "Done" not in answer
    assert _executions(guarded) == []
    entry = await guarded.bot.store.journal.get(message.id)
    assert entry is not None and entry.content == UNSURE and entry.moderator  # nothing lost
    review = await guarded.bot.store.review.get(message.id)
    assert review is not None and review.label == "spoiler"


async def test_a_decision_survives_a_card_that_cannot_be_edited(guarded: Harness) -> None:
    assert guarded.bot is not None
    message, card = await _unsure_card(guarded)
    guarded.stand_in.fail_next(
        lambda r: r.method == "PATCH" and r.path.endswith(f"/messages/{card.id}"),
        503,
        {"message": "Service Unavailable", "code": 0},
    )
    pressed = await _press(guarded, card, "Not a spoiler", MODERATOR)
    assert "Noted" in _answer(pressed)
    review = await guarded.bot.store.review.get(message.id)
    assert review is not None and review.label == "fine"


# --- /spoilercheck and "Check for spoilers" -------------------------------------------------------


async def test_spoilercheck_shows_verdict_score_and_explanation(guarded: Harness) -> None:
    unsure = await guarded.command("spoilercheck", {"draft": UNSURE}, member=BOB)
    assert unsure.ephemeral
    payload = unsure.data
    description = payload["embeds"][0]["description"]
    assert "would ask the moderators" in description
    assert "Score 0.57" in description and "tags at 0.60" in description
    assert "gordon stevens" in _all_hidden(payload)
    assert not [w for w in SECRET_WORDS if w in _readable(payload)]

    sure = await guarded.command("spoilercheck", {"draft": SURE}, member=BOB)
    assert "would tag" in sure.embeds[0]["description"]
    assert "Score 0.92" in sure.embeds[0]["description"]
    assert "karen" in _all_hidden(sure.data) and "karen" not in _readable(sure.data)

    fine = await guarded.command("spoilercheck", {"draft": "Karen runs the Outpost."})
    assert "Nothing in this draft" in fine.embeds[0]["description"]

    await guarded.subcommand("spoilers guard sensitivity", {"level": "strict"})
    strict = await guarded.command("spoilercheck", {"draft": UNSURE}, member=BOB)
    assert "would tag" in strict.embeds[0]["description"]
    assert "tags at 0.45" in strict.embeds[0]["description"]


async def test_check_for_spoilers_on_a_message(guarded: Harness) -> None:
    message = await guarded.member_says(CAROL, UNSURE)
    await guarded.settle()
    checked = await guarded.send(payloads.message_command(CHECK_MENU, message, BOB))
    assert checked.ephemeral
    assert "would ask the moderators" in checked.embeds[0]["description"]
    assert not [w for w in SECRET_WORDS if w in _readable(checked.data)]


# --- tagged another way while the card is open ----------------------------------------------------


async def _tag_by_menu(harness: Harness, message: Message, member: Member) -> Exchange:
    done = await harness.send(payloads.message_command("Spoiler-tag this message", message, member))
    await harness.settle()
    return done


async def test_tagging_by_the_menu_closes_an_open_card(guarded: Harness) -> None:
    assert guarded.bot is not None
    message, card = await _unsure_card(guarded)
    # Another moderator's client still shows the card as it was, buttons and all.
    stale = Message(card.id, card.channel_id, copy.deepcopy(card.payload))
    done = await _tag_by_menu(guarded, message, ALICE)
    assert "Done: the message was reposted with spoiler tags" in _answer(done)
    review = await guarded.bot.store.review.get(message.id)
    assert review is not None and review.label == "spoiler" and review.decided_by == ALICE.id
    edited = guarded.stand_in.messages[card.id].payload
    assert edited["components"] == []
    [decision] = [f for f in edited["embeds"][0]["fields"] if f["name"] == "Decision"]
    assert f"<@{ALICE.id}> tagged it as a spoiler" in decision["value"]
    assert not any(word in _readable(edited) for word in SECRET_WORDS)
    again = await _press(guarded, stale, "Not a spoiler", MODERATOR)
    assert "Already decided" in _answer(again)


@pytest.mark.parametrize("fault", ["card gone", "card cannot be edited"])
async def test_a_card_out_of_reach_does_not_undo_the_menus_decision(
    guarded: Harness, fault: str
) -> None:
    assert guarded.bot is not None
    message, card = await _unsure_card(guarded)
    method = "GET" if fault == "card gone" else "PATCH"
    status, body = (404, {"message": "Unknown Message", "code": 10008})
    if fault != "card gone":
        status, body = 503, {"message": "Service Unavailable", "code": 0}
    guarded.stand_in.fail_next(
        lambda r: r.method == method and r.path.endswith(f"/messages/{card.id}"), status, body
    )
    done = await _tag_by_menu(guarded, message, ALICE)
    assert "Done: the message was reposted with spoiler tags" in _answer(done)
    review = await guarded.bot.store.review.get(message.id)
    assert review is not None and review.label == "spoiler"
    assert guarded.stand_in.calls(method, f"/messages/{card.id}")  # the fault was met
    assert guarded.stand_in.messages[card.id].payload["components"]  # the card is as it was


async def test_the_menu_on_a_message_never_asked_about_decides_nothing(guarded: Harness) -> None:
    assert guarded.bot is not None
    message = await guarded.member_says(BOB, "The ending of the season surprised me.")
    await guarded.settle()
    await _tag_by_menu(guarded, message, ALICE)
    assert await guarded.bot.store.review.get(message.id) is None
    assert _cards(guarded) == []
