"""Every command driven through the real discord.py client against the local stand-in."""

from __future__ import annotations

import logging
import re

import pytest
from discord import app_commands

from bot.app import FamBot
from tests.spoiler_audit import hidden, visible
from tests.standin.harness import Exchange, Harness
from tests.standin.payloads import BOB

pytestmark = pytest.mark.asyncio

CHANNEL_MESSAGE = 4
UPDATE_MESSAGE = 7
AUTOCOMPLETE_RESULT = 8


def _no_pings(exchange: Exchange) -> None:
    assert exchange.data.get("allowed_mentions") == {"parse": []}


async def test_character_by_nickname(harness: Harness) -> None:
    reply = await harness.command("character", {"name": "Gordo"})
    assert reply.type == CHANNEL_MESSAGE
    assert not reply.ephemeral
    _no_pings(reply)
    embed = reply.embeds[0]
    assert embed["title"] == "Gordon Stevens"
    fields = {f["name"]: f["value"] for f in embed["fields"]}
    assert "Michael Dorman" in fields["Played by"]
    story = fields["Story so far"]
    assert "S2E10: ||" in story  # his finale fate, tagged
    assert "reactor" in hidden(story)
    assert "reactor" not in visible(story)
    assert reply.content.startswith("⚠️ Spoiler warning")
    assert reply.data.get("flags", 0) & 4096  # sent silently


async def test_character_without_finale_details_has_no_warning(harness: Harness) -> None:
    reply = await harness.command("character", {"name": "Neil Armstrong"})
    assert reply.content == ""
    assert "||" not in str(reply.embeds)


async def test_unknown_character_gets_private_suggestions(harness: Harness) -> None:
    reply = await harness.command("character", {"name": "Gordoo Stevns"})
    if reply.embeds:  # a confident fuzzy match is answered directly
        assert reply.embeds[0]["title"] == "Gordon Stevens"
    reply = await harness.command("character", {"name": "Baldwn famly"})
    assert reply.ephemeral
    assert not reply.embeds
    assert "couldn't find a character" in reply.content
    assert "Did you mean" in reply.content
    assert "Baldwin" in reply.content
    _no_pings(reply)


async def test_member_input_is_escaped_when_echoed(harness: Harness) -> None:
    reply = await harness.command("character", {"name": "@everyone **zzzz** ||x||"})
    assert reply.ephemeral
    assert "@everyone" not in reply.content.replace("\\@everyone", "")
    assert "\\*\\*zzzz\\*\\*" in reply.content
    assert "\\|\\|x\\|\\|" in reply.content


async def test_actor(harness: Harness) -> None:
    reply = await harness.command("actor", {"name": "Coral Pena"})
    embed = reply.embeds[0]
    assert embed["title"] == "Coral Peña"
    assert "Aleida Rosales" in embed["fields"][0]["value"]
    missing = await harness.command("actor", {"name": "Qqqq Zzzz"})
    assert missing.ephemeral
    assert "couldn't find an actor" in missing.content


async def test_episode_by_code_title_and_numbers(harness: Harness) -> None:
    by_code = await harness.command("episode", {"episode": "S3E10"})
    embed = by_code.embeds[0]
    assert embed["title"] == "S3E10 · Stranger in a Strange Land"
    assert embed["description"].startswith("||")
    assert embed["description"].endswith("||")
    outcomes = next(f for f in embed["fields"] if f["name"] == "Finale outcomes")
    assert visible(outcomes["value"]).strip(" •\n") == ""
    assert "season 3 finale" in by_code.content

    by_title = await harness.command("episode", {"episode": "Polaris"})
    assert by_title.embeds[0]["title"] == "S3E1 · Polaris"
    by_numbers = await harness.command("episode", {"season": 1, "number": 4})
    assert by_numbers.embeds[0]["title"] == "S1E4 · Prime Crew"


async def test_unconfirmed_titles_stay_unknown(harness: Harness) -> None:
    reply = await harness.command("episode", {"episode": "S5E3"})
    embed = reply.embeds[0]
    assert embed["title"] == "S5E3 · Title not confirmed yet"
    assert "No synopsis recorded" in embed["description"]


async def test_episode_needs_something_to_go_on(harness: Harness) -> None:
    for options in ({}, {"season": 2}, {"episode": "The Episode That Never Was"}):
        reply = await harness.command("episode", options)
        assert reply.ephemeral, options
        assert not reply.embeds, options


