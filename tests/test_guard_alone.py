"""Ellen staying on the Moon alone (the season 1 finale) is said with "alone" beside where
she stays ("up there alone", "alone on Jamestown", "on the moon alone"); "alone" by
itself is everyday ("drinks her coffee alone", "leave Ellen alone"), so on its own it
says nothing about her (data/canon/for-all-mankind/guard.toml, ellen-stays-at-jamestown).
"""

from __future__ import annotations

import pytest

from tests.finale_matcher import spoils

STAYS_ALONE = [
    "Ellen stays up there alone so Ed can go home",
    "they leave Ellen alone on Jamestown in the s1 finale",
    "Ellen holds Jamestown alone while Ed flies home",
    "Ellen ends up on the moon alone at the end of s1",
    "Ellen is left alone up there",
    "wild that Ellen stays there alone for months",
    "Ellen Wilson alone at Jamestown, Ed on his way home. what an ending",
]

EVERYDAY_ALONE = [
    "Ellen doesn't survive on coffee alone",
    "Ellen drinks her coffee alone",
    "Ellen alone in the office, great scene",
    "Ellen goes to the gala alone in s4",
    "Ellen, alone with her thoughts after the press conference",
    "leave Ellen alone, she is doing her best",
    "Ellen walking alone through the JSC hallway in s3 is such a mood",
]


@pytest.mark.parametrize("text", STAYS_ALONE)
def test_alone_where_she_stays_is_her_finale(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize("text", EVERYDAY_ALONE)
def test_alone_by_itself_says_nothing(text: str) -> None:
    assert not spoils(text)
