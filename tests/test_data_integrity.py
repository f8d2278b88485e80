"""The shipped canon data: complete, consistent, and every finale detail marked."""

from __future__ import annotations

from collections import Counter

from bot.canon.content import ContentBundle
from bot.canon.episodes import EpisodeRef, SeasonRef
from bot.canon.models import FactKind, SeasonStatus


def test_every_aired_season_and_episode(bundle: ContentBundle) -> None:
    fam = [s for s in bundle.seasons if s.series == ""]
    assert [s.number for s in fam if s.status is SeasonStatus.AIRED] == [1, 2, 3, 4, 5]
    assert [e.ref for e in bundle.episodes if e.ref.series == ""] == [
        EpisodeRef(s, n) for s in range(1, 6) for n in range(1, 11)
    ]
    counts = {s.ref: s.episode_count for s in bundle.seasons}
    for episode in bundle.episodes:
        assert episode.air_date or episode.air_date_note, episode.ref
        last = counts[episode.ref.season_ref]
        assert episode.is_finale == (episode.ref.number == last), episode.ref
        assert episode.sources, episode.ref


def test_season_six_is_announced_and_nothing_more(bundle: ContentBundle) -> None:
    six = next(s for s in bundle.seasons if s.ref == SeasonRef("", 6))
    assert six.status is SeasonStatus.ANNOUNCED and six.final
    assert (six.premiere, six.finale, six.premise, six.setting) == (None, None, None, None)
    assert six.episode_count is None and six.sources == ("s10",)
    assert not [e for e in bundle.episodes if e.ref.season_ref == six.ref]


def test_seasons_one_to_four_have_synopses_and_years(bundle: ContentBundle) -> None:
    for episode in bundle.episodes:
        if episode.ref.series == "" and episode.ref.season <= 4:
            assert episode.synopsis is not None, episode.ref
            assert episode.title, episode.ref


def test_episode_years_fall_in_the_show_s_span(bundle: ContentBundle) -> None:
    for episode in bundle.episodes:
        assert all(1969 <= year <= 2012 for year in episode.years), episode.ref


def test_at_least_fifty_characters_with_cast_and_roles(bundle: ContentBundle) -> None:
    assert len(bundle.characters) >= 50
    with_actor = [c for c in bundle.characters if c.roles]
    assert len(with_actor) >= 50
    recast = [c for c in bundle.characters if len({r.actor_id for r in c.roles}) > 1]
    assert {c.id for c in recast} >= {"aleida-rosales", "alex-poletov"}


def test_no_duplicate_entities(bundle: ContentBundle) -> None:
    ids = Counter(c.id for c in bundle.characters)
    assert [i for i, n in ids.items() if n > 1] == []
    names = Counter(  # unique within a series: each show may have its own Irina
        (c.series, n)
        for c in bundle.characters
        for n in {x.casefold() for x in (c.name, *c.aliases)}
    )
    assert [n for n, k in names.items() if k > 1] == []
    actors = Counter(r.actor_id for c in bundle.characters for r in c.roles)
    spellings = {r.actor_id: r.actor_name for c in bundle.characters for r in c.roles}
    assert len(spellings) == len(actors)
    events = Counter(e.detail.text.casefold() for e in bundle.events)
    assert [t for t, n in events.items() if n > 1] == []


def test_at_least_thirty_five_dated_timeline_events(bundle: ContentBundle) -> None:
    assert len(bundle.events) >= 35
    assert all(1900 < e.year < 2100 for e in bundle.events)
    assert any(e.divergence for e in bundle.events)
    first = min(bundle.events, key=lambda e: (e.year, e.detail.reveal.episode))
    assert first.year == 1969 and first.divergence  # where history departs from ours


def test_every_fact_has_a_reveal_episode_and_sources(bundle: ContentBundle) -> None:
    episodes = {e.ref: e for e in bundle.episodes}
    facts = [f for c in bundle.characters for f in c.facts] + list(bundle.finale_facts)
    for fact in facts:
        reveal = fact.detail.reveal
        assert reveal.episode in episodes
        assert reveal.finale == episodes[reveal.episode].is_finale
        assert fact.sources
    for event in bundle.events:
        assert event.detail.reveal.episode in episodes
        assert event.sources


def test_finale_details_are_marked(bundle: ContentBundle) -> None:
    finales = {e.ref for e in bundle.episodes if e.is_finale}
    for fact in bundle.finale_facts:
        assert fact.kind is FactKind.FINALE
        assert fact.detail.reveal.episode in finales
        assert fact.detail.reveal.finale_detail
    for character in bundle.characters:
        for fact in character.facts:
            if fact.detail.reveal.episode in finales:
                assert fact.detail.reveal.finale_detail, (character.id, fact.detail.reveal)
        if character.first_appearance in finales:
            assert character.summary is None or character.summary.reveal.finale_detail
    for reveal in (e.detail.reveal for e in bundle.events):
        if reveal.episode in finales:
            assert reveal.finale_detail
    for carried in (
        ref for c in bundle.characters for f in c.facts for ref in f.detail.reveal.carries
    ):
        assert carried in finales


def test_every_cited_source_is_listed(bundle: ContentBundle) -> None:
    listed = {s.id for s in bundle.sources}
    cited: set[str] = set()
    for season in bundle.seasons:
        cited.update(season.sources)
    for episode in bundle.episodes:
        cited.update(episode.sources)
    for character in bundle.characters:
        cited.update(character.sources)
        for role in character.roles:
            cited.update(role.sources)
        for fact in character.facts:
            cited.update(fact.sources)
    for event in bundle.events:
        cited.update(event.sources)
    assert cited <= listed
    assert all(s.url.startswith(("http://", "https://")) for s in bundle.sources)


def test_every_finale_detail_and_fate_ships_with_guard_rules(bundle: ContentBundle) -> None:
    covered = {key for rule in bundle.guard_rules for key in rule.covers}
    for fact in bundle.finale_facts:
        assert fact.key in covered, fact.key
    for character in bundle.characters:
        for fact in character.facts:
            if fact.kind.is_fate:
                assert fact.key in covered, fact.key
    for rule in bundle.guard_rules:
        assert rule.subjects, rule.id
