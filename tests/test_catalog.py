"""Name resolution and autocomplete: typo-tolerant, in memory, within Discord's limits."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot import app
from bot.canon.catalog import CHOICE_CHARS, CHOICE_LIMIT, Catalog, Named, NameIndex, normalise
from bot.canon.episodes import EpisodeRef
from bot.store import Store


@pytest.fixture
async def catalog(store: Store) -> Catalog:
    rows = await store.canon.catalog_rows()
    return Catalog.build(rows.characters, rows.actors, rows.episodes)


async def test_the_catalog_is_built_once_per_content(
    store: Store, tmp_path: Path, template_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each bot asks for the catalog of its store's names; another bot on the same content
    (another store, equal rows) gets the one already built, and changed names a new one."""
    built: list[Catalog] = []
    build = Catalog.build

    def counted(*args: object, **kwargs: object) -> Catalog:
        built.append(build(*args, **kwargs))  # type: ignore[arg-type]
        return built[-1]

    monkeypatch.setattr(Catalog, "build", counted)
    monkeypatch.setattr(app, "_last_catalog", None)
    shutil.copy(template_db, tmp_path / "other.sqlite3")
    other = await Store.open(tmp_path / "other.sqlite3")
    try:
        first = app.catalog_of(await store.canon.catalog_rows())
        again = app.catalog_of(await other.canon.catalog_rows())
    finally:
        await other.close()
    assert again is first
    assert len(built) == 1
    rows = await store.canon.catalog_rows()
    renamed = [
        (aid, f"{name} Jr.") if n == 0 else (aid, name) for n, (aid, name) in enumerate(rows.actors)
    ]
    changed = app.catalog_of(type(rows)(rows.characters, renamed, rows.episodes, rows.series))
    assert changed is not first
    assert len(built) == 2
    assert changed.actors.resolve(f"{rows.actors[0][1]} Jr.").value == rows.actors[0][0]


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
