"""Round 15, precision: telling the show from life. The classes of innocent phrasing behind
the false alarms of opened17 and opened18 (and the older corpora's of the same classes),
each with fresh innocent variants and real finale spoilers written the same way that must
stay tagged. Written before the fix; counts before/after in the commit.

(1) A figure echoed: a fragment that only repeats the fate word of the idiom just said
    ("karen is dead to me after s2. DEAD.") is the idiom again, not a fate.
(2) Another work's character by a title: a name right after a title none of the show's
    people bear (`other_title`: "Commissioner Gordon", "Detective Danny", "Kommissar
    Gordon") is someone else's.
(3) A pet namesake: a name with a pet noun after "the" ("rip deke the fish", "Molly the
    dog") is the pet's.
(4) A real person's death by a pronoun: after a sentence naming someone else's full name
    ("Jerrie Cobb"), "she died in 2019", a fate dated after the show's story ends, is theirs.
(5) A later season's event: a rule that needs no outcome ("boots on Mars", the season 2
    finale's jump) said with an episode that is no finale ("in s3 ep5") or with people
    and roles of a later season only ("the Sojourner commander ... Kuznetsov") is that
    episode's.
(6) Praise of an episode by a fate word ("a bomb of an episode", "an explosive hour of
    TV", "episodio explosivo").
(7) An episode and its apposition: "That 2x09 cliffhanger, cosmonauts storming
    Jamestown, ..." places what the apposition says in 2x09; "left me for dead" is the
    writer's.
"""

from __future__ import annotations

import pytest

from tests.finale_matcher import spoils

ECHO_INNOCENT = [
    "karen is dead to me after the danny thing in s2. DEAD.",
    "Margo is dead to me after what she did to Sergei. dead.",
    "ed is dead to me after season 2. Dead dead dead.",
    "danny is dead to me after the wedding. DEAD!!",
    "Karen killed it at the Outpost tonight. KILLED.",
]

ECHO_SPOILERS = [
    "Karen. Dead.",
    "karen is dead to me after s2. she dies in the s3 finale anyway",
    "Karen made the Outpost her life. Dead in the s3 finale.",
    "Karen is dead to me. Then she actually dies in the s3 finale.",
]

TITLE_INNOCENT = [
    "Commissioner Gordon faking his death in The Dark Knight is still a great twist",
    "Commissioner Gordon faking his death in The Dark Knight is still the best fakeout",
    "Detective Danny dies in the first act of every cop show I watch",
    "Sheriff Deke gets shot in the pilot of that western, brutal",
    "Inspector Margo fakes her own death in that BBC mystery, great twist",
    "Kommissar Gordon täuscht in The Dark Knight seinen Tod vor, starker Twist",
    "el comisionado Gordon finge su muerte en The Dark Knight, qué giro",
]

TITLE_SPOILERS = [
    "Director Margo fakes her death in the s4 finale",
    "Commander Ed loses Karen in the s3 finale",
    "Gordo dies on the moon in the s2 finale",
    "Margo fakes her death in the s4 finale and ends up in Moscow",
]

PET_INNOCENT = [
    "named my goldfish Deke after the real guy. he lasted 3 days. rip deke the fish 🐟",
    "rip karen the hamster, gone too soon",
    "RIP Gordo the cat 🐱 you were a good boy",
    "my neighbour's dog is called Molly. rip molly the dog, she was 14",
    "Danny the parrot died this morning, 30 years old",
]

PET_SPOILERS = [
    "rip deke, buried on the moon",
    "RIP Gordo, the reactor got him",
    "Molly the astronaut dies in the JSC bombing",
    "rip Karen the bar owner, the bombing took her",
]

