"""Round 7b, who is meant: classes found by the role grid (tests/test_guard_role_grid.py)
and by tuning9, each fixed as a class. The cases are written for this test, in other
words and about other characters than the corpora, innocent look-alikes included.
"""

from __future__ import annotations

import pytest

from tests.finale_matcher import spoils

# --- an episode the message ends on places the whole message -------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Tracy's new husband buys out the bar and everyone cheers. the party scene (s2e6)",
        "the Helios founder gets grilled by the board and storms out. rough week for him. 3x04",
        "Karen's husband is stuck alone up there and nobody tells him about his son. s1e8",
        "the soviet spokesman gets arrested by his own side. what a cliffhanger (s3e6)",
    ],
)
def test_a_trailing_mid_season_episode_places_the_message(text: str) -> None:
    assert not spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        # the tag names the finale, or the message names another episode first
        "Karen's husband's ex-wife dies in the JSC bombing. brutal (s3e10)",
        "Kelly's mom is killed by the car bomb at JSC. 3x10",
        "Karen dies in the bombing at JSC in the finale, I rewatched it after s3e4",
        # an outcome with its own finale in its clause keeps it
        "Molly dies in the s3 finale bombing. what a season. s3e5 was better though",
    ],
)
def test_a_finale_or_an_earlier_episode_keeps_the_outcome(text: str) -> None:
    assert spoils(text)


# --- a possessive written without its apostrophe --------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Jimmys mom dies on the moon with Gordo in the season 2 finale",
        "Kellys mother is killed in the JSC car bomb",
        "Aleidas mentor fakes her own death and defects in the s3 finale",
        "Tracys ex husband dies fixing the reactor in the s2 finale",
    ],
)
def test_a_possessive_without_its_apostrophe_names_the_relative(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize(
    "text",
    [
        "Jimmys mom is the best parent on the show",
        "Kellys mother runs the Outpost in season 2",
        "Molly's husband Wayne is so sweet in s1e3",
        "the Stevens kids grow up so fast",
    ],
)
def test_a_relative_named_without_an_apostrophe_and_nothing_said_stays_innocent(
    text: str,
) -> None:
    assert not spoils(text)
