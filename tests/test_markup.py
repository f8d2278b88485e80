"""Spoiler markup: escaped text inside tags can never end the tag early."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.spoilers.markup import escape, spoiler
from tests.spoiler_audit import spoiler_regions


@given(st.text())
def test_spoiler_hides_exactly_the_text(text: str) -> None:
    regions = spoiler_regions(spoiler(text))
    if text:
        assert regions == [(True, text)]


@given(st.text(), st.text(), st.text())
def test_spoiler_cannot_be_closed_by_neighbouring_or_inner_text(
    before: str, secret: str, after: str
) -> None:
    markdown = escape(before) + spoiler(secret) + escape(after)
    hidden = "".join(t for h, t in spoiler_regions(markdown) if h)
    assert hidden == secret


def test_escape_neutralises_mentions_and_markdown() -> None:
    assert escape("@everyone **bold** ||x||") == r"\@everyone \*\*bold\*\* \|\|x\|\|"
    assert spoiler("a|b") == r"||a\|b||"
