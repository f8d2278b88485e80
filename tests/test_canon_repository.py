"""The canon repository's queries, against the real migrations and the shipped content."""

from __future__ import annotations

from pathlib import Path

from bot.canon.content import load_content
from bot.canon.episodes import EpisodeRef, SeasonRef
from bot.canon.models import FactKind
from bot.store import Store


async def test_character_with_recast_roles_and_facts(store: Store) -> None:
    aleida = await store.canon.character("aleida-rosales")
    assert aleida is not None
    credits = {(r.actor_name, r.credit, r.seasons) for r in aleida.roles}
    assert ("Olivia Trujillo", "teenager", (1,)) in credits
    assert ("Coral Peña", "adult", (2, 3, 4, 5)) in credits


async def test_character_facts_come_in_reveal_order(store: Store) -> None:
    margo = await store.canon.character("margo-madison")
    assert margo is not None
    reveals = [f.detail.reveal.episode for f in margo.facts]
    assert reveals == sorted(reveals)
    fates = [f for f in margo.facts if f.kind.is_fate]
    assert {f.kind for f in fates} == {FactKind.DEFECTION, FactKind.ARREST}
    assert all(f.detail.reveal.finale_detail for f in fates)


async def test_actor_lists_every_role(store: Store) -> None:
    actor = await store.canon.actor("joel-kinnaman")
    assert actor is not None
    assert [(r.character_id, r.seasons) for r in actor.roles] == [("ed-baldwin", (1, 2, 3, 4, 5))]


async def test_unknown_ids_are_none(store: Store) -> None:
    assert await store.canon.character("nobody") is None
    assert await store.canon.actor("nobody") is None
    assert await store.canon.episode(EpisodeRef(9, 1)) is None
    assert await store.canon.season(SeasonRef("", 9)) is None


async def test_finale_episode_and_its_outcomes(store: Store) -> None:
    ref = EpisodeRef(3, 10)
    episode = await store.canon.episode(ref)
    assert episode is not None
    assert episode.is_finale
    assert episode.title == "Stranger in a Strange Land"
    outcomes = await store.canon.finale_facts(ref)
    assert len(outcomes) == 8
    assert episode.synopsis is not None
    assert all(f.detail.reveal == episode.synopsis.reveal for f in outcomes)


async def test_season_five_titles_stay_unknown(store: Store) -> None:
    episodes = await store.canon.episodes(SeasonRef("", 5))
    assert len(episodes) == 10
    assert all(e.title is None for e in episodes)


async def test_events_filter_by_year_and_season(store: Store) -> None:
    sixties = await store.canon.events(year_from=1969, year_to=1969)
    assert sixties
    assert all(e.year == 1969 for e in sixties)
    season_two = await store.canon.events(season=SeasonRef("", 2))
    assert season_two
    assert all(e.detail.reveal.season == SeasonRef("", 2) for e in season_two)
    years = [e.year for e in await store.canon.events()]
    assert years == sorted(years)


async def test_search_finds_names_titles_and_story_text(store: Store) -> None:
    by_title = await store.canon.search("Polaris")
    assert any(hit.kind == "episode" and "Polaris" in str(hit.name) for hit in by_title)
    by_alias = await store.canon.search("gordo")
    assert by_alias[0].ref == "gordo-stevens"
    by_prefix = await store.canon.search("jamest")
    assert by_prefix


async def test_search_ignores_accents_and_punctuation(store: Store) -> None:
    hits = await store.canon.search("coral pena")
    assert any(hit.ref == "aleida-rosales" for hit in hits)
    assert await store.canon.search('"); DROP TABLE canon_episode; --') == ()
    assert await store.canon.search("   ") == ()


async def test_counts_match_the_content(store: Store) -> None:
    counts = await store.canon.counts()
    assert (counts.seasons, counts.episodes) == (6, 58)  # aired: 5 + 1, 50 + 8
    assert counts.characters >= 58
    assert counts.events >= 36
    fam, star_city = counts.per_series
    assert (fam.series.name, fam.seasons, fam.episodes) == ("For All Mankind", 5, 50)
    assert [s.number for s in fam.announced] == [6]
    assert (star_city.series.name, star_city.seasons, star_city.episodes) == ("Star City", 1, 8)
    assert star_city.characters == 8 and star_city.announced == ()


async def test_reads_are_remembered_until_the_next_reload(store: Store, content_dir: Path) -> None:
    first = await store.canon.character("ed-baldwin")
    assert await store.canon.character("ed-baldwin") is first  # answered from memory
    await store.canon.replace_all(load_content(content_dir))
    again = await store.canon.character("ed-baldwin")
    assert again == first
    assert again is not first  # the reload forgot the old records
