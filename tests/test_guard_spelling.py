"""How the guard reads words hidden by their spelling: enclosed and styled letters, letters
spaced out or drawn out, CamelCase and hashtags, contractions without their apostrophe,
Russian leetspeak, spaced-out Japanese. Each case is written for this test (not copied
from a corpus); tests/corpus/tuning4.toml measures how often the guard is right.
"""

from __future__ import annotations

import pytest

from bot.guard.matcher import Vocabulary
from bot.guard.normalise import tokens
from tests.finale_matcher import spoils

# --- spellings that hide words ----------------------------------------------------------


def words(text: str) -> list[str]:
    return [t.text for t in tokens(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("🅶🅾🆁🅳🅾 🅳🅸🅴🆂", ["gordo", "dies"]),  # negative squared letters
        ("🅖🅞🅡🅓🅞", ["gordo"]),  # negative circled
        ("⒢⒪⒭⒟⒪ 🄺🄰🅁🄴🄽", ["gordo", "karen"]),  # parenthesized: not "(g)(o)..."
        ("GordoAndTracyDie", ["gordo", "and", "tracy", "die"]),  # CamelCase
        ("#RIPKaren", ["rip", "karen"]),  # a capital run, then a word
        ("𝐌𝐨𝐥𝐥𝐲𝐃𝐢𝐞𝐬 💀", ["molly", "dies", "💀"]),  # styled letters keep their case
        ("NASAs JSC iPhone Karen", ["nasas", "jsc", "iphone", "karen"]),  # not cut
        ("tracy doesnt make it", ["tracy", "doesn", "t", "make", "it"]),
        ("wont, cant, shes", ["won", "t", "can", "t", "she", "s"]),
        ("Ka\u200brenDies", ["karen", "dies"]),  # an invisible character inside
    ],
)
def test_spellings_that_hide_words(text: str, expected: list[str]) -> None:
    assert words(text) == expected


def test_a_cut_word_keeps_offsets_into_the_original() -> None:
    text = "omg 𝐊𝐚𝐫𝐞𝐧𝐃𝐢𝐞𝐬 lol"
    assert [text[t.start : t.end] for t in tokens(text)] == ["omg", "𝐊𝐚𝐫𝐞𝐧", "𝐃𝐢𝐞𝐬", "lol"]


def test_a_name_written_in_camel_case_is_known_both_ways() -> None:
    vocabulary = Vocabulary()
    vocabulary.add("Shantel VanSanten", ("name", "0"), exact=True)
    assert vocabulary.find(tokens("shantel vansanten"))
    assert vocabulary.find(tokens("Shantel VanSanten"))


@pytest.mark.parametrize(
    "text",
    [
        "#KarenDies worst finale ever",
        "GordoAndTracyDieOnTheMoon",
        "🅼🅾🅻🅻🆈 dies in the bombing",
        "tracy doesnt make it out of the s2 finale",
        "deke didnt survive the s1 finale",
        "Karen, dont la mort à la fin de la saison 3 m'a brisée",  # French "dont": no negation
    ],
)
def test_hidden_spellings_of_spoilers(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "#TeamMargo forever",
        "🅶🅾🆁🅳🅾 is my fave",
    ],
)
def test_hidden_spellings_without_a_spoiler(text: str) -> None:
    assert not spoils(text)


def test_a_spelled_out_contraction_is_cut_like_a_written_one() -> None:
    assert words("G o r d o  d o e s n t  s u r v i v e") == ["gordo", "doesn", "t", "survive"]
    assert spoils("G o r d o  d o e s n t  s u r v i v e  t h e  s 2  f i n a l e")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("diiiies", ["dies"]),
        ("Gordooo", ["gordo"]),
        ("noooo", ["noo"]),  # a cry, not the word "no"
        ("G•o•r•d•o", ["gordo"]),
        ("good deed", ["good", "deed"]),  # two letters are not drawn out
    ],
)
def test_letters_drawn_out(text: str, expected: list[str]) -> None:
    assert words(text) == expected


def test_a_word_drawn_out_is_also_read_with_its_double_letters() -> None:
    (token,) = tokens("killlled")
    assert "killed" in token.forms
    assert spoils("Molly gets killlled in the s3 finale")
    assert spoils("noooo karen diesss in the s3 finale")
    assert not spoils("soooo good, Gordo is the best")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Карен п0гибла", ["карен", "погибла"]),  # Russian leetspeak: Cyrillic letters
        ("Горд0 у6или", ["гордо", "убили"]),
        ("сезон3 и 4сезон", ["сезон3", "и", "4сезон"]),  # a season, not a letter
        ("カ レ ン は 死 ぬ", ["カレンは死ぬ"]),  # spaced-out Japanese
    ],
)
def test_hidden_spellings_in_other_scripts(text: str, expected: list[str]) -> None:
    assert words(text) == expected
    assert spoils(text) is (text != "сезон3 и 4сезон")


def test_letters_one_per_line_are_joined() -> None:
    assert words("K\na\nr\ne\nn\n\nd\ni\ne\ns") == ["karen", "dies"]
    assert spoils("K\na\nr\ne\nn\n\nd\ni\ne\ns\n\ns3 finale")
