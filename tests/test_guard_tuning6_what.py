"""Ways of saying what happened that tuning6 (round 5b, written by outsiders who never saw
the guard) taught the guard: a figure of speech the writer says is meant literally, an
argument "buried him alive", slang for a burial ("got planted"), the heist and the 2012
jump in other words, Kelly's labour in orbit, and the first human on Mars in five more
languages. Each case is written for this test (other names and words than the corpus),
with innocent look-alikes that must stay clean.
"""

from __future__ import annotations

import pytest

from tests.finale_matcher import spoils

# --- a figure of speech the writer says is meant as it stands --------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Karen goes out with a bang in the s3 finale, and I mean an actual bang",
        "Tracy went out with a bang in 2x10. not a metaphor",
        "gordo goes out with a bang in the s2 finale (pun intended)",
    ],
)
def test_a_figure_meant_literally_counts(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "Molly goes out with a bang in the s3 finale",  # no word says it is literal
        "Ed literally killed it in that scene",  # "literally" alone only stresses
        "Danielle killed it in the finale, literally killed it",
        "my phone died during the finale, i mean literally died",  # nobody's fate
    ],
)
def test_a_figure_without_a_literal_reading_stays_a_figure(text: str) -> None:
    assert not spoils(text)


# --- "buried him alive": an argument won -----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Karen buried him alive in that argument",
        "Margo buries her alive in the hearing",
        "Ed would bury them alive at the press conference",
    ],
)
def test_burying_someone_alive_in_words_is_a_figure(text: str) -> None:
    assert not spoils(text)


@pytest.mark.parametrize(
    "text", ["they bury Deke on the moon", "Karen is buried after the car bomb"]
)
def test_a_burial_still_spoils(text: str) -> None:
    assert spoils(text)


# --- "got planted": slang for a burial -------------------------------------------------


@pytest.mark.parametrize(
    "text", ["Deke gets planted on the moon", "Tracy got planted in the s2 finale"]
)
def test_getting_planted_is_a_burial(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize("text", ["Gordo planted the flag", "Danny planted the idea in her head"])
def test_planting_something_is_not(text: str) -> None:
    assert not spoils(text)


# --- the heist and the 2012 jump in other words ----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "the heist paid off in the end",
        "the asteroid heist went off without a hitch",
        "Goldilocks ends up parked above Mars",
        "the rock stays parked and earth gets nothing",
        "the s4 finale timeskips to 2012",
        "the 2012 time skip at the end",
        "they fast forward to 2012 at the very end",
    ],
)
def test_the_heist_and_the_jump_said_otherwise_spoil(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "the heist episode lands on apple tv friday",
        "Gordo's heist plan for the bar came off as a joke",
        "does the heist pay off? no spoilers",
        "2012 was the year I got into space stuff",
        "back in 2012 I skipped school to watch the curiosity landing",
    ],
)
def test_the_heist_or_2012_without_the_outcome_does_not(text: str) -> None:
    assert not spoils(text)


# --- Kelly's labour in orbit -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Kelly goes into labor in orbit",
        "Kelly's labour on the Phoenix was terrifying",
        "Kelly nearly dies but she and the baby both make it",
    ],
)
def test_kellys_labour_in_orbit_spoils(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize(
    "text", ["Kelly tells Ed she's pregnant", "Kelly is worried about the baby on Mars"]
)
def test_kellys_pregnancy_mid_season_does_not(text: str) -> None:
    assert not spoils(text)


# --- the first human on Mars, in other languages ---------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "então o Lee foi o primeiro ser humano em Marte",
        "Lee Jung-gil fue el primer ser humano en Marte",
        "Lee était le premier humain sur Mars",
        "Lee è stato il primo essere umano su Marte",
        "Lee war der erste Astronaut auf dem Mars",
    ],
)
def test_the_first_human_on_mars_in_other_languages_spoils(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ed sonha em ser o primeiro humano em Marte",
        "Danielle quiere ser el primer ser humano en Marte",
        "Ed veut être le premier humain sur Mars",
    ],
)
def test_someone_else_wanting_to_be_first_does_not(text: str) -> None:
    assert not spoils(text)
