"""Round 6b, what is said: classes of wording that tuning7 (written by outsiders who never
saw the guard) showed the guard lacked, each fixed as a class: a yes/no question asked
without its question mark, a question with a second alternative ("...or is that a fan
theory?"), what an outcome was worth (which takes it as given), a prediction under
"think", a fate verb whose object is the show itself ("murders every scene"), a kin's
loss said past "both", and two outcomes said in other words (staying behind on Mars,
taking Jamestown). Each case is written for this test (other names, words and shapes
than the corpus), innocent look-alikes included.
"""

from __future__ import annotations

import pytest

from tests.finale_matcher import spoils

# --- questions that ask, with or without their mark ------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "does Karen survive the s3 finale",
        "is gordo alive after the s2 finale",
        "does anyone die in the s2 finale",
        "will Molly make it through the s3 finale, I'm scared",
        "does Tracy survive the s2 finale or do i need tissues",
        "did Karen die in the s3 finale or is that a fan theory",
        "does Karen die in the s3 finale or is that a fan theory?",
        "did Karen die in the s3 finale, or am I misremembering",
        "does Gordo or Tracy die in the s2 finale?",
        "anyone know if Karen dies in the s3 finale or is that a fan theory?",
        "is Karen dead in the s3 finale",
        "am I the only one who thinks Karen will die in the s3 finale?",
        "anyone else think Gordo is going to die in the s2 finale?",
        "was it worth staying up for the s2 finale?",
    ],
)
def test_genuine_questions_ask(text: str) -> None:
    assert not spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        # a statement has no auxiliary before its subject, or drops its "I"
        "Karen dies in the s3 finale",
        "was crying when Karen died in the s3 finale",
        "does Karen die in the s3 finale. yes she does.",
        # what an outcome was worth takes it as given
        "was Gordo dying on the moon even worth it?",
        "was it worth it, Karen dying in the bombing?",
        "Tracy and Gordo dying on the moon, was it worth the ratings?",
        # rhetorical and feeling questions presuppose the outcome
        "why did the writers have to kill Tracy in the s2 finale?",
        "am I the only one who cried when Deke was buried on the moon?",
        "how did you feel when Molly died in the car bomb?",
        "does anyone else think Margo faking her death was dumb?",
        "did it have to be Molly who died in the bombing?",
        "does it get better after Gordo dies in the s2 finale?",
        "why couldn't anyone save Gordo in the s2 finale",
        "I think it's sad that Karen dies in the s3 finale",
    ],
)
def test_questions_and_statements_that_tell(text: str) -> None:
    assert spoils(text)


# --- a fate verb whose object is the show itself: praise --------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Karen kills every scene she is in",
        "Joel Kinnaman murders every episode",
        "Tracy slays every season",
        "Shantel VanSanten kills the whole season",
        "Gordo destroys the episode with that speech",
    ],
)
def test_killing_the_show_is_praise(text: str) -> None:
    assert not spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "the s3 finale kills Karen",
        "the s2 finale murders Gordo and Tracy",
        "Karen died in that scene in the s3 finale",
        "the bomb murders Karen in the s3 finale",
    ],
)
def test_killing_one_of_ours_is_a_fate(text: str) -> None:
    assert spoils(text)


# --- a kin's loss said past "both" -------------------------------------------------------


def test_losing_both_parents_is_their_death() -> None:
    assert spoils("Jimmy loses both his mom and dad on the moon, same episode")
    assert spoils("Jimmy loses both parents at Jamestown")


def test_losing_both_of_something_else_is_nothing() -> None:
    assert not spoils("Jimmy loses both his shoes at the school dance")
    assert not spoils("the kid loses both games in a row")


# --- outcomes said in other words ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "the crew that stayed behind on mars, did the rescue ever reach them?",
        "the crew remains on mars at the end of s3",
        "the soviets just take jamestown in the s2 finale",
        "the cosmonauts took the whole base in the grey",
    ],
)
def test_other_words_for_the_outcome(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "the crew stayed behind at the hotel during the mars convention",
        "I'd love to take a trip to jamestown virginia someday",
        "we should remain on topic in this channel",
    ],
)
def test_look_alike_wording_is_innocent(text: str) -> None:
    assert not spoils(text)
