"""Star City, the second series: its data, its lookups end to end, and its finale.

Star City's finale plot is unknown, so the shipped data has no finale details for it.
The last tests add hypothetical ones to a copy of the content (never shipped) and show
they are tagged and guarded exactly as For All Mankind's are, with no code for it.
"""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path

import pytest

from bot.canon.catalog import Catalog
from bot.canon.content import ContentBundle, load_content
from bot.canon.episodes import EpisodeRef, SeasonRef
from bot.canon.fields import ContentError
from bot.settings import Settings
from bot.spoilers.policy import Label
from bot.store import Store
from tests.spoiler_audit import hidden, visible
from tests.standin.harness import Exchange, Harness
from tests.standin.payloads import BOB, CHANNEL_ID, MOD_LOG_ID, ChannelOption

SC = "SC"
SCHEDULE = ["05-29", "05-29", "06-05", "06-12", "06-19", "06-26", "07-03", "07-10"]


def _fields(reply: Exchange) -> dict[str, str]:
    return {f["name"]: f["value"] for f in reply.embeds[0].get("fields", [])}


# --- the data ----------------------------------------------------------------------------


def test_star_city_is_its_own_series(bundle: ContentBundle) -> None:
    names = {s.code: s.name for s in bundle.series}
    assert names == {"": "For All Mankind", SC: "Star City"}
    assert [s.is_default for s in bundle.series] == [True, False]
    [season] = [s for s in bundle.seasons if s.series == SC]
    assert (season.premiere, season.finale) == (date(2026, 5, 29), date(2026, 7, 10))
    assert (season.episode_count, season.year_start, season.year_end) == (8, 1969, None)
    episodes = [e for e in bundle.episodes if e.ref.series == SC]
    assert [e.ref for e in episodes] == [EpisodeRef(1, n, SC) for n in range(1, 9)]
    assert [e.air_date.isoformat()[5:] if e.air_date else "" for e in episodes] == SCHEDULE
    assert [e.ref.number for e in episodes if e.is_finale] == [8]
    titles = {e.ref.number: e.title for e in episodes if e.title}
    assert titles == {3: "Bad Dancer", 5: "Bite Your Elbow", 7: "Plow Deep", 8: "The Wolves"}
    assert all(e.sources for e in episodes)


def test_nothing_unverified_about_its_story(bundle: ContentBundle) -> None:
    """No source describes the finale or any fate: none is recorded, and nothing says
    more than the premise, Apple's loglines and the casting announcements."""
    finale = next(e for e in bundle.episodes if e.ref == EpisodeRef(1, 8, SC))
    assert finale.synopsis is None and finale.years == ()
    assert not [f for f in bundle.finale_facts if f.detail.reveal.episode.series == SC]
    people = [c for c in bundle.characters if c.series == SC]
    assert len(people) == 8
    assert all(c.known_from == EpisodeRef(1, 1, SC) and not c.facts for c in people)
    assert not [r for c in people for r in c.roles if r.actor_name == "Priya Kansara"]
    assert not [r for r in bundle.guard_rules if r.reveal.episode.series == SC]


def test_names_are_unique_within_a_series_only(bundle: ContentBundle) -> None:
    def owners(name: str) -> set[tuple[str, str]]:
        return {
            (c.series, c.id)
            for c in bundle.characters
            if name.casefold() in {n.casefold() for n in (c.name, *c.aliases)}
        }

    assert owners("Irina") == {("", "irina-morozova"), (SC, "sc-irina")}
    assert owners("Sergei") == {("", "sergei-nikulov"), (SC, "sc-sergei")}


def test_a_finale_mark_is_checked_in_every_series(tmp_path: Path, content_dir: Path) -> None:
    copy = tmp_path / "data" / "canon"
    shutil.copytree(content_dir, copy)
    timeline = copy / "star-city" / "timeline.toml"
    timeline.write_text(
        timeline.read_text()
        + '\n[[event]]\nyear = 1970\ntext = "A placeholder event."\nfirst_shown = "S1E8"\n'
        'finale_detail = false\ndivergence = false\nsources = ["s12"]\n'
    )
    with pytest.raises(ContentError, match="'finale_detail' must be true: SC S1E8 is a season"):
        load_content(copy)


# --- the store and the catalog -------------------------------------------------------------


async def test_star_city_is_searchable(store: Store) -> None:
    titles = {str(h.name) for h in await store.canon.search("Bad Dancer")}
    assert any("SC S1E3 · Bad Dancer" in t for t in titles), titles
    designer = await store.canon.search("Chief Designer")
    assert designer[0].ref == "sc-chief-designer"
    name = designer[0].name
    assert isinstance(name, Label)  # past a member's progress it reads "not met yet"
    assert name.text == "Character · The Chief Designer · Star City"
    assert any(h.ref == "sc-chief-designer" for h in await store.canon.search("Rhys Ifans"))
    [event] = await store.canon.events(series=SC)
    assert event.year == 1969 and event.divergence
    assert await store.canon.season(SeasonRef(SC, 2)) is None


