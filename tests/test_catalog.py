"""Name resolution and autocomplete: typo-tolerant, in memory, within Discord's limits."""

from __future__ import annotations

import pytest

from bot.canon.catalog import CHOICE_CHARS, CHOICE_LIMIT, Catalog, Named, NameIndex, normalise
from bot.canon.episodes import EpisodeRef
from bot.store import Store


@pytest.fixture
async def catalog(store: Store) -> Catalog:
    rows = await store.canon.catalog_rows()
    return Catalog.build(rows.characters, rows.actors, rows.episodes)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Gordo", "gordo-stevens"),
        ("ed", "ed-baldwin"),
        ("Danny", "danny-stevens"),
        ("Dani", "danielle-poole"),
        ("ed-baldwin", "ed-baldwin"),
        ("Edward Baldwn", "ed-baldwin"),
        ("margo madisson", "margo-madison"),
        ("ALEIDA", "aleida-rosales"),
        ("Aleida Rosáles", "aleida-rosales"),
    ],
)
def test_characters_resolve_from_nicknames_and_typos(
    catalog: Catalog, typed: str, expected: str
) -> None:
    assert catalog.characters.resolve(typed).value == expected


def test_actor_typos_resolve(catalog: Catalog) -> None:
    assert catalog.actors.resolve("Joel Kinaman").value == "joel-kinnaman"
    assert catalog.actors.resolve("coral pena").value == "coral-pena"


def test_nonsense_resolves_to_nothing_with_suggestions_when_close(catalog: Catalog) -> None:
    assert catalog.characters.resolve("qqqqxz").value is None
    near = catalog.characters.resolve("Baldwn")
    assert near.value is None or near.value.endswith("baldwin")
    assert catalog.characters.resolve("").value is None


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("S3E10", EpisodeRef(3, 10)),
        ("3x4", EpisodeRef(3, 4)),
        ("Polaris", EpisodeRef(3, 1)),
        ("the grey", EpisodeRef(2, 10)),
        ("Nixons Women", EpisodeRef(1, 3)),
        ("S1E4", EpisodeRef(1, 4)),
    ],
)
def test_episodes_resolve_by_code_or_title(
    catalog: Catalog, typed: str, expected: EpisodeRef
) -> None:
    assert catalog.episode_ref(typed) == expected


@pytest.mark.parametrize("typed", ["", "g", "gor", "ed", "baldwin", "xyzzy", "S3", "a" * 100])
def test_suggestions_respect_discord_limits(catalog: Catalog, typed: str) -> None:
    for index in (catalog.characters, catalog.actors, catalog.episodes):
        choices = index.suggest(typed)
        assert len(choices) <= CHOICE_LIMIT
        assert all(0 < len(c.name) <= CHOICE_CHARS for c in choices)
        assert all(0 < len(c.value) <= CHOICE_CHARS for c in choices)
        assert len({c.value for c in choices}) == len(choices)


def test_best_match_comes_first(catalog: Catalog) -> None:
    assert catalog.characters.suggest("gordo")[0].value == "gordo-stevens"
    assert catalog.characters.suggest("kel")[0].value == "kelly-baldwin"
    assert catalog.episodes.suggest("S2E1")[0].value == "S2E1"
    assert catalog.actors.suggest("kinn")[0].value == "joel-kinnaman"


def test_empty_query_lists_the_first_entries(catalog: Catalog) -> None:
    assert len(catalog.characters.suggest("")) == CHOICE_LIMIT


def test_normalise_folds_case_accents_and_punctuation() -> None:
    assert normalise("  Peña,  CORAL! ") == "pena coral"
    assert normalise("A.J. Jarrett") == "a j jarrett"


def test_long_labels_are_clipped() -> None:
    index = NameIndex([Named("x", "y" * 150)])
    assert len(index.suggest("")[0].name) == CHOICE_CHARS
