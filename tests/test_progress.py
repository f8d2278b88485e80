"""Personal progress: replies a member triggers never show what lies past their horizon."""

from __future__ import annotations

from pathlib import Path

from bot.canon.episodes import EpisodeRef
from bot.community.records import Progress
from bot.store import Store
from tests.spoiler_audit import hidden, visible
from tests.standin.harness import Exchange, Harness
from tests.standin.payloads import ALICE, BOB


def _everything(reply: Exchange) -> str:
    parts = [reply.content]
    for embed in reply.embeds:
        parts += [embed.get("title", ""), embed.get("description") or ""]
        parts += [f"{f['name']} {f['value']}" for f in embed.get("fields", [])]
    return "\n".join(parts)


async def test_set_show_and_clear(harness: Harness, db_path: Path) -> None:
    saved = await harness.subcommand("progress set", {"episode": "S1E5"})
    assert saved.ephemeral
    assert "S1E5 · Into the Abyss" in saved.embeds[0]["description"]
    shown = await harness.subcommand("progress show")
    assert "S1E5" in shown.embeds[0]["description"]
    assert harness.bot is not None
    assert harness.bot.store.community.progress(ALICE.id) == Progress("", EpisodeRef(1, 5))
    reopened = await Store.open(db_path)  # survives a restart
    assert reopened.community.progress(ALICE.id) == Progress("", EpisodeRef(1, 5))
    await reopened.close()
    caught_up = await harness.subcommand("progress set", {"episode": "caught-up"})
    assert "caught up" in caught_up.embeds[0]["description"]
    cleared = await harness.subcommand("progress clear")
    assert cleared.embeds[0]["title"] == "Progress cleared"
    assert harness.bot.store.community.progress(ALICE.id) is None


async def test_unknown_episode_is_refused(harness: Harness) -> None:
    reply = await harness.subcommand("progress set", {"episode": "S9E9"})
    assert reply.ephemeral
    assert "couldn't find an episode" in reply.content


async def test_details_past_progress_are_held_back_and_revealed_privately(
    harness: Harness,
) -> None:
    await harness.subcommand("progress set", {"episode": "S1E5"})
    reply = await harness.command("character", {"name": "Gordo"})
    text = _everything(reply)
    story = next(f["value"] for f in reply.embeds[0]["fields"] if f["name"] == "Story so far")
    assert "S1E4:" in story
    for later in ("S1E7", "S1E8", "S2E10"):
        assert later not in text
    assert "4 details past your progress (S1E5) are held back" in reply.content
    assert "Reveal" in reply.button_ids()
    assert "||" not in text  # the finale detail was past the horizon, so it is gone

    revealed = await harness.press(reply, "Reveal")
    assert revealed.ephemeral
    value = revealed.embeds[0]["description"]
    assert "S2E10: ||" in value
    assert "reactor" in hidden(value)
    assert "reactor" not in visible(value)

    other = await harness.press(reply, "Reveal", member=BOB)
    assert "Only the person who ran this command" in other.content


async def test_other_members_are_unaffected(harness: Harness) -> None:
    await harness.subcommand("progress set", {"episode": "S1E5"})
    reply = await harness.command("character", {"name": "Gordo"}, member=BOB)
    assert "S2E10: ||" in _everything(reply)
    assert "Reveal" not in reply.button_ids()


async def test_episodes_past_progress_lose_their_titles(harness: Harness) -> None:
    await harness.subcommand("progress set", {"episode": "S2E4"})
    reply = await harness.command("episode", {"episode": "S4E3"})
    embed = reply.embeds[0]
    assert embed["title"] == "S4 E3"
    assert "Bear Hug" not in _everything(reply)
    assert "description" not in embed or not embed["description"]
    assert "held back" in reply.content


async def test_autocomplete_follows_progress(harness: Harness) -> None:
    await harness.subcommand("progress set", {"episode": "S2E4"})
    episodes = await harness.complete("episode", "episode", {"episode": "S4"})
    names = [c["name"] for c in episodes.choices]
    assert "S4 E10 (finale)" in names
    assert all("·" not in n for n in names if n.startswith("S4"))
    earlier = await harness.complete("episode", "episode", {"episode": "S2E"})
    assert "S2E1 · Every Little Thing" in [c["name"] for c in earlier.choices]
    characters = await harness.complete("character", "name", {"name": "lee"})
    assert "Lee Jung-gil" not in [c["name"] for c in characters.choices]
    progress = await harness.complete("progress", "episode", {"episode": ""}, subcommand="set")
    assert progress.choices[0]["value"] == "caught-up"
    assert len(progress.choices) <= 25


async def test_timeline_and_search_hold_back_too(harness: Harness) -> None:
    await harness.subcommand("progress set", {"episode": "S1E6"})
    reply = await harness.command("timeline", {})
    description = reply.embeds[0]["description"]
    assert "(S1E" in description
    assert "(S2E" not in description and "(S3E" not in description
    assert "held back" in reply.content
    search = await harness.command("search", {"query": "Sea Dragon"})
    assert "Sea Dragon" not in visible(_everything(search).replace("“Sea Dragon”", ""))
