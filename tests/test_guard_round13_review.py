"""The review of round 13's structures (REVIEW.md, findings 1 to 5), written before the
fix: each reviewer's example, then variants of our own in the same spirit.

(1) A plain "if"/"wish" some words before an ordinary past "had" (or waren/hatte,
    était/avait) is not a supposition of the outcome: "idk if it matters but Molly had
    died by the time ..." tells the death.
(2) The dedication check is not reached for an emoji and a name farther apart than an
    emoji's reach (the work is bounded, counted in calls).
(3) An emoji "for <name>" followed by an everyday remark is no dedication: "💀 for Tracy
    in that karaoke scene", "🕯️ for Molly, happy birthday Sonya Walger".
(4) "imagine" + a survival with no negation and no "had" is no counterfactual of the
    fate: "imagine Tracy surviving a whole season without Gordo's jokes".
(5) An aside between dashes does not end a negation's reach: "Molly isn't — thank god —
    dead after the solar flare".

Failing before the fix (main at 2b44f13), the reviewer's examples first: (1) 8 of 8,
13 of 17 in all; (2) 4 of 4 (the check ran for every emoji and name pair); (3) 7 of 7,
13 of 18; (4) 3 of 3, 9 of 11; (5) 3 of 3, 7 of 11. After: none. Two "wish ... that"
variants of (1) were missed before round 13 too (an older reading): WISH_MISSES, xfail.
"""

from __future__ import annotations

from unittest import mock

import pytest

from bot.guard import inspect
from tests.finale_matcher import matcher, spoils

# (1) told, not supposed: must be tagged
IF_HAD_TOLD = [
    # the reviewer's
    "idk if it matters but Molly had died by the time the Mars crew came home",
    "even if you know Karen had died in the bombing, the s4 premiere still hits",
    "not sure if you noticed but by s3 Gordo and Tracy had died and Danny was a mess",
    "I wish someone had warned me, Karen had died and I wasn't ready",
    "if I remember right Deke had died on the moon before Ellen's speech",
    "I wonder if they had planned it from s1, Gordo and Tracy had died so beautifully",
    "Wenn man bedenkt, dass Gordo und Tracy am Ende tot waren, ist Staffel 3 hart",
    "si tu veux savoir, Deke était mort sur la Lune à la fin",
    # ours
    "no idea if it's obvious but Karen had died before the Mars landing",
    "not sure if you remember, Molly had died by the start of s4",
    "even if the show never says it outright, Gordo and Tracy had died at Jamestown",
    "if you're wondering, Deke had died on the moon by the end of s1",
    "ask me if you want, but Karen had died in the JSC bombing",
    "if I recall correctly Tracy had died with Gordo at Jamestown",
    "dunno if this helps but by the s4 premiere Karen had been killed in the bombing",
    "Wenn ich mich richtig erinnere, waren Gordo und Tracy in Jamestown gestorben",
    "si je me souviens bien, Karen était morte dans l'attentat",
]

# (3) an everyday remark after "for <name>": must not be tagged
EMOJI_REMARK = [
    # the reviewer's
    "💀 for Tracy in that karaoke scene",
    "💀💀 for Molly, her one-liners in s1 are unreal",
    "🕯️ for Molly, happy birthday Sonya Walger",
    "🕯️ for Karen, lighting one while I rewatch s1 tonight",
    "🪦 for Margo, she never leaves mission control in s1",
    "⚰️ for Deke, he's sooo tired of Ed's attitude in 1x02",
    "⚰️ to Danny, he got roasted so hard by Jimmy in s2",
    # ours
    "💀 for Gordo, his face when Tracy beats him at darts",
    "💀💀 for Ed in 1x03 with that haircut",
    "🕯️ for Tracy, the candlelit dinner in s1 was so cute",
    "🕯️ for Deke, saying a little prayer he gets the mission",
    "🪦 for Ed, he never wins an argument with Karen in s1",
    "⚰️ for Molly, she's so done with the rookies in 1x04",
    "⚰️ to Gordo, he got destroyed at poker again in 1x06 lol",
    "☠️ for Margo, her coffee habit is getting scary in s2",
    "💀 for Karen, the way she rolled her eyes at Ed",
    "🕯️🕯️ for Ellen, happy birthday Jodi Balfour",
    "🪦 for Danny, he's grounded for a month in 2x04 lmao",
]

