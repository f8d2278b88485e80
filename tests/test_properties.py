"""Property tests: every entity × progress × server policy × channel kind, and reposts.

For any audience: nothing past its horizon appears anywhere, even tagged; finale and
embargoed details are never readable untagged unless the server chose that; progress
only ever takes untagged text away. For any message: a repost minus its added tags is
the original, what was hidden stays hidden, and what matched is now hidden.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bot.canon.episodes import EpisodeRef
from bot.guard import inspect, tag_finding
from bot.guard.layout import layout
from bot.render.compose import compose
from bot.spoilers.policy import Audience, Detail
from bot.views import ReplyView, first_page
from tests.examples import examples
from tests.finale_matcher import matcher
from tests.renderers import Canon, Sample, every_sample
from tests.shipped import shipped_content
from tests.spoiler_audit import Surfaces, hidden, ngrams, runs, secret_grams, visible, words

SLOW = [HealthCheck.too_slow]


@pytest.fixture(scope="module")
def made(canon: Canon) -> list[Sample]:
    """Every registered renderer's samples (``tests/renderers.py``)."""
    return every_sample(canon)


def _surfaces(sample: Sample, audience: Audience) -> list[Surfaces]:
    ready = first_page(sample.reply().pages, audience)
    payloads: list[dict[str, Any]] = []
    for card in ready.pages:
        page = compose(card, audience, ready.held_back)
        payloads.append({"content": page.content, "embeds": [page.embed.to_dict()]})
    if ready.needs_buttons:
        payloads[0]["components"] = ReplyView(ready, audience, owner_id=1).to_components()
    return [Surfaces.of_message(p) for p in payloads]


def _past(ref: EpisodeRef, audience: Audience) -> bool:
    horizon = next((h for h in audience.horizons if h.series == ref.series), None)
    return horizon is not None and ref > horizon


def _beyond(detail: Detail, audience: Audience) -> bool:
    reveal = detail.reveal
    return _past(reveal.episode, audience) or any(_past(r, audience) for r in reveal.carries)


def _grams(canon: Canon, secret: list[Detail], shown: list[Detail]) -> set[tuple[str, ...]]:
    """Word grams of the ``secret`` details that no ``shown`` detail or label uses."""
    plain = [c.name for c in canon.characters] + [e.heading.neutral for e in canon.episodes]
    return secret_grams([d.text for d in secret], [d.text for d in shown] + plain)


def _anywhere(surfaces: list[Surfaces]) -> set[tuple[str, ...]]:
    found: set[tuple[str, ...]] = set()
    for surface in surfaces:
        for text in surface.plain + surface.taggable:
            found |= runs(text) | runs(hidden(text))
    return found


def _episodes() -> list[EpisodeRef]:
    return [e.ref for e in shipped_content().episodes]


def _horizons() -> st.SearchStrategy[frozenset[EpisodeRef]]:
    """At most one horizon per series: a member's progress in each show they set it for."""
    episodes = _episodes()
    series = sorted({ref.series for ref in episodes})
    return st.tuples(
        *(st.none() | st.sampled_from([e for e in episodes if e.series == s]) for s in series)
    ).map(lambda found: frozenset(ref for ref in found if ref is not None))


# Deferred: the content is read when a test draws, not when the module is collected.
audiences = st.builds(
    Audience,
    horizons=st.deferred(_horizons),
    embargoed=st.deferred(lambda: st.frozensets(st.sampled_from(_episodes()), max_size=3)),
    tag_finales=st.booleans(),
    spoiler_channel=st.booleans(),
)


@settings(max_examples=examples(150), deadline=None, suppress_health_check=SLOW)
@given(data=st.data(), audience=audiences)
def test_no_reply_shows_what_its_audience_should_not_see(
    canon: Canon, made: list[Sample], data: st.DataObject, audience: Audience
) -> None:
    sample = data.draw(st.sampled_from(made), label="sample")
    name = sample.name
    surfaces = _surfaces(sample, audience)
    typed = runs(sample.typed)  # the member's own words, echoed back, are not news

    past = [d for d in canon.details if _beyond(d, audience)]
    within = [d for d in canon.details if not _beyond(d, audience)]
    if past:
        leaked = (_grams(canon, past, within) - typed) & _anywhere(surfaces)
        assert not leaked, f"{name}: past the horizon: {sorted(leaked)[:3]}"

    if not audience.spoiler_channel:
        must_tag = [
            d
            for d in within
            if (d.reveal.finale_detail and audience.tag_finales)
            or d.reveal.episode in audience.embargoed
            or any(r in audience.embargoed for r in d.reveal.carries)
        ]
        plain = [d for d in within if d not in must_tag]
        secrets = _grams(canon, must_tag, plain) - typed
        for surface in surfaces:
            assert surface.leaks(secrets) == [], name

    for episode in canon.episodes:  # titles past the horizon are not even on plain surfaces
        if _past(episode.ref, audience):
            title = episode.title
            if title and len(words(title)) >= 2:
                for surface in surfaces:
                    assert not any(title in text for text in surface.plain), (name, title)


