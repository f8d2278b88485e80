"""Round 15 review: regressions round 15 brought in, found by fresh probes (the guard at
2aaa7c0 against round 15's), fixed as classes, with variants and innocent look-alikes.

- A role that names Pam by her work (the canon's known_as "poet", "tends bar") said of a kind
  of person, not of her: after "a"/"an" or "I'm a" (`job_as` in en.toml: "went to see a poet
  read", "I'm a poet", "we're poets"; up to two describing words between: "an old
  bartender"), or done by the writer or the writer's own, named just before it
  (bot/guard/relations.py `_done_by_mine`: "I tend bar on weekends", "my roommate tends bar").
- Idioms (en.toml `idioms`): taking back a thing ("never walks back a decision"), the
  visitor of a place or a pass ("the visitor center at JSC"), sweets and boots named for the
  Moon ("picked the moon cake").
- The car bomb in emoji before a city or an agency ("🚗💥 Houston traffic today") is a crash:
  the JSC bombing rule keeps only "🚗💥 JSC".

Left as accepted prices (strict xfail, each with its reason).
"""

from __future__ import annotations

import pytest

from tests.finale_matcher import spoils

SPOILERS = [
    "Ellen goes to see the poet in the s3 finale",
    "Pam has a visitor in the s3 finale: Ellen",
    "Pam's visitor in the season 3 finale is Ellen",
    "Ellen goes to see the woman who tends bar at the Outpost, s3 finale",
    "Gordo and Tracy go out to fix the reactor in the s2 finale. They don't walk back.",
    "In the season 2 finale Gordo and Tracy never walk back into the base",
    "🚗💥 JSC in the s3 finale, Karen 😭",
    "Ellen chooses the moon and Ed gets to go back in the s1 finale",
    "The Mars crew's choice in the s3 finale. They stay behind and wait for a rescue.",
    "Ellen va a ver a la poeta en el final de la temporada 3",
]

INNOCENT = [
    # a role said of a kind of person, or of the writer's own
    "I tend bar on weekends so I went to see the finale on Monday",
    "My roommate tends bar and he went to see Dune with me",
    "my wife tends bar at a dive and she has a visitor every night",
    "Went to see a poet read at the library tonight, lovely",
    "went to see an old bartender friend downtown last night",
    "I'm a poet and I went to see the s3 finale at a watch party",
    "we're poets, we went to see the finale together",
    # idioms
    "Margo never walks back a decision",
    "Ed walked back a promise he made to Karen in s1",
    "Molly won't walk back any of it, she meant every word",
    "The visitor center at JSC is worth the trip, Pam would love it",
    "got a visitor pass for the space center, Pam would be proud",
    "Ellen picked the moon cake at the party in season 2",
    "Ellen chose the moon pie over the brownie in s1e4",
    # a car crash in emoji
    "🚗💥 Houston traffic today, 3 accidents",
    "🚗💥 nasa parkway again this morning, avoid it",
]


@pytest.mark.parametrize("text", SPOILERS)
def test_round15_review_spoilers_are_tagged(text: str) -> None:
    assert spoils(text), text


@pytest.mark.parametrize("text", INNOCENT)
def test_round15_review_look_alikes_stay_untagged(text: str) -> None:
    assert not spoils(text), text


ACCEPTED = [
    (
        "Molly didn't walk back to the hab, she ran",
        "round 15c reads a denied 'walk back' as not coming back ('They don't walk back.'); "
        "walking back to a place of the show is how the reactor's end is told too",
    ),
    (
        "my cat gave them the hideout under the couch, Miles is the cat",
        "a namesake said after the outcome ('Miles is the cat') is not read; round 15 added "
        "'gave them the hideout'",
    ),
    (
        "I chose the moon as my phone wallpaper, Ellen vibes",
        "the writer as the subject ('I chose') is not told from Ellen's choice; round 15 "
        "added 'chose the moon'",
    ),
    (
        "our office had a visitor from NASA today, felt like Pam's bar",
        "Pam as the owner of the bar is read as the visit's subject; round 15 added 'visitor'",
    ),
]


@pytest.mark.parametrize(
    "text",
    [pytest.param(t, marks=pytest.mark.xfail(strict=True, reason=why)) for t, why in ACCEPTED],
)
def test_round15_review_accepted_prices(text: str) -> None:
    assert not spoils(text), text
