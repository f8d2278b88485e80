"""Every entity through every renderer: no finale detail is readable outside spoiler tags.

Secrets are the word 5-grams of every finale detail (and of every later text that
restates a finale) that no spoiler-free text also uses. A leak is any secret that
can be read on a surface Discord cannot hide (titles, field names, footers, labels,
choices) or outside ``||tags||`` where tags do work.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.canon.catalog import Catalog
from bot.canon.content import ContentBundle, load_content
from bot.canon.models import Character, Episode
from bot.render.cards import Reply
from bot.render.compose import compose
from bot.render.episodes import episode_card, season_cards
from bot.render.people import actor_card, character_card
from bot.render.search import search_cards
from bot.render.timeline import timeline_cards
from bot.spoilers.policy import PUBLIC
from bot.store import Store
from bot.views import ReplyView, first_page
from tests.spoiler_audit import Surfaces, hidden, runs, secret_grams, story_details, words


@pytest.fixture(scope="module")
def bundle(content_dir: Path) -> ContentBundle:
    return load_content(content_dir)


@pytest.fixture(scope="module")
def secrets(bundle: ContentBundle) -> set[tuple[str, ...]]:
    details = story_details(bundle)
    tagged = [d.text for d in details if d.reveal.finale_detail]
    open_text = [d.text for d in details if not d.reveal.finale_detail]
    open_text += [c.name for c in bundle.characters] + [e.heading.text for e in bundle.episodes]
    found = secret_grams(tagged, open_text)
    assert len(found) > 100, "the data should hold plenty of finale details"
    assert ("2003", "2012") in found  # a finale's time jump, even as a bare year list
    return found


def _payloads(reply: Reply) -> list[dict[str, Any]]:
    ready = first_page(reply.pages, PUBLIC)
    pages = [compose(card, PUBLIC, ready.held_back) for card in ready.pages]
    buttons = ReplyView(ready, PUBLIC, owner_id=1).to_components() if ready.needs_buttons else []
    return [
        {"content": p.content, "embeds": [p.embed.to_dict()], "components": buttons} for p in pages
    ]


def _audit(reply: Reply, secrets: set[tuple[str, ...]]) -> list[dict[str, Any]]:
    payloads = _payloads(reply)
    for payload in payloads:
        surfaces = Surfaces.of_message(payload)
        assert surfaces.leaks(secrets) == []
        content = payload["content"] or ""
        if any("||" in text for text in surfaces.taggable):
            first_line = content.splitlines()[0] if content else ""
            assert first_line, "spoiler replies open with a warning line"
            assert "||" not in first_line
    return payloads


def _all_hidden(payloads: list[dict[str, Any]]) -> str:
    return " ".join(
        hidden(text) for payload in payloads for text in Surfaces.of_message(payload).taggable
    )


async def _character(store: Store, character_id: str) -> tuple[Character, Episode | None]:
    character = await store.canon.character(character_id)
    assert character is not None
    first = (
        await store.canon.episode(character.first_appearance)
        if character.first_appearance
        else None
    )
    return character, first


async def test_every_character(
    store: Store, bundle: ContentBundle, secrets: set[tuple[str, ...]]
) -> None:
    for entry in bundle.characters:
        character, first = await _character(store, entry.id)
        payloads = _audit(character_card(character, first), secrets)
        hidden_words = words(_all_hidden(payloads))
        for fact in character.facts:
            if fact.detail.reveal.finale_detail:  # shown, and shown inside tags
                assert " ".join(words(fact.detail.text)) in " ".join(hidden_words)


async def test_every_actor(
    store: Store, bundle: ContentBundle, secrets: set[tuple[str, ...]]
) -> None:
    actor_ids = {role.actor_id for c in bundle.characters for role in c.roles}
    for actor_id in actor_ids:
        actor = await store.canon.actor(actor_id)
        assert actor is not None
        _audit(actor_card(actor), secrets)


async def test_every_episode_and_season(
    store: Store, bundle: ContentBundle, secrets: set[tuple[str, ...]]
) -> None:
    for entry in bundle.episodes:
        episode = await store.canon.episode(entry.ref)
        assert episode is not None
        outcomes = await store.canon.finale_facts(entry.ref)
        payloads = _audit(episode_card(episode, outcomes), secrets)
        if episode.is_finale and episode.synopsis:
            assert " ".join(words(episode.synopsis.text)) in " ".join(words(_all_hidden(payloads)))
    for season in bundle.seasons:
        found = await store.canon.season(season.number)
        assert found is not None
        _audit(season_cards(found, await store.canon.episodes(season.number)), secrets)


async def test_every_timeline_view(store: Store, secrets: set[tuple[str, ...]]) -> None:
    _audit(timeline_cards(await store.canon.events(), "all years"), secrets)
    for season in range(1, 6):
        _audit(timeline_cards(await store.canon.events(season=season), "season"), secrets)
    for year in range(1969, 2013):
        _audit(timeline_cards(await store.canon.events(year_from=year, year_to=year), "y"), secrets)


async def test_searching_for_finale_details_keeps_them_tagged(
    store: Store, bundle: ContentBundle, secrets: set[tuple[str, ...]]
) -> None:
    for detail in story_details(bundle):
        if detail.reveal.finale_detail:
            query = " ".join(words(detail.text)[:4])
            hits = await store.canon.search(query)
            # The reply echoes the query: words the member typed are not news to them.
            _audit(search_cards(query, hits, []), secrets - runs(query))


async def test_autocomplete_labels_carry_no_finale_detail(
    store: Store, bundle: ContentBundle, secrets: set[tuple[str, ...]]
) -> None:
    rows = await store.canon.catalog_rows()
    catalog = Catalog.build(rows.characters, rows.actors, rows.episodes)
    queries = ["", *{name[:3] for c in bundle.characters for name in (c.name, *c.aliases)}]
    queries += [f"S{s}E{n}" for s in range(1, 6) for n in range(1, 11)]
    for index in (catalog.characters, catalog.actors, catalog.episodes):
        for query in queries:
            choices = [{"name": c.name} for c in index.suggest(query)]
            assert Surfaces.of_message({"choices": choices}).leaks(secrets) == []
