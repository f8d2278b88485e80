"""Who a message means: classes learnt from tuning part 7 (issue 9, round 6b), written
by outsiders. Every message here is written for this test, with other names, roles and
words than the corpus messages that taught the class; innocent look-alikes beside.
"""

from __future__ import annotations

import pytest

from tests.finale_matcher import spoils

# --- a role said to be what a named person is belongs to that person ----------------------


@pytest.mark.parametrize(
    "text",
    [
        # a real astronaut given the role by "was": the role is his, not the character's
        "Gene Cernan was the Apollo 10 pilot and he died in 2017, a real loss",
        "Tom Stafford, the Apollo 10 commander, passed away in 2024 at 93",
        "Sally Ride became the first American woman in space, and her death in 2012 was a shock",
    ],
)
def test_a_role_said_of_a_name_is_that_persons(text: str) -> None:
    assert not spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        # the role alone still means the character the show gives it to
        "the Apollo 10 pilot dies on the moon in the season 2 finale",
        # the name the role is said of is the character: that name counts
        "Gordo was the Apollo 10 pilot and he dies fixing the reactor",
        # a possessive is no "is": "Ed's Apollo 10 crewmate" is Gordo
        "Ed's Apollo 10 crewmate dies on the Moon in the s2 finale",
    ],
)
def test_a_role_without_a_name_said_of_it(text: str) -> None:
    assert spoils(text)


# --- "loses both his parents": a word saying how many before the lost relative ------------


@pytest.mark.parametrize(
    "text",
    [
        "Danny loses both of his parents at Jamestown",
        "poor jimmy, losing both his mom and dad in one episode",
    ],
)
def test_both_relatives_lost(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "Jimmy loses both his phones in season 3, classic teenager",
        "danny loses both of his races against the other cadets",
    ],
)
def test_both_things_lost(text: str) -> None:
    assert not spoils(text)


# --- a death the finale confirms, said either way round -----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "so the S1 finale is where Harry Liu's death gets confirmed, oof",
        "they finally confirm Harry is dead at the end of season one",
        "Harry Liu. In the last episode of s1 they confirm he's dead.",
        "Harry confirmed to have died when the upper stage fired, said in the finale",
    ],
)
def test_a_death_made_certain(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        # his loss itself is a mid-season fate, placed there or not
        "Harry Liu is lost when the engine misfires in ep 9",
        # confirmed as something else, or confirmed alive, or placed mid-season
        "they confirm Harry Liu as the third man on Apollo 24",
        "Harry Liu was confirmed for the crew back in episode 6",
        "they confirm Harry isn't dead, or so Ellen hopes",
        "Harry Liu. In episode 9 they confirm he's dead.",
        # a namesake
        "my cousin Harry confirmed he is dead tired after the move",
    ],
)
def test_a_confirmation_that_is_no_finale_death(text: str) -> None:
    assert not spoils(text)
