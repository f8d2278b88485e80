"""Reposts that hide: generated Discord markdown, tagged, read back as Discord renders it.

For any message built from code spans and blocks, quotes, lists, headings, subtext,
emphasis (bold, italic, underline, strike: around a sentence or, from stray markers,
across sentences), mentions, custom emoji, timestamps, command mentions, links, tagged
and untagged finale sentences, stray or unclosed "||", and floods of markup: either the
guard gives up (the cog then posts the safe form), or the repost differs from the
original only by "||" pairs and no finale sentence can be read in it without a click.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from bot.guard import everything, inspect, tag_finding
from tests.discord_render import seen, seen_inline_first
from tests.examples import examples
from tests.finale_matcher import matcher

FINALE = [
    "Gordo dies on the moon",
    "Karen is killed in the JSC bombing",
    "Margo fakes her death and moves to Moscow",
    "Danny gets exiled to the North Korean lander",
    "Ed shoots down the Sea Dragon",
]
SAFE = ["great episode", "Karen runs the Outpost", "lol", "season 2 rules", "Ed is the best"]
WORD = re.compile(r"[a-z]+")


def _words(text: str) -> list[str]:
    return WORD.findall(text.casefold())


def _seen(text: str) -> str:
    """Everything Discord shows of ``text`` without a click, one line (by the reference
    renderer, written apart from the guard's reading), under either reading: blocks first
    and inline rules first (two lines: a phrase is readable if either shows it)."""
    return " ".join(_words(seen(text))) + "\n" + " ".join(_words(seen_inline_first(text)))


sentence = st.sampled_from(FINALE + SAFE)
inline = st.one_of(
    sentence,
    sentence.map(lambda s: f"||{s}||"),
    sentence.map(lambda s: f"`{s}`"),
    sentence.map(lambda s: f"`||{s}||`"),
    sentence.map(lambda s: f"\\||{s}\\||"),
    sentence.map(lambda s: f"[{s}](https://example.com/a)"),
    sentence.map(lambda s: f"**{s}**"),
    sentence.map(lambda s: f"__{s}__"),
    sentence.map(lambda s: f"~~{s}~~"),
    sentence.map(lambda s: f"*{s}*"),
    st.just("https://example.com/x||y"),
    st.sampled_from(["||", "|", "||||", "\\", "`", "*", "_", "~~", "**", "__"]),
    st.sampled_from(["<@123>", "<@&123>", "<#123>", "<:rip:123>", "<t:0:R>", "</finale:1>"]),
    st.sampled_from(["Great ep.", "wow!", "ok."]),
    # floods of markup (round 14's bound): past it the message is read conservatively
    # and never tagged in place
    st.sampled_from(["*" * 700, "_" * 700, "**a" * 250, "`a " * 250, "[" * 700, "||" * 300]),
)
line = st.lists(inline, min_size=1, max_size=3).map(" ".join)
block = st.one_of(
    line,
    line.map(lambda s: f"> {s}"),
    line.map(lambda s: f"- {s}"),
    line.map(lambda s: f"1. {s}"),
    line.map(lambda s: f"# {s}"),
    line.map(lambda s: f"## {s}"),
    line.map(lambda s: f"-# {s}"),
    st.lists(line, min_size=1, max_size=3).map(lambda ls: "```\n" + "\n".join(ls) + "\n```"),
    st.lists(line, min_size=1, max_size=2).map(lambda ls: ">>> " + "\n".join(ls)),
)
messages = st.lists(block, min_size=1, max_size=4).map("\n".join)


@settings(max_examples=examples(400), deadline=None)
@given(text=messages)
# A second finale sentence the guard is unsure of (its season read as season 2, so only
# the review band): once the message is reposted, it is hidden with the first.
@example(
    text="Gordo dies on the moon\nseason 2 rules Karen is killed in the JSC bombing season 2 rules"
)
# A stray "||" in a ">>> " quote pairs across its lines (one paragraph), and a "> " or
# "- " line inside the quote is text, not a block of its own.
@example(text="great episode\n>>> ||\nGordo dies on the moon")
@example(text=">>> hi\n> ||\nGordo dies on the moon")
# A code span opened on one line and closed on a "> " line: read blocks first, the quote's
# own `||...||` is code and shows; read inline rules first, it is a tag. Discord's choice
# is not established, so the guard reads it as shown and gives the safe form (round 14).
@example(text="Gordo dies on the moon\n`\n> `||Gordo dies on the moon||`")
# Hostile floods at Discord's longest, a finale sentence inside or around them
@example(text="*" * 2000 + " Gordo dies on the moon " + "*" * 1976)
@example(text="**a" * 600 + " Gor**do di**es on the moon")
@example(text="Gordo dies on the moon. ||a|| `b` [c](https://d.io) " * 76)
@example(text="Gordo dies on the moon. " * 160)
@example(text="> ||a\n" * 600 + "Gordo dies on the moon")
def test_after_tagging_no_finale_sentence_is_readable(text: str) -> None:
    verdict = inspect(text, matcher())
    if not verdict:
        return
    reposted = tag_finding(verdict)
    if reposted is None:
        return  # the cog falls back to the safe form: the whole message as a spoiler file
    assert reposted.replace("||", "") == text.replace("||", ""), "only || pairs were added"
    assert (len(reposted) - len(text)) % 4 == 0
    seen = _seen(reposted)
    for finale in FINALE:
        assert " ".join(_words(finale)) not in seen, (finale, reposted)
    assert not inspect(reposted, matcher()), "the guard finds nothing left to tag"


@settings(max_examples=examples(200), deadline=None)
@given(text=messages)
def test_a_moderators_tag_hides_everything_or_gives_up(text: str) -> None:
    reposted = tag_finding(everything(text))
    if reposted is None:
        return
    assert reposted.replace("||", "") == text.replace("||", "")
    for finale in FINALE:
        assert " ".join(_words(finale)) not in _seen(reposted)


@pytest.mark.parametrize(
    ("text", "hidden"),
    [
        ("||Gordo dies||", True),
        ("`||Gordo dies||`", False),  # a code span shows the pipes
        ("\\||Gordo dies\\||", False),  # escaped markers are text
        ("||||Gordo dies", False),  # an empty pair hides nothing
        ("|| ||Gordo dies", False),  # a spoiler around a space hides only the space
        ("https://x.example/||Gordo dies||", False),  # markers inside a link are the link
        ("||a `b||` Gordo dies", False),  # the first "||" closes, even inside code
        ("> ||Gordo\ndies||", False),  # a spoiler does not leave a quote
        ("||Gordo\ndies||", True),  # but may span lines of a plain paragraph
        ("```\n||Gordo dies||\n```", False),  # a code block shows everything
    ],
)
def test_markers_pair_as_discord_renders_them(text: str, hidden: bool) -> None:
    assert ("gordo" not in _seen(text)) is hidden
