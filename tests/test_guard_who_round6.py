"""Who and what a message means: classes learnt from the opened sets 4 and 5 (issue 9,
round 6), written by outsiders. Every message here is written for this test, with other
names, words and episodes than the corpus messages that taught the class; innocent
look-alikes beside.
"""

from __future__ import annotations

import pytest

from tests.finale_matcher import spoils

# --- a sentence about real history turns to the show in a later clause ------------------


@pytest.mark.parametrize(
    "text",
    [
        # the turn is a finale or a season code, not only "in the show"
        "real 1983 never saw a gun drawn at a launch site, yet in the s2 finale the Sea "
        "Dragon gets shot down",
        "in real life the 1974 moon had nobody on it; come the season 1 finale a Soviet "
        "cosmonaut wanders into the mine and walks away alive",
        # the thing set aside by a year is what "in the show" later stands for
        "the Sea Dragon was a real 1960s concept, and in the show Ed shoots one down",
        "the real Sea Dragon stayed on paper in 1963. In the show someone finally launches one",
    ],
)
def test_history_turned_to_the_show(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "in real life the Sea Dragon was drawn up in 1962 and never flew",
        "real 1974 had no Soviet cosmonaut anywhere near an American mine",
        # the show is named but nothing after the turn is one of its things
        "the real Sea Dragon dates from 1962; the show borrowed the drawings",
    ],
)
def test_history_that_stays_history(text: str) -> None:
    assert not spoils(text)


# --- "In the show ..." opening a sentence sets it against the things of the one before --


@pytest.mark.parametrize(
    "text",
    [
        "Fun fact: nobody ever built a Sea Dragon. In the show Ed fires on one.",
        "The Sea Dragon only ever existed as a drawing. But in the show they blow one up.",
    ],
)
def test_in_the_show_after_a_sentence_about_a_thing(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "The Sea Dragon design is gorgeous. In the show the Outpost is a bar.",
        # "in the show" in the middle of a sentence keeps to its own sentence
        "Nobody ever built a Sea Dragon. I love how the launch pads look in the show.",
    ],
)
def test_in_the_show_that_says_nothing_of_the_thing(text: str) -> None:
    assert not spoils(text)


# --- "mid", "start", "beginning" place an outcome in an episode only with one named -----


@pytest.mark.parametrize(
    "text",
    [
        "Danielle shakes the cosmonaut's hand mid-standoff, against orders",
        "Ed fires on the Sea Dragon at the start of the standoff",
    ],
)
def test_mid_and_start_of_a_scene_are_no_episode(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "Karen dies mid-season 3?? no wait, I mixed it up",
        "Danielle shakes hands at the start of s2, a different scene",
    ],
)
def test_mid_season_and_the_start_of_a_season_are_no_finale(text: str) -> None:
    assert not spoils(text)


# --- a figure ending in "on" that goes on to a place of the show is meant as it stands --


@pytest.mark.parametrize(
    "text",
    [
        "by the end of s1 Deke is dead on the moon",
        "Tracy ends up dead on the Moon next to Gordo",
    ],
)
def test_dead_on_a_place_of_the_show(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "your read on Deke in the finale was dead on",
        "Molly's prediction for the finale is dead on the money",
        "that Tracy cosplay is dead on, moon boots and all",
    ],
)
def test_dead_on_meaning_exactly_right(text: str) -> None:
    assert not spoils(text)


# --- a name the writer takes back is the corrected one alone -----------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Kelley, I mean Kelly, has her baby up on the Phoenix",
        "Marge... I mean Margo... ends up in Moscow after the blast",
        "Dani *Danny gets left at the wreck of the Korean lander",
    ],
)
def test_a_corrected_name_is_the_correction(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        # taken back the other way: the one the outcome is told of has no such fate
        "Margo, I mean Marge, gets arrested in the s4 finale",
        "Margo *Marge ends up under arrest when s4 wraps up",
    ],
)
def test_a_name_corrected_away_from_the_character(text: str) -> None:
    assert not spoils(text)


# --- "X's baby", when nobody is known as X's child, is the story of its mother ----------


