"""The composer: policy-driven placement, warning lines, and limits that never cut a tag."""

from __future__ import annotations

from bot.canon.episodes import EpisodeRef, SeasonRef
from bot.render.cards import Card, Field, line
from bot.render.compose import DESCRIPTION_MAX, FIELD_VALUE_MAX, compose
from bot.spoilers.policy import PUBLIC, Detail, Reveal
from tests.spoiler_audit import hidden, visible

FINALE = Reveal(EpisodeRef(3, 10), True)
ORDINARY = Reveal(EpisodeRef(3, 4), False)
CARRIED = Reveal(EpisodeRef(4, 2), False, (EpisodeRef(3, 10),))


def test_finale_details_are_tagged_and_others_are_not() -> None:
    card = Card(
        title="Test",
        lines=(line("Intro: ", Detail("an ordinary fact", ORDINARY)),),
        fields=(Field("Outcome", (line(Detail("a finale fact", FINALE)),)),),
    )
    composed = compose(card, PUBLIC)
    assert composed.embed.description == "Intro: an ordinary fact"
    assert composed.embed.fields[0].value == "||a finale fact||"
    assert composed.tagged_seasons == {SeasonRef("", 3)}
    assert composed.content is not None
    assert "season 3 finale" in composed.content
    assert "||" not in composed.content


def test_text_restating_an_earlier_finale_is_tagged() -> None:
    composed = compose(Card(title="T", lines=(line(Detail("later text", CARRIED)),)), PUBLIC)
    assert composed.embed.description == "||later text||"
    assert composed.tagged_seasons == {SeasonRef("", 3)}


def test_no_tags_no_warning() -> None:
    composed = compose(Card(title="T", lines=(line("plain"),)), PUBLIC)
    assert composed.content is None
    assert composed.tagged_seasons == frozenset()


def test_markdown_in_details_is_escaped() -> None:
    composed = compose(Card(title="T", lines=(line(Detail("a || b **c**", FINALE)),)), PUBLIC)
    description = composed.embed.description or ""
    assert hidden(description) == "a || b **c**"
    assert visible(description) == ""


def test_overlong_lists_drop_whole_lines_and_say_so() -> None:
    secret = "x" * 300
    lines = tuple(line(f"{n}: ", Detail(secret, FINALE)) for n in range(40))
    composed = compose(Card(title="T", lines=lines, fields=(Field("F", lines),)), PUBLIC)
    description = composed.embed.description or ""
    value = composed.embed.fields[0].value or ""
    assert len(description) <= DESCRIPTION_MAX
    assert len(value) <= FIELD_VALUE_MAX
    for text in (description, value):
        assert text.count("||") % 2 == 0
        assert "more not shown" in text
        assert visible(text).replace(" ", "").count("x") == 0


def test_embed_total_stays_under_six_thousand() -> None:
    fields = tuple(Field(f"F{n}", (line("y" * 1000),)) for n in range(25))
    embed = compose(Card(title="T", fields=fields), PUBLIC).embed
    assert len(embed) <= 6000
    assert "not shown" in (embed.fields[-1].value or "")
