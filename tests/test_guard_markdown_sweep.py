"""Every piece of Discord markdown, swept: a finale spoiler written inside or across it is
flagged and its repost hides it as Discord renders it (checked by tests/discord_render.py,
written apart from the guard's reading); innocent uses are not flagged; a spoiler the
author hid properly, across markdown, is not flagged either.

Before this round (commit 2998ce8), of 58 spoiling messages 3 were missed and 9 were
reposted with the fate still readable; 0 of 36 innocent and 0 of 14 hidden were flagged;
the 4 that cannot be tagged safely fell back (tag_finding None) already:

- emphasis across a tag's edge ("**Great ep. Gordo dies** on the moon."): bold,
  underline, italic and strike opened before the added "||" and closed inside it, so the
  tag's two halves fell in different containers and the fate stayed readable: 9 reposts.
- emphasis inside a word ("Gor**do di**es", "Mar__go__ fakes", "Gor~~do~~"): Discord
  shows the word whole, the guard read its pieces: 3 missed.

After: 0 missed, 0 readable, 0 innocent or hidden flagged. Left: a stray "||" glued to a
word ("wow||Gordo dies on the moon") reads as one leetspeak word, like "m0||y" (Molly).
"""

from __future__ import annotations

import re

import pytest

from bot.guard import inspect, tag_finding
from bot.guard.layout import layout, visible
from tests.discord_render import seen
from tests.finale_matcher import matcher

WORD = re.compile(r"[a-z]+")


def _words(text: str) -> str:
    return " ".join(WORD.findall(text.casefold()))


# (construct, message, the fate that must not be readable after the repost)
SPOILERS = [
    ("subtext", "-# Gordo dies on the moon", "gordo dies"),
    ("subtext", "-# psst\n-# Karen dies in the JSC bombing", "karen dies"),
    ("header", "## Karen dies in the JSC bombing", "karen dies"),
    ("header", "# Gordo dies on the moon", "gordo dies"),
    ("header", "### FINALE\nMargo fakes her death and moves to Moscow", "margo fakes"),
    ("header", "# Finale thoughts\nGordo dies on the moon", "gordo dies"),
    ("header", "## wow\n## Gordo dies on the moon", "gordo dies"),
    ("emoji", "Gordo <:skull:123456789> dies on the moon", "dies on the moon"),
    ("emoji", "lol <:gordo_dies:123456789> on the moon", "gordo dies"),
    ("emoji", "Karen <a:rip:123456789> dies in the JSC bombing", "dies in the jsc"),
    ("emoji", ":gordo_dies: on the moon", "gordo dies"),
    ("timestamp", "<t:0:R> Margo fakes her death", "margo fakes"),
    ("timestamp", "Karen dies in the JSC bombing <t:1700000000:F>", "karen dies"),
    ("mention", "<@123456789> Gordo dies on the moon", "gordo dies"),
    ("mention", "<@&123456789> Karen dies in the JSC bombing", "karen dies"),
    ("mention", "<#123456789> Margo fakes her death", "margo fakes"),
    ("mention", "<@!123456789> Gordo dies on the moon lol", "gordo dies"),
    ("command", "</finale:123456789> Gordo dies on the moon", "gordo dies"),
    ("masked link", "[Gordo dies on the moon](https://example.com/a)", "gordo dies"),
    ("masked link", "[Karen dies in the JSC bombing](<https://example.com/a>)", "karen dies"),
    ("masked link", "wow [Gordo](https://example.com/a) dies on the moon", "dies on the moon"),
    ("masked link", "[**Gordo dies** on the moon](https://example.com/a)", "gordo dies"),
    ("suppressed embed", "<https://example.com/finale> Gordo dies on the moon", "gordo dies"),
    ("quote", "> Gordo dies on the moon", "gordo dies"),
    ("quote", ">>> wow\nGordo dies on the moon", "gordo dies"),
    ("quote", "> great ep\n> Karen dies in the JSC bombing", "karen dies"),
    ("list", "- Gordo dies on the moon\n- Karen dies in the JSC bombing", "dies"),
    ("list", "1. Margo fakes her death\n2. great ep", "margo fakes"),
    ("list", "* Gordo dies on the moon", "gordo dies"),
    ("code block", "```py\nGordo dies on the moon\n```", "gordo dies"),
    ("code block", "```\nKaren dies in the JSC bombing\n```", "karen dies"),
    ("code span", "``a ` b`` Gordo dies on the moon", "gordo dies"),
    ("code span", "`Gordo dies on the moon`", "gordo dies"),
    ("escape", "\\*Gordo dies on the moon\\*", "gordo dies"),
    ("escape", "\\# Karen dies in the JSC bombing", "karen dies"),
    ("emphasis inside", "Gor**do di**es on the moon", "gordo dies"),
    ("emphasis inside", "Mar__go__ fakes her death", "margo fakes"),
    ("emphasis inside", "K*a*ren dies in the JSC bombing", "karen dies"),
    ("emphasis inside", "Gor~~do~~ dies on the moon", "gordo dies"),
    ("emphasis inside", "Gordo ***dies*** on the moon", "gordo dies"),
    ("emphasis inside", "**Gordo** __dies__ *on* ~~the~~ moon", "gordo dies"),
    ("emphasis inside", "***__Karen dies in the JSC bombing__***", "karen dies"),
    ("emphasis across", "**Great ep. Gordo dies** on the moon.", "gordo dies"),
    ("emphasis across", "__Great ep. Gordo dies__ on the moon.", "gordo dies"),
    ("emphasis across", "~~Great ep. Gordo dies~~ on the moon.", "gordo dies"),
    ("emphasis across", "*Great ep. Gordo dies* on the moon.", "gordo dies"),
    ("emphasis across", "_Great ep. Gordo dies_ on the moon.", "gordo dies"),
    ("emphasis across", "Great ep. **Gordo dies on the moon. wow**", "gordo dies"),
    ("emphasis across", "Great ep. *Gordo dies on the moon. wow*", "gordo dies"),
    ("emphasis across", "Gordo dies on the **moon. Great** ep", "gordo dies"),
    ("emphasis across", "Gordo dies on the __moon. Great__ ep", "gordo dies"),
    ("emphasis across", "**wow. __Gordo dies__ on the moon. ok**", "gordo dies"),
    ("emphasis across", "> **wow. Gordo dies** on the moon", "gordo dies"),
    ("emphasis across", "- ~~lol. Karen dies~~ in the JSC bombing", "karen dies"),
    ("emphasis across", "# **Finale! Gordo dies** on the moon", "gordo dies"),
    ("emphasis across", "**wow.\nGordo dies** on the moon", "gordo dies"),
    ("mixed", "<@1> **Gordo** <:rip:1> dies on the `moon` <t:0:R>", "dies on the"),
    ("mixed", "-# [Karen](https://example.com/a) dies in the **JSC** bombing", "dies in the"),
]

