"""Every renderer, fed every entity: no finale detail is readable outside spoiler tags.

Secrets are the word 5-grams of every finale detail (and of every later text that
restates a finale) that no spoiler-free text also uses. A leak is any secret that
can be read on a surface Discord cannot hide (titles, field names, footers, labels,
choices) or outside ``||tags||`` where tags do work. What gets rendered comes from
``tests/renderers.py``, and what counts as story text from walking the records
(``tests/spoiler_audit.py``): both check here that they miss nothing.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import typing
from typing import Any

import pytest

import bot.render
from bot.canon.catalog import Catalog
from bot.canon.content import ContentBundle
from bot.render.cards import Card, Reply
from bot.render.compose import compose
from bot.spoilers.policy import PUBLIC, Detail
from bot.store import Store
from bot.views import ReplyView, first_page
from tests.renderers import REGISTRY, Canon, Sample, every_sample
from tests.spoiler_audit import (
    NOT_STORY_TEXT,
    Surfaces,
    attribute_hints,
    classes_in,
    hidden,
    record_types,
    runs,
    secret_grams,
    walk_details,
    words,
)

Secrets = set[tuple[str, ...]]


@pytest.fixture(scope="module")
def secrets(canon: Canon) -> Secrets:
    tagged = [d.text for d in canon.details if d.reveal.finale_detail]
    open_text = [d.text for d in canon.details if not d.reveal.finale_detail]
    open_text += [c.name for c in canon.characters] + [e.heading.text for e in canon.episodes]
    found = secret_grams(tagged, open_text)
    assert len(found) > 100, "the data should hold plenty of finale details"
    assert ("2003", "2012") in found  # a finale's time jump, even as a bare year list
    return found


def _payloads(reply: Reply) -> list[tuple[dict[str, Any], bool]]:
    """Each page as Discord receives it, and whether the composer tagged story text."""
    ready = first_page(reply.pages, PUBLIC)
    pages = [compose(card, PUBLIC, ready.held_back) for card in ready.pages]
    buttons = ReplyView(ready, PUBLIC, owner_id=1).to_components() if ready.needs_buttons else []
    return [
        ({"content": p.content, "embeds": [p.embed.to_dict()], "components": buttons}, p.tagged)
        for p in pages
    ]


def _leaks(sample: Sample, secrets: Secrets) -> list[str]:
    found = []
    for payload, tagged in _payloads(sample.reply()):
        # The reply echoes the query: words the member typed are not news to them.
        found += Surfaces.of_message(payload).leaks(secrets - runs(sample.typed))
        first_line = (payload["content"] or "").partition("\n")[0]
        if tagged and (not first_line or "||" in first_line):
            found.append("a reply with story text behind tags opens without a warning line")
    return [f"{sample.name}: {leak}" for leak in found]


def _all_hidden(reply: Reply) -> str:
    return " ".join(
        hidden(text)
        for payload, _ in _payloads(reply)
        for text in Surfaces.of_message(payload).taggable
    )


def test_every_public_renderer_is_registered() -> None:
    """A function in bot/render that returns a Reply or a Card is audited, or this fails."""
    public = set()
    for module in pkgutil.iter_modules(bot.render.__path__):
        loaded = importlib.import_module(f"bot.render.{module.name}")
        for name, value in vars(loaded).items():
            if name.startswith("_") or not inspect.isfunction(value):
                continue
            if value.__module__ == loaded.__name__:
                returns = typing.get_type_hints(value).get("return")
                if returns in (Reply, Card):
                    public.add(f"{loaded.__name__}.{name}")
    registered = {f"{r.__module__}.{r.__name__}" for r in REGISTRY}
    assert public - registered == set(), "register these in tests/renderers.py"
    assert len(public) >= 15


def test_every_renderer_has_samples(canon: Canon) -> None:
    for renderer, make in REGISTRY.items():
        assert list(make(canon)), renderer.__name__


def test_every_sample_keeps_finale_details_tagged(canon: Canon, secrets: Secrets) -> None:
    made = every_sample(canon)
    assert len(made) > 300
    leaks = [leak for sample in made for leak in _leaks(sample, secrets)]
    assert leaks == []


def test_the_audit_sees_a_leak(canon: Canon, secrets: Secrets) -> None:
    """The audit is not vacuous: a finale detail put in a title is caught."""
    detail = next(d for d in canon.details if d.reveal.finale_detail and len(words(d.text)) > 6)
    leaky = Sample("leaky", lambda: Reply((Card(title=detail.text, lines=((detail,),)),)))
    assert _leaks(leaky, secrets)
    untagged = Sample("untagged", lambda: Reply((Card(title="x", lines=((detail.text,),)),)))
    assert _leaks(untagged, secrets)


async def test_finale_facts_are_shown_and_shown_inside_tags(canon: Canon) -> None:
    for sample in every_sample(canon):
        if not sample.name.startswith(("character ", "episode ")):
            continue
        hidden_words = " ".join(words(_all_hidden(sample.reply())))
        shown = [
            d
            for c in canon.characters
            if sample.name == f"character {c.id}"
            for d in (f.detail for f in c.facts)
        ]
        shown += [
            e.synopsis
            for e in canon.episodes
            if sample.name == f"episode {e.ref.code}" and e.is_finale and e.synopsis
        ]
        for detail in shown:
            if detail.reveal.finale_detail:
                assert " ".join(words(detail.text)) in hidden_words, sample.name


def test_the_audit_reaches_every_story_field(bundle: ContentBundle) -> None:
    """Story text is found by walking the records: every field or property typed
    ``Detail`` holds some in the real content, and no ``str`` field is unclassified."""
    story, plain = set(), set()
    for record in record_types(ContentBundle):
        for name, hint in attribute_hints(record).items():
            if Detail in classes_in(hint):
                story.add(f"{record.__name__}.{name}")
            elif str in classes_in(hint):
                plain.add(f"{record.__name__}.{name}")
    reached = {where for where, _ in walk_details(bundle)}
    assert story - reached == set(), "no content exercises these story fields yet"
    assert {"Fact.detail", "Episode.synopsis", "TimelineEvent.dated"} <= story
    assert plain - NOT_STORY_TEXT == set(), "story text? type it Detail; else list it"


async def test_autocomplete_labels_carry_no_finale_detail(
    store: Store, bundle: ContentBundle, secrets: Secrets
) -> None:
    rows = await store.canon.catalog_rows()
    catalog = Catalog.build(rows.characters, rows.actors, rows.episodes)
    queries = ["", *{name[:3] for c in bundle.characters for name in (c.name, *c.aliases)}]
    queries += [f"S{s}E{n}" for s in range(1, 6) for n in range(1, 11)]
    for index in (catalog.characters, catalog.actors, catalog.episodes):
        for query in queries:
            choices = [{"name": c.name} for c in index.suggest(query)]
            assert Surfaces.of_message({"choices": choices}).leaks(secrets) == []