async def test_names_resolve_per_series(store: Store) -> None:
    rows = await store.canon.catalog_rows()
    catalog = Catalog.build(rows.characters, rows.actors, rows.episodes, rows.series)
    people = catalog.characters
    assert people.resolve("Irina").value == "irina-morozova"  # the default series first
    assert people.resolve("Irina", group=SC).value == "sc-irina"
    assert people.resolve("Irina Star City").value == "sc-irina"
    labels = [c.name for c in people.suggest("irina")]
    assert "Irina · Star City" in labels and "Irina Morozova" in labels
    assert [c.name for c in people.suggest("irina", group=SC)] == ["Irina · Star City"]
    assert catalog.episode_ref("S1E3") == EpisodeRef(1, 3)
    assert catalog.episode_ref("S1E3", SC) == EpisodeRef(1, 3, SC)
    assert catalog.episode_ref("SC S1E3") == EpisodeRef(1, 3, SC)
    assert catalog.episode_ref("Bad Dancer") == EpisodeRef(1, 3, SC)
    assert catalog.find_series("star city") == catalog.find_series("SC") is not None


# --- end to end ----------------------------------------------------------------------------


async def test_episodes_and_seasons_of_star_city(harness: Harness) -> None:
    third = await harness.command("episode", {"episode": "SC S1E3"})
    assert not third.ephemeral
    assert third.embeds[0]["title"] == "SC S1E3 · Bad Dancer · Star City"
    assert "Irina" in third.embeds[0]["description"]
    by_option = await harness.command("episode", {"episode": "S1E3", "series": "star-city"})
    assert by_option.embeds[0]["title"] == third.embeds[0]["title"]
    fam = await harness.command("episode", {"episode": "S1E3"})
    assert fam.embeds[0]["title"] == "S1E3 · Nixon's Women"
    finale = await harness.command("episode", {"season": 1, "number": 8, "series": "Star City"})
    assert finale.embeds[0]["title"] == "SC S1E8 · The Wolves · Star City"
    assert "(season finale)" in _fields(finale)["Place"]
    assert "No synopsis recorded" in finale.embeds[0]["description"]

    season = await harness.command("season", {"number": 1, "series": "star-city"})
    assert season.embeds[0]["title"] == "Season 1 · Star City"
    assert _fields(season)["Episodes"] == "8 of 8 listed"
    assert "29 May 2026 – 10 July 2026" in _fields(season)["Released"]
    assert "1 / 3" in season.button_ids()
    missing = await harness.command("season", {"number": 2, "series": "star-city"})
    assert missing.ephemeral and missing.content == "Season 2 of Star City is not in my data yet."
    unknown = await harness.command("season", {"number": 1, "series": "Star Trek"})
    assert unknown.ephemeral
    assert "couldn't find a series" in unknown.content and "Star City" in unknown.content


async def test_season_six_says_it_is_announced_and_nothing_more(harness: Harness) -> None:
    six = await harness.command("season", {"number": 6})
    assert six.embeds[0]["title"] == "Season 6"
    assert six.embeds[0]["description"] == (
        "Season 6 is announced as the final season of *For All Mankind*. "
        "No premiere date has been verified yet."
    )
    assert "fields" not in six.embeds[0] or not six.embeds[0]["fields"]
    assert six.embeds[0]["footer"]["text"] == "Sources: s10"
    about = await harness.command("about")
    fields = _fields(about)
    assert "Season 6 is announced as the final season" in fields["For All Mankind"]
    assert "5 seasons, 50 episodes" in fields["For All Mankind"]
    assert "1 season, 8 episodes" in fields["Star City"]
    assert "*For All Mankind* and *Star City*" in about.embeds[0]["description"]


async def test_characters_and_actors_name_their_series(harness: Harness) -> None:
    theirs = await harness.command("character", {"name": "Irina", "series": "star-city"})
    assert theirs.embeds[0]["title"] == "Irina · Star City"
    assert "A character in *Star City*." in theirs.embeds[0]["description"]
    assert "Agnes O'Casey" in _fields(theirs)["Played by"]
    ours = await harness.command("character", {"name": "Irina"})
    assert ours.embeds[0]["title"] == "Irina Morozova"
    typed = await harness.complete("character", "name", {"name": "Irina"})
    names = [c["name"] for c in typed.choices]
    assert "Irina · Star City" in names and "Irina Morozova" in names
    narrowed = await harness.complete("character", "name", {"name": "Iri", "series": "star-city"})
    assert [c["name"] for c in narrowed.choices] == ["Irina · Star City"]
    shows = await harness.complete("episode", "series", {"series": "sta"})
    assert [(c["name"], c["value"]) for c in shows.choices] == [("Star City", "star-city")]
    actor = await harness.command("actor", {"name": "Rhys Ifans"})
    assert "Plays 1 role in *Star City*." in actor.embeds[0]["description"]
    assert "Star City, season 1" in _fields(actor)["Roles"]


