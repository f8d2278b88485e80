"""Round 10, what is said: families from opened11's misses, each with innocent look-alikes
that must stay untagged:

- outcomes said by the story's own action, not a fate word (data: `gun`, `exile`,
  `torture` in the language files, the Sally rule): "pulls a sidearm on her own
  commander", "draw on Ed", "they don't let him stay at the base", "they break him",
  "folded like a lawn chair";
- a fate noun in a verbless fragment of counted pairs ("Same day, same car bomb.");
- a figure marked literal by "not in the fun way" (`literal`), and "blown away";
- the writer's own reaction: fate words after "had me" and a comma, to the sentence's end
  ("had me on the floor, dead, gone"; `reaction`);
- a Japanese rhetorical question that states it ("誰が予想できた？"; `presuming`);
- a wiki link's page and section ("wiki/Karen_Baldwin#Death_in_the_JSC_bombing"): both
  headings a reader sees, so not discounted as a bare address;
- names, "both", then leaving that ends the clause ("Gordo and Tracy both go."), a hint,
  plain when the message names the finale (by code or by its title, "The Grey");
- another work's death scene re-enacted ("pulled a Jack and Rose").
"""

from __future__ import annotations

import pytest

from tests.finale_matcher import spoils

_TOLD = [
    # the story's own action
    "Then Ed starts lining up a shot at Buran and Sally pulls a sidearm on her own commander.",
    "In the s2 finale Sally Ride pulled a sidearm on Ed",
    "The real Sally Ride never pointed a gun at anybody."
    " The show has her draw on Ed in the s2 finale.",
    "Danny finally tells them the truth about the drilling."
    " They don't let him stay at the base after that.",
    "danny got sent to the NK timeout corner on mars lmaooo",
    "Danny confiesa lo del taladro. No lo dejan quedarse en la base.",
    "Danny avoue tout. Ils ne le laissent pas rester à la base.",
    "Danny gesteht alles. Sie werfen ihn raus.",
    "ダニーは基地から追い出された",
    "Miles knows where the hideout is. He holds out for a while. They break him.",
    "miles folded like a lawn chair once the spooks started on him lol",
    "Miles weiß, wo das Versteck ist. Sie brechen ihn.",
    "Miles sait où est la planque. Ils finissent par le briser.",
    "Miles sabe onde fica o esconderijo. Eles o quebram.",
    "マイルズは結局口を割った",
    # verbless counted pairs
    "Karen and Molly. Both of them. Same day, same car bomb.",
    # literal
    "Karen really got blown away in the s3 finale, and not in the fun way 💔",
    # not the writer's: a name or a fate after the reaction
    "the s2 finale had me sobbing, Gordo dies",
    "the s2 finale had me on the floor, then Gordo and Tracy, dead, gone",
    # a rhetorical question
    "マーゴが死んだふりしてモスクワに亡命するとか誰が予想できた？",
    "カレンが爆弾で死ぬなんて誰が想像した？",
    # a wiki page and its section
    "https://forallmankind.fandom.com/wiki/Karen_Baldwin#Death_in_the_JSC_bombing",
    "https://forallmankind.fandom.com/wiki/Margo_Madison#Faked_death",
    "https://forallmankind.fandom.com/wiki/Gordo_Stevens#Death",
    # both go
    "The Grey gave me the same feeling as the Titanic ending, except this time nobody gets"
    " the door. Gordo and Tracy both go.",
    "Gordo and Tracy both went. s2 finale, the reactor",
    # another work's scene
    "Gordo and Tracy pulled a Jack and Rose on the moon",
]

_INNOCENT = [
    "Sally Ride will draw on Ed's notes for her talk",
    "Sally Ride draws on her experience",
    "Danny is in the timeout corner at my house",
    "Ed wants Danny to stay at the base, and Karen won't let him stay at the Outpost",
    "They break him out of the Helios lockup, Miles and his crew",
    "Miles breaks his ankle in s4",
    "Gordo folded the laundry like a lawn chair",
    "Karen and Molly went to the same school. Same town, same bomb shelter drills.",
    "Karen and Molly. Same day, same car.",
    "Karen really got blown away by the s3 finale, in the good way",
    "Karen's speech really blew me away in the s3 finale, and not in the fun way",
    "Gordo trying to sing along to the Bob Newhart theme on Jamestown had me on the floor,"
    " dead, gone",
    "Gordo's last scene had me sobbing, dead",
    "the s2 finale had me sobbing, everybody dies",
    "Kelly's pregnancy reveal had me screaming, dead",
    "マーゴはどうなるの？",
    "https://forallmankind.fandom.com/wiki/Karen_Baldwin",
    "https://en.wikipedia.org/wiki/Apollo_1#Fire",
    "https://forallmankind.fandom.com/wiki/Karen_Baldwin#Early_life",
    "Who goes up to fix it? Gordo and Tracy both go.",
    "The Grey is my favourite episode. Gordo and Tracy both go to the moon.",
    "Gordo and Tracy both go on the mission in the s2 finale",
    "my friends pulled a Jack and Rose at the pool",
]


@pytest.mark.parametrize("text", _TOLD)
def test_what_is_told_obliquely_is_tagged(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize("text", _INNOCENT)
def test_look_alikes_stay_untagged(text: str) -> None:
    assert not spoils(text)
