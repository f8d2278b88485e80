"""Page buttons tag for the server's settings at the press, not at the command: a reply
made while finale tags were off must not keep showing finale details once they are back
on (found by the fuzz test)."""

from __future__ import annotations

from tests.spoiler_audit import Surfaces, visible
from tests.standin.harness import Harness

# Season 2's second episode: its synopsis restates season 1's finale (a finale detail).
CARRIED = "irradiated Molly"


async def test_a_page_turned_after_finale_tags_return_is_tagged(harness: Harness) -> None:
    await harness.subcommand("spoilers finales", {"tagged": False})
    season = await harness.command("season", {"number": 2})
    await harness.subcommand("spoilers finales", {"tagged": True})
    text = ""
    for _ in range(5):
        page = await harness.press(season, "Next ▶")
        text = " ".join(Surfaces.of_message(page.data).taggable)
        if CARRIED in text.replace("||", ""):
            break
    assert CARRIED in text.replace("||", ""), "the page with the carried finale"
    assert CARRIED not in visible(text)