async def test_progress_is_kept_per_series(harness: Harness) -> None:
    saved = await harness.subcommand("progress set", {"episode": "SC S1E2"}, member=BOB)
    assert "*Star City*: you have seen up to **SC S1E2" in saved.embeds[0]["description"]
    await harness.subcommand("progress set", {"episode": "S4E1"}, member=BOB)
    later = await harness.command("episode", {"episode": "SC S1E3"}, member=BOB)
    assert later.embeds[0]["title"] == "SC S1 E3 · Star City"  # past their progress
    assert "Bad Dancer" not in str(later.embeds) and "held back" in later.content
    fam = await harness.command("episode", {"episode": "S3E1"}, member=BOB)
    assert fam.embeds[0]["title"] == "S3E1 · Polaris"  # within their other horizon
    shown = await harness.subcommand("progress show", member=BOB)
    text = shown.embeds[0]["description"]
    assert "*For All Mankind*: you have seen up to **S4E1" in text and "*Star City*" in text
    choices = await harness.complete("progress", "episode", {"episode": "SC S1"}, BOB, "set")
    assert "SC S1 E8 (finale) · Star City" in [c["name"] for c in choices.choices]
    caught_up = await harness.subcommand(
        "progress set", {"episode": "caught-up", "series": "star-city"}, member=BOB
    )
    assert "*Star City*: caught up" in caught_up.embeds[0]["description"]
    cleared = await harness.subcommand("progress clear", {"series": "star-city"}, member=BOB)
    assert "*Star City*" not in cleared.embeds[0]["description"]
    assert "*For All Mankind*: you have seen up to **S4E1" in cleared.embeds[0]["description"]


async def test_star_city_has_its_own_timeline(harness: Harness) -> None:
    reply = await harness.command("timeline", {"series": "star-city"})
    embed = reply.embeds[0]
    assert embed["title"] == "Timeline · Star City"
    assert embed["description"].count("\n") == 0 and "1969 ·" in embed["description"]
    assert "(SC S1E1)" in embed["description"]
    fam = await harness.command("timeline", {"to_year": 1969})
    assert "(SC S1E1)" not in fam.embeds[0]["description"]


# --- its finale, with details the real data does not have yet ------------------------------

# Hypothetical content for these tests only: nothing here is about the real show.
OUTCOME = "Placeholder outcome for a test: the zebra escapes from the Star City zoo."
FINALE_SYNOPSIS = "Placeholder finale synopsis for a test."
RULES = """
[fate_cues]
death = ["@death"]

[[rule]]
id = "sc-test-zebra"
covers = ["sc-test-zebra"]
subjects = ["zebra"]
actions = ["escapes", "escaped"]
"""


@pytest.fixture
def finale_content(tmp_path: Path, content_dir: Path) -> Path:
    copy = tmp_path / "data" / "canon"
    shutil.copytree(content_dir, copy)
    episodes = copy / "star-city" / "episodes" / "season-1.toml"
    text = episodes.read_text()
    last = 'finale = true\nsources = ["s14", "s12", "sc-04"]\n'
    assert last in text
    episodes.write_text(
        text.replace(
            last,
            f'finale = true\nsynopsis = "{FINALE_SYNOPSIS}"\nsources = ["s14", "s12", "sc-04"]\n'
            f'\n[[episode.finale_detail]]\nid = "sc-test-zebra"\ntext = "{OUTCOME}"\n'
            'sources = ["s14"]\n',
        )
    )
    (copy / "star-city" / "guard.toml").write_text(RULES)
    return copy


def test_a_finale_detail_without_a_rule_is_refused(finale_content: Path) -> None:
    (finale_content / "star-city" / "guard.toml").unlink()
    with pytest.raises(ContentError, match="fates and finale details need rules"):
        load_content(finale_content)


@pytest.fixture
async def guarded(settings: Settings, finale_content: Path) -> AsyncIterator[Harness]:
    running = Harness(dataclasses.replace(settings, content_dir=finale_content, spoiler_guard=True))
    await running.start()
    await running.subcommand("spoilers guard on")
    await running.subcommand("spoilers guard log", {"channel": ChannelOption(MOD_LOG_ID)})
    yield running
    await running.stop()


async def test_its_finale_is_tagged_and_guarded_like_the_show_s(guarded: Harness) -> None:
    reply = await guarded.command("episode", {"episode": "SC S1E8"})
    assert reply.content.startswith("⚠️ Spoiler warning: SC season 1 finale details")
    description = reply.embeds[0]["description"]
    assert FINALE_SYNOPSIS in hidden(description) and "Placeholder" not in visible(description)
    outcomes = _fields(reply)["Finale outcomes"]
    assert "zebra" in hidden(outcomes) and "zebra" not in visible(outcomes)

    message = await guarded.member_says(BOB, "No way the zebra escapes at the end! Wow.")
    await guarded.settle()
    own = "/webhooks/900000000000000002/"
    [repost] = [
        r for r in guarded.stand_in.calls("POST", "/webhooks/") if not r.path.startswith(own)
    ]
    assert repost.json["content"] == "||No way the zebra escapes at the end!|| Wow."
    assert guarded.stand_in.calls("DELETE", f"/messages/{message.id}")
    notice = guarded.stand_in.calls("POST", f"/channels/{CHANNEL_ID}/messages")[-1].json
    assert "SC season 1 finale details" in notice["content"] and "zebra" not in notice["content"]
