"""Round 15, who is meant (opened17 and opened18): general mechanisms with fresh variants and
innocent look-alikes.

- A fond address after a fate word (`fond_address` in en.toml, bot/guard/what.py
  `_addressed`): "rest in peace my loves", "killed my queens" are said to the characters, not
  of the writer ("killed me", "killed my vibe" stay the writer's).
- A rule phrase ending in a character, filled by a relation owned by name (bot/guard/asides.py
  `describes`): "sells up to tracy's husband", "goes to see ellen's old girlfriend" as "sells
  up to sam", "goes to see pam" (the relation read for the season named).
- "unlike" before a denied outcome (`unlike` in every language file, bot/guard/supposing.py
  `_contrasted_before`): "Unlike the show's Tracy she did not die on the moon" is Tracy's death.
- The Outpost's buyer and Pam's visitor (data/canon/for-all-mankind/guard.toml): the sale to
  Sam said "sold to / sells up to / pro" him; "Pam's visitor", "the visit to pam's".
"""

from __future__ import annotations

import pytest

from tests.finale_matcher import spoils

FOND_ADDRESS = [
    "gordo and tracy rest in peace my loves",
    "tracy and gordo. both of them. the reactor. rest in peace my loves",
    "rest in peace my babies gordo and tracy",
    "the bombing killed my queens karen and molly in 3x10",
    "karen and molly rest in peace my angels, the s3 finale was cruel",
    "deke rest in peace my king, buried on the moon in 1x10",
]

FOND_ADDRESS_INNOCENT = [
    "that finale killed me",
    "that s3 finale killed my vibe, karen and molly deserved better",
    "that finale killed my sweet tooth lol karen",
    "rip my sleep schedule, karen",
    "karen killed it my dudes",
    "molly slays my queens",
    "karen's one-liners murder my dudes every time",
]

BUYER_BY_RELATION = [
    "the outpost owner sells up to tracy's husband at the end of s2",
    "the outpost gets sold to tracy's husband at the end of s2",
    "the outpost goes to tracy's husband in the s2 finale",
    "mano the outpost got sold pro sam no final da s2",
    "the outpost owner sells it to tracy's husband in 2x10",
    "the president goes to see ellen's old girlfriend in 3x10",
]

BUYER_INNOCENT = [
    "the outpost sold tracy's husband a beer in 2x03",
    "the outpost sells beer to tracy's husband in every episode",
    "tracy's husband sells cars in s2",
    "karen goes to tracy's husband for advice in s2",
    "the outpost owner sells up to her ex-husband's best friend in 2x10",
]

UNLIKE = [
    "My cat is called Tracy. Unlike the show's Tracy she did not die on the moon next to her"
    " husband at the end of season 2.",
    "Unlike Tracy, she did not die on the moon at the end of season 2.",
    "My dog is named Deke. Unlike the show's Deke he did not die on the moon in the s1 finale.",
    "Im Gegensatz zu Deke ist mein Opa nicht auf dem Mond gestorben",
]

UNLIKE_INNOCENT = [
    "Unlike Karen, I did not finish s3 yet",
    "unlike karen, molly is funny",
    "Unlike Ed, Gordo does not die on the moon in s1",
    "like Tracy, my cat did not die on the moon",
    "Unlike Karen my cat is alive",
]

VISITOR_AND_HIDEOUT = [
    "Pam's visitor in the season three finale is the most powerful woman in the world",
    "ellen's press conference is ep9. the visit to pam's house is ep10. both made me cry",
    "the s3 finale's best scene is the visit to pam's house",
    "pam gets a surprise visitor in 3x10",
    "Miles thinks he's tough. The agents prove otherwise. By the end he's given them the hideout.",
    "Miles holds out for a while in the s4 finale but he's given up the hideout by the end",
]

VISITOR_INNOCENT = [
    "pam has a visitor at the outpost in s2",
    "my aunt pam's visitor parked in my spot",
    "ellen's visit to pam in season 2 was sweet",
    "miles thinks the hideout is safe in 4x09",
]


@pytest.mark.parametrize("text", FOND_ADDRESS + BUYER_BY_RELATION + UNLIKE + VISITOR_AND_HIDEOUT)
def test_round15_who_is_tagged(text: str) -> None:
    assert spoils(text), text


@pytest.mark.parametrize(
    "text", FOND_ADDRESS_INNOCENT + BUYER_INNOCENT + UNLIKE_INNOCENT + VISITOR_INNOCENT
)
def test_round15_who_look_alikes_stay_untagged(text: str) -> None:
    assert not spoils(text), text
