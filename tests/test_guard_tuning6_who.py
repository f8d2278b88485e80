"""Who a message means: classes learnt from tuning6 (issue 9, round 5b), written by
outsiders who never saw the guard. Every message here is written for this test, with
other words and episodes than the corpus messages that taught the class; innocent
look-alikes beside.
"""

from __future__ import annotations

import pytest

from tests.finale_matcher import spoils

# --- roles read for their season (canon known_as) ---------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "the NASA boss in season 3 lets the world think she died and ends up in moscow",
        "in s3 the head of NASA fakes her death in the finale",
        "the Polaris founder gets killed in the s3 finale",
        "the woman who co-founded Polaris dies in the season 3 finale bombing",
        "the real life astronaut on the show ends up buried on the moon in s1",
        "the real life astronaut in s2 aims a gun at Ed in the finale so he won't fire",
        "the president finally going to see her ex girlfriend at the end of s3 got me",
        "in the s3 finale the president goes to see her old girlfriend",
    ],
)
def test_a_role_or_relation_names_the_character(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "the head of NASA in s3 gives a great speech about Mars",
        "the head of NASA in s1 is a total suit, Paine all the way",
        "the Polaris founder has a great arc in s3, the hotel scenes are gorgeous",
        "the real life astronaut cameo in s2 was fun, she looked great in the flight suit",
        "the real astronaut Sally Ride flew on STS-7 in 1983",
        "the president's girlfriend is played so well in s3",
    ],
)
def test_a_role_without_an_outcome_is_clean(text: str) -> None:
    assert not spoils(text)


# --- "neither of them", "neither X nor Y" negate what follows ----------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Gordo and Tracy go back up in s2. Neither of them makes it home.",
        "Gordo and Tracy are back on the moon in s2. neither one of them is coming home",
        "by the end of s2 neither Gordo nor Tracy is coming back from the moon",
    ],
)
def test_neither_of_them_coming_home_is_a_death(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "Gordo and Tracy split up in s2. Neither of them is happy about it.",
        "Gordo and Tracy argue all through s2. neither of them is coming to the party",
    ],
)
def test_neither_without_a_fate_is_clean(text: str) -> None:
    assert not spoils(text)


# --- dying for a purpose is a death; "dying to" alone is eagerness -----------------------


@pytest.mark.parametrize(
    "text",
    [
        "in the s2 finale Gordo and Tracy die to save the base from the meltdown",
        "Gordo and Tracy dying to stop the reactor is the s2 finale",
    ],
)
def test_dying_to_save_is_a_death(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "im dying to see the s2 finale with Gordo and Tracy",
        "Gordo is dying to get back to the moon in s2",
    ],
)
def test_dying_to_see_is_eagerness(text: str) -> None:
    assert not spoils(text)


# --- a pronoun skips a character its gender rules out ------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Deke flies on Apollo 24. Sally Ride would have loved that ride. He never makes it home.",
        "Deke is on the Apollo 24 crew. the old man gets one more ride. He dies of his injuries"
        " on the moon",
    ],
)
def test_he_skips_a_woman_named_in_between(text: str) -> None:
    assert spoils(text)


# --- a thing referred back to, in a clause that wonders, is asked -----------------------


def test_a_thing_referred_back_to_is_told() -> None:
    assert spoils("Ed and Dev plan the heist in s4. They pull it off in the finale.")


@pytest.mark.parametrize(
    "text",
    [
        "Ed and Dev plan the heist in 4x07. Whether they pull it off I don't know yet, no spoilers",
        "Ed and Dev plan the heist in s4. no idea if they pull it off, I'm on ep 8",
        "Karen and Sam build Polaris in s3. dunno if it lasts, still watching",
    ],
)
def test_wondering_whether_it_works_is_asked(text: str) -> None:
    assert not spoils(text)


def test_a_spouse_tells_the_others_gender() -> None:
    # Molly is Wayne's wife, so "she" skips Wayne, named nearer
    assert spoils(
        "Molly and Wayne are at the Polaris party in s3. Then Wayne goes home early."
        " She never makes it out of the finale."
    )


# --- a role placed in the writer's world is somebody else --------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "the bar owner in my town died last year",
        "the outpost owner at my local bar died last year",
    ],
)
def test_a_role_in_the_writers_world_is_someone_else(text: str) -> None:
    assert not spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "the outpost owner in the show dies in the s3 finale",
        "the Polaris owner in s3 gets killed in the finale",
    ],
)
def test_a_role_in_the_show_still_counts(text: str) -> None:
    assert spoils(text)
