"""Round 15, what is said: classes of outcome wording found in opened17 and opened18,
each with variants in several phrasings and languages and innocent look-alikes that must
stay untagged. Canon (data/canon, ../shared/reference/fam-facts.json): Deke dies and is
buried on the Moon (S1 finale); Ellen stays at Jamestown and Ed goes home (S1); Gordo and
Tracy die at the reactor, Sally pulls a gun on Ed, Danielle completes the Apollo-Soyuz
docking, Karen sells the Outpost to Sam, the jump to 1995 with boots on Mars (S2); Karen
and Molly die in the JSC bombing, Ed flies Kelly up to Phoenix where she gives birth, Dev
is forced out of Helios (S3).

(1) A body put in the ground, its object between: "they laid him in lunar soil".
(2) Lasting until the finale: "Deke hangs on until the finale".
(3) The finale taking one of ours: "the finale takes Molly too" (not "takes place").
(4) An emoji in place of the noun inside a phrase: "pulls a 🔫 on Ed", "🥾 on 🔴".
(5) A passive sale: "the outpost got sold".
(6) Another work's lovers dying together, a hint: "Think Romeo and Juliet".
(7) Ellen's choice said as a choice: "she chooses the Moon", "Ed gets to go back".
(8) German verb-final and singular forms ("wo sie ihr Kind bekommt", "ignoriert den
    Befehl", "Händedruck"), French "on le met à la porte", Japanese "えっ、" (an echo).
"""

from __future__ import annotations

import pytest

from tests.finale_matcher import spoils

SPOILERS = [
    # (1) burial with the object between
    "Deke. Grief began the moment they laid him in lunar soil at the end of season one.",
    "Deke dies in the s1 finale and they lay him in the regolith at Jamestown",
    "they put her in the ground after the s3 finale bombing, poor Molly",
    "they laid Gordo and Tracy to rest on the moon? no, they laid them in moon dust, s2 finale",
    "Deke dies in the s1 finale. Ed and the crew laid him to rest on the moon.",
    # (2) lasting until the finale
    "Deke hangs on until the finale, near Jamestown",
    "Molly holds on until the finale of season 3",
    "Deke clung to life until the end of the season",
    # (3) the finale takes one of ours
    "the s3 finale takes Karen and Molly",
    "Sylvie goes in ep4, and then the finale takes Molly too",
    "that s2 finale took Gordo and Tracy from us",
    # (4) emoji for the noun
    "Sally pulls a 🔫 on Ed in the s2 finale",
    "Sally drew a 🔫 on Ed aboard Pathfinder, s2 finale",
    "s2 finale ending: 🥾 on 🔴",
    "boots on 🔴 at the end of season 2",
    "the s2 finale ends ⏩ 1995",
    # (5) the sale in the passive
    "the outpost gets sold in the s2 finale",
    "the Outpost was sold to Sam at the end of season 2",
    # (6) the lovers, beside the finale
    "Gordo and Tracy in the s2 finale. Think Romeo and Juliet.",
    "Gordo and Tracy pull a Romeo and Juliet on the moon",
    "the s2 finale gives Gordo and Tracy a Romeo and Juliet ending",
    # (7) Ellen's choice
    "Ellen chooses the Moon at the end of season one",
    "At the end of season 1 Ellen picks Jamestown, and Ed gets to go back to Karen.",
    # (8) other languages
    "Ed fliegt Kelly im Finale von Staffel 3 zur Phoenix hoch, wo sie ihr Kind bekommt.",
    "Im Finale von Staffel 3 fliegt Ed Kelly hoch, damit sie dort ihr Baby bekommt.",
    "Danielle ignoriert den Befehl im Finale der zweiten Staffel.",
    "Im Staffelfinale von Staffel 2: Danielle, Händedruck mit den Sowjets.",
    "Dev fonde Helios. À la fin de la saison 3, on le met à la porte.",
    "Dev? À la fin de la saison 3, le conseil le met à la porte.",
    "えっ、S2の最後でゴルドとトレイシーは死ぬの？",
    "the outpost got sold pro Sam no final da s2",
]

INNOCENT = [
    # (1) the same verbs with no body
    "they laid the tiles in the ground floor of my house",
    "Deke's experiment grows beans in lunar soil in 1x04",
    "she put him in the ground floor office",
    # (2) waiting, not a life
    "I hung on until the finale before I cried",
    # (3) a finale that takes place, takes time
    "the s3 finale takes place mostly at JSC",
    "the finale takes its time with Molly and I love it",
    "the s2 finale takes forever to get going",
    # (4) other emoji, a gun emoji as a reaction
    "Sally pulls a 🙄 on Ed in 2x03",
    "my reaction to Ed in 2x03: 🔫🔫 lol",
    "🥾 on the moon in 1x02, what a scene",
    # (5) other things sold
    "the old car got sold last week, rip",
    "Ed's house was sold in 1x05? no that's my neighbour's",
    # (6) lovers with no death of ours
    "Kelly and Alexei are basically Romeo and Juliet",
    "we did Romeo and Juliet in drama class today",
    # (7) choosing the Moon as a destination in the real world or earlier
    "if I could go anywhere I would choose the Moon",
    # (8) other languages: questions, other doors
    "S2の最後でゴルドは死ぬの？教えて",
    "ねえ、S2の最後でゴルドは死ぬの？",
    "Mein Sohn bekommt sein Kind im Mai.",
    "Elle met à la porte son chat tous les matins.",
]


@pytest.mark.parametrize("text", SPOILERS)
def test_round15_outcome_wording_is_read(text: str) -> None:
    assert spoils(text), text


@pytest.mark.parametrize("text", INNOCENT)
def test_round15_look_alikes_stay_untagged(text: str) -> None:
    assert not spoils(text), text