async def test_season_pages_only_for_the_invoker_and_expire(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("bot.views.PAGE_TIMEOUT_SECONDS", 0.5)
    first = await harness.command("season", {"number": 2})
    assert first.embeds[0]["title"] == "Season 2"
    assert set(first.button_ids()) == {
        "◀ Previous",
        "1 / 3",
        "Next ▶",
        "Sources",
        "Report a mistake",
    }

    turned = await harness.press(first, "Next ▶")
    assert turned.type == UPDATE_MESSAGE
    assert turned.embeds[0]["title"] == "Season 2 · episodes 1–5"
    assert "2 / 3" in str(turned.data["components"])

    stranger = await harness.press(first, "Next ▶", member=BOB)
    assert stranger.type == CHANNEL_MESSAGE
    assert stranger.ephemeral
    assert "Only the person who ran this command" in stranger.content

    edits = await harness.stand_in.wait_for("PATCH", "/messages/@original")  # on expiry
    buttons = [b for row in edits[-1].json["components"] for b in row["components"]]
    pages = [b for b in buttons if b["label"] not in ("Sources", "Report a mistake")]
    assert pages
    assert all(b["disabled"] for b in pages)  # anyone's buttons stay (tests/test_feedback.py)


async def test_a_season_missing_from_the_data_is_refused_privately(
    harness: Harness, bot: FamBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def nothing(number: int) -> None:
        return None

    monkeypatch.setattr(bot.store.canon, "season", nothing)  # as if season 2 were unlisted
    reply = await harness.command("season", {"number": 2})
    assert reply.ephemeral
    assert reply.content == "Season 2 is not in my data yet."


async def test_timeline_by_years_and_season(harness: Harness) -> None:
    reply = await harness.command("timeline", {"from_year": 1969, "to_year": 1974})
    embed = reply.embeds[0]
    assert embed["title"] == "Timeline · 1969–1974"
    years = [int(y) for y in re.findall(r"^\S+ \|{0,2}(\d{4}) ·", embed["description"], re.M)]
    assert years
    assert years == sorted(years)
    assert years[0] >= 1969
    assert years[-1] <= 1974
    by_season = await harness.command("timeline", {"season": 3})
    assert by_season.embeds[0]["title"] == "Timeline · season 3"
    backwards = await harness.command("timeline", {"from_year": 2000, "to_year": 1990})
    assert backwards.ephemeral
    assert "is after" in backwards.content


async def test_search_is_private(harness: Harness) -> None:
    reply = await harness.command("search", {"query": "Jamestown reactor"})
    assert reply.ephemeral
    assert reply.embeds[0]["fields"]
    nothing = await harness.command("search", {"query": "zzqqxx"})
    assert nothing.ephemeral
    assert "Nothing matched" in nothing.embeds[0]["description"]


async def test_help_and_about(harness: Harness, bot: FamBot) -> None:
    help_reply = await harness.command("help")
    assert help_reply.ephemeral
    assert "/character name" in help_reply.embeds[0]["fields"][0]["value"]
    listed = "\n".join(f["value"] for f in help_reply.embeds[0]["fields"])
    assert "more not shown" not in listed
    for command in bot.tree.get_commands(type=None):
        menu = isinstance(command, app_commands.ContextMenu)
        assert f"`{'Apps → ' if menu else '/'}{command.name}" in listed, command.name
        if isinstance(command, app_commands.Group):  # a group lists its subcommands
            for sub in command.commands:
                assert f" {sub.name}" in listed, f"{command.name} {sub.name}"
    assert "(Manage Server)" in listed
    about = await harness.command("about")
    fields = {f["name"]: f["value"] for f in about.embeds[0]["fields"]}
    assert "5 seasons, 50 episodes" in fields["For All Mankind"]
    assert "Version `" in fields["Data"]


async def test_autocomplete_answers_from_memory(harness: Harness) -> None:
    reply = await harness.complete("character", "name", {"name": "gor"})
    assert reply.type == AUTOCOMPLETE_RESULT
    assert reply.choices[0] == {"name": "Gordon Stevens", "value": "gordo-stevens"}
    assert len(reply.choices) <= 25
    episodes = await harness.complete("episode", "episode", {"episode": "pol"})
    assert episodes.choices[0]["value"] == "S3E1"
    actors = await harness.complete("actor", "name", {"name": ""})
    assert 0 < len(actors.choices) <= 25


async def test_unexpected_errors_get_an_apology_and_a_logged_code(
    harness: Harness, bot: FamBot, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    async def broken(character_id: str) -> None:
        raise RuntimeError("database on fire")

    monkeypatch.setattr(bot.store.canon, "character", broken)
    with caplog.at_level(logging.ERROR, logger="bot.tree"):
        reply = await harness.command("character", {"name": "Ed"})
    assert reply.ephemeral
    match = re.search(r"error `([0-9A-F]{6})`", reply.content)
    assert match, reply.content
    assert "database on fire" not in reply.content
    record = next(r for r in caplog.records if match.group(1) in r.getMessage())
    assert record.exc_info is not None


async def test_every_response_disables_mentions(harness: Harness) -> None:
    cases: list[tuple[str, dict[str, object]]] = [
        ("character", {"name": "Ed"}),
        ("episode", {"episode": "S2E10"}),
        ("season", {"number": 1}),
        ("timeline", {}),
        ("about", {}),
    ]
    for name, options in cases:
        _no_pings(await harness.command(name, options))
