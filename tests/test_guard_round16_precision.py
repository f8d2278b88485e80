"""Round 16 (precision): the classes behind opened20's false alarms.

(1) Real history: "in reality" (and "in real history", "in actual history") sets a real
    person aside, so a later "he died of a brain tumour in 1993" is the real man's; a
    turn to the show ("in the show he ...") is still the show's.
(2) A loss weighed against deaths in general ("worse than most deaths", "a fate worse
    than death") says no one's death (idioms); a named death compared with is still one.
(3) The end of an episode named by title ("the very last moments of 'Triage'", "the final
    scene of Triage") is that episode's end, not a finale; a finale's title still is one.
(4) "No one to go home to" is loneliness, not a homecoming denied (idioms).
(5) A killing whose object is real people ("killed real men") is not ours
    (`figure_object`); another show's deaths stay another show's.
(6) An outcome done to someone (an `ousting` verb: "kills", "exiled") with nobody just
    before it is its object's: "the landslide that kills Corrado and Castillo is on
    Danny's pills" is theirs (a mid-season death), not Danny's.
"""

from __future__ import annotations

import pytest

from tests.finale_matcher import spoils

SPOILERS = [
    # (1)
    "In reality Deke Slayton flew on Apollo-Soyuz in 1975. "
    "In the show he dies on the Moon in the s1 finale.",
    "the show's Deke dies on the Moon in the s1 finale",
    "In reality Deke lived until 1993, but in FAM he dies on the moon in the season 1 finale",
    "in real history Deke flew in 1975; in the show Deke is buried on the moon",
    # (2)
    "Gordo and Tracy dying in the reactor is worse than most deaths on tv",
    "worse than any death on the show: Karen dies in the bombing",
    "losing Karen in the bombing was worse than death for Ed",
    "Karen deserved better than dying in a car bomb in the s3 finale",
    "Gordo and Tracy deserved better than dying up there",
    # (3)
    "The Soviets storming Jamestown in the very last moments of 'The Grey' broke me",
    "the final scene of the s2 finale: Gordo and Tracy die holding each other",
    "in the last moments of the season 3 finale Karen dies in the bombing",
    "The Soviets take Jamestown in the finale",
    # (4)
    "Gordo never goes home, he dies on the moon in the s2 finale",
    "Margo fakes her death and lives alone in Moscow, no one to go home to, s3 finale",
    # (5)
    "the radiation kills Molly in the s3 finale",
    "Chernobyl killed real men, and the show kills Gordo and Tracy with a reactor in the s2 finale",
    # (6)
    "the landslide in the finale kills Danny",
    "the bombing that kills Karen in the s3 finale",
    "the s2 finale kills both Gordo and Tracy",
    "the car bomb kills Karen and Ed is devastated",
    "Danny gets exiled to the lander for the landslide that killed Corrado and Castillo",
]

INNOCENT = [
    # (1)
    "In reality Deke Slayton did fly at last, on Apollo-Soyuz in 1975. "
    "He died of a brain tumour in 1993.",
    "In reality Deke flew in 1975. He died in 1993, long after.",
    "In real history Gordon Cooper flew Mercury and Gemini. He died in 2004.",
    # (2)
    "A pilot losing her eyes is worse than most deaths, Molly's diagnosis wrecked me",
    "Molly going blind is a fate worse than death for a pilot",
    "Ed losing his son hurts more than any death in the show, honestly. Ed is a mess.",
    "Margo giving up her life's work felt worse than dying to me",
    # (3)
    "The Soviets storming Jamestown in the very last moments of 'Triage' is the best cliffhanger",
    "the final scene of Triage, the cosmonauts storming Jamestown, left me screaming",
    "the Soviets take Jamestown in the last few minutes of Triage and I yelled",
    # (4)
    "Margo has a mentor, a protégé, a pen friend, and no one to go home to.",
    "Gordo has nobody to go home to after the divorce, season 2 is sad",
    "Danielle always has someone to go home to, Clayton is a saint",
    # (5)
    "Chernobyl is history, and the radiation there killed real men, unlike Molly's scene",
    "Apollo 1's fire killed real astronauts, Gordo watching the memorial got me",
    # (6)
    "the landslide that kills Corrado and Castillo is on Danny's pills",
    "the landslide kills Corrado, Castillo and the whole drilling plan; Danny lies about it",
    "the Polaris crash that kills Sam Cleveland in s3e1 leaves Karen wrecked",
    "that landslide killed Corrado, and Danny is to blame",
]

# Accepted prices: still tagged, strictly expected to be
PRICES = [
    pytest.param(
        "the last few minutes of Triage: the Soviets take Jamestown and I yelled",
        marks=pytest.mark.xfail(
            strict=True,
            reason="an episode named before a clause break does not place an outcome after "
            "it (judge.py places an outcome with the episodes in its clause)",
        ),
    ),
]


@pytest.mark.parametrize("text", SPOILERS)
def test_round16_spoilers_are_read(text: str) -> None:
    assert spoils(text), text


@pytest.mark.parametrize("text", INNOCENT)
def test_round16_look_alikes_stay_untagged(text: str) -> None:
    assert not spoils(text), text


@pytest.mark.parametrize("text", PRICES)
def test_round16_accepted_prices(text: str) -> None:
    assert not spoils(text), text
