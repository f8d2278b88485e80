"""Round 14, the precision half: the classes of innocent phrasing behind opened14's false
alarms, each with fresh innocent variants and real finale spoilers written the same way
that must stay tagged. Written before the fix; counts before/after in the commit.

(1) Another explosion: the launch-pad explosion of season 1 (Apollo 23, which kills Gene
    Kranz mid-season) named by where or what blew up ("the pad explosion", "blew up on
    the pad") is not the JSC bombing, even beside NASA or JSC.
(2) Another work's character: a name owned by a capitalised word none of ours ("Halt and
    Catch Fire's Gordon", "Doctor Who's Danny") is that work's, not the show's; the
    show's own possessives ("FAM's", an actor's, "Ron Moore's", a place of the show's)
    are ours.
(3) Going out on the air: "go out" said of a broadcast ("going out on live TV", "went out
    on air") is no death.
"""

from __future__ import annotations

import pytest

from tests.finale_matcher import spoils

PAD_INNOCENT = [
    "the real Gene Kranz worked at NASA for decades. the show killed him off in the pad explosion",
    "the real Kranz retired from NASA in 1994. in the show he dies in the launch pad explosion",
    "NASA losing Gene Kranz in the pad explosion was the first real gut punch",
    "the pad explosion at JSC's sister site still haunts me, rest in peace Kranz",
    "the Saturn V blowing up on the pad killed Kranz and half the ground crew, NASA was wrecked",
    "the rocket exploding on the launch pad is the darkest NASA moment of season 1",
    "Apollo 23 blew up on the pad and NASA just kept going, insane",
    "I still can't watch the launchpad explosion, NASA's worst day in the show",
    "la explosión en la plataforma de lanzamiento mata a Gene Kranz, la NASA queda destrozada",
    "die Explosion auf der Startrampe tötet Gene Kranz, die NASA steht unter Schock",
    "l'explosion sur le pas de tir tue Gene Kranz, la NASA est sous le choc",
    "a explosão na plataforma de lançamento mata o Gene Kranz e a NASA fica em choque",
]

PAD_SPOILERS = [
    "the real JSC was never attacked in 1994. the show blowing it up felt so wrong",
    "the explosion at JSC in the s3 finale wrecked me",
    "the real Deke Slayton retired from NASA in 1982. the show killing him on the moon felt wrong",
    "NASA gets bombed in the s3 finale and Karen dies in the explosion",
    "the JSC explosion in 3x10 takes Karen and Molly",
    "Molly dies in the explosion at JSC, and the pad crew can't do a thing",
]

OTHER_WORK_INNOCENT = [
    "Doctor Who's Danny dies in a car accident and Clara never gets over it",
    "Halt and Catch Fire's Gordon passing away in the last season still hurts",
    "Agents of Shield's Deke dying in their finale wrecked me",
    "Daredevil's Karen gets killed off in every fan theory but never in the show",
    "The Office's Karen gets fired in season 3, the Stamford arc",
    "watching Fargo's Molly get shot in the blizzard episode was brutal",
    "Sherlock's Molly fakes nobody's death, that was Sherlock himself",
    "Hairspray's Tracy dies of embarrassment every five minutes lol",
]

OTHER_WORK_SPOILERS = [
    "FAM's Gordo dies on the moon in the s2 finale",
    "For All Mankind's Karen dies in the JSC bombing",
    "Michael Dorman's Gordo dies fixing the reactor in 2x10",
    "Ron Moore's Karen dies in the bombing",
    "Ed's Karen dies in the bombing",
    "Jamestown's Gordo dies fixing the reactor",
    "Sonya Walger's Molly gets killed in the s3 finale bombing",
    "the Baldwins' Karen dies in 3x10",
    "in the show's version The Grey's Gordo dies",
]

ON_AIR_INNOCENT = [
    "Tracy's big interview going out on live TV was iconic",
    "rewatching s1 and Gordo's launch going out live to the whole country is still a rush",
    "Tracy goes out on live TV to talk about Gordo in s2",
    "Gordo's speech went out on air and Houston loved it",
    "Tracy's wedding special goes out on national TV in 2x03",
    "the Apollo 15 footage of Gordo went out on television worldwide",
    "Tracy's talk show went out to millions every week in s2",
    "Molly's rant went out over the air before anyone could cut it",
]

ON_AIR_SPOILERS = [
    "Tracy goes out on the moon with Gordo in the s2 finale",
    "Tracy went out like a hero in the s2 finale",
    "Gordo goes out fixing the reactor in 2x10, on the moon, with Tracy",
    "Molly went out in the bombing at JSC in 3x10",
    "Tracy goes out on the lunar surface with Gordo in the s2 finale",
]


@pytest.mark.parametrize("text", PAD_INNOCENT + OTHER_WORK_INNOCENT + ON_AIR_INNOCENT)
def test_the_innocent_look_alike_is_left(text: str) -> None:
    assert not spoils(text)


@pytest.mark.parametrize("text", PAD_SPOILERS + OTHER_WORK_SPOILERS + ON_AIR_SPOILERS)
def test_the_spoiler_written_the_same_way_is_tagged(text: str) -> None:
    assert spoils(text)