@pytest.mark.parametrize(
    "text",
    [
        "Alexei's baby is born up there on the Phoenix, way above Mars",  # Kelly's
        "the dead cosmonaut's kid... Alexei's newborn is born in orbit",
    ],
)
def test_a_baby_nobody_is_known_as_is_its_mother_s_story(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ed's baby was the sweetest kid in season 1",  # Ed's children are known
        "Alexei's baby pictures would have been adorable",
    ],
)
def test_a_baby_of_known_children_or_no_birth(text: str) -> None:
    assert not spoils(text)


# --- an episode named by its title places an outcome as its code does -------------------


@pytest.mark.parametrize(
    "text",
    [
        "the Soviets take over Jamestown right at the end of 'Triage', what a cliffhanger",
        "Gordo's plan at the end of The Weight goes wrong and he's lost",
        "Deke is buried up there in Rupture",  # a single-word title with its capital
    ],
)
def test_a_non_finale_title_places_it_elsewhere(text: str) -> None:
    assert not spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "Gordo and Tracy are gone at the end of The Grey",  # a hint, made plain by a finale
        "Karen's gone in Stranger in a Strange Land and I'm still sad",
        # a later episode's title showing a finale's fate still holding gives it away
        "Sergei has a new name and a classroom in Iowa by Legacy",
        # the words of a title, not written as one, place nothing
        "Danny gets exiled to the lander and i'm coming home from work in shock",
    ],
)
def test_a_finale_title_or_a_later_one_or_no_title(text: str) -> None:
    assert spoils(text)


def test_a_title_that_is_also_a_thing_of_the_show_is_the_thing() -> None:
    # "Goldilocks" is season 4's fifth episode and the asteroid the finale keeps at Mars
    assert spoils("the heist works and Goldilocks stays parked at Mars")


# --- a rule phrase's "it" said as the thing it stands for --------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "so yeah, in the end they keep the rock at Mars",
        "Dev and Ed keep Goldilocks at Mars, done",
    ],
)
def test_the_thing_in_place_of_it(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "will they keep the asteroid at Mars?",  # asked, not told
        "they pull the wool over Ed's eyes about the heist budget",  # no such phrase
    ],
)
def test_the_thing_in_place_of_it_asked_or_absent(text: str) -> None:
    assert not spoils(text)


# --- "it's X" after a sentence that said an outcome of nobody names who met it -----------


@pytest.mark.parametrize(
    "text",
    [
        "someone gets banished to the wrecked lander. It's Danny.",
        "the first human on Mars is still decades away irl. on the show it's Lee Jung-gil",
        "the first person on Mars wasn't American? it was Lee Jung-gil",
    ],
)
def test_it_s_x_names_who_met_the_outcome(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "someone gets banished to the wrecked lander. It's Danny's own doing, I bet?",
        "someone gets banished to the wrecked lander. It's Danny, right?",
        # the outcome's sentence names its own subject
        "Ed swore he'd never leave Mars. It's Danny who I worry about",
    ],
)
def test_it_s_x_after_a_subject_or_as_a_question(text: str) -> None:
    assert not spoils(text)


# --- a bare auxiliary after a name says what a clause before it denied -------------------


@pytest.mark.parametrize(
    "text",
    [
        "Ed swore he'd never sell the bar. Karen did, to Sam, end of s2",
        "Ed doesn't die on the moon. Deke did though.",
    ],
)
def test_a_bare_auxiliary_says_what_was_denied(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ed would never sell the Outpost. Karen did the accounts for it",  # a verb of its own
        "Ed doesn't die on the moon. Did Deke?",  # asked
        "Ed doesn't die on the moon. Neither did Bradford.",
    ],
)
def test_a_bare_auxiliary_with_a_verb_or_a_question_or_neither(text: str) -> None:
    assert not spoils(text)


def test_i_alone_on_the_line_above_is_not_who_died() -> None:
    # found by the repost property test: "I" on its own line, read with the next one
    assert spoils("Gordo is gone. I\nRIP Tracy")
    assert not spoils("I'm dead, RIP me, Tracy")