@settings(max_examples=examples(100), deadline=None, suppress_health_check=SLOW)
@given(data=st.data(), audience=audiences)
def test_progress_only_takes_untagged_text_away(
    canon: Canon, made: list[Sample], data: st.DataObject, audience: Audience
) -> None:
    sample = data.draw(st.sampled_from(made), label="sample")
    without = Audience(
        embargoed=audience.embargoed,
        tag_finales=audience.tag_finales,
        spoiler_channel=audience.spoiler_channel,
    )

    def visible_grams(chosen: Audience) -> set[tuple[str, ...]]:
        """Word 3-grams readable without a click in embeds (the content line is ours)."""
        found: set[tuple[str, ...]] = set()
        for surface in _surfaces(sample, chosen):
            for text in surface.taggable[1:]:
                found |= ngrams(visible(text), 3)
        return found

    story: set[tuple[str, ...]] = set()
    for detail in canon.details:
        story |= ngrams(detail.text, 3)
    gained = (visible_grams(audience) - visible_grams(without)) & story
    assert gained == set(), sample.name


# --- reposts ---------------------------------------------------------------------

SPOILERS = [
    "Gordo dies on the moon.",
    "Karen is killed in the bombing!",
    "Margo defects to the USSR",
    "RIP Tracy",
    "Danny gets exiled to the lander?",
]
SAFE = ["Great episode.", "Karen runs the Outpost.", "lol", "Season 2 rules!", "Ed is the best"]
pieces = st.one_of(
    st.sampled_from(SPOILERS),
    st.sampled_from(SAFE),
    st.sampled_from(SPOILERS + SAFE).map(lambda s: f"||{s}||"),
    st.sampled_from(SPOILERS + SAFE).map(lambda s: f"`{s}`"),
    st.just("https://example.com/gordo-dies"),
    st.just("[Gordo dies. Really](https://example.com/a)"),
    st.sampled_from(["||", "\\", ":\\", "\\|", "`", "```"]),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=12),  # any text Discord carries
)
messages = st.lists(pieces, min_size=1, max_size=6).flatmap(
    lambda parts: st.lists(
        st.sampled_from([" ", "\n", "  ", ". "]), min_size=len(parts), max_size=len(parts)
    ).map(lambda glue: "".join(p + g for p, g in zip(parts, glue, strict=True)))
)


@settings(max_examples=examples(300), deadline=None)
@given(text=messages)
# found by this test: "com" twice in addresses read the message as Portuguese, where
# "gordo" is an everyday word, so the second address counted only once the first was tagged
@example(
    text="https://example.com/gordo-dies [Gordo dies. Really](https://example.com/a)\n"
    "https://example.com/gordo-dies "
)
def test_a_repost_minus_its_tags_is_the_original(text: str) -> None:
    finding = inspect(text, matcher())
    reposted = tag_finding(finding)
    if reposted is None:  # the message's own markup made tagging in place unsafe
        assert finding
        return
    added = reposted.count("||") - text.count("||")
    assert added % 2 == 0
    assert reposted.replace("||", "") == text.replace("||", "")
    if not finding:
        assert reposted == text
        return
    before = layout(text)
    after = layout(reposted)
    hidden_before = " ".join(text[s:e] for s, e in before.hidden).replace("||", " ")
    hidden_after = " ".join(reposted[s:e] for s, e in after.hidden).replace("||", " ")
    for word in words(hidden_before):  # what was hidden stays hidden
        assert word in words(hidden_after)
    assert not inspect(reposted, matcher()), "nothing the guard matches is left visible"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gordo dies.", "||Gordo dies.||"),
        ("a ||b|| Gordo dies ||c||", "||a|| ||b|| ||Gordo dies|| ||c||"),
        ("x `Gordo dies` y", "||x `Gordo dies` y||"),
        ("RIP Tracy :\\ ||Margo defects||", "||RIP Tracy :||\\ ||Margo defects||"),
        (
            "[Gordo dies. Really](https://x.com/a) after",
            "||[Gordo dies. Really](https://x.com/a) after||",
        ),
        ("ok || fine. Gordo dies on the moon.", None),
    ],
)
def test_repost_examples(text: str, expected: str | None) -> None:
    assert tag_finding(inspect(text, matcher())) == expected
