"""A button under a reply from before a restart (or past its timeout) gets a short
private answer instead of "This interaction failed" (issue 11, defect 8)."""

from __future__ import annotations

import ast
from pathlib import Path

from bot.settings import Settings
from cogs.expired import EXPIRED
from tests.standin import payloads
from tests.standin.harness import Harness


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
