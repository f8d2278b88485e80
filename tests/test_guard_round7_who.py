"""Round 7, who is meant: classes of naming that opened6, opened7 and tuning8 (written by
outsiders who never saw the guard) showed the guard lacked, each fixed as a class: kin
the canon implies (grandparents, step-parents, widow(er)s, lovers), roles from an audit
of every character with a finale detail, a season that says who rather than when ("the X
from s2"), an intention's reach ending at a new subject, and a subject kept through a
run of short fragments. Each case is written for this test (other names, relations and
shapes than the corpora), innocent look-alikes included.
"""

from __future__ import annotations

import pytest

from tests.finale_matcher import spoils

# --- kin the canon implies: grand-, step-, widow(er), lover -------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Kelly's son grows up without his grandmother because of the JSC car bomb",
        "the kid born on the Phoenix loses his grandma to the JSC bombing in the same finale",
        "Alex's nana was killed at JSC before he was born",
        "Alex's grandmother dies before he is even born",
        "Danny's stepdad has to break it to him that Tracy died on the moon",  # Tracy's
        "Danny's stepdad becomes a widower when Tracy dies on the moon in the finale",
        "Gordo's son gets exiled to the Korean lander",
        "Karen's young lover ends up marooned at the NK lander in the s3 finale",
        "Danny's lover dies in the JSC car bomb",
        "der Enkel von Karen lernt seine Oma nie kennen, die Bombe am JSC",
    ],
)
def test_kin_the_canon_implies_names_the_character(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        # Sam Cleveland, the boys' stepfather, dies in a season premiere, not a finale
        "Danny and Jimmy's stepdad doesn't survive the Polaris disaster",
        "my grandma watched the whole show with me",
        "my stepdad died last spring and this show got me through it",
        "Alex's grandpa babysits him on Mars in s4e8",  # a finale fact, but no outcome said
        "my lover thinks Ed is the best character",
        "Kelly's baby has Alexei's eyes",
    ],
)
def test_kin_alone_or_someone_elses_stays_innocent(text: str) -> None:
    assert not spoils(text)


def test_a_baby_is_still_its_mothers_story_when_the_child_is_known() -> None:
    # Alex is now known as Kelly's and Alexei's son; the birth stays Kelly's
    assert spoils("Alexei's baby is born on the Phoenix above Mars")
    assert spoils("Kelly's baby gets delivered on the Phoenix in the finale")


# --- roles from the audit of characters with a finale detail ------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "the Apollo 24 pilot who cleared his own medical never makes it home, buried near the base",
        "the Soviet spokesman from the TV announcement is freed to go west at the end of s3",
        "the Happy Valley smuggler gets tortured until he gives up the hideout",
        "the gay president finally goes to see Pam at her house in the s3 finale",
    ],
)
def test_roles_of_finale_characters_name_them(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "the Apollo 15 commander is pretty cocky in the first few episodes",
        "my uncle was a Happy Valley worker in a mining game I play",
        "the Soviet spokesman in our history class video was boring",
    ],
)
def test_roles_without_an_outcome_stay_innocent(text: str) -> None:
    assert not spoils(text)


# --- a season "from" which someone is named says who, not when ---------------------------


def test_a_season_naming_who_does_not_date_the_outcome() -> None:
    assert spoils("the Apollo 24 commander from s1 goes to see Pam at her place in the s3 finale")
    assert spoils("the Soviet delegation guy from season 2 is let go to the West at the end of s3")


def test_a_season_said_of_the_outcome_still_dates_it() -> None:
    # the outcome's own season, before the rule's finale: a mid-season event
    assert not spoils("Margo flies to Moscow for the summit in s2")


# --- an intention ends where someone else becomes a subject ------------------------------


def test_an_intention_does_not_reach_past_a_new_subject() -> None:
    assert spoils(
        "Sally flies with Ed on Pathfinder in the s2 finale. Ed means to fire at the Soviets "
        "and she draws her gun on him."
    )


@pytest.mark.parametrize(
    "text",
    [
        "Karen wants to sell the Outpost someday",
        "Molly wants to tell them she dies in a dream she had",
        "I want to see if he dies in s2",
    ],
)
def test_an_intention_still_covers_its_own_clause(text: str) -> None:
    assert not spoils(text)


# --- a subject kept through a run of fragments -------------------------------------------


def test_a_subject_carries_through_fragments_naming_show_things() -> None:
    assert spoils("Gordo and Tracy. Jamestown. the reactor. holding each other at the very end.")


def test_a_subject_does_not_carry_through_sentences_about_other_things() -> None:
    assert not spoils(
        "Gordo and Tracy went dancing. I baked bread. my cat slept. it rained. "
        "holding each other while the storm passed."
    )


# --- a name corrected with a star reaches back to the name it corrects -------------------


def test_a_starred_name_corrects_a_name_far_back() -> None:
    assert spoils(
        "Marge walks out of the rubble, lets everyone think she died and flies off to "
        "Moscow at the end of s3 lol *Margo"
    )


def test_a_starred_name_with_nothing_to_correct_stays_innocent() -> None:
    assert not spoils(
        "Marge Slayton is lovely in s1 and her husband Deke is a favourite of mine, great "
        "cast. *Margo is great too"
    )
