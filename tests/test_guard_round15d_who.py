"""Round 15d, who is meant: a thing of someone's named before a colon, and what it was told
after it with a gerund phrase ("she got her wish: breathing her last in gordo's arms").

Before, the outcome after "her wish:" was read as the fate of the thing ("Their whole
friendship, gone", "his career, dead"), so nobody of ours had it (opened19). After a
colon, a gerund that goes on to more words in its clause says what the thing is; a bare
fate word ("Their whole friendship: gone.", "Her career: dying.") is still the thing's.
"""

from __future__ import annotations

import pytest

from tests.finale_matcher import spoils

TOLD_AFTER_A_COLON = [
    "tracy always wanted to be remembered and she got her wish: breathing her last in "
    "gordo's arms on the lunar surface.",
    "tracy got her reward: dying in gordo's arms on the moon in the s2 finale",
    "Deke got his wish: being buried on the moon",
    "deke finally gets his dream: being buried on the moon",
]

THE_THINGS_OWN = [
    "Margo and Molly in the s3 finale. Their whole friendship: gone.",
    "Margo in the s3 finale. Her career: dying.",
    "Margo and Molly in the s3 finale. Their whole friendship, gone.",
    # ours, but a mid-season scene; the writer's own people
    "tracy got her wish: dancing in gordo's arms at the bbq in s2e3",
    "Ed in s3e4. his favourite hobby: racing cars",
    "my mum got her wish: dying peacefully at home last year",
]


@pytest.mark.parametrize("text", TOLD_AFTER_A_COLON)
def test_what_a_thing_was_told_after_a_colon_is_its_owners(text: str) -> None:
    assert spoils(text)


@pytest.mark.parametrize("text", THE_THINGS_OWN)
def test_a_things_own_fate_after_a_colon_is_left(text: str) -> None:
    assert not spoils(text)
