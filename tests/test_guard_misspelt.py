"""How the guard reads misspelt names, swapped letters, look-alike fate words and the
writer's own corrections. Each case is written for this test (not copied from a corpus);
tests/corpus/tuning5.toml measures how often the guard is right.
"""

from __future__ import annotations

import pytest

from bot.guard.matcher import sound_key
from bot.guard.normalise import tokens
from tests.finale_matcher import matcher, spoils


@pytest.mark.parametrize(
    ("spelling", "name"),
    [
        ("kelley", "kelly"),
        ("mollie", "molly"),
        ("danni", "dani"),
        ("karren", "karen"),
        ("gordoh", "gordo"),
        ("tracey", "tracy"),
    ],
)
def test_spellings_that_sound_alike_share_a_sound(spelling: str, name: str) -> None:
    assert sound_key(spelling) == sound_key(name)


@pytest.mark.parametrize(("word", "other"), [("mole", "molly"), ("dance", "danny")])
def test_different_sounds_stay_apart(word: str, other: str) -> None:
    assert sound_key(word) != sound_key(other)


@pytest.mark.parametrize(
    "text",
    [
        "Kelley gives birth up on the phoenix in the s3 finale",  # sound-alike, everyday
        "Mollie and Karren are killed by the JSC car bomb",  # doubled and dropped letters
        "Kraen dies in the bombing in the s3 finale",  # two letters swapped
        "Deek dies on the moon in the s1 finale",  # a four-letter name, swapped
        "Danni gets shot in the riot at the end of s4 but survives",
    ],
)
def test_misspelt_names_beside_a_plain_outcome_are_spoilers(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "Kelley Blue Book says my car is worth less than a Sea Dragon bolt",
        "Deek is what my little brother calls Deke and it's adorable",
        "Danni and I did a tie-dye night with FAM patches lol",
        "Mollie's bakery sells FAM cupcakes, I died and went to heaven",
    ],
)
def test_misspelt_names_without_an_outcome_are_not(text: str) -> None:
    assert not spoils(text)


def test_an_everyday_word_of_four_letters_is_not_read_by_its_sound() -> None:
    assert sound_key("pole") == sound_key("poole")
    assert not spoils("the pole gets shot in the riot but survives, s4 finale")
    assert spoils("Poole gets shot in the riot at the end of s4 but survives")


def reads_as(word: str) -> set[str]:
    _, typos = matcher().vocabulary.readings(tokens(word)[0])
    return {o.lstrip("=").split(":")[-1] for o in typos}


def test_a_name_spelt_as_another_languages_everyday_word_is_a_typo_of_the_name() -> None:
    assert "margo" in reads_as("margot")  # an everyday word in French and German
    assert "margo" not in reads_as("marge")  # an everyday English word
    assert not reads_as("more")  # not "morre": only names are read so


@pytest.mark.parametrize(("typo", "word"), [("deid", "die"), ("diedd", "die"), ("deek", "deke")])
def test_a_swap_or_a_letter_too_many_is_one_typo(typo: str, word: str) -> None:
    assert word in reads_as(typo)


def words(text: str) -> list[str]:
    return [t.text for t in tokens(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Karen dyes... I mean dies", ["karen", "dies"]),
        ("Molly dyed (died*)", ["molly", "died"]),
        ("Deke dyes of his wounds *dies", ["deke", "dies", "of", "his", "wounds"]),
        ("dying eggs... dyeing* sorry", ["dyeing", "eggs", "sorry"]),
        ("Gordo dyed. ugh. DIED", ["gordo", "died", "ugh"]),  # a last word shouted
        ("Karen dies. RIP", ["karen", "dies", "rip"]),  # shouted, but close to nothing
        ("I mean it, Gordo rules", ["i", "mean", "it", "gordo", "rules"]),  # no correction
    ],
)
def test_a_correction_replaces_the_word_it_corrects(text: str, expected: list[str]) -> None:
    assert words(text) == expected


def test_a_corrected_fate_word_is_read_as_the_fate() -> None:
    assert spoils("Karen dyes... I mean dies, autocorrect. in the s3 finale bombing")
    assert not spoils("dying my hoodie... dyeing* sorry, for the Karen Baldwin watch party")


def test_a_name_with_an_s_and_no_apostrophe_is_the_name() -> None:
    assert spoils("Dekes death on the moon in the s1 finale wrecked me")
    assert not spoils("Dekes? never heard that word, is it hockey slang")


@pytest.mark.parametrize(
    "text",
    [
        "Mollie's bakery has FAM cupcakes near JSC, died and went to heaven",
        "a Karen at the DMV yelled you're dead to me at the clerk",
        "Karen dies laughing every time Ed loses at pool in s2",
    ],
)
def test_more_figures_of_speech_are_not_deaths(text: str) -> None:
    assert not spoils(text)