# A lone "||" of the author's could pair with an added tag: the repost gives up and the
# cog posts the safe form (the whole message as a spoiler file).
FALLBACK = [
    ("escaped pipes", "Gordo dies on the moon \\|| lol"),
    ("stray pipes", "Gordo dies on the moon||"),
    ("stray pipes", "|Gordo dies on the moon|"),
    ("stray pipes", "**wow ||Gordo dies** on the moon"),
]

INNOCENT = [
    ("subtext", "-# Gordo is the best character"),
    ("subtext", "-# Karen runs the Outpost"),
    ("header", "## Season 1 rewatch: Gordo and Tracy on the moon"),
    ("header", "# Finale party\nbring snacks"),
    ("emoji", "Gordo <:skull:123456789> that haircut"),
    ("emoji", "<:gordo:123456789> <:karen:123456789> best duo"),
    ("emoji", ":gordo_hype: Margo is a genius"),
    ("timestamp", "<t:1700000000:R> watch party for the finale"),
    ("mention", "<@123456789> did you see Gordo on the moon"),
    ("mention", "<@&123456789> Karen runs the Outpost"),
    ("command", "</spoilers:123456789> to set your episode"),
    ("masked link", "[Gordo on the moon](https://example.com/a) behind the scenes"),
    ("masked link", "[the finale trailer](<https://example.com/a>)"),
    ("suppressed embed", "<https://example.com/gordo-theories> is a fan theory site"),
    ("quote", "> Gordo is the best\nagreed"),
    ("quote", ">>> Margo\nis\nthe best"),
    ("list", "- Gordo\n- Karen\n- Margo"),
    ("list", "1. Ed\n2. Danny\n3. Margo"),
    ("code block", "```py\nprint('gordo')\n```"),
    ("code span", "``a ` b`` Margo is a genius"),
    ("escape", "\\*Gordo is the best\\*"),
    ("emphasis inside", "Gor**do** is the best"),
    ("emphasis inside", "**Gordo** and __Tracy__ on the *moon*"),
    ("emphasis inside", "Kar~~en~~ runs the Outpost"),
    ("emphasis across", "**Great ep. Gordo rules** on the moon."),
    ("emphasis across", "*Karen. Ed.* Margo."),
    ("emphasis across", "__Ed is the best. Danny__ is not."),
    ("stray pipes", "Gordo||Karen||Margo"),
    ("stray pipes", "wow||Gordo is the best"),
    ("stray pipes", "a | b | Gordo on the moon"),
    ("snake case", "my_gordo_file.txt is on the moon server"),
    ("snake case", "G_o_r_d_o is the best"),
    ("mixed", "<@1> **Gordo** <:hype:1> on the `moon` <t:0:R>"),
    ("mixed", "-# [Karen](https://example.com/a) in the **JSC**"),
    ("dies unnamed", "**he** __dies__ in every show I like"),
    ("dies unnamed", "my phone dies on the moon lol"),
]