# (4) "imagine" + a survival, nothing contrary to the fate: must not be tagged
IMAGINE_SURVIVING = [
    # the reviewer's
    "imagine Tracy surviving a whole season without Gordo's jokes",
    "imagine Molly surviving a week at Jamestown with Ed",
    "imagine Karen surviving a Houston summer without AC",
    # ours
    "imagine Gordo surviving a PT test after all that beer in s1",
    "imagine Deke surviving a dinner with Ed and Karen",
    "imagine Danny surviving a whole episode without sulking",
    "imagine Margo surviving a day without coffee",
    "imagine Tracy living through the 70s with that hair",
    "imagine Molly making it through a press conference without swearing",
    "imagine Gordo and Tracy surviving a road trip together",
    "imagine Karen surviving the Outpost's opening night",
]

# (5) an aside between dashes keeps "not" on the outcome: must not be tagged
DASH_ASIDE = [
    # the reviewer's
    "Molly isn't — thank god — dead after the solar flare",
    "Deke isn't – as far as I know – dead yet, I'm on 1x07",
    "Karen isn't — spoiler for s1 — dead, she's just sad",
    # ours
    "Gordo doesn't — thankfully — die in the s1 crash",
    "Tracy isn't — at least in s1 — dead",
    "Molly didn't - luckily - die from the flare in s1",
    "Ed isn't — yet — dead, I'm only on 1x05",
    "Danny doesn't – as far as s2 goes – get exiled",
    "Karen doesn't — relax — die in season 1",
    "Deke isn't — thank god — killed in the T-38 crash",
    "Margo doesn't — in s1 at least — fake her death",
]


# Missed before round 13 as well (f4ad98e): a "wish" earlier in the sentence puts the
# later outcome among the wishes (what.py's `wish` reading, not round 13's `supposing`)
WISH_MISSES = [
    "I wish I had known that Molly had died before I started s4",
    "I wish the recap had warned me that Deke had died on the moon",
]


@pytest.mark.parametrize("text", WISH_MISSES)
@pytest.mark.xfail(reason="an older wish reading, missed before round 13 too", strict=True)
def test_known_misses(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize("text", IF_HAD_TOLD)
def test_an_if_before_an_ordinary_had_supposes_nothing(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize("text", EMOJI_REMARK + IMAGINE_SURVIVING + DASH_ASIDE)
def test_ordinary_fan_talk_is_left(text: str) -> None:
    assert not spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "🪦" * 999 + " for " + "Gordo " * 498,
        "🪦 " + "for the " * 187 + " Karen " * 355,
        ("💀 for Gordo " * 400)[:4000],
        "🪦 for " + "Gordo and " * 399,
    ],
)
def test_the_dedication_is_not_read_beyond_the_emoji_reach(text: str) -> None:
    """A name farther from an emoji run than a dedication's reach is never checked for
    one, so the checks grow with the names beside a run, not with runs times names."""
    from bot.guard.scoring import _Scoring
    from bot.guard.verdict import DEDICATION_REACH

    inspect("warm up Gordo dies", matcher())
    real = _Scoring._dedicated
    gaps: list[int] = []

    def counted(self, s, cue, mention, *rest):  # type: ignore[no-untyped-def]
        gaps.append(mention.start - cue.end)
        return real(self, s, cue, mention, *rest)

    with mock.patch.object(_Scoring, "_dedicated", counted):
        inspect(text, matcher())
    assert all(gap <= DEDICATION_REACH for gap in gaps)
    # a few rules per name, each checked against the few emoji just before it
    assert len(gaps) <= 8 * (DEDICATION_REACH + 1) ** 2 * max(1, text.count(" for G"))


# The final review of these fixes: a denial between the name and the unreal auxiliary
# ("ojalá Gordo no hubiera muerto") still supposes the fate away, so the fate is told;
# Japanese "all-out" and "frantic" are made with 死 and are no one's death.
DENIED_UNREAL = [
    "Ojalá Gordo no hubiera muerto en el final de la temporada 2",
    "si Gordo no hubiera muerto en el final de la temporada 2",
    "se Gordo non fosse morto nel finale della stagione 2",
    "ojalá Tracy no hubiera muerto en la luna",
]
ALL_OUT = [
    "ゴルドは死ぬ気で訓練してる、1話",
    "カレンの死に物狂いの営業、シーズン1",
    "モリーが死にもの狂いで走る、シーズン1",
]


@pytest.mark.parametrize("text", DENIED_UNREAL)
def test_a_denied_unreal_fate_is_told(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize("text", ALL_OUT)
def test_japanese_all_out_is_no_death(text: str) -> None:
    assert not spoils(text)
