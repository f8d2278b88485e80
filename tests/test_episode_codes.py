from __future__ import annotations

import pytest

from bot.canon.episodes import EpisodeRef, SeasonRef, series_code, series_number


@pytest.mark.parametrize(
    "text",
    ["S3E10", "s3e10", "S03E10", "3x10", "3.10", "season 3 episode 10", " S3 E10 ", "s3 ep10"],
)
def test_codes_fans_type_parse(text: str) -> None:
    assert EpisodeRef.parse(text) == EpisodeRef(3, 10)


@pytest.mark.parametrize("text", ["", "Polaris", "S3", "E10", "3", "S3E", "season three"])
def test_non_codes_do_not_parse(text: str) -> None:
    assert EpisodeRef.parse(text) is None


def test_key_round_trips() -> None:
    ref = EpisodeRef(4, 10)
    assert ref.key == 410
    assert EpisodeRef.from_key(410) == ref
    assert ref.code == "S4E10"


@pytest.mark.parametrize("text", ["SC S1E8", "sc s1e8", "SC1E8", "sc: 1x8", " SC S01E08 "])
def test_another_series_codes_carry_its_prefix(text: str) -> None:
    assert EpisodeRef.parse(text) == EpisodeRef(1, 8, "SC")


def test_a_bare_code_means_the_series_asked_for() -> None:
    assert EpisodeRef.parse("S1E8", series="SC") == EpisodeRef(1, 8, "SC")
    assert EpisodeRef.parse("SC S1E8", series="") == EpisodeRef(1, 8, "SC")


def test_keys_say_which_series_without_a_lookup() -> None:
    star_city = EpisodeRef(1, 8, "SC")
    assert star_city.code == "SC S1E8"
    assert star_city.key == 4970108
    assert EpisodeRef.from_key(star_city.key) == star_city
    assert EpisodeRef(1, 8).key == 108  # the first series' keys are what they always were
    assert star_city.season_ref == SeasonRef("SC", 1)
    assert SeasonRef.from_key(SeasonRef("SC", 1).key) == SeasonRef("SC", 1)


def test_series_codes_and_numbers_are_one_to_one() -> None:
    letters = [chr(c) for c in range(ord("A"), ord("Z") + 1)]
    codes = ["", *letters, *(a + b for a in letters for b in letters)]
    numbers = [series_number(code) for code in codes]
    assert numbers == list(range(len(codes)))
    assert all(series_code(n) == code for n, code in zip(numbers, codes, strict=True))
    with pytest.raises(ValueError, match="not a series code"):
        series_number("sc")


def test_episodes_of_a_series_sort_together() -> None:
    refs = [EpisodeRef(2, 1), EpisodeRef(1, 8, "SC"), EpisodeRef(1, 10), EpisodeRef(1, 1, "SC")]
    assert sorted(refs) == [
        EpisodeRef(1, 10),
        EpisodeRef(2, 1),
        EpisodeRef(1, 1, "SC"),
        EpisodeRef(1, 8, "SC"),
    ]