REAL_DEATH_INNOCENT = [
    "Jerrie Cobb from the Mercury 13 is who Molly is loosely based on. "
    "She died in 2019, she never got to fly.",
    "Jerrie Cobb of the Mercury 13 is pretty clearly where Molly Cobb comes from. "
    "She died in 2019 without ever flying in space.",
    "Molly is loosely based on Jerrie Cobb. She died in 2019.",
    "Jerrie Cobb inspired Molly. She passed away in 2019, never flew.",
]

REAL_DEATH_SPOILERS = [
    "Jerrie Cobb inspired Molly. She dies in the s3 finale.",
    "Jerrie Cobb inspired Molly. She dies in the JSC bombing in 1995.",
    "Molly is based on Jerrie Cobb. In the show she dies in the bombing.",
]

LATER_SEASON_INNOCENT = [
    "The Sojourner commander making sure she steps onto Mars ahead of Kuznetsov 👏👏",
    "dani gettin first boots on mars (the official ones) in s3 ep5 = massive W",
    "boots on mars in 3x05 had me in tears",
    "the boots on mars moment in s3e5, Danielle stepping out before Kuznetsov",
]

LATER_SEASON_SPOILERS = [
    "the s2 finale ends with boots on mars",
    "season 2 closes with boots on mars in 1995",
    "boots on mars at the end of 2x10!!",
    "the last scene of season 2: boots on mars",
]

PRAISE_INNOCENT = [
    "Bring It Down is a bomb of an episode. genuinely explosive hour of TV, "
    "Danny on the pills, the drill, the landslide, all of it",
    "what an explosive episode, Karen and Ed screaming at each other the whole time",
    "explosive hour of tv. Margo and Aleida in that car, wow",
    "that was an explosive ep, Danny and Kelly going at it",
    "episodio explosivo, Danny y Karen discutiendo todo el rato",
    "quel épisode explosif, Karen et Ed qui se crient dessus",
]

PRAISE_SPOILERS = [
    "Karen dies in an explosion in the s3 finale",
    "Karen and Molly die in the explosive s3 finale",
    "the explosion at JSC in 3x10 takes Karen and Molly",
]

APPOSITION_INNOCENT = [
    "That 2x09 cliffhanger, cosmonauts storming Jamestown, "
    "left me for dead for a full week in April 2021.",
    "that s2e9 ending, the cosmonauts storming jamestown, was unreal",
    "The 2x09 cliffhanger, cosmonauts storming Jamestown, had me pacing all week",
    "that cliffhanger left me for dead, Karen and Ed screaming at each other",
]

APPOSITION_SPOILERS = [
    "That s2 finale, cosmonauts storming Jamestown, left me for dead",
    "the cosmonauts take Jamestown in the s2 finale",
    "That 2x09 cliffhanger was nothing. In the finale the cosmonauts take Jamestown.",
    # a clause after the episode's comma that names its own episode is no apposition
    "Harry is gone in 1x09, but Deke dies in the finale, on the Moon.",
    "Paine goes in ep 7, and Gordo and Tracy die in the s2 finale, together, on the Moon",
    "Harry is already gone in 1x09, but Deke hangs on until the finale: on the Moon.",
]

INNOCENT = (
    ECHO_INNOCENT
    + TITLE_INNOCENT
    + PET_INNOCENT
    + REAL_DEATH_INNOCENT
    + LATER_SEASON_INNOCENT
    + PRAISE_INNOCENT
    + APPOSITION_INNOCENT
)
SPOILERS = (
    ECHO_SPOILERS
    + TITLE_SPOILERS
    + PET_SPOILERS
    + REAL_DEATH_SPOILERS
    + LATER_SEASON_SPOILERS
    + PRAISE_SPOILERS
    + APPOSITION_SPOILERS
)


@pytest.mark.parametrize("text", INNOCENT)
def test_the_innocent_look_alike_is_left(text: str) -> None:
    assert not spoils(text)


@pytest.mark.parametrize("text", SPOILERS)
def test_the_spoiler_written_the_same_way_is_tagged(text: str) -> None:
    assert spoils(text)
