"""What a question asks and what it tells, in every language the guard reads. Each case is
written for this test (not copied from a corpus); tests/corpus/tuning4.toml measures how
often the guard is right.
"""

from __future__ import annotations

import pytest

from tests.finale_matcher import spoils

# --- questions: asking, or telling with a question mark ---------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "¿Muere Karen en el final de la T3?",  # a yes/no question asked by its tone
        "A Karen morre no final da T3?",
        "Karen meurt à la fin de la saison 3 ?",
        "Stirbt Gordo im Finale?",  # German: the verb first
        "Karen muore alla fine della terza stagione?",
        "Гордо погибает в финале?",
        "ゴルドは最終話で死ぬの？",
        "Karen muore? niente spoiler",  # short sentences run together after the "?"
        "Deke dies?? no spoilers i'm only on ep 6",  # the writer asks not to be told
        "anyone know if Danielle makes it in s4?",  # "know" of "anyone know if"
    ],
)
def test_questions_that_ask(text: str) -> None:
    assert not spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "¿Por qué muere Karen?",  # a wh-word takes the outcome as given
        "Warum stirbt Gordo im Finale?",
        "Почему Гордо погибает в финале?",
        "なんでゴルドは最終話で死ぬの？",
        "Pourquoi Karen meurt à la fin de la saison 3 ?",
        "Karen muore alla fine della terza stagione, vero?",  # a tag
        "так первым человеком на Марсе был северокореец?! а все думали Даниэль",  # "?!"
        "didn't Gordo die on the moon?",  # a negative question asks to confirm
        "isn't Margo in Moscow at the end of s3?",
        "Karen dies? noooo",  # an English echo tells
    ],
)
def test_questions_that_tell(text: str) -> None:
    assert spoils(text)


def test_a_foreign_word_opening_a_sentence_is_not_someone_elses_name() -> None:
    assert spoils("Почему Марго арестовали в финале четвёртого сезона")
    assert spoils("Вот Марго арестовали в финале четвёртого сезона")
    # an English sentence's first word that is nobody of ours still is somebody else
    assert not spoils("Becca dying at the end of The Boys s2 wrecked me")


def test_really_takes_a_question_as_given_even_with_two_answers() -> None:
    assert spoils("is Margo really in Moscow at the end of s3 or is that a fake out?")
    assert spoils("did they really kill off Karen in the s3 finale")