HIDDEN = [
    ("emphasis", "**||Gordo dies on the moon||**"),
    ("emphasis", "||**Gordo dies** on the moon||"),
    ("emphasis", "**Gordo ||dies on the moon||**"),
    ("emphasis", "||Gor**do di**es on the moon||"),
    ("emphasis", "__||Karen dies in the JSC bombing||__"),
    ("emphasis", "~~wow~~ ||Margo fakes her death||"),
    ("subtext", "-# ||Gordo dies on the moon||"),
    ("header", "## ||Karen dies in the JSC bombing||"),
    ("emoji", "||Gordo <:skull:1> dies on the moon||"),
    ("timestamp", "<t:0:R> ||Margo fakes her death||"),
    ("mention", "<@1> ||Gordo dies on the moon||"),
    ("masked link", "||[Gordo dies on the moon](https://example.com/a)||"),
    ("quote", "> ||Gordo dies on the moon||"),
    ("list", "- ||Gordo dies on the moon||\n- ||Karen dies in the JSC bombing||"),
]


@pytest.mark.parametrize(("construct", "text", "fate"), SPOILERS)
def test_a_spoiler_in_or_across_markdown_is_flagged_and_hidden(
    construct: str, text: str, fate: str
) -> None:
    assert fate in _words(seen(text)), "the case itself shows the fate"
    verdict = inspect(text, matcher())
    assert verdict, construct
    reposted = tag_finding(verdict)
    assert reposted is not None, construct  # every construct here can be tagged
    assert reposted.replace("||", "") == text.replace("||", ""), "only || pairs were added"
    assert (len(reposted) - len(text)) % 4 == 0
    assert fate not in _words(seen(reposted)), (construct, reposted)


@pytest.mark.parametrize(("construct", "text"), FALLBACK)
def test_what_cannot_be_tagged_safely_falls_back(construct: str, text: str) -> None:
    verdict = inspect(text, matcher())
    assert verdict, construct
    reposted = tag_finding(verdict)
    assert reposted is None or "dies" not in _words(seen(reposted)), (construct, reposted)


@pytest.mark.xfail(strict=True, reason="'m0||y' (Molly) is leetspeak: a glued '||' stays a letter")
def test_a_stray_tag_glued_to_a_word() -> None:
    assert inspect("wow||Gordo dies on the moon", matcher())


@pytest.mark.parametrize(("construct", "text"), INNOCENT)
def test_an_innocent_use_is_not_flagged(construct: str, text: str) -> None:
    assert not inspect(text, matcher()), construct


@pytest.mark.parametrize(("construct", "text"), HIDDEN)
def test_a_spoiler_hidden_across_markdown_is_not_flagged(construct: str, text: str) -> None:
    assert "dies" not in _words(seen(text)) and "fakes" not in _words(seen(text))
    assert not inspect(text, matcher()), construct


@pytest.mark.parametrize(
    "text",
    [text for _, text, _ in SPOILERS]
    + [text for _, text in INNOCENT]
    + [text for _, text in HIDDEN],
)
def test_the_guard_hides_what_discord_hides(text: str) -> None:
    """The guard's reading (layout) and the reference renderer agree on what is hidden."""
    page = layout(text)
    for word in ("dies", "fakes", "gordo", "karen"):
        assert (word in _words(seen(text))) <= (word in _words(visible(page, (0, len(text)))[0]))
