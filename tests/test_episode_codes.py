from __future__ import annotations

import pytest

from bot.canon.episodes import EpisodeRef


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
