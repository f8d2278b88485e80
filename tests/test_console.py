"""The console: the real bot on the stand-in, driven by typed lines, spoilers masked."""

from __future__ import annotations

import io

from tools.console import main


async def _session(script: str) -> str:
    output = io.StringIO()
    await main(io.StringIO(script), output)
    return output.getvalue()


async def test_replies_render_as_text_with_spoilers_masked_until_revealed() -> None:
    text = await _session("/character Gordo\nreveal\nquit\n")
    reply, _, revealed = text.partition("> reveal")
    assert "┃ Gordon Stevens" in reply
    assert "S2E10: [spoiler 2: ▒▒▒▒▒▒]" in reply
    assert "Michael Dorman** — [spoiler 1: ▒▒▒▒▒▒]" in reply  # his last season tells
    assert "reactor" not in reply
    assert "spoiler 1: seasons 1–2" in revealed
    assert "spoiler 2: Dies on the Moon" in revealed


async def test_pages_options_and_autocomplete() -> None:
    text = await _session(
        "/season number: 2\nnext\n?/character name: kel\n/timeline from_year: 1969 to_year: 1970\n"
        "/character nickname: x\n/nothing\n"
    )
    assert "[1 / 3]" in text
    assert "Season 2 · episodes 1–5" in text
    assert "Kelly Baldwin  →  kelly-baldwin" in text
    assert "┃ Timeline · 1969–1970" in text
    assert "/character has no option 'nickname'" in text
    assert "no command /nothing" in text


async def test_another_series_and_its_sources() -> None:
    text = await _session("/episode SC S1E3\nsources\n")
    assert "┃ SC S1E3 · Bad Dancer · Star City" in text
    assert "[Sources]  [Report a mistake]" in text
    assert "┃ Sources · Episode SC S1E3 · Star City" in text
    assert "cartermatt.com" in text


async def test_subcommands_and_progress() -> None:
    text = await _session("help\n/progress set episode: S1E5\n/character Gordo\n/progress clear\n")
    assert "Commands: /about, /actor, /character" in text  # read from the command tree
    assert "Progress saved" in text
    assert "4 details past your progress (S1E5) are held back" in text
    assert "[Reveal]" in text
