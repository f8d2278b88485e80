"""A button under a reply from before a restart (or past its timeout) gets a short
private answer instead of "This interaction failed" (issue 11, defect 8)."""

from __future__ import annotations

import ast
import asyncio
from pathlib import Path
from typing import Any

from bot.app import FamBot
from bot.feedback import REPORT_FORM
from bot.gate import RESTARTING
from bot.settings import Settings
from cogs.expired import EXPIRED
from tests.standin import payloads
from tests.standin.harness import Exchange, Harness
from tests.standin.rest import Message, message_payload


async def test_a_page_button_from_before_a_restart_says_it_expired(settings: Settings) -> None:
    before = Harness(settings)
    await before.start()
    season = await before.command("season", {"number": 3})
    next_id = season.button_ids()["Next ▶"]
    message = season.message
    await before.stop()

    after = Harness(settings)
    await after.start()
    try:
        after.stand_in.messages[message.id] = message
        pressed = await after.send(payloads.button(message, next_id))
        assert pressed.type == 4 and pressed.ephemeral
        assert pressed.content == EXPIRED
        fresh = await after.command("season", {"number": 3})
        turned = await after.press(fresh, "Next ▶")
        assert turned.type == 7, "a live view still turns its pages"
    finally:
        await after.stop()


async def test_an_unknown_select_also_gets_an_answer(harness: Harness) -> None:
    season = await harness.command("season", {"number": 3})
    pressed = await harness.send(payloads.select(season.message, "no-such-menu", ["x"]))
    assert pressed.ephemeral and pressed.content == EXPIRED


def test_every_view_is_an_owned_view() -> None:
    """The expiry answer knows only OwnedViews: another kind of view would get both."""
    root = Path(__file__).resolve().parent.parent
    for path in [*(root / "bot").rglob("*.py"), *(root / "cogs").rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ClassDef) and node.name != "OwnedView":
                bases = {ast.unparse(base) for base in node.bases}
                assert not bases & {"discord.ui.View", "ui.View", "View"}, (
                    f"{path.name}: {node.name} should extend OwnedView"
                )


def _answers(harness: Harness, payload: dict[str, Any]) -> int:
    """Callbacks to the interaction, however many handlers answered it."""
    token = str(payload["token"])
    return sum(
        1 for r in harness.stand_in.requests if token in r.path and r.path.endswith("/callback")
    )


async def _send_and_settle(harness: Harness, payload: dict[str, Any]) -> Exchange:
    exchange = await harness.send(payload)
    await asyncio.sleep(0.2)  # a second handler racing the first would answer by now
    assert harness.bot is not None
    await harness.bot.wait_until_idle(5)
    return exchange


def _old_reply(harness: Harness, custom_id: str) -> Message:
    """A reply from before a restart, carrying one button with ``custom_id``."""
    button = {"type": 2, "style": 2, "label": "Sources", "custom_id": custom_id}
    body = {"content": "", "components": [{"type": 1, "components": [button]}]}
    old = Message(90002, payloads.CHANNEL_ID, message_payload(90002, payloads.CHANNEL_ID, body))
    harness.stand_in.messages[old.id] = old
    return old


REPORT = {"text": "The actor for this role is wrong: the credits say otherwise.", "source": ""}


async def test_buttons_and_forms_found_by_custom_id_are_not_expired(
    harness: Harness, bot: FamBot
) -> None:
    """Sources, Report a mistake and the report form outlive a restart: they get their
    own answer, once, and never "expired" as well."""
    old = _old_reply(harness, "fam:sources:actor:joel-kinnaman")
    press = payloads.button(old, "fam:sources:actor:joel-kinnaman", member=payloads.BOB)
    pressed = await _send_and_settle(harness, press)
    assert pressed.embeds[0]["title"] == "Sources · Joel Kinnaman"
    assert _answers(harness, press) == 1
    form = payloads.modal_submit(None, f"{REPORT_FORM}actor:joel-kinnaman", REPORT)
    submitted = await _send_and_settle(harness, form)
    assert EXPIRED not in str([r.json for r in submitted.requests])
    assert _answers(harness, form) == 1
    assert [r.subject for r in await bot.store.community.reports()] == ["actor:joel-kinnaman"]


async def test_a_forged_registered_id_expires_and_stores_nothing(
    harness: Harness, bot: FamBot
) -> None:
    season = await harness.command("season", {"number": 3})
    # A Sources id on a reply that never carried it: the library would not call it.
    press = payloads.button(season.message, "fam:sources:actor:joel-kinnaman")
    pressed = await _send_and_settle(harness, press)
    assert pressed.ephemeral and pressed.content == EXPIRED and _answers(harness, press) == 1
    for custom_id in (f"{REPORT_FORM}../../etc", f"{REPORT_FORM}{'x' * 200}", REPORT_FORM):
        form = payloads.modal_submit(None, custom_id, REPORT)
        submitted = await _send_and_settle(harness, form)
        assert submitted.content == EXPIRED and _answers(harness, form) == 1
    assert await bot.store.community.reports() == []


async def test_while_draining_buttons_and_forms_are_turned_away(
    harness: Harness, bot: FamBot
) -> None:
    """Shutting down: a press or a form is asked for again, nothing is stored."""
    reply = await harness.command("character", {"name": "Gordo"})
    bot.draining = True
    for label in ("Sources", "Report a mistake", "Next ▶"):
        if label in reply.button_ids():
            pressed = await harness.press(reply, label, member=payloads.BOB)
            assert pressed.ephemeral and pressed.content == RESTARTING, label
    form = payloads.modal_submit(reply.message, f"{REPORT_FORM}character:gordo-stevens", REPORT)
    submitted = await _send_and_settle(harness, form)
    assert submitted.ephemeral and submitted.content == RESTARTING
    assert _answers(harness, form) == 1
    assert await bot.store.community.reports() == []
